"""Words typed run together or with a letter held down, read as meant: "whenisthecall" is
"when is the call", "ктотакойпесков" "кто такой песков", "who'sPeskov" "who's Peskov",
"когдаааа" "когда".

The rule: a letter repeated three times or more is one letter (or two, when only that makes
a known word); a run of letters that is no known word is split into known words when exactly
one split has the fewest pieces, every piece a known word (`vocabulary`: the fact base's
words, the lexicon's) of three letters at least or one of the short words of
data/merged.yaml, and the pieces read as words (`_reads_as_words`: one a word of the fact
base's or the lexicon's that is no stopword, `content`). The split is a dynamic programme
over the run, bounded by the longest known word, so its cost grows with the run's length,
never with the vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from itertools import pairwise

# A letter held down: three or more of it.
_HELD = re.compile(r"([^\W\d_])\1{2,}")
# Where a lower-case letter meets an upper-case one inside a word: "who'sPeskov".
_CAMEL = re.compile(r"(?<=[a-zа-яёіїєґ'])(?=[A-ZА-ЯЁІЇЄҐ])")
# A run is split only from this many letters, and no further than this: a longer run of
# letters is no sentence typed without spaces but noise, and is left to the typo reader.
SHORTEST_RUN = 7
LONGEST_RUN = 40
# Shorter than this, a piece is one of the short words listed.
SHORTEST_PIECE = 3
# The word that is no stopword a split holds has this many letters at least.
CONTENT_PIECE = 4
_LATIN = re.compile(r"[a-z']+")
_WORDISH = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def squeezed(word: str, known: Callable[[str], bool]) -> str:
    """`word` with each letter held down read once ("когдаааа" → "когда"), or twice where
    only that is a known word ("zzoooom" → "zoom")."""
    if not _HELD.search(word):
        return word
    once = _HELD.sub(r"\1", word)
    if known(once):
        return once
    twice = _HELD.sub(r"\1\1", word)
    return twice if known(twice) else once


def split_run(
    run: str,
    vocabulary: Set[str],
    short: Set[str],
    content: Set[str],
    longest: int,
    openers: Set[str] = frozenset(),
) -> list[str] | None:
    """The one split of `run` into the fewest known words (two at least, one of them
    `content`), None when there is none or when two splits tie ("whenisthecall" → when, is,
    the, call)."""
    size = len(run)
    if size < SHORTEST_RUN or size > LONGEST_RUN:
        return None
    # best[i]: (pieces, ways, where the last piece starts) for run[:i]; ways capped at 2.
    best: list[tuple[int, int, int] | None] = [None] * (size + 1)
    best[0] = (0, 1, 0)
    for end in range(1, size + 1):
        found: tuple[int, int, int] | None = None
        for start in range(max(0, end - longest), end):
            before = best[start]
            if before is None:
                continue
            piece = run[start:end]
            if piece not in short and (len(piece) < SHORTEST_PIECE or piece not in vocabulary):
                continue
            pieces = before[0] + 1
            if found is None or pieces < found[0]:
                found = (pieces, before[1], start)
            elif pieces == found[0]:
                found = (pieces, min(2, found[1] + before[1]), found[2])
        best[end] = found
    whole = best[size]
    if whole is None or whole[0] < 2 or whole[1] != 1:
        return None
    pieces: list[str] = []
    end = size
    while end > 0:
        step = best[end]
        assert step is not None
        pieces.append(run[step[2] : end])
        end = step[2]
    pieces.reverse()
    if len(pieces) == 2 and _LATIN.fullmatch(run) and pieces[0] not in openers:
        return None  # no English dictionary says "insecurity" is a word: see data/merged.yaml
    return pieces if _reads_as_words(pieces, content) else None


def _reads_as_words(pieces: list[str], content: Set[str]) -> bool:
    """Whether a split reads as words someone typed, not as letters cut where they fit: a
    word of four letters or more that is no stopword among them ("weather" is no "we at her",
    "together" no "to get her"), no two short words side by side ("ковидом" is no "ко ви
    дом") and no one-letter word last ("саммарі" is no "сам мар і")."""
    if not any(len(piece) >= CONTENT_PIECE and piece in content for piece in pieces):
        return False
    if len(pieces[-1]) == 1:
        return False
    return not any(
        len(a) < SHORTEST_PIECE and len(b) < SHORTEST_PIECE for a, b in pairwise(pieces)
    )


def unmerged(
    text: str,
    vocabulary: Set[str],
    short: Set[str],
    content: Set[str],
    known: Callable[[str], bool],
    openers: Set[str] = frozenset(),
    longest: int | None = None,
) -> str:
    """`text` with held letters squeezed and run-together words split (see the module's
    rule); `known` says whether a word stands as typed (a dictionary word, a name the fact
    base knows), which is asked only of a word the rule would change. `longest` is the
    vocabulary's longest word, if the caller keeps it (a large base's vocabulary is long)."""
    if not vocabulary:
        return text
    longest = longest or max(map(len, vocabulary))

    def reread(found: re.Match[str]) -> str:
        typed = found.group()
        word = typed.casefold().replace("ё", "е")
        parts = _CAMEL.split(typed)
        if len(parts) > 1:
            lowered = [p.casefold().replace("ё", "е") for p in parts]
            if all(p in vocabulary for p in lowered) and not known(word):
                return " ".join(parts)
        word = squeezed(word, known)
        pieces = split_run(word, vocabulary, short, content, longest, openers)
        if pieces is None or known(word):
            return word if word != typed.casefold().replace("ё", "е") else typed
        return " ".join(pieces)

    return _WORDISH.sub(reread, text)
