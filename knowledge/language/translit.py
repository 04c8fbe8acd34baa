"""Russian and Ukrainian typed in Latin letters, read back in Cyrillic through a table of
spellings (words.yaml `translit`): "kogda" → "когда", "koly" → "коли".

The table reads each spot its first way, the longest spelling first ("shch" before "sh"
before "s"); a spelling ending in "$" holds only at a word's end ("takyi": "yi$" → "ий",
while "Kyiv" keeps "yi" → "ї"). A spelling listed twice reads two ways, and a caller that can
tell a word from a non-word (`known`) gets, per word, the first reading it accepts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

Pairs = tuple[tuple[str, str], ...]

_DIGIT = re.compile(r"\d")
# Readings tried per word: each two-way spot doubles them, and each is looked up. A word
# longer than any real one keeps its first reading (and the search stays shallow).
MAX_READINGS = 64
MAX_WORD = 30
# A word read more than this many spots away from the table's first way is a guess.
MAX_OTHER_WAYS = 3


def transliterate(text: str, pairs: Pairs, known: Callable[[str], bool] | None = None) -> str:
    """Latin `text` in Cyrillic through `pairs` (longest spelling first); with `known`, each
    word is the first of its readings that `known` accepts ("kyievom" is "києвом", not
    "кїевом"), else its first."""
    pattern, spellings = _spellings(pairs)

    def first(latin: str) -> str:
        return pattern.sub(lambda m: spellings[m.lastindex - 1], latin)

    latin_word = _latin_word(pairs)
    if known is None:
        return latin_word.sub(lambda m: first(m.group()), text.lower())

    def spelt(word: str) -> str:
        plain = first(word)
        if known(plain):
            return plain
        found = next((other for other in _readings(word, pairs) if known(other)), None)
        if found is None and _DIGIT.search(word):
            # A word with a figure in it that reads as no known word is not volapuk: "4pm"
            # keeps its figure.
            return _letters_only(word, first)
        return found or plain

    return latin_word.sub(lambda m: spelt(m.group()), text.lower())


def _letters_only(word: str, first: Callable[[str], str]) -> str:
    """`word` read by its letters alone, its figures kept as typed."""
    return re.sub(r"[^\W\d_']+|'", lambda m: first(m.group()), word)


@cache
def _latin_word(pairs: Pairs) -> re.Pattern[str]:
    """A word of the table's letters (a-z and the accented ones its spellings use: "čto",
    "nimeččyna"), with the digits volapuk types for letters ("4to": "что", "Va6ington":
    "Вашингтон") inside it; a number alone is no word and stays a number."""
    spelt = {c for latin, _ in pairs for c in latin.rstrip("$")}
    letters = "".join(sorted(c for c in spelt | set("abcdefghijklmnopqrstuvwxyz") if c.isalpha()))
    letters = re.escape(letters)
    return re.compile(f"[{letters}0-9']*[{letters}][{letters}0-9']*")


@lru_cache(maxsize=4096)
def _readings(word: str, pairs: Pairs) -> tuple[str, ...]:
    """A Latin word's Cyrillic readings, fewest spots read another way than the table's first
    first ("pochynaetsia": one other way, "e" as "є", before two), at most MAX_READINGS; none
    for a word over MAX_WORD letters."""
    if len(word) > MAX_WORD:
        return ()
    starting = _by_first_letter(pairs)

    def spelt(at: int, others: int) -> Iterator[str]:
        """Readings from `at` on with exactly `others` spots read another way."""
        if at == len(word):
            if others == 0:
                yield ""
            return
        fitting = [
            (latin, cyrillic)
            for latin, cyrillic, at_end in starting.get(word[at], ())
            if word.startswith(latin, at) and not (at_end and at + len(latin) != len(word))
        ]
        for n, (latin, cyrillic) in enumerate(fitting):
            left = others - (n > 0)
            if left >= 0:
                for rest in spelt(at + len(latin), left):
                    yield cyrillic + rest

    every = itertools.chain.from_iterable(spelt(0, others) for others in range(MAX_OTHER_WAYS + 1))
    return tuple(itertools.islice(every, MAX_READINGS))


@cache
def _by_first_letter(pairs: Pairs) -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """The table's spellings by their first letter, in the table's order; "$" as a flag."""
    starting: dict[str, list[tuple[str, str, bool]]] = {}
    for latin, cyrillic in pairs:
        at_end = latin.endswith("$")
        spelling = latin[:-1] if at_end else latin
        starting.setdefault(spelling[0], []).append((spelling, cyrillic, at_end))
    return {letter: tuple(found) for letter, found in starting.items()}


@cache
def _spellings(pairs: Pairs) -> tuple[re.Pattern[str], tuple[str, ...]]:
    # An alternation tries its branches in order at each position, as the table reads:
    # the longest spelling first ("shch" before "sh" before "s"); other characters stay.
    # A spelling ending in "$" holds only at a word's end ("takyi": "yi$" → "ий", while
    # "Kyiv" keeps "yi" → "ї"). Each branch is a group: the one that matched says which.
    branches = [
        f"({re.escape(latin[:-1])}(?![a-z']))" if latin.endswith("$") else f"({re.escape(latin)})"
        for latin, _ in pairs
    ]
    return re.compile("|".join(branches)), tuple(cyrillic for _, cyrillic in pairs)
