"""Imports sqlite-utils without numpy.

sqlite-utils imports numpy, when it is installed, as soon as it is imported itself, only to
store numpy's scalar types; talkbot never stores one. numpy is installed here for
timezonefinder (a shared location), which imports it on first use. Loaded at start-up
through sqlite-utils, it took 15 MB of the bot's memory for nothing.

A `None` in `sys.modules` makes `import numpy` fail for that one import, which sqlite-utils
handles as "numpy is not installed"; numpy imports normally afterwards.
"""

from __future__ import annotations

import sys


def import_sqlite_utils_without_numpy() -> None:
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return  # too late, or numpy is loaded anyway: nothing to save
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        del sys.modules["numpy"]
