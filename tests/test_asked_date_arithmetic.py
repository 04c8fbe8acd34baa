"""Date arithmetic on the article's dates (round 21, datemath): the days and weeks between
two of them, named by their event or written, a date's weekday, day of the year and ISO
week, computed from the facts' own days (`day`) and event starts, said first in the asker's
language with the fact it rests on; a day the article does not give is not counted from."""

from __future__ import annotations

import pytest

from knowledge.language.datemath import COUNT, DAY_OF_YEAR, WEEK_NUMBER, WEEKDAY, date_asked
from knowledge.storage.fact_file import fact_problems
from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("question", "lang", "kind", "weeks", "parts"),
    [
        ("how many weeks since geneva", "en", COUNT, True, ("geneva",)),
        ("с 1 по 7 декабря это сколько дней", "ru", COUNT, False, ("1", "7 декабря это")),
        ("скільки діб між 16 червня і 7 грудня", "uk", COUNT, False, ("16 червня", "7 грудня")),
        ("what week number is dec 7 2021", "en", WEEK_NUMBER, True, ("what is dec 7 2021",)),
        ("7 декабря — какой по счёту день года", "ru", DAY_OF_YEAR, False,
         ("7 декабря какой", "счету")),
        ("женевський саміт був у який день тижня", "uk", WEEKDAY, True,
         ("женевський саміт був у який",)),
    ],
)  # fmt: skip
def test_the_arithmetic_asked_is_read_and_cut_into_its_ends(question, lang, kind, weeks, parts):
    asked = date_asked(question, lang)
    assert asked is not None
    assert (asked.kind, asked.parts) == (kind, parts)
    assert asked.weeks == weeks or kind != COUNT


@pytest.mark.parametrize(
    ("question", "lang"),
    [("when is the call", "en"), ("сколько длится разговор", "ru"), ("який рік", "uk")],
)
def test_no_arithmetic_asked_is_none(question, lang):
    assert date_asked(question, lang) is None


@pytest.mark.parametrize(
    ("question", "lang", "fact", "said"),
    [
        ("how many weeks since geneva", "en", "summit-in-geneva",
         "From 16 June 2021 to 7 December 2021: 174 days, that is 24 weeks and 6 days."),
        ("скільки діб між 16 червня і 7 грудня", "uk", "summit-in-geneva",
         "Від 16 червня 2021 до 7 грудня 2021 — 174 дні, тобто 24 тижні і 6 днів."),
        ("с 1 по 7 декабря это сколько дней", "ru", "security-guarantees-initiative",
         "С 1 декабря 2021 по 7 декабря 2021 — 6 дней."),
        ("16 июня 2021 — какой был день недели", "ru", "summit-in-geneva",
         "16 июня 2021 — день недели: среда."),
        ("what day of the year is december 7 2021", "en", "talks-time",
         "7 December 2021 is day 341 of 365 of its year."),
        ("какой номер недели у 7 декабря 2021", "ru", "talks-time",
         "7 декабря 2021 — это 49-я неделя 2021 года по ISO"),
    ],
)  # fmt: skip
def test_the_figure_is_computed_from_the_facts_days(content, question, lang, fact, said):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == fact
    assert answer.lead.startswith(said)
    assert answer.evidence  # weighed by the decision like any answer


def test_a_count_cites_both_ends(content):
    answer = anew(content).ask("how many days between geneva and the call?", lang_hint="en")
    quotes = " ".join(view.quote for view in answer.citations)
    assert "16 июня" in quotes and "7 декабря" in quotes


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("how many days from today to the geneva summit", "en"),
        ("сколько дней осталось до Нового года", "ru"),
        ("what weekday was 3 march 2021", "en"),
        ("what day of the year is december 7 2020", "en"),
    ],
)
def test_a_day_the_article_does_not_give_is_not_computed(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert not answer.lead.startswith(("From ", "С ", "3 March", "7 December"))
    assert not answer.lead.startswith("16 June") or "geneva" in question


def test_a_week_number_never_answers_with_the_year(content):
    answer = anew(content).ask("это какая неделя года", lang_hint="ru")
    assert reached(answer) != "talks-year"


def test_a_fact_day_must_be_a_date(content):
    raw = content.facts[0].to_dict() | {"day": "16 June"}
    raw.pop("event", None)
    assert [c.code for c in fact_problems(raw, content.sources)] == ["bad_day"]
    good = raw | {"day": "2021-06-16"}
    assert fact_problems(good, content.sources) == []


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        ("what weekday is the call", "en", "7 December 2021 was a Tuesday."),
        ("which calendar week is the call in", "en", "7 December 2021 falls in ISO week 49"),
        ("в який день тижня розмова?", "uk", "7 грудня 2021 — день тижня: вівторок."),
    ],
)
def test_the_figure_is_said_for_the_fact_a_question_reaches(engine, question, lang, said):
    answer = engine.ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(said)


def test_the_weekday_there_is_the_asked_place_s(engine):
    answer = engine.ask("what day of the week is the call in Tokyo", lang_hint="en")
    assert answer.lead.startswith("8 December 2021 was a Wednesday.")
