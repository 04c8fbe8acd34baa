"""Places with odd clocks and countries named by an adjective (wave 16): "по мексиканскому
времени", "за чилійським часом", "Chilean time" (knowledge/places/data/adjectives.yaml), and
the 2021 rules of places whose clocks changed later, with half- and quarter-hour offsets."""

from __future__ import annotations

from datetime import datetime

import pytest

from knowledge.places import zones
from knowledge.places.resolver import PlaceResolver

# 17:00 Kyiv on Tuesday 7 December 2021 (UTC+2): the call.
CALL = datetime.fromisoformat("2021-12-07T15:00:00+00:00")


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("по мексиканскому времени когда", "America/Mexico_City"),
        ("по чилийскому времени?", "America/Santiago"),
        ("за чилійським часом", "America/Santiago"),
        ("Chilean time", "America/Santiago"),
        ("по бразильскому времени во сколько", "America/Sao_Paulo"),
        ("за бразильським часом", "America/Sao_Paulo"),
        ("по новозеландскому времени", "Pacific/Auckland"),
        ("Nepali time for the call", "Asia/Kathmandu"),
        ("jordanian time?", "Asia/Amman"),
        ("по японскому времени", "Asia/Tokyo"),  # derived by rule, as before
        ("French time", "Europe/Paris"),  # moved from the build's Python to the data
    ],
)
def test_a_country_named_by_its_adjective_before_a_time_word(question, zone):
    mention = PlaceResolver.default().find(question)
    assert mention is not None and mention.place.key == zone


@pytest.mark.parametrize(
    "question",
    ["мексиканский сериал", "Chilean wine exports", "чилийская делегация на переговорах"],
)
def test_an_adjective_without_a_time_word_is_no_place(question):
    assert PlaceResolver.default().find(question) is None


@pytest.mark.parametrize(
    ("zone", "clock"),
    [
        ("Europe/Volgograd", "18:00"),  # UTC+3 in 2021 (UTC+4 only in late 2020)
        ("Asia/Amman", "17:00"),  # UTC+2 in winter 2021; UTC+3 all year since 2022
        ("Asia/Damascus", "17:00"),  # likewise
        ("Asia/Almaty", "21:00"),  # UTC+6 in 2021; UTC+5 since 2024
        ("America/Nuuk", "12:00"),  # UTC-3 in 2021; UTC-2 since 2023
        ("America/Chihuahua", "08:00"),  # UTC-7 in 2021; UTC-6 since 2022
        ("Asia/Kathmandu", "20:45"),
        ("Pacific/Chatham", "04:45"),  # UTC+13:45, summer there: the next day
        ("Asia/Kolkata", "20:30"),
        ("America/St_Johns", "11:30"),
        ("Australia/Adelaide", "01:30"),  # UTC+10:30, summer
        ("Asia/Tehran", "18:30"),
    ],
)
def test_the_call_by_2021_rules_in_odd_clocks(zone, clock):
    zones.use_bundled_zones()
    assert CALL.astimezone(zones.get_zone(zone)).strftime("%H:%M") == clock


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("по Непалу во сколько", "Asia/Kathmandu"),  # the hour asked after the place
        ("по Японии сколько будет времени", "Asia/Tokyo"),
        ("Новая Зеландия — сколько там", "Pacific/Auckland"),  # a country opening the message
        ("Япония, во сколько?", "Asia/Tokyo"),
        ("Japan, what time?", "Asia/Tokyo"),
        ("Волгоград — скільки?", "Europe/Volgograd"),  # "скільки" asks about time as "сколько"
        ("Варшава скільки?", "Europe/Warsaw"),
        ("на островах Чатем сколько будет времени", "Pacific/Chatham"),  # an island word
        ("на островах Чатем скільки буде", "Pacific/Chatham"),
        ("what time on the Chatham Islands", "Pacific/Chatham"),
    ],
)
def test_a_place_named_before_the_hour_asked_or_beside_an_island_word(question, zone):
    mention = PlaceResolver.default().find(question)
    assert mention is not None and mention.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        "Китай когда ответит",  # "когда" after a country asks no clock
        "по России сколько войск",  # "сколько" then a noun counts
        "Россия сколько войск",
    ],
)
def test_a_country_before_a_count_or_a_when_is_no_clock(question):
    assert PlaceResolver.default().find(question) is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("Новая Зеландия — сколько там", "Pacific/Auckland"),
        ("на островах Чатем скільки буде", "Pacific/Chatham"),
        ("а Чатем?", "Pacific/Chatham"),  # a bare place as the first turn, as "а в Чатеме?"
        ("and jordan?", "Asia/Amman"),
        ("Berlin?", "Europe/Berlin"),
    ],
)
def test_the_call_time_there(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone
