"""Evidence on the best-ranked fact that its score does not carry: what the matcher tells the
decision (decision.py) besides the ranking's numbers."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Protocol

from rapidfuzz import fuzz, process

from knowledge.language.text import CYRILLIC


class Ranked(Protocol):
    fact_id: str


def wording_agrees(
    asked: str,
    ranked: Sequence[Ranked],
    wordings: Mapping[tuple[str, bool], Sequence[str]],
) -> bool:
    """Whether the question, read as written, is closest to a question of the fact ranked
    first. Reduced words miss what wording keeps (word order, endings, the small words);
    when both readings pick the same fact, a wrong answer is much rarer. `ranked`: the head
    of the ranking, best first; `wordings`: each fact's questions as written, normalised,
    by (fact, whether Cyrillic), compared within the question's own script only."""
    if len(ranked) < 2:
        return True
    script = bool(CYRILLIC.search(asked))
    owners, texts = [], []
    for candidate in ranked:  # best first: a tie goes to the higher rank
        for wording in wordings.get((candidate.fact_id, script), ()):
            owners.append(candidate.fact_id)
            texts.append(wording)
    best = process.extractOne(asked, texts, scorer=fuzz.ratio)
    return best is None or owners[best[2]] == ranked[0].fact_id


def nearest_question(
    tokens: Sequence[str], questions: Iterable[frozenset[str]], idf: Callable[[str], float]
) -> frozenset[str] | None:
    """The fact's question sharing most of the question's IDF weight. `tokens`: the
    question's, read; `questions`: the fact's own, read."""
    weights = {t: idf(t) for t in set(tokens)}
    best, held = None, 0.0
    for question in questions:
        # fsum: exact, so the set's order (which moves with the hash seed) cannot tip a tie
        shared = math.fsum(w for t, w in weights.items() if t in question)
        if best is None or shared > held:
            best, held = question, shared
    return best


def names_every_intent(tokens: Sequence[str], nearest: frozenset[str] | None) -> bool:
    """Whether the fact's question sharing most of the asked weight (`nearest_question`)
    names every kind and concept the question does (the lexicon's @ words: @when, @who,
    @call ...): the decision's `intent_kept`.

    The score is the best of the fact's questions by the words they share; a fact can rank
    first through a question that shares the plain words but asks something else ("how did
    the Kremlin announce the talks" nearest to "did the Kremlin announce it", without the
    talks). `tokens`: the question's, read."""
    named = {t for t in tokens if t.startswith("@")}
    return not named or (nearest is not None and named <= nearest)


def crossed(
    tokens: Sequence[str],
    nearest: frozenset[str] | None,
    known: Callable[[str], bool],
    kinds: Collection[str],
) -> bool:
    """Whether the question and the best fact's nearest question (`nearest_question`) each
    name something the other does not, the question's a word the base knows: one thing put
    for another ("who will present the American position" nearest to "who will present
    Russia's position"), which the score, counting what they share, cannot see. The kinds
    asked (@when, @who: `kinds`) are left out on both sides. `tokens`: the question's, read."""
    if nearest is None:
        return False
    asked = {t for t in tokens if t not in kinds}
    return any(known(t) for t in asked - nearest) and bool(nearest - asked - set(kinds))


CONDITION = "@if"


def kind_swapped(
    tokens: Sequence[str],
    nearest: frozenset[str] | None,
    kinds: Collection[str],
    alike: Collection[str] = (),
) -> bool:
    """Whether the question asks a kind of thing its best fact's nearest question
    (`nearest_question`) does not, and that question asks one the question does not: "о чём
    будут говорить президенты" nearest to "когда будут говорить президенты" (@topic put for
    @when), which the score, counting the words they share, cannot see. `kinds`: the kinds
    asked (the lexicon's intents: @when, @who ...); `alike`: kinds that ask the same thing
    (@when and @time: "what time" for "when" is no swap). A condition ("if") asks no kind.
    Asking more ("when and who") or less ("and Peskov?") than the nearest is not a swap."""
    if nearest is None:
        return False

    def asked(among: Iterable[str]) -> set[str]:
        return {
            min(alike) if t in alike else t for t in among if t in kinds and t != CONDITION
        }

    question, its_nearest = asked(tokens), asked(nearest)
    return bool(question - its_nearest) and bool(its_nearest - question)


def outside_conditions(tokens: Sequence[str]) -> list[str]:
    """The tokens not inside a condition: a condition runs from its "if" (@if: "если", "в
    разі") to the end of the text, the way a fact's questions put it last ("will the US help
    if Russia invades", "что если Россия нападет")."""
    plain = []
    for token in tokens:
        if token == CONDITION:
            break
        plain.append(token)
    return plain


def conditional_only(texts: Iterable[Sequence[str]]) -> frozenset[str]:
    """The words a fact uses only inside a condition. Asked outside one ("will Russia
    invade?" of "what will the US do if Russia invades"), such a word asks whether the
    condition holds, which the fact does not say. `texts`: the fact's questions and texts,
    each read in order."""
    inside: set[str] = set()
    outside: set[str] = set()
    for tokens in texts:
        plain = outside_conditions(tokens)
        outside.update(plain)
        inside.update(t for t in tokens[len(plain) :] if not t.startswith("@"))
    return frozenset(inside - outside)


def gives_the_time_named(best: str, owners: Collection[str] | None) -> bool:
    """Whether the hour or day the question names decided its best fact: the fact is one of
    `owners`, the facts whose own text or event gives every hour or day named (dated.py works
    them out, and asks the ranking among them only when the first fact does not give it). None:
    the question was ranked among all facts, and no hour or day chose among them."""
    return owners is not None and best in owners
