"""IANA zones, from the bundled `tzdata` package rather than the host's zone database.

zoneinfo looks at the system database first, and hosts differ in how current it is (a
container may have none). The applications (the command line, the bot, the scripts, the
tests) call `use_bundled_zones()` as they start, so their answers are the same on every
machine; importing this module changes nothing, since zoneinfo's search path belongs to
the whole process.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache
from typing import Any


def use_bundled_zones() -> None:
    """Read zones from the `tzdata` package only (pinned in pyproject.toml), for the process."""
    zoneinfo.reset_tzpath(to=[])


@lru_cache(maxsize=1)
def available_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_known_zone(name: Any) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def get_zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone for an IANA name (aliases such as Europe/Kiev included); KeyError if unknown."""
    if not is_known_zone(name):
        raise KeyError(name)
    return zoneinfo.ZoneInfo(name)


# A fixed offset as place keys write it, "UTC+05:30": the resolver makes such zones, and
# curation turns whole hours into Etc/GMT names.  Groups: sign, hours, minutes.
OFFSET_KEY = re.compile(r"^UTC([+-])(\d\d):(\d\d)$")
