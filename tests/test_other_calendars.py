"""A date asked in another calendar (round 20, dayline): the Julian (old style), the Hijri
(Umm al-Qura) and the Hebrew, computed for the day of the timed fact answered and said
first in the asker's language; the calendar's words are no part of what is matched."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.answering.other_calendars import calendar_asked, calendar_line
from tests.asking import anew, reached

KYIV = datetime(2021, 12, 7, 17, 0, tzinfo=ZoneInfo("Europe/Kyiv"))


@pytest.mark.parametrize(
    ("question", "lang", "kind", "rest"),
    [
        ("яка дата за юліанським календарем", "uk", "julian", "яка дата"),
        ("по старому стилю это какое число", "ru", "julian", "это какое число"),
        ("сьоме грудня за григоріанським, а за юліанським?", "uk", "julian", "сьоме грудня , а ?"),
        ("какая дата по хиджре", "ru", "hijri", "какая дата"),
        ("по исламскому календарю какое число", "ru", "hijri", "какое число"),
        ("what's the date in the hebrew calendar", "en", "hebrew", "what's the date"),
    ],
)
def test_the_calendar_asked_is_read_and_its_words_taken_out(question, lang, kind, rest):
    asked = calendar_asked(question, lang)
    assert asked is not None
    assert (asked.kind, asked.rest) == (kind, rest)


@pytest.mark.parametrize(
    "question",
    ["when is the call?", "julian or hebrew calendar?", "по новому стилю какое число"],
)
def test_no_one_calendar_asked_is_none(question):
    lang = "ru" if question.startswith("по") else "en"
    assert calendar_asked(question, lang) is None


@pytest.mark.parametrize(
    ("kind", "lang", "said"),
    [
        ("julian", "en", "24 November 2021"),
        ("julian", "ru", "24 ноября 2021"),
        ("hijri", "en", "3 Jumada al-Awwal 1443 AH"),
        ("hijri", "uk", "3 джумада-аль-уля 1443"),
        ("hebrew", "en", "3 Tevet 5782"),
        ("hebrew", "ru", "3 тевета 5782 года"),
    ],
)
def test_the_day_is_computed_in_that_calendar(kind, lang, said):
    assert said in calendar_line(kind, KYIV, lang)


def test_the_next_lunar_day_is_said_from_the_evening():
    assert "4 Tevet 5782" in calendar_line("hebrew", KYIV, "en")


@pytest.mark.parametrize(
    ("question", "lang", "opening"),
    [
        ("when are the talks by the julian calendar?", "en", "By the Julian calendar"),
        ("когда переговоры по хиджре?", "ru", "По исламскому календарю"),
        ("коли переговори за єврейським календарем?", "uk", "За єврейським календарем"),
    ],
)
def test_the_answer_says_the_day_in_that_calendar_first(content, question, lang, opening):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(opening)
