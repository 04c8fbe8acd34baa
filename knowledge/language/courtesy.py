"""A message made only of courtesies ("hello", "добрий день, шановний боте", "thanks!",
"спасибо большое, до свидания"), read with the courtesies the lexicon sets aside around an
ask (`courtesies` in data/words.yaml), so that it is answered in kind: it asks nothing of
the article, and "the article doesn't say that" would answer a greeting with a refusal."""

from __future__ import annotations

from collections.abc import Mapping

from knowledge.language.about_bot import about_bot
from knowledge.language.text import normalize

# A courtesy is a phrase or two; a longer message says something else as well.
MAX_WORDS = 12
# Thanks or a goodbye ends a conversation however it was greeted ("hi, thanks, bye"); a
# greeting opens one ("hi, ok"); "ok" alone acknowledges the last answer.
CLOSING = "thanks"
ACKNOWLEDGED = "acknowledgement"
BY_WEIGHT = (CLOSING, "greeting", ACKNOWLEDGED)
Phrases = tuple[tuple[tuple[str, ...], str], ...]
# Each lexicon's courtesies as word tuples with their kind, longest first, by the mapping's
# identity (the mapping is kept, so the id is not reused): sorting them for every message
# cost about 0.1 ms of a 1.4 ms answer.
_SORTED: dict[int, tuple[Mapping[str, frozenset[str]], Phrases, frozenset[str]]] = {}


def courtesy_of(text: str, courtesies: Mapping[str, frozenset[str]]) -> str | None:
    """The kind of courtesy ("greeting", "thanks", "acknowledgement") a message is made of,
    apart from the words that change nothing said to the bot ("so", "bot", "please"); None
    for anything else, so "hello, when is the call?" is asked as its question."""
    words = normalize(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    by_length, first_words = _sorted(courtesies)
    fillers = about_bot().fillers
    if words[0] not in first_words and words[0] not in fillers:
        return None  # most messages: their first word opens no courtesy
    kinds: set[str] = set()
    at = 0
    while at < len(words):
        found = next(
            ((ws, kind) for ws, kind in by_length if tuple(words[at : at + len(ws)]) == ws),
            None,
        )
        if found is not None:
            kinds.add(found[1])
            at += len(found[0])
        elif words[at] in fillers:
            at += 1
        else:
            return None
    if not kinds:
        return None
    return next((kind for kind in BY_WEIGHT if kind in kinds), min(kinds))


def _sorted(courtesies: Mapping[str, frozenset[str]]) -> tuple[Phrases, frozenset[str]]:
    kept = _SORTED.get(id(courtesies))
    if kept is None or kept[0] is not courtesies:
        phrases = sorted(
            ((tuple(phrase.split()), kind) for kind, ps in courtesies.items() for phrase in ps),
            key=lambda item: -len(item[0]),
        )
        firsts = frozenset(words[0] for words, _ in phrases if words)
        if len(_SORTED) >= 8:
            _SORTED.clear()  # a lexicon per content directory: a handful at most
        kept = _SORTED[id(courtesies)] = (courtesies, tuple(phrases), firsts)
    return kept[1], kept[2]
