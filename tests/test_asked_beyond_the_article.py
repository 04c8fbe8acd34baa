"""Questions the article cannot answer though their words are the facts' words: the call's
outcome (the article was written before it). Each is asked of an engine that answers with
whatever ranks first however unsure, so what is tested is that no fact can be that answer."""

from __future__ import annotations

import pytest

from tests.test_asked_topics_and_people import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what did they agree on?", "en"),
        ("did they reach an agreement", "en"),
        ("what was the outcome of the call", "en"),
        ("итоги?", "ru"),
        ("какие итоги переговоров", "ru"),
        ("что было после переговоров", "ru"),
        ("о чем договорились?", "ru"),
        ("підсумки?", "uk"),
        ("чим закінчилися переговори", "uk"),
        ("що було після переговорів", "uk"),
    ],
)
def test_the_calls_outcome_is_no_facts_answer(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("will there be statements after the call", "en"),
        ("заявления по итогам будут?", "ru"),
        ("чи будуть заяви за підсумками", "uk"),
    ],
)
def test_statements_after_the_call_are_still_asked(content, question, lang):
    # "по итогам", "за підсумками" say when, not what came of it.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "no-joint-statements"
