"""Countdowns from a "now" the asker states and dates placed by holidays (round 18, the
thirteenth writer): "сейчас 16:20 по Киеву, сколько осталось?" asks when, and its 16:20 is
the asker's clock, no time put forward for the event; "это на Николу или раньше?", "після
хануки вже?" name a day, as a weekday does, and ask which day the event is."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.answering.moments import claims_in, holds
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.stated_now import stated_now
from knowledge.language.text import normalize
from tests.asking import anew, reached

NO = ("No.", "Нет.", "Ні.")


@pytest.mark.parametrize(
    ("text", "rest", "hour", "minute"),
    [
        ("сейчас 16:20 по Киеву, сколько осталось?", "по Киеву, сколько осталось?", 16, 20),
        ("its 8am in new york rn how long do I wait", "in new york how long do I wait", 8, 0),
        ("у меня 12 дня по москве, через сколько начнут", "по москве, через сколько начнут", 12, 0),
        ("щас 15 00 по лондону, скоро уже?", "по лондону, скоро уже?", 15, 0),
        ("now is 6 pm in London, how long until it?", "in London, how long until it?", 18, 0),
    ],
)
def test_a_stated_now_is_cut_out_of_a_countdown(text, rest, hour, minute):
    now = stated_now(text, shipped_lexicon().calendar)
    assert now is not None
    assert (now.text, now.hour, now.minute) == (rest, hour, minute)


@pytest.mark.parametrize(
    "text",
    [
        # An hour put forward, not a countdown: a claim the event's time says yes or no to.
        "it's 18:00 in moscow, right?",
        "сейчас переговоры в 17:00?",
        # A countdown with no stated hour.
        "сколько осталось до переговоров?",
    ],
)
def test_no_stated_now_without_a_countdown_and_an_hour(text):
    assert stated_now(text, shipped_lexicon().calendar) is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("сейчас 16:20 по Киеву, сколько осталось до переговоров?", "ru"),
        ("у меня 12 дня по москве, через сколько начнутся переговоры", "ru"),
        ("зараз 12 за Києвом, скільки чекати на переговори?", "uk"),
        ("its 8am in new york rn how long do I wait for the talks", "en"),
        ("ok it's 16:40 moscow time, minutes left to the talks?", "en"),
    ],
)
def test_a_countdown_from_a_stated_now_asks_when(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert not answer.lead.startswith(NO)  # the stated hour is no claim about the event


@pytest.mark.parametrize(
    ("question", "lang", "plain"),
    [
        ("это на Николу или раньше?", "ru", "это во вторник или?"),
        ("после хануки?", "ru", "это во вторник?"),
        ("це перед Миколаєм?", "uk", "це у вівторок?"),
        ("за скільки до різдва виходить", "uk", "коли вівторок виходить"),
        ("is it before christmas?", "en", "is it on tuesday?"),
        ("after thanksgiving?", "en", "tuesday?"),
        ("это второй вторник декабря?", "ru", "это вторник декабря?"),
        ("is it 2nite?", "en", "is it tonight?"),
    ],
)
def test_a_holiday_names_a_day_as_a_weekday_does(engine, question, lang, plain):
    """The event's day answers which day it is, as for "is it on tuesday?"."""
    tokens = engine.index.analyse(question, lang).tokens
    assert "@weekday" in tokens
    assert set(tokens) == set(engine.index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang", "note"),
    [
        (
            "its 8am in new york rn how long until the talks",
            "en",
            "From 08:00 (New York) that is 2 h 0 min to the start.",
        ),
        (
            "сейчас 16:20 по Киеву, сколько осталось до переговоров?",
            "ru",
            "От 16:20 (Киев) до начала — 0 ч 40 мин.",
        ),
        ("щас 19 00 по лондону, скоро уже переговоры?", "ru", "В 19:00 (Лондон) уже началось."),
    ],
)
def test_a_countdown_says_how_long_from_the_stated_now(content, question, lang, note):
    """Read as the event's day, where the asker's clock is."""
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.notes[0] == note


KYIV_CALL = datetime(2021, 12, 7, 17, 0, tzinfo=ZoneInfo("Europe/Kyiv"))


@pytest.mark.parametrize(
    ("question", "lang", "held"),
    [
        ("это второй вторник декабря?", "ru", False),
        ("это первый вторник декабря?", "ru", True),
        ("is it the last tuesday of december?", "en", False),
        ("is it 2nite?", "en", None),  # a relative day: only a clock settles it
    ],
)
def test_which_of_the_months_weekdays_is_claimed(question, lang, held):
    lexicon = shipped_lexicon()
    claims = claims_in(normalize(question), lang, lexicon.calendar, lexicon.stopwords)
    assert not claims.placed
    assert holds(claims, [KYIV_CALL]) is held


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("это на Николу или раньше?", "ru"),
        ("після хануки вже?", "uk"),
        ("is it before christmas?", "en"),
        ("це перший вівторок грудня чи другий", "uk"),
    ],
)
def test_a_day_placed_against_a_holiday_gets_no_plain_yes(question, lang):
    """Which St Nicholas or Christmas is meant, and before or after: the date says it."""
    lexicon = shipped_lexicon()
    assert claims_in(normalize(question), lang, lexicon.calendar, lexicon.stopwords).placed


@pytest.mark.parametrize(
    ("question", "lang"),
    [("when is christmas this year", "en"), ("когда рождество", "ru"), ("коли ханука?", "uk")],
)
def test_a_holiday_asked_for_itself_is_no_day_of_the_event(engine, question, lang):
    """Only a holiday a day is placed by ("before christmas") names the event's day."""
    assert "@weekday" not in engine.index.analyse(question, lang).tokens
