"""A day or month the question names that is another event's (issue 10): the facts' own
texts and events say which day is whose, so "what happened on 1 December" is Putin's
initiative and "what was in June" the Geneva summit, not the call's time."""

from __future__ import annotations

import pytest

from knowledge.answering.dated import base_days, days_in
from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("what happened on 1 December", "en", "security-guarantees-initiative"),
        ("december 1st, what was that", "en", "security-guarantees-initiative"),
        ("что было 1 декабря", "ru", "security-guarantees-initiative"),
        ("первое декабря что было", "ru", "security-guarantees-initiative"),
        ("що було 1 грудня", "uk", "security-guarantees-initiative"),
        ("першого грудня що сталося", "uk", "security-guarantees-initiative"),
        ("what was agreed on 16 June", "en", "summit-in-geneva"),
        ("что было 16 июня", "ru", "summit-in-geneva"),
        ("що сталося 16 червня", "uk", "summit-in-geneva"),
    ],
)
def test_a_day_another_fact_gives_reaches_that_fact(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    # The year's fact gives 16 June too (the summit that dates the call).
    assert reached(answer) in {fact_id, "talks-year" if fact_id == "summit-in-geneva" else fact_id}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what happened on 3 December", "en"),
        ("что было 5 декабря", "ru"),
        ("що було 4 грудня", "uk"),
    ],
)
def test_a_day_no_fact_gives_is_not_the_calls(engine, question, lang):
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "fact_id", "lead"),
    [
        # A yes/no on a day is the event's date to settle: "No", with the real one.
        ("is the call on dec 3?", "talks-time", "No."),
        ("r they talking on dec 3", "talks-time", "The talks"),  # it asks about the call too
        # The call's own day is every fact of the call's: not another fact's day.
        ("who announced the talks on the 7th", "talks-announcement", ""),
    ],
)
def test_the_calls_own_day_and_yes_no_questions_stay_with_the_call(
    content, question, fact_id, lead
):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert reached(answer) == fact_id
    assert answer.lead.startswith(lead)


def test_another_events_day_reaches_that_event(content):
    question = "what is on 8 December"
    assert reached(anew(content, question).ask(question, lang_hint="en")) == "screening-time"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("On 1 December Putin proposed", {(1, 12)}),
        ("1 декабря Путин предложил", {(1, 12)}),
        ("першого грудня", {(1, 12)}),
        ("in June", {(None, 6)}),
        ("в июне", {(None, 6)}),
        ("у червні", {(None, 6)}),
        ("7 December, and 16 June", {(7, 12), (16, 6)}),
        ("may I ask", set()),  # the verb, not the month
    ],
)
def test_days_are_read_with_their_month(engine, text, days):
    lexicon = engine.index.lexicon
    assert days_in(text, lexicon.calendar, lexicon.stopwords) == days


def test_the_days_of_the_facts_are_read_once_per_version_of_the_base(engine):
    # Reading every fact's texts per dated question cost a 10,000-fact base seconds; they are
    # read with the index and kept with it, and a reloaded base is read anew.
    first = base_days(engine.index)
    assert base_days(engine.index) is first
    assert first.of["security-guarantees-initiative"] >= {(1, 12)}
    engine.reload(list(engine.index.facts.values()))
    assert base_days(engine.index) is not first
