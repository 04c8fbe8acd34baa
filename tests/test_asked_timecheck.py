"""A time or a date checked as people write it (round 17, the twelfth writer): an ISO date
("2021-12-07 это оно?"), an hour in words of either half of the day ("five o'clock") or of
the afternoon ("о сімнадцятій"), a check's frame ("я не ошибаюсь?"); a day named relative
to today ("is it tonight?", "завтра ж, так?") held against the clock, and a countdown
("через сколько часов начнется") as asking when. The asker's own today ("какой сегодня
день") is no question about the event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from knowledge.answering.engine import Engine
from knowledge.answering.moments import claims_in, holds
from knowledge.language.decision import ALWAYS
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.numeric_dates import spell_dates
from knowledge.language.text import normalize
from tests.asking import anew, reached
from tests.conftest import AFTER_THE_CALL

NO = ("No.", "Нет.", "Ні.")
YES = ("Yes.", "Да.", "Так.")
# The morning of the call in Kyiv (17:00 there, 15:00 UTC), and the day before it.
MORNING_OF = datetime(2021, 12, 7, 8, 0, tzinfo=UTC)
DAY_BEFORE = datetime(2021, 12, 6, 8, 0, tzinfo=UTC)


def at(content, now: datetime) -> Engine:
    return Engine(
        content.facts, content.sources, events=content.events, clock=lambda: now, decision=ALWAYS
    )


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2021-12-07 это оно?", "7 december 2021 это оно?"),
        ("is it 2021-12-8?", "is it 8 december 2021?"),
        # No month 13; a longer run of figures is no date.
        ("2021-13-07", "2021-13-07"),
        ("id 2021-12-07-5", "id 2021-12-07-5"),
    ],
)
def test_an_iso_date_is_read_as_a_day_and_month(text, read):
    assert spell_dates(text, "ru", shipped_lexicon().calendar) == read


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("are the talks on 2021-12-07?", "en", YES),
        ("переговоры 2021-12-08?", "ru", NO),
        ("седьмое декабря, я не ошибаюсь?", "ru", YES),
        ("восьмое декабря, я не путаю?", "ru", NO),
        ("is it five o'clock kyiv time?", "en", YES),
        ("is it at six o'clock kyiv time?", "en", NO),
        ("боте, я правильно зрозумів, що о сімнадцятій?", "uk", YES),
        ("розмова о вісімнадцятій за Києвом?", "uk", NO),
        ("в восемнадцать по Москве?", "ru", YES),
    ],
)
def test_a_date_or_hour_as_people_write_it_is_checked(content, question, lang, lead):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang", "now", "lead"),
    [
        ("are the talks today at 17:00?", "en", MORNING_OF, YES),
        ("are the talks today at 17:00?", "en", DAY_BEFORE, NO),
        ("the talks start tomorrow, right?", "en", DAY_BEFORE, YES),
        ("the talks start tomorrow, right?", "en", MORNING_OF, NO),
        ("переговоры сегодня вечером?", "ru", MORNING_OF, YES),
        ("переговоры сегодня вечером?", "ru", DAY_BEFORE, NO),
        # Years later, "tomorrow" is not the call's day.
        ("the talks start tomorrow, right?", "en", AFTER_THE_CALL, NO),
    ],
)
def test_a_day_named_relative_to_today_is_held_against_the_clock(
    content, question, lang, now, lead
):
    answer = at(content, now).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)
    assert answer.tense


@pytest.mark.parametrize(
    ("question", "lang", "relative"),
    [
        ("is it tonight?", "en", 0),
        ("tomorrow, right? the putin biden thing", "en", 1),
        ("це сьогодні ввечері?", "uk", 0),
        ("завтра ж, так?", "uk", 1),
        ("это было вчера?", "ru", -1),
        ("today or tomorrow?", "en", None),  # asks which
    ],
)
def test_a_relative_day_is_a_claim_only_a_clock_settles(question, lang, relative):
    lexicon = shipped_lexicon()
    claims = claims_in(normalize(question), lang, lexicon.calendar, lexicon.stopwords)
    assert claims.relative == relative
    kyiv = datetime(2021, 12, 7, 17, 0, tzinfo=ZoneInfo("Europe/Kyiv"))
    if relative is not None:
        assert holds(claims, [kyiv]) is None  # no clock: neither yes nor no
        assert holds(claims, [kyiv], MORNING_OF - timedelta(days=relative)) is True
        assert holds(claims, [kyiv], AFTER_THE_CALL) is False


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("через сколько часов начнется", "ru"),
        ("сколько осталось до переговоров", "ru"),
        ("долго еще ждать до начала?", "ru"),
        ("скільки залишилось до розмови?", "uk"),
        ("how long until the talks?", "en"),
    ],
)
def test_a_countdown_asks_when(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("какой сегодня день", "ru"), ("what's today's date", "en"), ("яке сьогодні число", "uk")],
)
def test_the_askers_own_today_is_not_the_events_day(engine, question, lang):
    assert engine.ask(question, lang_hint=lang).fact is None
