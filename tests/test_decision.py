"""The decision model: a few numbers in a data file, checked when loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.language.decision import (
    ALONE_UNDER,
    ALWAYS,
    CLOSE_FROM,
    FEATURES,
    RUNNER_UP_GAP,
    DecisionModel,
    ModelInvalid,
    features,
    load_model,
    shipped_model,
)
from knowledge.storage.content import DECISION_FILE, content_decision
from knowledge.storage.fact_file import SHIPPED_CONTENT
from tests.conftest import CONTENT, DECISION

_ZEROS = ", ".join(f"{name}: 0" for name in FEATURES)


def test_the_shipped_model_names_every_feature_and_a_threshold_between_0_and_1():
    model = shipped_model()
    assert len(model.weights) == len(FEATURES)
    assert 0 < model.threshold < 1


def _evidence(**named: float) -> list[float]:
    return [named.get(name, 0.0) for name in FEATURES]


def test_more_evidence_for_the_fact_means_more_confidence():
    model = shipped_model()
    common = {"words": 0.3, "intent": 1.0}
    weak = _evidence(
        score=0.5, coverage=0.5, score_x_coverage=0.25, margin=0.05, next_coverage=0.5,
        unknown=1.0, unknown_share=0.5, closest=0.5, unexplained_share=0.5, rivals=1.0, **common,
    )  # fmt: skip
    strong = dict(
        score=0.9, coverage=1.0, score_x_coverage=0.9, margin=0.4, next_coverage=0.2,
        closest=1.0, wording_agrees=1.0, intent_kept=1.0, **common,
    )  # fmt: skip
    assert model.probability(_evidence(**strong)) > model.probability(weak)
    shifted = _evidence(**strong, shifted=1.0)  # "when is their NEXT call"
    assert model.probability(shifted) < model.probability(_evidence(**strong))
    # Other facts scoring about as high, or a nearest question asking another kind of thing
    # ("who announced it" nearest to "when was it announced"), make the answer less likely.
    # ... or one naming another known thing than the question ("the American position").
    # A refit may find a doubt uninformative (its weight held at 0 on its side), never a
    # reason for more confidence.
    # ... or a nearest question asking another kind ("о чём" nearest to "когда").
    doubts = ({"rivals": 0.5}, {"intent_kept": 0.0}, {"crossed": 1.0}, {"kind_swapped": 1.0})
    for doubt in doubts:
        doubted = _evidence(**{**strong, **doubt})
        assert model.probability(doubted) <= model.probability(_evidence(**strong)), doubt


class _Ranked:
    def __init__(self, closest: float, score: float = 90.0):
        self.score, self.query_coverage, self.closest = score, 1.0, closest


class _Read:
    tokens, unknown, corrected = ("@source",), (), 0


def test_close_wording_is_how_far_the_nearest_question_is_above_close_from():
    def close_wording(closest: float) -> float:
        return features([_Ranked(closest)], _Read())[FEATURES.index("close_wording")]

    assert close_wording(100.0) == 1.0  # worded as one of the fact's own questions
    assert close_wording(CLOSE_FROM * 100 + (100 - CLOSE_FROM * 100) / 2) == pytest.approx(0.5)
    assert close_wording(CLOSE_FROM * 100) == close_wording(60.0) == 0.0


def test_a_short_question_worded_as_the_facts_own_is_answered_where_another_fact_shares_a_word():
    # "format?", "when?": one word, exactly one of the fact's questions. With `words` rewarding
    # length, such a question topped out at P 0.9818 under round 12's threshold of 0.982; on
    # train (read out of fold) none of 985 questions worded exactly as a fact's own, with
    # another fact sharing some of their words, was wrong.
    model = shipped_model()
    exact = dict(
        score=0.9, coverage=1.0, score_x_coverage=0.9, margin=0.4, next_coverage=0.5,
        words=0.1, intent=1.0, closest=1.0, wording_agrees=1.0, intent_kept=1.0,
        close_wording=1.0,
    )  # fmt: skip
    assert model.confident(_evidence(**exact))
    less_close = _evidence(**{**exact, "closest": 0.8, "close_wording": 0.0})
    assert model.probability(less_close) < model.probability(_evidence(**exact))


def test_a_short_question_only_one_fact_knows_is_less_sure_however_exactly_worded():
    # "what website?" (a message's second part), "вторгнення буде?": a word or two no other
    # fact shares rest on that word alone. On train out of fold these were 3 of the 35 exact
    # short questions with no other fact near, and all 3 of the 1,020 exact ones that were
    # wrong (round 17). Whether such a one-word question clears the threshold is the fit's
    # call, as the threshold is held to the unread questions' wrong answers (round 19's
    # refit puts "source?" at 0.949 against 0.940); that the flag costs it is the model's.
    model = shipped_model()
    alone = dict(
        score=0.9, coverage=1.0, score_x_coverage=0.9, margin=0.9, words=0.1, intent=1.0,
        closest=1.0, wording_agrees=1.0, intent_kept=1.0, close_wording=1.0,
    )  # fmt: skip
    shared = {**alone, "margin": 0.4, "next_coverage": 0.5}
    flagged = _evidence(**alone, alone_short=0.75)
    assert model.probability(flagged) < model.probability(_evidence(**alone))
    assert model.probability(flagged) < model.probability(_evidence(**shared))
    assert model.probability(_evidence(**alone)) - model.probability(flagged) > 0.03


class _Runner:
    def __init__(self, coverage: float):
        self.score, self.query_coverage, self.closest = 50.0, coverage, 50.0


class _Words:
    def __init__(self, n: int):
        self.tokens, self.unknown, self.corrected = tuple(f"w{k}" for k in range(n)), (), 0


def test_alone_short_is_how_short_a_question_no_other_fact_knows_is():
    def alone_short(ranked: list, words: int) -> float:
        return features(ranked, _Words(words))[FEATURES.index("alone_short")]

    top = _Ranked(100.0)
    assert alone_short([top], 1) == 0.75  # one word, no other fact at all
    assert alone_short([top, _Runner(0.0)], 2) == 0.5  # the runner-up knows none of it
    assert alone_short([top], ALONE_UNDER) == alone_short([top], 9) == 0.0  # long enough
    assert alone_short([top, _Runner(0.3)], 1) == 0.0  # another fact shares a word


def test_runner_up_close_is_how_near_a_runner_up_knowing_the_question_scores():
    def close(ranked: list) -> float:
        return features(ranked, _Words(2))[FEATURES.index("runner_up_close")]

    top = _Ranked(100.0, score=60.0)
    assert close([top]) == 0.0  # no runner-up at all
    assert close([top, _Runner(1.0)]) == pytest.approx(0.5)  # all of it, 10 points behind
    assert close([top, _Runner(0.5)]) == pytest.approx(0.25)  # half of it, as near
    far = _Ranked(100.0, score=50.0 + 100 * RUNNER_UP_GAP)
    assert close([far, _Runner(1.0)]) == 0.0  # a gap or more behind


def test_a_runner_up_as_near_and_as_knowing_makes_the_answer_less_sure():
    # "что за 18:00 в статье?", "хто написав статтю": two facts explain the question about
    # equally; leave one writer out, such first answers were wrong far more often.
    model = shipped_model()
    sure = dict(
        score=0.9, coverage=1.0, score_x_coverage=0.9, margin=0.1, next_coverage=1.0,
        words=0.2, intent=1.0, closest=1.0, wording_agrees=1.0, intent_kept=1.0,
        close_wording=1.0,
    )  # fmt: skip
    assert model.probability(_evidence(**sure, runner_up_close=0.5)) < model.probability(
        _evidence(**sure)
    )


def test_always_answers_whatever_ranks_first():
    assert ALWAYS.confident([0.0] * len(FEATURES))


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("threshold: 0.5\nbias: 0\nweights: {score: 1}\n", "weights must name exactly"),
        ("bias: 0\nweights: {}\n", "weights must name exactly"),
        (f"threshold: 2\nbias: 0\nweights: {{{_ZEROS}}}\n", "threshold must lie between 0 and 1"),
        (f"threshold: x\nbias: 0\nweights: {{{_ZEROS}}}\n", "could not convert"),
    ],
)
def test_a_bad_model_file_is_refused_naming_the_file(tmp_path: Path, text, complaint):
    path = tmp_path / "decision.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelInvalid) as refused:
        load_model(path)
    assert str(refused.value).startswith("decision.yaml: ") and complaint in str(refused.value)


def test_a_model_writes_what_it_reads(tmp_path: Path):
    import yaml

    model = DecisionModel(tuple(float(i) for i in range(len(FEATURES))), -1.5, 0.9)
    path = tmp_path / "decision.yaml"
    path.write_text(yaml.safe_dump(model.to_dict()), encoding="utf-8")
    assert load_model(path) == model


def test_the_tests_content_has_a_decision_of_its_own_naming_exactly_the_codes_features():
    # Read as text, not through load_model, so the message can say what to do about it.
    import yaml

    path = CONTENT / DECISION_FILE
    named = tuple(yaml.safe_load(path.read_text(encoding="utf-8"))["weights"])
    assert set(named) == set(FEATURES), (
        f"tests/data/content/{DECISION_FILE} names {sorted(set(named) ^ set(FEATURES))} "
        "unlike decision.FEATURES: after a feature is added or removed, copy the refitted "
        f"knowledge/language/data/{DECISION_FILE} into tests/data/content/ and read which "
        "tests change"
    )


def test_the_tests_content_is_answered_with_its_own_decision_and_the_shipped_with_the_fit(
    content, engine
):
    own = load_model(CONTENT / DECISION_FILE)
    assert content.decision == own == DECISION and engine.index.decision == own
    assert content_decision(SHIPPED_CONTENT) is shipped_model()
