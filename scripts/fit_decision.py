"""Fit the matcher's decision model (knowledge/language/data/decision.yaml).

The weights and the threshold are fitted on the corpus's train split alone; validation is
read once, at the chosen threshold, as an estimate nothing was chosen on; test is never read.
Every question is put to the whole engine with a decision that answers whatever ranks first;
the example is positive when that first fact is a right answer. Such an engine never reads
Latin-typed Russian or Ukrainian ("kogda peregovory") in Cyrillic, as the bot does when it
declines the English reading, nor asks a message of several sentences by its question alone
when the whole is declined, so the fit runs twice: the second time, a question the first
pass's decision answers in another reading gives that reading's evidence.

Train questions are read out of fold: the base holds some of them word for word (attached
from /unanswered by scripts/attach_train_questions.py, or written alike by a curator), and a
question the base holds is far easier than a new one. So the train groups are split into
folds, and each fold is asked of a base without the fold's own questions. The weights that
read an example's evidence are fitted on the other folds' examples (nested), so every train
probability is out of fold for both the base and the weights; the shipped weights are fitted
on all of train. Which fold a group falls in is arbitrary, and one partition of the weights'
folds swung the counts at the threshold (and the threshold) by more than most steps gain: the
nesting is repeated over --repeats partitions (fixed seeds, the first the base's own; the
base's out-of-fold reading stays one pass, the costly part) and the counts averaged.

The threshold is the lowest at which train's confident wrong answers (nested out of fold,
averaged over the partitions) are within --max-wrong of train's questions with a margin for
sampling: the one-sided 95% upper confidence bound (Clopper-Pearson) of their share, not the
share itself. The right and wrong answers there are printed with their spread over the
partitions, against which a step's before and after are judged. And the train
conversations' confident wrong turns (first turns and follow-ups, "how about Rome?", "who
said that?"), asked of a base without their turns, must stay within --max-wrong of their
turns: a follow-up is answered through the conversation, not as a lone question, so the
conversations are run through the engine itself at each threshold tried (only where the
questions already keep the bound: a few runs of a second each).

Train's questions were read by the engineers who tuned the reading: every word fixed was found
among train's misses and wrong answers, so even nested out of fold train promises fewer wrong
answers than a new user meets (held-out test showed two to four times train's share). So the
threshold must also keep the unread questions' confident wrong answers (their 95% upper
bound, as train's) within --max-wrong of them: validation's (read by no engineer to keep or
drop a change), asked of the whole base, every answer a message gets counted, and the sealed
wave's (SEALED_WAVE: the newest writer's train questions, read by no one while it is the
newest; nested out of fold, averaged), pooled (talkbot/unread.py says why). The fit
prints the sealed wave's answers and both together at the thresholds around the chosen one:
what each step of it trades for new users. Test is read once, at the end, as the estimate.

Run from the repository root: `python scripts/fit_decision.py [--write]`. Needs numpy (a
dependency of timezonefinder, so it is installed).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import yaml

from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS, FEATURES, MODEL_PATH, DecisionModel
from knowledge.language.text import normalize
from knowledge.model import Fact
from knowledge.places.zones import use_bundled_zones
from knowledge.storage.content import Content, load_content
from talkbot.evaluation import Item, Split, load_split, score
from talkbot.fit_reports import by_writer_report, sealed_report, spread, unread_report
from talkbot.fitting import (
    averaged_bound,
    choose_threshold,
    counts,
    fit_model,
    grouped_upper_bound,
    partition,
    partitions,
    repeated_probabilities,
    suggestion,
)
from talkbot.unread import Unread, sealed_of, several_asks

HEADER = """# The matcher's decision: P(right) = 1 / (1 + exp(-(bias + sum(weight * feature)))),
# answered when P >= threshold. Features: knowledge/language/decision.py. Fitted by
# scripts/fit_decision.py on the corpus's train split, read out of fold; threshold the
# lowest whose train confident wrong answers (weights too fitted out of fold, the count
# averaged over 10 partitions of their folds) have a 95% upper bound within 1% of train's
# questions, whose conversations' wrong turns (train's and validation's, follow-ups too)
# are within 1% of their turns, and whose unread questions (validation and the sealed
# wave, the train questions no engineer read) have a 95% upper bound of their wrong answers
# (every answer a validation message gets) within 1% of them together. Test is the
# estimate. Fitted twice, the second time on the readings the first decision answers in
# (Cyrillic for Latin).
"""


def examples(
    engine: Engine, items: Sequence[Item], real: Engine | None = None
) -> tuple[np.ndarray, np.ndarray, list[Item]]:
    """Evidence, whether the first-ranked fact is right, and the items these examples are of.

    `engine` answers whatever ranks first, so it never declines an English reading and never
    reads "kogda peregovory" in Cyrillic, as the bot does when the English reading is declined
    (and it keeps the Russian reading where the bot would go on to the Ukrainian), nor asks
    a message of several sentences by its question alone. Given `real`, the engine with a
    fitted decision, a question it answers in another reading gives that reading's evidence:
    the one the bot answers with."""
    rows, right, kept = [], [], []
    for item in items:
        answer = engine.ask(item.q, lang_hint=item.lang)
        if real is not None:
            read = real.ask(item.q, lang_hint=item.lang)
            if read.answered and (read.lang, read.evidence) != (answer.lang, answer.evidence):
                answer = read
        if answer.fact is None or not answer.evidence:
            continue  # nothing ranked, or a fact that never answers this kind of question
        rows.append(answer.evidence)
        right.append(answer.fact.id in (item.label, *item.also))  # a decline's `also` too
        kept.append(item)
    return np.array(rows, dtype=float), np.array(right, dtype=float), kept


def out_of_fold(
    content: Content,
    items: Sequence[Item],
    real: DecisionModel | None = None,
    folds: int = 5,
    seed: int = 7,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """`examples` of items each asked of a base without its own fold's questions, the folds
    made of whole paraphrase groups (so a near-twin in the base gives nothing away), with
    each example's fold and paraphrase group; `real`, the fitted decision the bot would ask
    them with."""
    fold_of = partition([item.group for item in items], folds, seed)
    parts = []
    for fold in range(folds):
        asked = [item for item in items if fold_of[item.group] == fold]
        held = {normalize(item.q) for item in asked}
        facts = [_without_questions(fact, held) for fact in content.facts]
        engine = Engine(facts, content.sources, events=content.events, decision=ALWAYS)
        bot = Engine(facts, content.sources, events=content.events, decision=real) if real else None
        parts.append(examples(engine, asked, bot))
    x = np.vstack([part[0] for part in parts if len(part[0])])
    y = np.concatenate([part[1] for part in parts])
    fold = np.concatenate([np.full(len(part[1]), n) for n, part in enumerate(parts)])
    return x, y, fold, [item.group for part in parts for item in part[2]]


def _without_questions(fact: Fact, held: set[str]) -> Fact:
    questions = {
        lang: tuple(q for q in asked if normalize(q) not in held)
        for lang, asked in fact.questions.items()
    }
    return dataclasses.replace(fact, questions=questions)


@dataclasses.dataclass(frozen=True)
class Talks:
    """A split's conversations and the facts they are asked of."""

    name: str
    facts: Sequence[Fact]
    conversations: list[list[Item]]

    @property
    def turns(self) -> int:
        return sum(len(talk) for talk in self.conversations)


