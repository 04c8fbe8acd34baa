"""The evidence on the best fact that its score does not carry (knowledge/language/evidence.py),
on the tests' content."""

from __future__ import annotations

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
