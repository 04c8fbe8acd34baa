"""A message pasted from elsewhere, read as the question inside it (knowledge/language/pasted.py,
data/pasted.yaml): the link it came from, the line or note saying whom it was forwarded from,
the feed's rubric tags, and Latin letters looking like Cyrillic ones inside a Cyrillic word (or
the other way) are nobody's words in the question."""

from __future__ import annotations

import pytest

from knowledge.language.pasted import unpasted
from tests.asking import anew


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        # a link before the question
        ("https://glavred.info/world/putin-bayden what time in kyiv", "what time in kyiv"),
        ("www.example.com/news когда разговор?", "когда разговор?"),
        ("example.org/world/x о котрій розмова", "о котрій розмова"),
        # whom it was forwarded from: a line, a prefix before a colon, a note in brackets
        ("Forwarded from Daily News\nwhen is the call?", "when is the call?"),
        ("Fwd: when is the call?", "when is the call?"),
        ("Переслано из канала Новости\nкогда звонок?", "когда звонок?"),
        ("що хоче Кремль?? (переслано)", "що хоче Кремль??"),
        # the feed's rubric tags; a tag of the ask's own stays
        ("#Ukraine what hour kyiv", "what hour kyiv"),
        ("#Украина #Байден во сколько", "#Байден во сколько"),
        ("#новини коли розмова", "коли розмова"),
        # homoglyphs: Latin letters inside a Cyrillic word, Cyrillic inside a Latin one
        ("во сколько по Кuеву", "во сколько по Киеву"),
        ("что сказал Пeсков", "что сказал Песков"),
        ("what did Pеskov say", "what did Peskov say"),
    ],
)
def test_what_pasting_left_is_read_away(message, plain):
    assert unpasted(message) == plain


@pytest.mark.parametrize(
    "message",
    [
        "#Ukraine",  # a rubric alone is what is asked
        "https://glavred.info/world",  # so is a link alone
        "Forwarded from Daily News",
        "when is the call?",
        "is it 18:00 in Kyiv/Moscow?",  # a slash between words is no link
        "U.S. and Russia talks",
        "Кремль и Kremlin",  # whole words of each script stay
    ],
)
def test_a_message_without_pasted_artifacts_stays(message):
    assert unpasted(message) == message


@pytest.mark.parametrize(
    ("message", "plain", "lang"),
    [
        ("#Ukraine when is the call", "when is the call", "en"),
        ("https://glavred.info/world/putin-bayden when is the call", "when is the call", "en"),
        ("#Украина когда звонок", "когда звонок", "ru"),
        ("Forwarded from Daily News\nкогда звонок", "когда звонок", "ru"),
        ("коли рoзмoва?", "коли розмова?", "uk"),
    ],
)
def test_a_pasted_question_is_weighed_as_the_plain_one(content, message, plain, lang):
    engine = anew(content, message, plain)
    pasted, asked = engine.ask(message, lang_hint=lang), engine.ask(plain, lang_hint=lang)
    assert pasted.fact is not None and asked.fact is not None
    assert pasted.fact.id == asked.fact.id
    assert pasted.evidence == asked.evidence