def talks_of(content: Content, split: Split, *, out_of_fold: bool) -> Talks:
    """A split's conversations; out of fold, asked of a base without any of their turns (some
    first turns are held word for word, as train questions are)."""
    held = {normalize(item.q) for talk in split.conversations for item in talk}
    facts = [_without_questions(f, held) for f in content.facts] if out_of_fold else content.facts
    return Talks(split.name, facts, split.conversations)


def wrong_turns(content: Content, model: DecisionModel, talks: Talks) -> int:
    """The conversations' confidently wrong turns, each conversation run turn by turn through
    the engine, as `python -m bot eval` scores them."""
    engine = Engine(talks.facts, content.sources, events=content.events, decision=model)
    scored = score(engine, Split(talks.name, [], talks.conversations))
    return sum(turn.outcome == "wrong" for turn in scored)


def conversations_hold(
    content: Content, model: DecisionModel, talks: Sequence[Talks], max_wrong: float
) -> Callable[[float], bool]:
    """Whether, at a threshold, the conversations' confident wrong turns stay within max_wrong
    of each split's turns (and so of all of them together)."""

    def holds(threshold: float) -> bool:
        at = dataclasses.replace(model, threshold=threshold)
        return all(wrong_turns(content, at, each) <= max_wrong * each.turns for each in talks)

    return holds


