"""A condition asked as a plain question: "will Russia invade?" is not "what if Russia
invades?", whose answer (the US's support if it does) must not answer it; words a fact uses
only after its "if" count against it when asked outside one."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from knowledge.language.evidence import conditional_only, outside_conditions
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("will russia invade ukraine?", "en"),
        ("Россия нападет на Украину?", "ru"),
        ("Росія нападе на Україну?", "uk"),
    ],
)
def test_will_russia_invade_is_not_what_the_us_does_if_it_does(engine, question, lang):
    # "що як Росія нападе" (what if) reads as "Росія нападе" once "що", "як" are dropped:
    # the condition is kept as @if, and the plain question is not answered with it.
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("will russia invade ukraine?", "en"),
        ("Россия нападет на Украину?", "ru"),
        ("Росія нападе на Україну?", "uk"),
    ],
)
def test_a_word_the_fact_asks_only_after_if_is_unexplained_when_asked_plainly(
    engine, question, lang
):
    # Every word is the fact's, but "invade"/"напасть" only after its "if": asked plainly,
    # the question is whether Russia will, which the fact does not say.
    evidence = engine.index.match(question, lang).evidence
    assert evidence[FEATURES.index("unexplained_share")] > 0
    assert engine.index.decision.probability(evidence) < 0.7


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what if russia attacks ukraine", "en"), ("что если Россия нападет на Украину", "ru")],
)
def test_the_same_words_inside_a_condition_are_explained(engine, question, lang):
    match = engine.index.match(question, lang)
    assert match.best is not None and match.best.fact_id == "us-support-if-invasion"
    assert match.evidence[FEATURES.index("unexplained_share")] == 0


def test_words_only_inside_a_condition():
    texts = [["@us", "help", "@if", "russia", "invad"], ["invas"], ["@us", "respons", "invas"]]
    assert conditional_only(texts) == {"russia", "invad"}
    assert outside_conditions(["russia", "@if", "invad"]) == ["russia"]


@pytest.mark.parametrize(
    "question",
    ["what if russia attacks ukraine", "что будет, если Россия нападет", "що як Росія нападе?"],
)
def test_what_if_russia_invades_asks_the_us_support(content, question):
    answer = anew(content, question).ask(question)
    assert answer.fact is not None and answer.fact.id == "us-support-if-invasion"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("если будет вторжение, Америка поддержит Украину?", "ru"),
        ("якщо буде вторгнення, Америка підтримає Україну?", "uk"),
        ("if there is an invasion, will the US support Ukraine?", "en"),
    ],
)
def test_a_hypothetical_of_what_may_come_is_its_case(engine, question, lang):
    # Wave 12: "если будет вторжение" is "в случае вторжения", not whether there will be one
    # (@ahead, which no fact answers).
    answer = engine.ask(question, lang_hint=lang)
    assert answer.answered and answer.fact.id == "us-support-if-invasion"


def test_whether_there_will_be_an_invasion_stays_unanswered(engine):
    assert not engine.ask("будет вторжение?", lang_hint="ru").answered
