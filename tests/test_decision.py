"""The decision model: a few numbers in a data file, checked when loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.language.decision import (
    ALWAYS,
    FEATURES,
    DecisionModel,
    ModelInvalid,
    load_model,
    shipped_model,
)

_ZEROS = ", ".join(f"{name}: 0" for name in FEATURES)


def test_the_shipped_model_names_every_feature_and_a_threshold_between_0_and_1():
    model = shipped_model()
    assert len(model.weights) == len(FEATURES)
    assert 0 < model.threshold < 1


def test_more_evidence_for_the_fact_means_more_confidence():
    model = shipped_model()
    weak = [0.5, 0.5, 0.25, 0.05, 0.5, 1.0, 0.5, 0.3, 1.0, 0.0, 0.5, 0.5, 0.0, 0.0, 0.0]
    strong = [0.9, 1.0, 0.9, 0.4, 0.2, 0.0, 0.0, 0.3, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0]
    assert model.probability(strong) > model.probability(weak)
    shifted = [*strong[:-3], 1.0, 1.0, 0.0]  # "when is their NEXT call"
    assert model.probability(shifted) < model.probability(strong)


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
