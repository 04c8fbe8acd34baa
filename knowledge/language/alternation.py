"""A regular expression's alternation of phrases from a data file: longest first, so a phrase
wins over the shorter phrase it starts with, and any run of spaces between its words."""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_alternation(phrases: Iterable[str]) -> str:
    longest_first = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in longest_first)
