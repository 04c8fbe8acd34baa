"""The evidence on the best fact that its score does not carry (knowledge/language/evidence.py),
on the tests' content."""

from __future__ import annotations

import itertools

from knowledge.language.decision import FEATURES
from knowledge.language.evidence import nearest_question


def test_the_nearest_question_is_the_one_sharing_most_of_the_weight():
    questions = [frozenset({"kremlin", "announc"}), frozenset({"@who"})]
    asked = ("kremlin", "announc", "@who")
    assert nearest_question(asked, questions, lambda t: 1.0) == frozenset({"kremlin", "announc"})
    # Weighed by IDF: a rare word outweighs two common ones.
    idf = {"kremlin": 1.0, "announc": 1.0, "@who": 4.0}.__getitem__
    assert nearest_question(asked, questions, idf) == frozenset({"@who"})
    assert nearest_question(("kremlin",), [], lambda t: 1.0) is None


def test_a_tie_is_a_tie_whatever_order_the_weights_are_added_in():
    # 0.1 + 0.2 + 0.3 is 0.6 or 0.6000000000000001 by the order of the additions, and a set's
    # order moves with the hash seed: the sum is exact, so the first question keeps a tie.
    idf = {"a": 0.1, "b": 0.2, "c": 0.3, "d": 0.6}.__getitem__
    three, one = frozenset("abc"), frozenset("d")
    for asked in itertools.permutations("abcd"):
        assert nearest_question(asked, [one, three], idf) == one
        assert nearest_question(asked, [three, one], idf) == three


def test_a_question_worded_as_one_of_its_facts_own_is_closest_wording(engine):
    close_wording = FEATURES.index("close_wording")
    # One of the fixture's "format" fact's own questions, word for word: as close as it gets.
    assert engine.ask("what is the format of the talks").evidence[close_wording] == 1.0
    # One that shares the words but says more is not close at all (closest 0.77 < CLOSE_FROM).
    assert engine.ask("format of the talks and their length").evidence[close_wording] == 0.0


def test_a_short_question_only_one_fact_knows_is_alone_short(engine):
    alone_short = FEATURES.index("alone_short")
    # "source": a word only the source fact knows; one word of ALONE_UNDER.
    assert engine.ask("source?").evidence[alone_short] == 0.75
    # "format": the statements fact knows the word too; a short question, not alone.
    assert engine.ask("format?").evidence[alone_short] == 0.0
