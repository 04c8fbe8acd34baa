"""Asks the reading used to leave a word of unexplained, so a right first fact stayed a "did
you mean" (round 21): the call starting said in the present ("выходят на связь", "виходять на
зв'язок", lexicon.yaml @call) and footage that "drops" read as its publication, a word the
facts know (shapes.yaml `styles_rephrased`), not as a "выход" they never use."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("во сколько Путин и Байден выходят на связь", "ru"),
        ("о котрій Путін і Байден виходять на зв'язок", "uk"),
    ],
)
def test_going_on_air_in_the_present_is_the_call(engine, question, lang):
    analysed = engine.index.analyse(question, lang)
    assert "@call" in analysed.tokens
    assert not analysed.unknown


@pytest.mark.parametrize(
    ("question", "lang"),
    [("когда дроп первых кадров", "ru"), ("коли дроп перших кадрів лол", "uk")],
)
def test_a_footage_drop_is_a_word_the_facts_know(engine, question, lang):
    assert not engine.index.analyse(question, lang).unknown


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("во сколько Путин и Байден выходят на связь", "ru", "talks-time"),
        ("о котрій Путін і Байден виходять на зв'язок", "uk", "talks-time"),
        ("когда дроп первых кадров", "ru", "talks-footage"),
        ("коли дроп перших кадрів лол", "uk", "talks-footage"),
    ],
)
def test_the_read_ask_reaches_its_fact(content, question, lang, fact):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact
