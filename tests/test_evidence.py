"""The evidence on the best fact that its score does not carry (knowledge/language/evidence.py),
on the tests' content."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from knowledge.language.evidence import nearest_question
from knowledge.language.matcher import FactIndex


def test_the_nearest_question_is_the_one_sharing_most_of_the_weight_and_says_how_much():
    questions = [frozenset({"kremlin", "announc"}), frozenset({"@who"})]
    nearest, share = nearest_question(("kremlin", "announc", "@who"), questions, lambda t: 1.0)
    assert nearest == frozenset({"kremlin", "announc"})
    assert share == pytest.approx(2 / 3)
    # Weighed by IDF: a rare word outweighs two common ones.
    idf = {"kremlin": 1.0, "announc": 1.0, "@who": 4.0}.__getitem__
    nearest, share = nearest_question(("kremlin", "announc", "@who"), questions, idf)
    assert nearest == frozenset({"@who"}) and share == pytest.approx(4 / 6)
    assert nearest_question(("kremlin",), [], lambda t: 1.0) == (None, 0.0)


def test_the_decision_weighs_whether_one_question_of_the_fact_asks_it(facts):
    index = FactIndex(facts)
    score, coverage = FEATURES.index("score"), FEATURES.index("coverage")
    nearest = FEATURES.index("score_x_nearest")
    asked = index.match("when is the call?", "en").evidence
    assert asked[nearest] == pytest.approx(asked[score])  # "when is the call" holds it all
    # Every word is the format's, but Putin only from its Russian and Ukrainian questions
    # about a visit: its nearest question, "where are the talks held", holds the rest.
    pieced = index.match("where will putin talk from", "en")
    # (ranked whatever the shipped decision makes of it: `candidates` are only suggestions)
    assert index.rank(pieced.tokens)[0].fact_id == "talks-format"
    assert pieced.evidence[coverage] == 1.0
    assert pieced.evidence[nearest] < 0.8 * pieced.evidence[score]
