"""The regions of the countries added in round 13 (India, China, Indonesia, Central Asia and
the Caucasus, Argentina, Chile, Portugal, Japan): each found in three languages, Indonesia's
three clocks, and the names they must not take or guess."""

from __future__ import annotations

import pytest

from knowledge.places.resolver import PlaceResolver
from tests.test_places_regions import region_name


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.default()


# Regions of more countries, in the three languages: (question, zone, the region's name).
MORE_REGIONS = [
    ("what time is it in Kerala?", "Asia/Kolkata", "Kerala"),
    ("во сколько в Махараштре?", "Asia/Kolkata", "Maharashtra"),
    ("о котрій у Тамілнаді?", "Asia/Kolkata", "Tamil Nadu"),
    ("во сколько в штате Керала?", "Asia/Kolkata", "Kerala"),
    ("when in Goa?", "Asia/Kolkata", "Goa"),
    ("what time in Punjab state?", "Asia/Kolkata", "Indian Punjab"),
    ("when in Sichuan?", "Asia/Shanghai", "Sichuan"),
    ("во сколько в Тибете?", "Asia/Shanghai", "Tibet"),
    ("коли в Гуандуні?", "Asia/Shanghai", "Guangdong"),
    ("what time in Kalimantan", "Asia/Makassar", "Kalimantan"),
    ("во сколько по ташкентской области?", "Asia/Tashkent", "Tashkent Region"),
    ("во сколько в Самаркандской области?", "Asia/Samarkand", "Samarkand Region"),
    ("коли у Ферганській області?", "Asia/Tashkent", "Fergana Region"),
    ("во сколько на Иссык-Куле?", "Asia/Bishkek", "Issyk-Kul Region"),
    ("в Согдийской области когда?", "Asia/Dushanbe", "Sughd Region"),
    ("во сколько в Марыйском велаяте?", "Asia/Ashgabat", "Mary Region"),
    ("когда в Нахичевани?", "Asia/Baku", "Nakhchivan"),
    ("во сколько в Ширакской области?", "Asia/Yerevan", "Shirak"),  # a guessed adjective
    ("о котрій у Котайкській області?", "Asia/Yerevan", "Kotayk"),
    ("во сколько в Аджарии?", "Asia/Tbilisi", "Adjara"),
    ("коли в Кахетії?", "Asia/Tbilisi", "Kakheti"),
    ("когда в Приднестровье?", "Europe/Chisinau", "Transnistria"),
    ("what time in Chubut", "America/Argentina/Catamarca", "Chubut"),
    ("коли у провінції Кордові?", "America/Argentina/Cordoba", "Córdoba Province"),
    ("what time in Magallanes?", "America/Punta_Arenas", "Magallanes"),
    ("what time in Easter Island?", "Pacific/Easter", "Easter Island"),
    ("во сколько на Азорских островах?", "Atlantic/Azores", "Azores"),
    ("what time in the Algarve", "Europe/Lisbon", "Algarve"),
    ("во сколько на Хоккайдо?", "Asia/Tokyo", "Hokkaido"),
    ("коли у префектурі Айті?", "Asia/Tokyo", "Aichi"),
]


@pytest.mark.parametrize(("question", "zone", "name"), MORE_REGIONS)
def test_regions_of_more_countries(resolver, question, zone, name):
    mention = resolver.find(question)
    assert mention is not None, question
    assert mention.place.kind == "region"
    assert mention.place.key == zone
    assert region_name(mention.place) == name


