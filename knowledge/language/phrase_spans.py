"""Phrases of a data file's section found in a message's words (knowledge/answering/bets.py,
windows.py): each section's phrases in every language as normalised words, the longest
first, and the spans they take in the words, a longer phrase winning over the shorter ones
inside it.

A regular expression's alternation (alternation.py) reads left to right, so a shorter phrase
met first would win over a longer one met after it; the spans here are taken longest first."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.text import normalize


class Phrases(tuple[tuple[str, ...], ...]):
    """Phrases as words, the longest first, with the words they begin with: a message with
    none of those words (the common case) is passed over without looking for each phrase."""

    firsts: frozenset[str] | None  # None when an empty phrase is among them (it is anywhere)

    def __new__(cls, phrases: Iterable[tuple[str, ...]]) -> Phrases:
        self = super().__new__(cls, phrases)
        self.firsts = frozenset(p[0] for p in self) if all(self) else None
        return self


@cache
def data_file(path: Path) -> dict[str, Any]:
    """A YAML data file, read once."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def section_phrases(path: Path, section: str) -> Phrases:
    """A section's phrases (`{lang: [phrase, ...]}`) in every language as normalised words,
    the longest first."""
    found = {tuple(normalize(p).split()) for ps in data_file(path)[section].values() for p in ps}
    return Phrases(sorted((p for p in found if p), key=len, reverse=True))


@cache
def section_words(path: Path, section: str) -> frozenset[str]:
    """A section's words (`{lang: [word, ...]}`) in every language, normalised."""
    return frozenset(normalize(w) for ws in data_file(path)[section].values() for w in ws)


def phrase_spans(
    words: list[str], phrases: Phrases | tuple[tuple[str, ...], ...]
) -> list[tuple[int, int]]:
    """Where `phrases` (the longest first) stand in `words`, as (first, after) index pairs;
    a phrase overlapping one found before it is left out."""
    spans: list[tuple[int, int]] = []
    firsts = getattr(phrases, "firsts", None)
    present = frozenset(words) if firsts is not None else frozenset()
    if firsts is not None and firsts.isdisjoint(present):
        return spans
    taken: set[int] = set()
    for phrase in phrases:
        if firsts is not None and phrase[0] not in present:
            continue  # it starts with a word the message does not have
        width = len(phrase)
        for i in range(len(words) - width + 1):
            if tuple(words[i : i + width]) == phrase and not taken.intersection(
                range(i, i + width)
            ):
                spans.append((i, i + width))
                taken.update(range(i, i + width))
    return spans
