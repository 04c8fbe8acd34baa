"""A message wrapped in markup, JSON, an "/ask" command or a letter's greeting and signature
lines is read as the ask inside it (knowledge/language/wrapped.py, data/wrapped.yaml)."""

from __future__ import annotations

import time

import pytest

from knowledge.language.wrapped import ask_command, unwrapped
from tests.asking import anew


def _unwrapped(engine, message: str) -> str:
    return unwrapped(message, engine.index.lexicon.courtesies)


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        # HTML tags and entities
        ('<div class="q">start time in kiev</div>', "start time in kiev"),
        ("<p>when do putin and biden talk?</p>", "when do putin and biden talk?"),
        ("<b>Lloyd Austin</b> who", "Lloyd Austin who"),
        ("<p>дата переговорів?</p>", "дата переговорів?"),
        ("when&nbsp;is the &quot;call&quot;?", 'when is the "call"?'),
        # Markdown: headers, quotes, bold, code, fences, links
        ("## Topics\nwhat's on the table for the call", "Topics\nwhat's on the table for the call"),
        ("> geneva\nwhat did peskov say about it", "geneva\nwhat did peskov say about it"),
        ("**7 декабря** точно?", "7 декабря точно?"),
        ("`call.weekday()` -> ?", "call weekday ?"),
        ("```\nwhen is the call\n```", "when is the call"),
        ("[when is it](https://example.com/x)?", "when is it?"),
        # JSON: the ask's key, else every string
        ('{"q": "what time does the call start in Kyiv"}', "what time does the call start in Kyiv"),
        ('{"lang": "en", "question": "who is Peskov"}', "who is Peskov"),
        ('["when is the call", "who is Peskov"]', "when is the call\nwho is Peskov"),
        # a command that asks its argument
        ("/ask what time in Kyiv", "what time in Kyiv"),
        ("/ask@talkbot время по киеву", "время по киеву"),
        # a letter's greeting, thanks, sign-off and signature lines
        ("hi\nquick q\nwhen's the call\nthx", "when's the call"),
        (
            "Hello,\n\nCould you tell me the date and time of the call?\n\nKind regards,\nMartha",
            "Could you tell me the date and time of the call?",
        ),
        ("привіт\nпитаннячко\nколи розмова\nдякую", "коли розмова"),
        ("хай\nо котрій за києвом\nдяк", "о котрій за києвом"),
        ("Здравствуйте\nкогда будут первые кадры?\nС уважением, Олег", "когда будут первые кадры?"),
    ],
)
def test_the_ask_is_read_out_of_its_wrapping(engine, message, plain):
    assert _unwrapped(engine, message) == plain


@pytest.mark.parametrize(
    "message",
    [
        "when is the call?",
        "is 5 < 6 in Kyiv?",  # no tag
        "#Байден во сколько",  # a rubric tag, no header
        "/weather",  # no ask command, or none with an argument
        "/ask",
        "{not json} when",
        "hello",  # a courtesy alone stays one
        "hello\nthanks",
        "when is the call\nin Kyiv",  # two lines of the ask
        "Kyiv\nwhen is it",  # a place heading the ask is no greeting
    ],
)
def test_a_message_without_a_wrapping_stays(engine, message):
    assert _unwrapped(engine, message) == message


def test_an_ask_command_gives_its_argument():
    assert ask_command("/q коли розмова") == "коли розмова"
    assert ask_command("/ask") is None
    assert ask_command("/weather tomorrow") is None


@pytest.mark.parametrize(
    ("message", "plain", "lang"),
    [
        ("<p>when do putin and biden talk?</p>", "when do putin and biden talk?", "en"),
        ("/ask коли переговори", "коли переговори", "uk"),
        ("hi\nquick q\nwhen's the call\nthx", "when's the call", "en"),
        ("привіт\nпитаннячко\nколи розмова\nдякую", "коли розмова", "uk"),
        ('{"q": "во сколько звонок"}', "во сколько звонок", "ru"),
    ],
)
def test_a_wrapped_question_is_weighed_as_the_plain_one(content, message, plain, lang):
    engine = anew(content, message, plain)
    wrapped, asked = engine.ask(message, lang_hint=lang), engine.ask(plain, lang_hint=lang)
    assert wrapped.fact is not None and asked.fact is not None
    assert wrapped.fact.id == asked.fact.id
    assert wrapped.evidence == asked.evidence


@pytest.mark.parametrize(
    "unit", ["<p>", "<b>a</b>", "`a`", "**a** ", "hi\n", "/ask ", '{"q": ', "> ", "&amp;", "a "]
)
def test_a_flood_of_wrapping_stays_fast(engine, unit):
    flood = (unit * (4096 // len(unit) + 1))[:4096]
    started = time.perf_counter()
    engine.ask(flood)
    # Generous for a shared machine: a quadratic reading took minutes ("a " * 2,048: 198 s).
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize(
    "message", ["`call.weekday()` -> ?", "weekday of the call?", "call day of week?"]
)
def test_the_weekday_alone_asks_the_day(content, message):
    answer = anew(content, message).ask(message)
    assert answer.fact is not None and answer.fact.id == "talks-time"
