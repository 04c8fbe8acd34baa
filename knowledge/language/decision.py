"""Whether the best-ranked fact is the answer: a logistic model over the ranking's evidence.

Hand thresholds ("decline when a word is unknown") could not tell a known question asked
with one new word ("when does the stream start") from a question about something the
article never mentions ("when does the match start"). The model weighs what matched (the
score, the share of the question's weight the fact knows, the lead over the next fact)
against what did not (unknown words, their share), fitted offline on the corpus's train
split by scripts/fit_decision.py, each train question read as new to the base (out of fold),
each weight held to the side it can sensibly take; its threshold is chosen on train too, with
a margin for sampling, so that confident wrong answers stay rare. It ships as a few numbers in
data/decision.yaml: no model library, nothing downloaded at run time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import yaml

from knowledge.i18n import SAFE_LOADER

MODEL_PATH = Path(__file__).resolve().parent / "data" / "decision.yaml"

FEATURES: tuple[str, ...] = (
    "score",  # the best fact's combined score, 0..1
    "coverage",  # share of the question's IDF weight the best fact knows
    "score_x_coverage",
    "margin",  # lead over the next fact, 0..1
    "next_coverage",  # how much the runner-up knows too: a split between two facts
    "unknown",  # words the fact base has never seen
    "unknown_share",  # ... as a share of the question's words
    "words",  # the question's content words, capped at 10, /10
    "intent",  # the question asks a kind of thing (@when, @who ...)
    "corrected_share",  # words read as typos of known words ("tall" as "talk")
    "closest",  # the best fact's nearest own question, word for word, 0..1
    "unexplained_share",  # the question's words the best fact never uses
    "shifted",  # one of them moves the question elsewhere ("next", "итоги"; words.yaml)
    "wording_agrees",  # the facts' questions as written, unreduced, point to the same fact
    # A place was taken out of the question and the rest is all the best fact's words: it
    # asks for that place's time ("when is it in Tokyo"; not "when is the election in the US").
    "place_named",
    # Of the next four facts, the share scoring within RIVAL_GAP of the best: a question the
    # ranking cannot tell between several facts (siblings, or words they all share).
    "rivals",
    "intent_kept",  # the best fact's question sharing most words asks the same kind (evidence.py)
    "crossed",  # it and the question each name a known thing the other does not (evidence.py)
    "kind_swapped",  # it asks another kind than the question (@when for @topic; evidence.py)
    # How far the best fact's nearest own question, word for word, is above CLOSE_FROM (0..1):
    # a question the fact was written for, however short ("source?"), which `closest` alone,
    # weighed against `words`, cannot let through.
    "close_wording",
    # No other fact shares any of the question's weight (the runner-up's coverage is 0, or
    # there is none), times how far the question is under ALONE_UNDER content words (0..1):
    # a word or two only one fact knows ("what website?", "вторгнення буде?", "what does NATO
    # stand for") rests on that word alone, however exactly the fact words it.
    "alone_short",
    # The runner-up knows as much of the question (its coverage) and scores within
    # RUNNER_UP_GAP of the best (how far within, 0..1): the ranking barely tells two facts
    # apart that both explain the question ("что за 18:00 в статье?", "хто написав статтю").
    # Read leave one writer out, it kept three of a new writer's wrong answers under 0.97.
    "runner_up_close",
    # The question names an hour or a day (not a place's) and the fact was chosen among the
    # facts that give it (dated.py, `at_its_hour`, `on_its_day`): "what's the 18:00 in the
    # article?" is the footage's 18:00, which the words alone ("what's ... in the article")
    # cannot say (evidence.py: `gives_the_time_named`).
    "time_owned",
)
RIVAL_GAP = 5.0
CLOSE_FROM = 0.8
ALONE_UNDER = 4
RUNNER_UP_GAP = 0.2


class Ranked(Protocol):
    score: float
    query_coverage: float
    closest: float


class Analysis(Protocol):
    tokens: tuple[str, ...]
    unknown: tuple[str, ...]
    corrected: int


def features(
    ranked: Sequence[Ranked],
    analysis: Analysis,
    unexplained: Sequence[str] = (),
    *,
    shifted: bool = False,
    wording_agrees: bool = True,
    place_named: bool = False,
    intent_kept: bool = True,
    crossed: bool = False,
    kind_swapped: bool = False,
    time_owned: bool = False,
) -> tuple[float, ...]:
    tokens, unknown = analysis.tokens, analysis.unknown
    top = ranked[0]
    runner_up = ranked[1] if len(ranked) > 1 else None
    score = top.score / 100
    words = max(len(tokens), 1)
    return (
        score,
        top.query_coverage,
        score * top.query_coverage,
        (top.score - (runner_up.score if runner_up else 0.0)) / 100,
        runner_up.query_coverage if runner_up else 0.0,
        float(len(unknown)),
        len(unknown) / words,
        min(words, 10) / 10,
        1.0 if any(t.startswith("@") for t in tokens) else 0.0,
        analysis.corrected / words,
        top.closest / 100,
        len(unexplained) / words,
        1.0 if shifted else 0.0,
        1.0 if wording_agrees else 0.0,
        1.0 if place_named and not unexplained else 0.0,
        sum(1 for c in ranked[1:5] if top.score - c.score < RIVAL_GAP) / 4,
        1.0 if intent_kept else 0.0,
        1.0 if crossed else 0.0,
        1.0 if kind_swapped else 0.0,
        max(top.closest / 100 - CLOSE_FROM, 0.0) / (1 - CLOSE_FROM),
        _alone_short(runner_up, words),
        _runner_up_close(top, runner_up),
        1.0 if time_owned else 0.0,
    )


def _alone_short(runner_up: Ranked | None, words: int) -> float:
    """`alone_short`: how short the question is (1 word 0.75 ... ALONE_UNDER words 0) when no
    other fact knows any of it."""
    if runner_up is not None and runner_up.query_coverage > 0:
        return 0.0
    return max(ALONE_UNDER - words, 0) / ALONE_UNDER


def _runner_up_close(top: Ranked, runner_up: Ranked | None) -> float:
    """`runner_up_close`: the runner-up's coverage times how far within RUNNER_UP_GAP of the
    best score it is (0 with no runner-up, or one RUNNER_UP_GAP or more behind)."""
    if runner_up is None:
        return 0.0
    behind = (top.score - runner_up.score) / 100
    return runner_up.query_coverage * max(RUNNER_UP_GAP - behind, 0.0) / RUNNER_UP_GAP


@dataclass(frozen=True)
class DecisionModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float  # answer when the probability of being right is at least this
    # Below this, the best facts are not even offered as "did you mean": the question is
    # most likely about something else ("who won the chess olympiad").
    suggest: float = 0.0

    def probability(self, evidence: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence, strict=True))
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def confident(self, evidence: Sequence[float]) -> bool:
        return self.probability(evidence) >= self.threshold

    def worth_suggesting(self, evidence: Sequence[float]) -> bool:
        return self.probability(evidence) >= self.suggest

    def to_dict(self) -> dict[str, object]:
        return {
            "threshold": round(self.threshold, 4),
            "suggest": round(self.suggest, 4),
            "bias": round(self.bias, 6),
            "weights": {name: round(w, 6) for name, w in zip(FEATURES, self.weights, strict=True)},
        }


class ModelInvalid(ValueError):
    pass


def load_model(path: Path = MODEL_PATH) -> DecisionModel:
    data = yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER)
    try:
        weights = data["weights"]
        if set(weights) != set(FEATURES):
            raise ModelInvalid(f"{path.name}: weights must name exactly {', '.join(FEATURES)}")
        model = DecisionModel(
            weights=tuple(float(weights[name]) for name in FEATURES),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            suggest=float(data.get("suggest", 0.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ModelInvalid):
            raise
        raise ModelInvalid(f"{path.name}: {exc}") from None
    if not 0.0 < model.threshold < 1.0:
        raise ModelInvalid(f"{path.name}: threshold must lie between 0 and 1")
    if not 0.0 <= model.suggest <= model.threshold:
        raise ModelInvalid(f"{path.name}: suggest must lie between 0 and the threshold")
    return model


@cache
def shipped_model() -> DecisionModel:
    return load_model()


# For fitting and evaluation: answers whatever ranks first.
ALWAYS = DecisionModel(weights=(0.0,) * len(FEATURES), bias=60.0, threshold=0.5)
