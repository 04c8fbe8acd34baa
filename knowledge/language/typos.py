"""Reading a typo as the known word it most likely meant ("перигаворы" → "переговоры").

Known words are those of one fact base, each with the token it stands for; the reader is
built with its index and, like it, never changes, so a correction once found is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Users' unknown words are unbounded: past this many, the kept corrections start afresh.
KEPT_CORRECTIONS = 50_000


def allowed_edits(size: int) -> int:
    """The edits a slip of a word of `size` letters may make: one up to 7, two up to 11,
    then three (the place names' slips are read by the same rule)."""
    return 1 if size <= 7 else 2 if size <= 11 else 3


class TypoReader:
    def __init__(self, surface: Mapping[str, str]):
        """`surface`: each known word as written → the token it stands for ("" for a word
        that is dropped, such as a stopword: its typo "teh" is dropped too)."""
        self._surface = surface
        self._by_start: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in surface:
            self._by_start[word[0], len(word)].append(word)
        self._corrections: dict[str, str | None] = {}

    def corrected(self, word: str) -> str | None:
        """The token of the known word a typo most likely meant, None if none is near.

        Edits allowed grow with length (one up to 7 letters, two up to 11, then three); the
        first letter must agree and a word may lose at most one letter, so "joke" never
        becomes "joe" nor "погода" "года".
        """
        if word in self._corrections:
            return self._corrections[word]
        if len(self._corrections) > KEPT_CORRECTIONS:
            self._corrections.clear()
        size = len(word)
        allowed = allowed_edits(size)
        pool = [
            w
            for length in range(size - 1, size + allowed + 1)
            for w in self._by_start.get((word[0], length), ())
        ]
        corrected = None
        near = process.extract(word, pool, scorer=OSA.distance, score_cutoff=allowed, limit=8)
        # Equally near, a word the typo only left a letter out of comes first: a dropped
        # letter is the commonest slip ("whn" is "when" before "who").
        near.sort(key=lambda item: (item[1], not _left_out_of(word, item[0])))
        for found, _, _ in near:
            if size > 4 or len(found) >= size:
                corrected = self._surface[found]
                break
        self._corrections[word] = corrected
        return corrected


def _left_out_of(typo: str, word: str) -> bool:
    """Whether `typo` is `word` with letters left out, the rest in order."""
    letters = iter(word)
    return all(letter in letters for letter in typo)
