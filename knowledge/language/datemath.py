"""What a date-arithmetic question asks ("how many weeks since geneva", "с 1 по 7 декабря
это сколько дней", "what week number is dec 7 2021", "який це день тижня"): its kind, and
the question without the kind's words, cut into the names of the dates it counts between.
The words are data (data/datemath.yaml); the counting is knowledge/answering/datemath.py's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.alternation import phrase_alternation
from knowledge.language.text import normalize

DATA = Path(__file__).resolve().parent / "data" / "datemath.yaml"
COUNT, WEEKDAY, DAY_OF_YEAR, WEEK_NUMBER = "count", "weekday", "day_of_year", "week_number"
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass(frozen=True)
class DateAsked:
    kind: str  # COUNT, WEEKDAY, DAY_OF_YEAR or WEEK_NUMBER
    weeks: bool  # a count asked in weeks
    rest: str  # the normalised question without the kind's words
    parts: tuple[str, ...]  # the rest cut at the joiners: the names of the ends, and filler
    years: tuple[int, ...]  # the years the question writes ("dec 7 2021")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def found_at(words: list[str], phrase: list[str]) -> int | None:
    """Where the phrase's words stand together, each the start of a message word."""
    for i in range(len(words) - len(phrase) + 1):
        if all(words[i + k].startswith(p) for k, p in enumerate(phrase)):
            return i
    return None


@lru_cache(maxsize=8)
def _first_words(lang: str) -> re.Pattern[str]:
    """Any kind's phrase's first word at the start of a message word: most messages have
    none, and then no phrase needs trying (a phrase is tried at every word otherwise)."""
    tables = _data()["kinds"].values()
    firsts = {phrase.split()[0] for table in tables for phrase in table.get(lang, ())}
    if not firsts:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\S)(?:{phrase_alternation(firsts)})")


def date_asked(text: str, lang: str) -> DateAsked | None:
    """The date arithmetic a question asks; None when it asks none, or two kinds at once."""
    data = _data()
    words = normalize(text).split()
    if not _first_words(lang).search(" ".join(words)):
        return None
    hits: list[tuple[str, int, int]] = []
    for kind, table in data["kinds"].items():
        for phrase in table.get(lang, ()):
            parts = phrase.split()
            at = found_at(words, parts)
            if at is not None:
                hits.append((kind, at, len(parts)))
                break
    if len({kind for kind, _, _ in hits}) != 1:
        return None
    kind = hits[0][0]
    _, at, width = max(hits, key=lambda hit: hit[2])
    said = words[at : at + width]
    rest = words[:at] + words[at + width :]
    weeks = any(w.startswith(tuple(data["weeks"])) for w in said)
    joiners = set(data["joiners"].get(lang, ()))
    parts: list[str] = []
    current: list[str] = []
    for word in rest:
        if word in joiners:
            parts.append(" ".join(current))
            current = []
        else:
            current.append(word)
    parts.append(" ".join(current))
    years = tuple(int(y) for y in _YEAR.findall(" ".join(words)))
    return DateAsked(kind, weeks, " ".join(rest), tuple(p for p in parts if p), years)


def unsaid_days(lang: str) -> tuple[str, ...]:
    """Phrases naming a day the article does not give ("today", "Новый год")."""
    return tuple(_data()["unsaid"].get(lang, ()))
