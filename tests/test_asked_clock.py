"""Dates, hours and places read right (issue 10, round 11): a date in figures is a day and
a month, not a clock time; "what happened on DAY?" asks what, it checks nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.numeric_dates import spell_dates
from tests.asking import anew
from tests.test_asked_days import reached


@pytest.mark.parametrize(
    ("text", "lang", "read"),
    [
        ("1.12 что было?", "ru", "1 december что было?"),
        ("01.12 що було", "uk", "1 december що було"),
        ("7.12.2021?", "ru", "7 december 2021?"),
        ("7.12.21?", "uk", "7 december 2021?"),
        # A slash: month first in English, day first in Russian and Ukrainian.
        ("what was on 12/1", "en", "what was on 1 december"),
        ("что было 12/1", "ru", "что было 12 january"),
        ("що було 1/12", "uk", "що було 1 december"),
        # The order that cannot be a date gives way to the one that can.
        ("on 25/12", "en", "on 25 december"),
        # Clock times stay: a colon, minutes no month can be, "at", "pm", a decimal.
        ("17:00", "ru", "17:00"),
        ("в 17.00 по Киеву", "ru", "в 17.00 по Киеву"),
        ("5.30", "uk", "5.30"),
        ("в 1.12", "ru", "в 1.12"),
        ("at 1.12", "en", "at 1.12"),
        ("1.12 pm", "en", "1.12 pm"),
        ("1.5 hours", "en", "1.5 hours"),
        ("UTC+5.30", "en", "UTC+5.30"),
    ],
)
def test_a_date_in_figures_is_read_as_a_day_and_month(text, lang, read):
    assert spell_dates(text, lang, shipped_lexicon().calendar) == read


def test_which_languages_write_a_slashed_date_month_first_is_the_words_files():
    calendar = shipped_lexicon().calendar
    assert calendar.month_first == {"en"}
    russian_month_first = replace(calendar, month_first=frozenset({"ru"}))
    assert spell_dates("что было 12/1", "ru", russian_month_first) == "что было 1 december"
    assert spell_dates("what was on 12/1", "en", russian_month_first) == "what was on 12 january"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("1.12 что было?", "ru"),
        ("01.12 что было", "ru"),
        ("що було 1.12?", "uk"),
        ("what happened on 12/1?", "en"),
        ("what happened on 1 December?", "en"),
        ("что было 1 декабря?", "ru"),
    ],
)
def test_another_facts_day_in_figures_reaches_that_fact(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "security-guarantees-initiative"
    assert not answer.lead.startswith(("No.", "Нет.", "Ні."))


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("the talks are on 8.12, right?", "en", "No."),
        ("переговоры 7.12?", "ru", "Да."),
        ("что, переговоры 8.12?", "ru", "Нет."),
        ("розмова 8/12?", "uk", "Ні."),
    ],
)
def test_a_date_in_figures_put_to_be_checked_gets_yes_or_no(content, question, lang, lead):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        # 17:00 in Kyiv is neither noon nor midnight there; it is midnight in Seoul.
        ("the talks start at noon, right?", "en", "No."),
        ("are the talks at midday?", "en", "No."),
        ("is it at 12 noon?", "en", "No."),
        ("переговоры в полдень?", "ru", "Нет."),
        ("переговоры в полночь?", "ru", "Нет."),
        ("розмова опівдні?", "uk", "Ні."),
        ("розмова опівночі за Сеулом?", "uk", "Так."),
        ("in Seoul, is it at midnight?", "en", "Yes."),
    ],
)
def test_noon_and_midnight_are_hours_checked(content, question, lang, lead):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("when do the talks kick off?", "en"),
        ("what's the kickoff time for the talks?", "en"),
        ("когда стартуют переговоры?", "ru"),
        ("когда начнётся разговор?", "ru"),
        ("коли стартує розмова?", "uk"),
        ("коли почнеться розмова?", "uk"),
    ],
)
def test_starting_words_ask_when_the_event_starts(content, question, lang):
    engine = anew(content, question)
    assert "@start" in engine.index.analyse(question, lang).tokens
    assert "off" not in engine.index.analyse(question, lang).tokens
    assert reached(engine.ask(question, lang_hint=lang)) == "talks-time"


@pytest.fixture(scope="module")
def formats(facts, sources, events) -> Engine:
    """The test content, its format fact settling yes/no questions on the format; the
    decision answers what ranks first, since shapes, not matching, are tested here."""
    by_id = {fact.id: fact for fact in facts}
    by_id["talks-format"] = replace(
        by_id["talks-format"],
        yes_no={
            "en": {
                "is it a video call": True,
                "is it a phone call": False,
                "will they meet in person": False,
            },
            "uk": {"вони зустрінуться особисто": False},
        },
    )
    return Engine(list(by_id.values()), sources, events=events, decision=ALWAYS)


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        # The question the fact's yes/no questions say the most of: a phone call is not
        # the video call, though both are calls.
        ("is it a phone call?", "en", "No. "),
        ("is it a video call?", "en", "Yes. "),
        # A statement put to be checked is the yes/no question it states.
        ("it's just a phone call, right?", "en", "No. "),
        ("so they meet in person?", "en", "No. "),
        ("вони зустрінуться особисто?", "uk", "Ні. "),
        # A question asking how is none.
        ("how will they meet?", "en", ""),
    ],
)
def test_a_wrong_format_put_to_be_checked_gets_no(formats, question, lang, lead):
    answer = formats.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == "talks-format"
    assert answer.lead == lead + answer.fact.text[lang]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("в Сеуле ещё 7-е или уже 8-е?", "ru"),
        ("в Токио уже 8-е или ещё 7-е?", "ru"),
        ("у Сеулі ще 7-е чи вже 8-е?", "uk"),
        ("in Seoul is it still the 7th or already the 8th?", "en"),
    ],
)
def test_whether_the_day_has_turned_there_gets_its_date_there(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.place is not None and answer.place.key in {"Asia/Seoul", "Asia/Tokyo"}
    # Two days to choose between claim neither: no "Yes" to the or-question.
    assert not answer.lead.startswith(("Yes.", "Да.", "Так."))


@pytest.mark.parametrize(
    ("question", "lang", "zone"),
    [
        ("what time are the talks on his clock in Tokyo?", "en", "Asia/Tokyo"),
        ("мой начальник в Токио, во сколько переговоры по его времени?", "ru", "Asia/Tokyo"),
        ("мій керівник у Токіо, о котрій розмова за його часом?", "uk", "Asia/Tokyo"),
        ("my boss is travelling to Seoul, what time are the talks?", "en", "Asia/Seoul"),
        ("мой шеф летит в Сеул, во сколько переговоры?", "ru", "Asia/Seoul"),
        ("мій шеф летить до Сеула, о котрій розмова?", "uk", "Asia/Seoul"),
    ],
)
def test_a_places_clock_named_through_a_person_or_a_journey(content, question, lang, zone):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.place is not None and answer.place.key == zone