# The newest writer's wave: its train questions are tuned on by no one (no engineer reads
# them while the wave is the newest), so their answers are a new user's. Next round's writer
# takes the seal over; this wave's questions then become train like the rest.
SEALED_WAVE = 20


def settle(
    x: np.ndarray,
    y: np.ndarray,
    groups: Sequence[str],
    splits: Sequence[dict[str, int]],
    total: int,
    content: Content,
    talks: Sequence[Talks],
    max_wrong: float,
    unread: Unread | None = None,
) -> tuple[DecisionModel, np.ndarray]:
    """The decision fitted on all of x, its threshold chosen on x read nested out of fold
    (of `total` questions) under each of `splits`, and those readings. With `unread`, the
    threshold must also keep the unread questions' wrong share within max_wrong."""
    model = fit_model(x, y)
    probability = repeated_probabilities(x, y, groups, splits)
    talked = conversations_hold(content, model, talks, max_wrong)
    kept = unread.holds(model, probability, y, max_wrong) if unread else (lambda _: True)
    threshold, _, _ = choose_threshold(
        probability, y, total, max_wrong, lambda t: kept(t) and talked(t)
    )
    suggest = suggestion(probability, y, threshold)
    return DecisionModel(model.weights, model.bias, threshold, suggest), probability


def unread_of(
    content: Content,
    items: Sequence[Item],
    groups: Sequence[str],
    validation: Split,
    model: DecisionModel | None,
    wave: int,
) -> Unread:
    """The sealed wave among train's ranked examples, and validation's evidence, read as the
    bot with `model` would read it (every question in the reading it answers in)."""
    engine = Engine(content.facts, content.sources, events=content.events, decision=ALWAYS)
    bot = None  # the first pass: no decision yet, every question in the engine's reading
    if model is not None:
        bot = Engine(content.facts, content.sources, events=content.events, decision=model)
    # A message of several asks is counted whole, as eval counts it (every answer it gets);
    # answering everything, the engine gives such a message more than one answer.
    several = [item for item in validation.items if engine.ask(item.q, lang_hint=item.lang).more]
    single = [item for item in validation.items if item not in several]
    vx, vy, _ = examples(engine, single, bot)
    sealed = sealed_of(items, groups, wave)
    # The engine is done with: the count of several asks takes it over, threshold by threshold.
    return Unread(sealed, vx, vy, len(validation.items), several_asks(engine, several))


