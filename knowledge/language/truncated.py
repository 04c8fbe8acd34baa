"""Reading a message's cut-off last word as the known word it is the start of ("когда
разговор путина и байд" → Байден, "что обсуд" → обсудить).

A message is cut where it ends, so only its last word is read so; and only when the start
is long enough and every word the fact base knows that begins with it reads as one token:
"пере" starts переговоры and передать, "ca" call and case, so neither is read at all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping

# Fewer letters than this start too many words to say which one was meant ("ca", "пер").
SHORTEST_START = 4
# Known words read past a start before it is taken as too common a start to tell.
MOST_COMPLETIONS = 40


class StartReader:
    """The known words in order, to find those a cut-off word starts (immutable)."""

    def __init__(self, surface: Mapping[str, str]):
        """`surface`: each known word as written → its token ("" for a stopword)."""
        self._surface = surface
        self._words = sorted(surface)

    def completed(self, start: str) -> str | None:
        """The token of the known words `start` is the beginning of, None when it is too
        short, begins none, or begins words of different tokens. Readings of one word whose
        tokens both begin with `start` (the aspects "обговорити", "обговорювати") are one
        word: the token more of the words read as is taken. A start of stopwords only is
        no content word and is left alone."""
        if len(start) < SHORTEST_START or not start.isalpha():
            return None
        i = bisect_left(self._words, start)
        begun = [
            word
            for word in self._words[i : i + MOST_COMPLETIONS + 1]
            if word.startswith(start) and word != start
        ]
        if len(begun) > MOST_COMPLETIONS:
            return None
        tokens = Counter(self._surface[word] for word in begun)
        if not tokens or "" in tokens:
            return None
        if len(tokens) > 1 and not all(token.startswith(start) for token in tokens):
            return None
        return max(sorted(tokens), key=lambda token: tokens[token])
