"""The evidence on the best fact that its score does not carry (knowledge/language/evidence.py),
on the tests' content."""

from __future__ import annotations

from knowledge.language.evidence import nearest_question


def test_the_nearest_question_is_the_one_sharing_most_of_the_weight():
    questions = [frozenset({"kremlin", "announc"}), frozenset({"@who"})]
    asked = ("kremlin", "announc", "@who")
    assert nearest_question(asked, questions, lambda t: 1.0) == frozenset({"kremlin", "announc"})
    # Weighed by IDF: a rare word outweighs two common ones.
    idf = {"kremlin": 1.0, "announc": 1.0, "@who": 4.0}.__getitem__
    assert nearest_question(asked, questions, idf) == frozenset({"@who"})
    assert nearest_question(("kremlin",), [], lambda t: 1.0) is None
