"""The date and weekday where the question asks about them (round 20, dayline): "is it
already Wednesday in Tokyo?", "is it past midnight in Sydney?", "у Гонолулу ще вівторок
буде?" are settled by the place's own date at the event's time (17:00 in Kyiv, 7 December,
is 00:00 on the 8th in Tokyo, 05:00 on the 7th in Honolulu), a day-shift phrase ("past
midnight", "вже наступний день") against the source's date."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.answering.engine import Engine
from knowledge.answering.moments import claims_in, holds
from knowledge.language.decision import ALWAYS
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.reading import intent_mapped
from knowledge.language.text import normalize
from knowledge.storage.content import load_content

NO = ("No.", "Нет.", "Ні.")
YES = ("Yes.", "Да.", "Так.")
KYIV = datetime(2021, 12, 7, 17, 0, tzinfo=ZoneInfo("Europe/Kyiv"))


@pytest.fixture(scope="module")
def shipped_engine() -> Engine:
    content = load_content()
    return Engine(content.facts, content.sources, events=content.events, decision=ALWAYS)


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("is it already Wednesday in Tokyo?", "en", YES),
        ("is it still Tuesday in Tokyo?", "en", NO),
        ("tokyo: is it already the 8th?", "en", YES),
        ("is it past midnight in Sydney?", "en", YES),
        ("is it past midnight in Honolulu?", "en", NO),
        ("is it before midnight in Honolulu?", "en", YES),
        ("is it already the next day in Auckland?", "en", YES),
        ("у Сіднеї вже після півночі?", "uk", YES),
        ("у Гонолулу ще вівторок буде?", "uk", YES),
        ("в Сиднее уже за полночь?", "ru", YES),
        ("в Гонолулу уже следующий день?", "ru", NO),
        # A date claimed there, with the words around the asker dropped: still a question.
        ("токіо: це вже 8 грудня?", "uk", YES),
        ("в Токио уже 8 декабря?", "ru", YES),
        ("у Гонолулу ще 7 грудня буде?", "uk", YES),
    ],
)
def test_the_day_there_says_yes_or_no(shipped_engine, question, lang, lead):
    # The shipped content: the fixture's few facts read these as its undated "talks-year".
    answer = shipped_engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.event is not None
    assert answer.place is not None
    assert answer.lead.startswith(lead)


def test_past_midnight_with_no_place_read_is_no_verdict(shipped_engine):
    # The source's own date is not the one asked about: no "No." for Kyiv's.
    answer = shipped_engine.ask("when is the call, is it past midnight?", lang_hint="en")
    assert not answer.lead.startswith(YES + NO)


@pytest.mark.parametrize(
    ("question", "lang", "shift"),
    [
        ("is that past midnight already?", "en", 1),
        ("is it before midnight there?", "en", 0),
        ("у сіднеї вже наступний день?", "uk", 1),
        ("там ещё тот же день?", "ru", 0),
        ("is it at midnight?", "en", None),
    ],
)
def test_a_day_shift_is_claimed_against_the_source_date(question, lang, shift):
    lexicon = shipped_lexicon()
    claims = claims_in(normalize(question), lang, lexicon.calendar, lexicon.stopwords)
    assert claims.shift == shift
    if shift is None:
        return
    assert not claims.hours  # "past midnight" claims no hour of 0
    tokyo = KYIV.astimezone(ZoneInfo("Asia/Tokyo"))
    assert holds(claims, [tokyo]) is None  # no source date to hold it against
    assert holds(claims, [tokyo], origin=KYIV) is (shift == 1)
    assert holds(claims, [KYIV], origin=KYIV) is (shift == 0)


def test_a_day_shift_reads_as_a_day_named():
    read = intent_mapped(normalize("is it past midnight in sydney"), shipped_lexicon())
    assert "@weekday" in read.split()
    assert "@time" not in read.split()