@pytest.mark.parametrize(
    ("question", "zone", "name"),
    [
        # WIB, UTC+7
        ("what time in Sumatra?", "Asia/Jakarta", "Sumatra"),
        ("во сколько на Яве?", "Asia/Jakarta", "Java"),
        ("коли в Західній Яві?", "Asia/Jakarta", "West Java"),
        # WITA, UTC+8
        ("Bali time?", "Asia/Makassar", "Bali"),
        ("коли на Балі?", "Asia/Makassar", "Bali"),
        ("по балийскому времени", "Asia/Makassar", "Bali"),
        ("when in South Sulawesi?", "Asia/Makassar", "South Sulawesi"),
        ("во сколько на Ломбоке?", "Asia/Makassar", "West Nusa Tenggara"),
        # WIT, UTC+9
        ("what time in Papua Province?", "Asia/Jayapura", "Papua Province"),
        ("когда в провинции Папуа?", "Asia/Jayapura", "Papua Province"),
        ("во сколько на Молуккских островах?", "Asia/Jayapura", "Moluccas"),
        ("коли в Північному Малуку?", "Asia/Jayapura", "North Maluku"),
    ],
)
def test_indonesias_three_clocks_follow_the_region(resolver, question, zone, name):
    mention = resolver.find(question)
    assert mention is not None, question
    assert (mention.place.key, region_name(mention.place)) == (zone, name)


def test_a_region_of_several_clocks_elsewhere_says_so(resolver):
    kalimantan = resolver.resolve("Калимантан")
    assert kalimantan.key == "Asia/Makassar" and kalimantan.label("en") == "Samarinda"
    assert [p["en"] for p in kalimantan.elsewhere] == ["Pontianak"]  # West Kalimantan, +7
    valparaiso = resolver.resolve("Valparaíso Region")
    assert valparaiso.key == "America/Santiago"
    assert [p["en"] for p in valparaiso.elsewhere] == ["Easter"]  # Easter Island is in it


@pytest.mark.parametrize(
    ("question", "kind", "zone"),
    [
        # Bāli, a town in West Bengal, gave way to the island (it had "Bali" and "Бали").
        ("what time in Bali?", "region", "Asia/Makassar"),
        ("во сколько на Бали?", "region", "Asia/Makassar"),
        # "Гуджарат" was Gujrat, Pakistan's town, half an hour behind India's state.
        ("во сколько в Гуджарате?", "region", "Asia/Kolkata"),
        # The country keeps its name; its regions are named themselves.
        ("when in Georgia?", "country", "Asia/Tbilisi"),
        # A city of the same clock keeps its name: Delhi, Jilin, Osh, Córdoba, Okinawa.
        ("when in Delhi?", "city", "Asia/Kolkata"),
        ("when in Jilin?", "city", "Asia/Shanghai"),
        ("what time in Córdoba?", "city", "America/Argentina/Cordoba"),
        ("what time in Okinawa?", "city", "Asia/Tokyo"),
        # Prominent cities of other clocks keep theirs: San Juan is Puerto Rico's.
        ("what time in San Juan?", "city", "America/Puerto_Rico"),
    ],
)
def test_new_regions_take_only_the_names_they_should(resolver, question, kind, zone):
    place = resolver.find(question).place
    assert (place.kind, place.key) == (kind, zone)


@pytest.mark.parametrize(
    "question",
    [
        # India's Punjab or Pakistan's (larger, half an hour behind): not guessed.
        "what time in Punjab?",
        "во сколько в Пенджабе?",
        "коли в Пенджабі?",
        # Kashmir alone is India's or Pakistan's.
        "what time in Kashmir?",
        # "java" the word, in lower case.
        "what time is it in java",
    ],
)
def test_ambiguous_or_ordinary_names_are_not_guessed(resolver, question):
    assert resolver.find(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "во сколько в Папуа — Новой Гвинее?",
        "во сколько в Папуа-Новой Гвинее?",
        "what time in Papua?",
    ],
)
def test_papua_new_guinea_is_never_read_as_indonesias_papua(resolver, question):
    mention = resolver.find(question)
    assert mention is None or mention.place.key == "Pacific/Port_Moresby"


def test_an_answer_for_an_indian_state_and_an_indonesian_island(engine):
    kerala = engine.ask("when is the call in Kerala?")
    assert kerala.fact.id == "talks-time"
    asked = [(t.place, t.moment.strftime("%H:%M")) for t in kerala.times if t.role == "asked"]
    assert asked == [("Kerala", "20:30")]  # 17:00 Kyiv is 20:30 IST
    bali = engine.ask("коли розмова на Балі?")
    asked = [(t.place, t.moment.strftime("%H:%M")) for t in bali.times if t.role == "asked"]
    assert asked == [("Балі", "23:00")]  # Central Indonesian Time, UTC+8
