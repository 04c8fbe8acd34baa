"""The time for a country of several zones and on the asker's own clock (notation, round
22): "US time", "по бразильскому времени", "котра година в Австралії" get the event's time in
the country's main zones (knowledge/places/data/country_zones.yaml), the capital's first;
"what time is that for me", "а по моему времени это во сколько" get the user's zone where
one is set, else the times there are and a note on how to set one."""

from __future__ import annotations

import pytest

from knowledge.answering.own_clock import own_clock_dropped
from knowledge.i18n import ANSWERS
from knowledge.places.resolver import PlaceResolver
from tests.asking import anew, reached


def zones_of(answer, role: str) -> list[str]:
    return [str(getattr(line.moment.tzinfo, "key", line.moment.tzinfo)) for line in answer.times
            if line.role == role]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "lang", "asked", "elsewhere"),
    [
        ("US time", "en", "America/New_York",
         ["America/Chicago", "America/Denver", "America/Los_Angeles"]),
        ("по бразильскому времени во сколько", "ru", "America/Sao_Paulo", ["America/Manaus"]),
        ("котра година в Австралії", "uk", "Australia/Sydney",
         ["Australia/Brisbane", "Australia/Adelaide", "Australia/Perth"]),
    ],
)  # fmt: skip
def test_a_country_of_several_zones_gets_its_main_ones(content, question, lang, asked, elsewhere):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert zones_of(answer, "asked") == [asked]
    assert zones_of(answer, "elsewhere") == elsewhere
    place = answer.place
    note = ANSWERS("place.country_zones", lang, country=place.country[lang], city=place.label(lang))
    assert note in answer.notes


def test_russia_shows_moscow_once(content):
    answer = anew(content, "Russia time").ask("Russia time", lang_hint="en")
    roles = ("asked", "reference", "elsewhere")
    shown = [zone for role in roles for zone in zones_of(answer, role)]
    assert shown.count("Europe/Moscow") == 1
    assert "Asia/Vladivostok" in zones_of(answer, "elsewhere")


def test_a_country_of_one_zone_gets_one_line(content):
    answer = anew(content, "France time").ask("France time", lang_hint="en")
    assert zones_of(answer, "asked") == ["Europe/Paris"]
    assert not zones_of(answer, "elsewhere")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what time is that for me", "en"),
        ("а по моему времени это во сколько", "ru"),
        ("во сколько это у меня", "ru"),
        ("о котрій це за моїм часом", "uk"),
    ],
)
def test_the_askers_own_clock_is_their_zone_or_a_note_on_setting_one(content, question, lang):
    engine = anew(content, question)
    unset = engine.ask(question, lang_hint=lang)
    assert reached(unset) == "talks-time"
    assert ANSWERS("time.own_unset", lang) in unset.notes
    tokyo = PlaceResolver.default().resolve("Tokyo")
    assert tokyo is not None
    mine = engine.ask(question, lang_hint=lang, user_place=tokyo)
    assert zones_of(mine, "user") == ["Asia/Tokyo"]
    assert ANSWERS("time.own_unset", lang) not in mine.notes


@pytest.mark.parametrize(
    "question",
    ["у меня вопрос: когда переговоры", "when is the call, can you check for me please",
     "по-моему, это во вторник?", "when is the call"],
)  # fmt: skip
def test_other_words_of_the_asker_name_no_clock(question):
    assert own_clock_dropped(question) is None
