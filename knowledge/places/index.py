"""The place index of the resolver: knowledge/places/data/places.json and regions.json as
lookup tables.

The data files are built by scripts/build_places.py from CLDR and GeoNames and by
scripts/build_regions.py from regions.yaml; zone abbreviations, which no library lists
usefully, are a hand-kept data file, data/zone_abbreviations.yaml.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import marisa_trie
import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.places import phrases as pt
from knowledge.places import zones
from knowledge.places.tokens import Reading, name_key


class _Abbreviation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    zone: str
    not_: tuple[str, ...] = Field((), alias="not")
    any_case: bool = False

    @field_validator("zone")
    @classmethod
    def _known(cls, zone: str) -> str:
        if not zones.is_known_zone(zone):
            raise ValueError(f"unknown zone {zone}")
        return zone


class _AbbreviationFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    abbreviations: dict[str, _Abbreviation]
    spelt: dict[str, str]

    @model_validator(mode="after")
    def _spelt_names_are_listed(self) -> _AbbreviationFile:
        unknown = set(self.spelt.values()) - set(self.abbreviations)
        if unknown:
            raise ValueError(f"spelt names stand for unlisted abbreviations: {sorted(unknown)}")
        return self


def _load_abbreviations() -> _AbbreviationFile:
    path = resources.files("knowledge.places").joinpath("data", "zone_abbreviations.yaml")
    return _AbbreviationFile.model_validate(yaml.safe_load(path.read_text("utf-8")))


_ABBREVIATION_FILE = _load_abbreviations()
# label -> (zone, readings not taken), from data/zone_abbreviations.yaml.
ABBREVIATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    label: (entry.zone, entry.not_) for label, entry in _ABBREVIATION_FILE.abbreviations.items()
}
# Abbreviations that are not also words, so any case will do ("utc", "мск", "est").
ANY_CASE = pt.wordset(
    " ".join(label for label, e in _ABBREVIATION_FILE.abbreviations.items() if e.any_case)
)
# Spelt-out zone names -> the abbreviation shown for them.
SPELT_ZONES: dict[str, str] = dict(_ABBREVIATION_FILE.spelt)

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


def load_data(folder: Traversable | None = None) -> dict[str, Any]:
    """places.json with regions.json merged in, from `folder` (default: the package's)."""
    folder = folder or resources.files("knowledge.places").joinpath("data")
    data = json.loads(folder.joinpath("places.json").read_text("utf-8"))
    return merge_regions(data, json.loads(folder.joinpath("regions.json").read_text("utf-8")))


def merge_regions(data: dict[str, Any], regions: Mapping[str, Any]) -> dict[str, Any]:
    """Add states and regions to the place data, as rows of kind "region".

    A region's name never displaces a country of another clock ("Georgia" is the country;
    the state is "Джорджия" or "Georgia state"; "Scotland", kept by the UK's row, is the
    region of the same clock), a prominent city ("Washington" is the capital, "Victoria"
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
        if region["city"]:  # shown as its city: the region's own name goes with it
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
    own = {region["zone"], *(zone for zone, *_ in region["elsewhere"])}
    if kind == "country":  # but "Scotland", the UK's clock, may be named as asked
        return own != {zone}
    return not flags & WEAK and (bool(prominent) or zone in own)


class Prefixes:
    """Every word-prefix of a key, so a scan can stop as soon as a run of words leads nowhere:
    the data's names and adjectives in a trie, the abbreviations' (keyed at start from
    zone_abbreviations.yaml) in a small set."""

    __slots__ = ("extra", "trie")

    def __init__(self, trie: marisa_trie.Trie, extra: frozenset[str]) -> None:
        self.trie = trie
        self.extra = extra

    def __contains__(self, key: str) -> bool:
        return key in self.extra or key in self.trie


@dataclass(frozen=True)
class Tables:
    """The index's large tables, built from the data (`tables`) or read from the compiled
    files (knowledge.places.compiled)."""

    names: marisa_trie.Trie  # every name's key
    name_rows: array[int]  # at a name's key id: its row << FLAG_BITS | its flags
    prefixes: marisa_trie.Trie  # word-prefixes of the names and adjectives
    max_words: int  # the most words in a name or adjective


def word_prefixes(keys: Iterable[str]) -> tuple[set[str], int]:
    """The word-prefixes of `keys` ("new", "new york", "new york city"), and the most words."""
    prefixes: set[str] = set()
    most = 1
    for key in keys:
        words = key.split(" ")
        most = max(most, len(words))
        for n in range(1, len(words) + 1):
            prefixes.add(" ".join(words[:n]))
    return prefixes, most


def tables(data: Mapping[str, Any]) -> Tables:
    names: dict[str, list[int]] = data["names"]
    trie = marisa_trie.Trie(names)
    name_rows = array("I", bytes(4 * len(trie)))
    for key, (row, flags) in names.items():
        name_rows[trie[key]] = row << FLAG_BITS | flags
    prefixes, most = word_prefixes((*names, *data["adjectives"]))
    return Tables(trie, name_rows, marisa_trie.Trie(prefixes), most)


class Index:
    """Names, adjectives and abbreviations by key, with every word-prefix of a key.

    The ~49,000 names and their word-prefixes are kept in two marisa tries rather than a
    dict and a set (each name's row and flags in an array, at its key id): ~1.5 MB instead of
    ~13.5 MB of Python objects, for ~0.5 µs a lookup instead of ~0.1 µs. The running bot
    reads them, memory-mapped, from the compiled files (knowledge.places.compiled), so the
    data file's objects are never built at start.
    """

    def __init__(
        self,
        parts: Tables,
        rows: Sequence[list[Any]],
        adjectives: dict[str, int],
        zone_labels: dict[str, list[str]],
    ) -> None:
        self._rows = rows
        self.names = parts.names
        self._name_rows = parts.name_rows
        self.adjectives = adjectives
        self.zone_labels = zone_labels
        self.abbreviations = {name_key(a): a for a in ABBREVIATIONS}
        self.abbreviations |= {name_key(k): v for k, v in SPELT_ZONES.items()}
        extra, most = word_prefixes(self.abbreviations)
        self.prefixes = Prefixes(parts.prefixes, frozenset(extra))
        self.max_words = max(parts.max_words, most)
        self.zone_names = {z.casefold(): z for z in zones.available_zones()}
        self._suggestions: dict[bool, Suggestions] = {}

    @classmethod
    def build(cls, data: Mapping[str, Any]) -> Index:
        """The index of `data` (load_data's shape), built in memory."""
        return cls(tables(data), data["places"], data["adjectives"], data["zones"])

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

    @property
    def row_count(self) -> int:
        return len(self._rows)

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
            # Towns (rows named only by GeoNames, flag 1) are found, not offered: a slip of
            # "Berlin" is Berlin, not a town a letter away.
            named = {value >> FLAG_BITS for value in self._name_rows if not value & WEAK}
            for at, (key, kind, names, population, prominent, *rest) in enumerate(self._rows):
                if kind == "city" and at not in named:
                    continue
                if kind == "region" and rest:  # offer "Texas", not the city it reads as
                    names = rest[0]
                for label in names[1:] if cyrillic else names[:1]:
                    if label and (label, key) not in seen:
                        seen.add((label, key))
                        keys.append(name_key(label))
                        labels.append(label)
                        # Among equally close names, offer the well-known first.
                        weights.append(3.0 * prominent + min(population, 10_000_000) / 5e6)
            self._suggestions[cyrillic] = Suggestions(keys, labels, weights)
        return self._suggestions[cyrillic]