def main(argv: list[str] | None = None) -> int:
    use_bundled_zones()  # zones from the tzdata package, as the bot reads them
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--max-wrong",
        type=float,
        default=0.01,
        help="confident wrong answers allowed (95%% upper bound), share of train questions",
    )
    parser.add_argument(
        "--repeats", type=int, default=10, help="partitions of the weights' nesting folds"
    )
    parser.add_argument(
        "--sealed-wave",
        type=int,
        default=SEALED_WAVE,
        help="the writer's wave whose train questions no engineer has read (0: none)",
    )
    parser.add_argument(
        "--at",
        type=float,
        action="append",
        default=[],
        help="also print train's nested answers at this threshold (repeatable): a step's "
        "before and after compared at one threshold, wherever the choice lands",
    )
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    parser.add_argument(
        "--evidence",
        type=Path,
        help="also save the final pass's train evidence, labels and groups (.npz): for "
        "trying a model without reading the corpus again",
    )
    args = parser.parse_args(argv)
    content = load_content()
    train, validation = load_split("train"), load_split("validation")
    train_talks = talks_of(content, train, out_of_fold=True)
    validation_talks = talks_of(content, validation, out_of_fold=False)
    both_talks = [train_talks, validation_talks]
    total = len(train.items)
    splits = partitions([item.group for item in train.items], repeats=args.repeats)
    model = None
    # Twice: the second time each question is read as the first pass's decision reads it.
    for rerun in (False, True):
        x, y, _, groups = out_of_fold(content, train.items, model)
        unread = unread_of(content, train.items, groups, validation, model, args.sealed_wave)
        model, probability = settle(
            x, y, groups, splits, total, content, both_talks, args.max_wrong, unread
        )
        if not rerun:
            print(f"first pass: {spread(probability, y, model.threshold, total)}")
    threshold = model.threshold
    wrong = float(np.mean(counts(probability, y, threshold)[1]))
    print(f"train: {len(y)} ranked questions, {int(y.sum())} with the right fact first")
    print(
        f"train (nested out of fold, chosen on): {spread(probability, y, threshold, total)} "
        f"(95% upper bound {averaged_bound(wrong, total):.2%}); conversations "
        f"{wrong_turns(content, model, train_talks)} of {train_talks.turns}; "
        f"suggestions from {model.suggest:.2f}"
    )
    # Not part of the choice (yet): the same share bounded over paraphrase groups, which
    # fail together; the binomial bound above treats every question as independent.
    answered_wrong = (np.atleast_2d(probability) >= threshold) & (y == 0)
    sizes = Counter(item.group for item in train.items)
    grouped = grouped_upper_bound(answered_wrong.mean(axis=0), groups, sizes)
    print(f"  bounded over {len(sizes)} paraphrase groups instead (bootstrap, 95%): {grouped:.2%}")
    # The threshold steps where the averaged count crosses the bound; a step's before and
    # after are comparable at one threshold too.
    for near in (threshold - 0.01, threshold + 0.01):
        print(f"  near it: {spread(probability, y, near, total)}")
    for asked in args.at:
        print(f"  asked for: {spread(probability, y, asked, total)}")
    print(by_writer_report(x, y, groups, args.at or [threshold], args.sealed_wave))
    if args.evidence:
        np.savez(args.evidence, x=x, y=y, groups=np.array(groups), features=np.array(FEATURES))
    if unread.sealed:
        print(sealed_report(unread.sealed, probability, y, threshold, args.at))
    print(unread_report(unread, model, probability, y))
    # Read again as the final decision reads it (the passes read it as the one before).
    shipped = unread_of(content, train.items, groups, validation, model, args.sealed_wave)
    right, wrong = shipped.validation(model, threshold)
    print(
        f"validation (chosen on, with the sealed wave; the bot as shipped): threshold "
        f"{threshold:.3f}: {int(right)} right, {int(wrong)} confidently wrong of "
        f"{len(validation.items)} questions; conversations "
        f"{wrong_turns(content, model, validation_talks)} of {validation_talks.turns}"
    )
    for name, weight in zip(FEATURES, model.weights, strict=True):
        print(f"  {name:18} {weight:+.3f}")
    if args.write:
        body = yaml.safe_dump(model.to_dict(), sort_keys=False)
        MODEL_PATH.write_text(HEADER + body, encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(Path.cwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
