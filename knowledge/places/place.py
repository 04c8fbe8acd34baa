"""A place or zone to show a time in, as the resolver finds it, and its makers."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from knowledge.places import zones
from knowledge.places.index import ABBREVIATIONS


@dataclass(frozen=True)
class Place:
    """A place or zone to show a time in; equal places hash alike whatever their labels."""

    key: str  # IANA name, or a fixed offset written "UTC+05:30"
    names: Mapping[str, str] = field(hash=False)  # label per language: en, ru, uk
    kind: str  # city | country | region | abbreviation | offset | zone
    # Set when a country or region with several zones was resolved to one city: its labels.
    country: Mapping[str, str] | None = field(default=None, hash=False)
    other_readings: tuple[str, ...] = ()  # an ambiguous abbreviation's readings not taken
    # A region of several zones: labels of the cities whose clocks its other parts keep.
    elsewhere: tuple[Mapping[str, str], ...] = field(default=(), hash=False)
    # The words it was read from when they were a slip of its name ("londn"): the answer
    # says so, so that a wrong reading is seen.
    read_as: str = field(default="", compare=False)
    # The site it was named by ("JFK", "Хрещатик"; sites.py): the answer names the city used.
    site: str = field(default="", compare=False)

    @property
    def tzinfo(self) -> datetime.tzinfo:
        return tzinfo_of(self.key)

    def label(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.key


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    start: int  # span in the original text of the whole phrase: "по московскому времени"
    end: int
    text: str


@lru_cache(maxsize=1024)
def tzinfo_of(key: str) -> datetime.tzinfo:
    m = zones.OFFSET_KEY.match(key)
    if m:
        delta = datetime.timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        return datetime.timezone(-delta if m.group(1) == "-" else delta, key)
    return zones.get_zone(key)


def labels_of(en: str, ru: str = "", uk: str = "") -> Mapping[str, str]:
    return MappingProxyType({"en": en, "ru": ru or en, "uk": uk or ru or en})


def offset_place(sign: str, hours: int, minutes: int) -> Place | None:
    if hours > 14 or minutes >= 60 or (hours == 14 and minutes):
        return None
    if hours == 0 and minutes == 0:
        sign = "+"
    key = f"UTC{'-' if sign in '-−–' else '+'}{hours:02d}:{minutes:02d}"
    return Place(key, labels_of(key), "offset")


def offset_of(m: re.Match[str]) -> Place | None:
    if m.group("sign2"):
        return offset_place(m.group("sign2"), int(m.group("h2")), int(m.group("m2")))
    hours, minutes = int(m.group("h")), int(m.group("m") or 0)
    if m.group("base").upper() in ("MSK", "МСК"):
        # "МСК+2" counts from Moscow's UTC+3.
        total = 3 * 60 + (hours * 60 + minutes) * (-1 if m.group("sign") in "-−–" else 1)
        sign = "-" if total < 0 else "+"
        return offset_place(sign, abs(total) // 60, abs(total) % 60)
    return offset_place(m.group("sign"), hours, minutes)


@lru_cache(maxsize=128)
def abbreviation(label: str) -> Place:
    zone, others = ABBREVIATIONS[label]
    latin = "MSK" if label == "МСК" else label
    cyrillic = "МСК" if label in ("MSK", "МСК") else label
    return Place(zone, labels_of(latin, cyrillic, cyrillic), "abbreviation", None, others)
