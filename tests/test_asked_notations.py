"""Compact notations of a time or date (notation, round 22): an hour with its mark ("17h00",
"17ч", "о 17 год"), "5p", a month in Roman numerals after a day ("1.XII"), read as the
readers of hours and dates read "17:00" and "1 December", so a check is answered yes or no
by the event's own time; "G7", "2021", "v2", a lone "5" and hours counted ("через 5 ч") stay
what they are."""

from __future__ import annotations

import pytest

from knowledge.language.clock_words import HOUR, clock_read, spelt_hours
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.numeric_dates import spell_dates
from knowledge.language.text import normalize
from tests.asking import anew, reached

NO = ("No.", "Нет.", "Ні.")
YES = ("Yes.", "Да.", "Так.")


def hours_read(text: str) -> str:
    return " ".join(spelt_hours(normalize(text).split(), shipped_lexicon().calendar))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("17h00 kyiv", "17 00 kyiv"),
        ("17h kyiv", "17 00 kyiv"),
        ("17ч00 по киеву", "17 00 по киеву"),
        ("17 ч. по Киеву", "17 00 по киеву"),
        ("о 17 год за Києвом", "о 17 00 за києвом"),
        ("9h30 in london", "9 30 in london"),
        # hours counted, not named: below 13 with no minutes
        ("через 5 ч начнется", "через 5 ч начнется"),
        ("2 h later", "2 h later"),
        ("the G7 in 2021, v2", "the g 7 in 2021 v 2"),
    ],
)
def test_an_hour_with_its_mark_is_read_with_its_minutes(text, read):
    assert hours_read(text) == read


@pytest.mark.parametrize(
    ("text", "timed"),
    [("5p kyiv", True), ("5pm kyiv", True), ("call at 5", True), ("5 things", False),
     ("G7 summit", False), ("in 2021", False)],
)  # fmt: skip
def test_a_texted_afternoon_hour_is_a_time_and_a_lone_number_is_not(text, timed):
    assert (HOUR in clock_read(normalize(text).split(), shipped_lexicon().calendar)) is timed


@pytest.mark.parametrize(
    ("text", "lang", "read"),
    [
        ("what did putin propose on 1.XII", "en", "what did putin propose on 1 december"),
        ("инициатива путина 1.xii о чем", "ru", "инициатива путина 1 december о чем"),
        ("женева 16.VI що там було", "uk", "женева 16 june що там було"),
        ("7/XII?", "en", "7 december?"),
        # a numeral alone, or no month, is left as written
        ("world war II", "en", "world war II"),
        ("Louis XIV 1.XIV", "en", "Louis XIV 1.XIV"),
        ("G7 v2", "en", "G7 v2"),
        ("works on python 3.x", "en", "works on python 3.x"),
        ("5.V?", "en", "5 may?"),
    ],
)
def test_a_month_in_roman_numerals_after_a_day_is_spelt(text, lang, read):
    # spelt with the month's first name, as "1.12" is, whatever the question's language
    assert spell_dates(text, lang, shipped_lexicon().calendar) == read


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("17h00 kyiv, right?", "en", YES),
        ("is it 18h00 kyiv time?", "en", NO),
        ("5p kyiv time?", "en", YES),
        ("is it at 5p moscow time?", "en", NO),
        ("17 ч. по Киеву, я правильно понял?", "ru", YES),
        ("17ч по Москве?", "ru", NO),  # 18:00 in Moscow
        ("18ч00 по мск?", "ru", YES),
        ("о 17 год за Києвом?", "uk", YES),
        ("о 17ч за Москвою?", "uk", NO),
    ],
)
def test_a_compact_time_is_checked_against_the_events(content, question, lang, lead):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)
