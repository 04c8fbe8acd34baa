"""Phrases of a data file's section found in a message's words (knowledge/answering/bets.py,
windows.py): each section's phrases in every language as normalised words, the longest
first, and the spans they take in the words, a longer phrase winning over the shorter ones
inside it.

A regular expression's alternation (alternation.py) reads left to right, so a shorter phrase
met first would win over a longer one met after it; the spans here are taken longest first."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.text import normalize

Phrases = tuple[tuple[str, ...], ...]


@cache
def data_file(path: Path) -> dict[str, Any]:
    """A YAML data file, read once."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def section_phrases(path: Path, section: str) -> Phrases:
    """A section's phrases (`{lang: [phrase, ...]}`) in every language as normalised words,
    the longest first."""
    found = {tuple(normalize(p).split()) for ps in data_file(path)[section].values() for p in ps}
    return tuple(sorted((p for p in found if p), key=len, reverse=True))


@cache
def section_words(path: Path, section: str) -> frozenset[str]:
    """A section's words (`{lang: [word, ...]}`) in every language, normalised."""
    return frozenset(normalize(w) for ws in data_file(path)[section].values() for w in ws)


def phrase_spans(words: list[str], phrases: Phrases) -> list[tuple[int, int]]:
    """Where `phrases` (the longest first) stand in `words`, as (first, after) index pairs;
    a phrase overlapping one found before it is left out."""
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for phrase in phrases:
        width = len(phrase)
        for i in range(len(words) - width + 1):
            if tuple(words[i : i + width]) == phrase and not taken.intersection(
                range(i, i + width)
            ):
                spans.append((i, i + width))
                taken.update(range(i, i + width))
    return spans
