"""The matcher on the dev set: questions as users type them, each with its fact or "decline"."""

from __future__ import annotations

from collections import Counter

import pytest

from knowledge.language.matcher import FactIndex
from talkbot.evaluation import evaluate, is_correct, load_dev_set

REQUIRED_ACCURACY = 0.95


@pytest.fixture(scope="module")
def dev_set():
    return load_dev_set()


def test_dev_set_is_large_varied_and_has_unanswerable_questions(dev_set, facts):
    assert len(dev_set) >= 150
    assert sum(item["expect"] == "decline" for item in dev_set) >= 30
    assert set(Counter(item["lang"] for item in dev_set)) == {"en", "ru", "uk"}
    fact_ids = {f.id for f in facts}
    assert {item["expect"] for item in dev_set} - {"decline"} <= fact_ids


def test_matcher_gets_at_least_95_percent_of_the_dev_set_right(engine, dev_set):
    accuracy, misses = evaluate(engine, dev_set)
    report = "\n".join(
        f"{item['q']!r}: expected {item['expect']}, got "
        f"{answer.fact.id if answer.answered else answer.status}"
        for item, answer in misses
    )
    assert accuracy >= REQUIRED_ACCURACY, report


def test_confident_wrong_answers_stay_rare(engine, dev_set):
    _, misses = evaluate(engine, dev_set)
    wrong = [item["q"] for item, answer in misses if answer.answered]
    assert len(wrong) <= len(dev_set) * 0.03, wrong


def test_a_decline_counts_as_right_only_when_nothing_is_answered(engine):
    assert is_correct(engine.ask("tell me a joke"), "decline")
    assert not is_correct(engine.ask("when is the call?"), "decline")
    assert is_correct(engine.ask("when is the call?"), "call-time")


def test_a_question_asked_again_in_other_words_is_ranked_once(facts):
    index = FactIndex(facts)
    first = index.match("When is the call?", "en")
    assert first.best is not None and first.best.fact_id == "call-time"
    assert index.cache_hits == 0
    # A typo, capitals, punctuation, word order: the same reduced tokens, ranked once.
    for variant in ("wen is teh CALL", "the call, when is it?!"):
        again = index.match(variant, "en")
        assert again.candidates == first.candidates and again.best == first.best
    assert index.cache_hits == 2
    assert index.match("When is the call?", "en", cached=False) == first
    assert index.match("who announced the call?", "en").best != first.best
    # An edit builds a new index: nothing ranked by the old one is served from it.
    edited = FactIndex([f for f in facts if f.id != "call-time"])
    verdict = edited.match("When is the call?", "en")
    assert edited.cache_hits == 0
    assert verdict.best is None or verdict.best.fact_id != "call-time"
