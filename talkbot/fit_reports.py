"""What scripts/fit_decision.py prints beside its choice: train without the sealed wave and
the sealed wave around the chosen threshold, validation with it, a count's spread over the
partitions of the weights' folds, and train read leave one writer out. Numbers in, lines out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from knowledge.language.decision import DecisionModel
from talkbot.evaluation import wave_of
from talkbot.fitting import averaged_bound, by_writer_probabilities, counts
from talkbot.unread import Sealed, Unread


def sealed_report(
    sealed: Sealed,
    probability: np.ndarray,
    y: np.ndarray,
    threshold: float,
    asked: Sequence[float] = (),
) -> str:
    """The sealed wave's answers at the chosen threshold and the thresholds around it: what a
    new user's questions get, and what each step of the threshold trades. Train without it
    is also given at the thresholds `asked` for, where steps are compared."""
    read = np.atleast_2d(probability)[:, ~sealed.inside]
    lines = ["train without the sealed wave (what engineers read; judge a step here):"]
    around = {round(near, 3) for near in (threshold - 0.01, threshold, threshold + 0.01)}
    for near in sorted(at for at in around | {round(at, 3) for at in asked} if at < 1):
        right, wrong = (float(np.mean(c)) for c in counts(read, y[~sealed.inside], near))
        lines.append(
            f"  threshold {near:.3f}: {right:.1f} right, {wrong:.1f} confidently wrong"
        )
    lines.append(f"sealed wave {sealed.wave} ({sealed.total} train questions no engineer read):")
    for near in around_it(threshold, 5):
        right, wrong = sealed.counts(probability, y, near)
        mark = "  <- chosen" if near == round(threshold, 3) else ""
        lines.append(
            f"  threshold {near:.3f}: {right:.1f} right, {wrong:.1f} confidently wrong "
            f"({wrong / sealed.total:.2%}; 95% upper bound "
            f"{averaged_bound(wrong, sealed.total):.2%}){mark}"
        )
    return "\n".join(lines)


def around_it(threshold: float, hundredths: int) -> list[float]:
    """Thresholds a few hundredths either side of the chosen one, and thousandths next to it
    (where the top of the scale is read in thousandths), under 1."""
    steps = {round(threshold + k * 0.01, 3) for k in range(-hundredths, hundredths + 1)}
    steps |= {round(threshold + k * 0.002, 3) for k in range(-2, 3)}
    return sorted(step for step in steps if 0 < step < 1)


def unread_report(
    unread: Unread, model: DecisionModel, probability: np.ndarray, y: np.ndarray
) -> str:
    """Validation and the sealed wave together around the chosen threshold (what it was
    held to): validation lines, not for engineers judging a step."""
    lines = [f"validation and sealed wave together ({unread.size} questions; chosen on):"]
    for near in around_it(model.threshold, 3):
        right, wrong = unread.counts(model, probability, y, near)
        mark = "  <- chosen" if near == round(model.threshold, 3) else ""
        lines.append(
            f"  validation+sealed at {near:.3f}: {right:.1f} right, {wrong:.1f} confidently "
            f"wrong ({wrong / unread.size:.2%}; 95% upper bound "
            f"{averaged_bound(wrong, unread.size):.2%}){mark}"
        )
    return "\n".join(lines)


def spread(probability: np.ndarray, y: np.ndarray, threshold: float, total: int) -> str:
    """The averaged right and wrong answers at a threshold, with their range and SD over the
    partitions: a step's before and after differ by more than the split's noise, or not."""
    right, wrong = counts(probability, y, threshold)
    return (
        f"threshold {threshold:.3f}: {right.mean():.1f} right (min-max {right.min()}-"
        f"{right.max()}, SD {right.std():.1f}), {wrong.mean():.1f} confidently wrong (min-max "
        f"{wrong.min()}-{wrong.max()}) of {total} questions, averaged over {len(right)} "
        f"partitions of the weights' folds"
    )


def by_writer_report(
    x: np.ndarray, y: np.ndarray, groups: Sequence[str], asked: Sequence[float], sealed: int
) -> str:
    """Train (without the sealed wave) read leave one writer out: each wave's examples by
    weights fitted on the other waves' (the base's reading stays the folds' own). Printed
    next to the nested estimate, whose folds are dealt by paraphrase group: the same
    thresholds, and each writer's confident wrong answers at the first of them."""
    waves = np.array([wave_of(group) for group in groups])
    read = waves != sealed
    probability = by_writer_probabilities(x[read], y[read], waves[read])
    lines = ["train by writer (leave one wave out; judge a step here too):"]
    for at in asked:
        right, wrong = (int(c[0]) for c in counts(probability, y[read], at))
        lines.append(f"  threshold {at:.3f}: {right} right, {wrong} confidently wrong")
    if asked:
        low = min(asked)
        wrong_at = (probability >= low) & (y[read] == 0)
        by_wave = ", ".join(
            f"{wave}: {int(np.sum(wrong_at & (waves[read] == wave)))}"
            for wave in sorted(set(waves[read]))
        )
        lines.append(f"  confidently wrong at {low:.3f} by writer: {by_wave}")
    return "\n".join(lines)
