"""The matcher: the old dev set's shape, decisions, and the ranking cache."""

from __future__ import annotations

from collections import Counter

import pytest

from knowledge.language.matcher import FactIndex
from talkbot.evaluation import is_correct, load_dev_set


@pytest.fixture(scope="module")
def dev_set():
    return load_dev_set()


def test_dev_set_is_large_varied_and_has_unanswerable_questions(dev_set, facts):
    assert len(dev_set) >= 150
    assert sum(item["expect"] == "decline" for item in dev_set) >= 30
    assert set(Counter(item["lang"] for item in dev_set)) == {"en", "ru", "uk"}
    fact_ids = {f.id for f in facts}
    assert {item["expect"] for item in dev_set} - {"decline"} <= fact_ids


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
        assert index.match(variant, "en").candidates == first.candidates
    assert index.cache_hits == 2
    # The decision weighs more than the ranking: a word read as a typo is weaker evidence.
    assert index.match("the call, when is it?!", "en").best == first.best
    typo = index.match("wen is teh CALL", "en")
    assert typo.evidence != first.evidence
    assert index.match("When is the call?", "en", cached=False) == first
    assert index.match("who announced the call?", "en").best != first.best
    # An edit builds a new index: nothing ranked by the old one is served from it.
    edited = FactIndex([f for f in facts if f.id != "call-time"])
    verdict = edited.match("When is the call?", "en")
    assert edited.cache_hits == 0
    assert verdict.best is None or verdict.best.fact_id != "call-time"
