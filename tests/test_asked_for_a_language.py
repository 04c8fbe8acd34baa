"""A request for the answer's language in the message ("answer in English: когда созвон?",
"по-русски, пожалуйста: when is it?") is cut out and the answer is in that language; alone
("in English please", "на русском") it asks for the last answer again in that language
(knowledge/language/answer_language.py, data/wrapped.yaml)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.answering.engine import Engine
from knowledge.answering.followups import Conversation
from knowledge.language.answer_language import requested_language
from knowledge.language.decision import ALWAYS


@pytest.mark.parametrize(
    ("message", "lang", "rest"),
    [
        ("answer in English: когда созвон?", "en", "когда созвон?"),
        ("по-русски, пожалуйста: when is it?", "ru", "when is it?"),
        ("українською, будь ласка: в каком формате?", "uk", "в каком формате?"),
        ("when is the call? in Ukrainian please", "uk", "when is the call?"),
        ("коли розмова, відповідай російською", "ru", "коли розмова"),
        ("in English please", "en", ""),
        ("reply in Russian", "ru", ""),
        ("на русском", "ru", ""),
        ("відповідай англійською", "en", ""),
        ("можно на украинском?", "uk", ""),
    ],
)
def test_a_language_request_is_read_apart(message, lang, rest):
    asked = requested_language(message)
    assert asked is not None
    assert (asked.lang, asked.text) == (lang, rest)


@pytest.mark.parametrize(
    "message",
    [
        "is the call in Russian?",  # asks about the call, no mark before the request words
        "english?",  # a language's name alone
        "русский",
        "when is the call?",
        "what did Peskov say about Ukraine",
        "переговоры по Украине",
    ],
)
def test_no_request_is_read_where_there_is_none(message):
    assert requested_language(message) is None


@pytest.mark.parametrize(
    ("message", "lang", "fact"),
    [
        ("answer in English: когда созвон?", "en", "talks-time"),
        ("по-русски, пожалуйста: when is it?", "ru", "talks-time"),
        ("українською, будь ласка: в каком формате переговоры?", "uk", "talks-format"),
        ("when is the call? по-українськи", "uk", "talks-time"),
    ],
)
def test_the_answer_is_in_the_language_asked_for(engine, message, lang, fact):
    answer = engine.ask(message)
    assert answer.lang == lang
    assert answer.fact is not None and answer.fact.id == fact


@pytest.mark.parametrize(
    "message",
    [
        "українською, будь ласка: в каком формате переговоры?",
        "в каком формате переговоры?",
        "у якому форматі розмова?",
        "in what format is the call?",
    ],
)
def test_a_question_asking_what_gets_no_yes(content, message):
    # The format's fact settling "is it by video?" in each language, as the shipped one does.
    settles = {
        "en": {"is the call in video format?": True},
        "ru": {"переговоры в формате видео?": True},
        "uk": {"розмова у форматі відео?": True},
    }
    facts = [
        replace(fact, yes_no=settles) if fact.id == "talks-format" else fact
        for fact in content.facts
    ]
    engine = Engine(facts, content.sources, events=content.events, decision=ALWAYS)
    answer = engine.ask(message)
    assert answer.fact is not None and answer.fact.id == "talks-format"
    assert not answer.lead.startswith(("Yes", "Да", "Так", "No", "Нет", "Ні"))


@pytest.mark.parametrize(
    ("request_", "lang"),
    [("in English please", "en"), ("reply in Russian", "ru"), ("на русском", "ru"),
     ("відповідай англійською", "en"), ("українською", "uk")],
)
def test_a_request_alone_gives_the_last_answer_in_that_language(engine, request_, lang):
    conversation = Conversation()
    first = engine.ask("коли розмова?", conversation=conversation)
    again = engine.ask(request_, conversation=conversation)
    assert first.fact is not None and again.fact is not None
    assert again.fact.id == first.fact.id
    assert again.lang == lang


def test_a_request_alone_with_no_answer_before_introduces_the_bot_in_it(engine):
    answer = engine.ask("reply in Russian")
    assert answer.lang == "ru"
    assert answer.fact is None and answer.status == "about_bot"


def test_a_request_outweighs_the_chosen_language(engine):
    answer = engine.ask("answer in English: когда созвон?", lang="ru")
    assert answer.lang == "en"
