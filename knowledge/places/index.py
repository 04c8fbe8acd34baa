"""The place index of the resolver: knowledge/places/data/places.json and regions.json as
lookup tables.

The data files are built by scripts/build_places.py from CLDR and GeoNames and by
scripts/build_regions.py from regions.yaml; zone abbreviations, which no library lists
usefully, are a hand table here.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import marisa_trie

from knowledge.places import phrases as pt
from knowledge.places import zones
from knowledge.places.phrases import Reading

# Zone abbreviations to a representative zone: zoneinfo's own "EST" and "MST" are fixed
# offsets and its "CET" follows Brussels, so none of those is used. A summer name ("EDT")
# names the zone; the time shown is that zone's wall time on the date asked about.
# label -> (zone, readings not taken). Labels outside ANY_CASE count only in capitals.
ABBREVIATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "UTC": ("UTC", ()),
    "UT": ("UTC", ()),
    "GMT": ("GMT", ()),
    "EST": ("America/New_York", ()),
    "EDT": ("America/New_York", ()),
    "ET": ("America/New_York", ()),
    "CST": ("America/Chicago", ("China",)),
    "CDT": ("America/Chicago", ()),
    "CT": ("America/Chicago", ()),
    "MST": ("America/Denver", ()),
    "MDT": ("America/Denver", ()),
    "MT": ("America/Denver", ()),
    "PST": ("America/Los_Angeles", ()),
    "PDT": ("America/Los_Angeles", ()),
    "PT": ("America/Los_Angeles", ()),
    "AKST": ("America/Anchorage", ()),
    "AKDT": ("America/Anchorage", ()),
    "HST": ("Pacific/Honolulu", ()),
    "AST": ("America/Halifax", ("Arabia",)),
    "ADT": ("America/Halifax", ()),
    "NST": ("America/St_Johns", ()),
    "NDT": ("America/St_Johns", ()),
    "CET": ("Europe/Berlin", ()),
    "CEST": ("Europe/Berlin", ()),
    "MEZ": ("Europe/Berlin", ()),
    "MESZ": ("Europe/Berlin", ()),
    "EET": ("Europe/Kyiv", ()),
    "EEST": ("Europe/Kyiv", ()),
    "WET": ("Europe/Lisbon", ()),
    "WEST": ("Europe/Lisbon", ()),
    "BST": ("Europe/London", ("Bangladesh",)),
    "IST": ("Asia/Kolkata", ("Israel", "Ireland")),
    "IDT": ("Asia/Jerusalem", ()),
    "MSK": ("Europe/Moscow", ()),
    "МСК": ("Europe/Moscow", ()),
    "SAMT": ("Europe/Samara", ()),
    "YEKT": ("Asia/Yekaterinburg", ()),
    "OMST": ("Asia/Omsk", ()),
    "NOVT": ("Asia/Novosibirsk", ()),
    "KRAT": ("Asia/Krasnoyarsk", ()),
    "IRKT": ("Asia/Irkutsk", ()),
    "YAKT": ("Asia/Yakutsk", ()),
    "VLAT": ("Asia/Vladivostok", ()),
    "MAGT": ("Asia/Magadan", ()),
    "PETT": ("Asia/Kamchatka", ()),
    "TRT": ("Europe/Istanbul", ()),
    "GET": ("Asia/Tbilisi", ()),
    "AMT": ("Asia/Yerevan", ()),
    "AZT": ("Asia/Baku", ()),
    "ALMT": ("Asia/Almaty", ()),
    "UZT": ("Asia/Tashkent", ()),
    "GST": ("Asia/Dubai", ()),
    "IRST": ("Asia/Tehran", ()),
    "PKT": ("Asia/Karachi", ()),
    "NPT": ("Asia/Kathmandu", ()),
    "ICT": ("Asia/Bangkok", ()),
    "WIB": ("Asia/Jakarta", ()),
    "JST": ("Asia/Tokyo", ()),
    "KST": ("Asia/Seoul", ()),
    "HKT": ("Asia/Hong_Kong", ()),
    "SGT": ("Asia/Singapore", ()),
    "PHT": ("Asia/Manila", ()),
    "PHST": ("Asia/Manila", ()),
    "AEST": ("Australia/Sydney", ()),
    "AEDT": ("Australia/Sydney", ()),
    "ACST": ("Australia/Adelaide", ()),
    "ACDT": ("Australia/Adelaide", ()),
    "AWST": ("Australia/Perth", ()),
    "NZST": ("Pacific/Auckland", ()),
    "NZDT": ("Pacific/Auckland", ()),
    "SAST": ("Africa/Johannesburg", ()),
    "EAT": ("Africa/Nairobi", ()),
    "CAT": ("Africa/Maputo", ()),
    "WAT": ("Africa/Lagos", ()),
    "BRT": ("America/Sao_Paulo", ()),
    "ART": ("America/Argentina/Buenos_Aires", ()),
    "CLT": ("America/Santiago", ()),
}
# Abbreviations that are not also words, so any case will do ("utc", "мск", "est").
ANY_CASE = pt.wordset(
    "UTC GMT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST CET CEST EET EEST BST MSK МСК "
    "SAMT YEKT OMST NOVT KRAT IRKT YAKT VLAT MAGT PETT JST KST HKT SGT AEST AEDT ACST ACDT "
    "AWST NZST NZDT SAST MESZ IRST PKT"
)
# Spelt-out zone names -> the abbreviation shown for them.
SPELT_ZONES: dict[str, str] = {
    "eastern time": "ET",
    "eastern standard time": "EST",
    "eastern daylight time": "EDT",
    "central time": "CT",
    "central standard time": "CST",
    "central daylight time": "CDT",
    "mountain time": "MT",
    "mountain standard time": "MST",
    "pacific time": "PT",
    "pacific standard time": "PST",
    "pacific daylight time": "PDT",
    "central european time": "CET",
    "central european summer time": "CEST",
    "eastern european time": "EET",
    "eastern european summer time": "EEST",
    "western european time": "WET",
    "british summer time": "BST",
    "greenwich mean time": "GMT",
    "greenwich": "GMT",
    "гринвич": "GMT",
    "грінвіч": "GMT",
    "гринвичский": "GMT",
    "грінвіцький": "GMT",
    "coordinated universal time": "UTC",
    "universal time": "UTC",
    "india standard time": "IST",
    "indian standard time": "IST",
    "japan standard time": "JST",
    "мск": "МСК",
}

# Flags of a name in the data file, as scripts/build_places.py writes them.
WEAK = 1  # known only from GeoNames' untagged alternate names
COMMON = 2  # also an ordinary word ("Nice", "Reading")
UPPER = 4  # counts only in capitals ("LA", "US")
FLAG_BITS = 3
FLAG_MASK = (1 << FLAG_BITS) - 1


@dataclass(frozen=True)
class Row:
    key: str
    kind: str
    labels: tuple[str, str, str]  # en, ru, uk; "" where unknown
    population: int
    prominent: bool
    country: tuple[str, str, str] | None  # set for a country or region of several zones
    # A region of several zones: the other clocks kept in it, by their zones' city names.
    elsewhere: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Match:
    """A run of tokens whose forms make a known key."""

    i: int  # token span
    j: int
    what: str  # name | adjective | abbreviation
    ref: Any  # row number, or an abbreviation label
    flags: int
    head: Reading | None  # the reading of the last word that reached the key


@dataclass(frozen=True)
class Suggestions:
    keys: list[str]
    labels: list[str]
    weights: list[float]


def load_data() -> dict[str, Any]:
    folder = resources.files("knowledge.places").joinpath("data")
    data = json.loads(folder.joinpath("places.json").read_text("utf-8"))
    return merge_regions(data, json.loads(folder.joinpath("regions.json").read_text("utf-8")))


def merge_regions(data: dict[str, Any], regions: Mapping[str, Any]) -> dict[str, Any]:
    """Add states and regions to the place data, as rows of kind "region".

    A region's name never displaces a country ("Georgia" is the country; the state is
    "Джорджия" or "Georgia state"), a prominent city ("Washington" is the capital, "Victoria"
    that of the Seychelles) or a city keeping one of the region's own clocks ("Quebec",
    "Chihuahua", "Oaxaca": the city is the more exact place). It does displace a lesser city
    elsewhere ("Ontario" in California, "Virginia" in South Africa) and a name known only from
    GeoNames' alternate names ("Florida" for Floridablanca, Colombia).
    """
    places: list[list[Any]] = data["places"]
    names: dict[str, list[int]] = data["names"]
    adjectives: dict[str, int] = data["adjectives"]
    first = len(places)
    for region in regions["regions"]:
        row = [region["zone"], "region", region["city"] or region["names"], region["population"]]
        row.append(1)
        if region["elsewhere"]:
            row += [region["names"], [labels for _, *labels in region["elsewhere"]]]
        places.append(row)
    for key, (at, flags) in regions["names"].items():
        held = names.get(key)
        if held is not None and _holds(places[held[0]], held[1], regions["regions"][at]):
            continue
        names[key] = [first + at, flags]
    for key, at in regions["adjectives"].items():
        adjectives.setdefault(key, first + at)
    return data


def _holds(row: list[Any], flags: int, region: Mapping[str, Any]) -> bool:
    """Whether a place in places.json keeps a name a region also has."""
    zone, kind, *_, prominent = row[:5]
    if kind == "country":
        return True
    own = {region["zone"], *(zone for zone, *_ in region["elsewhere"])}
    return not flags & WEAK and (bool(prominent) or zone in own)


class Index:
    """Names, adjectives and abbreviations by key, with every word-prefix of a key so a
    scan can stop as soon as a run of words leads nowhere.

    The ~49,000 names and their word-prefixes are kept in two marisa tries rather than a
    dict and a set (each name's row and flags in an array, at its key id): ~1.5 MB instead of
    ~13.5 MB of Python objects, for ~0.5 µs a lookup instead of ~0.1 µs.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._rows: list[list[Any]] = data["places"]
        names: dict[str, list[int]] = data["names"]
        self.names = marisa_trie.Trie(names)
        self._name_rows = array("I", bytes(4 * len(self.names)))
        for key, (row, flags) in names.items():
            self._name_rows[self.names[key]] = row << FLAG_BITS | flags
        self.adjectives: dict[str, int] = data["adjectives"]
        self.zone_labels: dict[str, list[str]] = data["zones"]
        self.abbreviations = {pt.name_key(a): a for a in ABBREVIATIONS}
        self.abbreviations |= {pt.name_key(k): v for k, v in SPELT_ZONES.items()}
        prefixes: set[str] = set()
        self.max_words = 1
        for key in (*names, *self.adjectives, *self.abbreviations):
            words = key.split(" ")
            self.max_words = max(self.max_words, len(words))
            for n in range(1, len(words) + 1):
                prefixes.add(" ".join(words[:n]))
        self.prefixes = marisa_trie.Trie(prefixes)
        self.zone_names = {z.casefold(): z for z in zones.available_zones()}
        self._suggestions: dict[bool, Suggestions] = {}

    def lookup(self, key: str, i: int, j: int, head: Reading | None) -> list[Match]:
        out = []
        if key in self.abbreviations:
            out.append(Match(i, j, "abbreviation", self.abbreviations[key], 0, head))
        at = self.names.get(key)
        if at is not None:
            packed = self._name_rows[at]
            out.append(Match(i, j, "name", packed >> FLAG_BITS, packed & FLAG_MASK, head))
        if key in self.adjectives and (head is None or head.adjective):
            out.append(Match(i, j, "adjective", self.adjectives[key], 0, head))
        return out

    def row(self, number: int) -> Row:
        key, kind, labels, population, prominent, *rest = self._rows[number]
        country = tuple(rest[0]) if rest else None
        elsewhere = tuple(tuple(e) for e in rest[1]) if len(rest) > 1 else ()
        return Row(key, kind, tuple(labels), population, bool(prominent), country, elsewhere)  # type: ignore[arg-type]

    def zone(self, text: str) -> tuple[str, list[str] | None] | None:
        """An IANA name in any case, with its CLDR exemplar city names if it has them."""
        zone = self.zone_names.get(text.casefold())
        if zone is None or not zones.is_known_zone(zone):
            return None
        return zone, self.zone_labels.get(zone)

    def suggestions(self, cyrillic: bool) -> Suggestions:
        """Labels to offer for an unknown name: en ones, or ru and uk ones."""
        if cyrillic not in self._suggestions:
            keys, labels, weights = [], [], []
            seen = set()
            for key, kind, names, population, prominent, *rest in self._rows:
                if kind == "region" and rest:  # offer "Texas", not the city it reads as
                    names = rest[0]
                for label in names[1:] if cyrillic else names[:1]:
                    if label and (label, key) not in seen:
                        seen.add((label, key))
                        keys.append(pt.name_key(label))
                        labels.append(label)
                        # Among equally close names, offer the well-known first.
                        weights.append(3.0 * prominent + min(population, 10_000_000) / 5e6)
            self._suggestions[cyrillic] = Suggestions(keys, labels, weights)
        return self._suggestions[cyrillic]
