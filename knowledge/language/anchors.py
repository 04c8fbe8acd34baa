"""Public and daily events a question places the call against ("до відкриття біржі в
нью-йорку?", "до обіду за києвом?", "встигнуть до вечірніх новин о сьомій?"): the anchor a
question names, read as asking the time, and whether it asks before, after or within it. The
words, hours and zones are data (data/anchors.yaml); whether the call's time there is so is
answering/anchored.py's."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.clock_words import HOUR
from knowledge.language.text import normalize
from knowledge.model import LANGS

DATA = Path(__file__).resolve().parent / "data" / "anchors.yaml"
BEFORE, AFTER, WITHIN = "before", "after", "within"


@dataclass(frozen=True)
class Anchor:
    name: str
    phrases: tuple[tuple[str, ...], ...]  # longest first
    # minutes of the day, from and to (equal for a moment); None where a window is given
    span: tuple[int, int] | None = None
    window: tuple[int, int] | None = None  # where the hour the question gives may fall
    zone: str | None = None
    by_zone: tuple[tuple[str, int], ...] = ()  # an opening per zone of the place asked


@dataclass(frozen=True)
class Placed:
    """An anchor named in a question, and how the call is placed against it."""

    anchor: Anchor
    relation: str
    # Another anchor or the other relation named too ("до открытия биржи или после"): a choice.
    offered: bool = False


@dataclass(frozen=True)
class _Found:
    anchor: Anchor
    start: int  # the words read as the anchor's ask, with its relation and `around` words
    end: int
    relation: str
    offered: bool


@dataclass(frozen=True)
class _Table:
    anchors: tuple[Anchor, ...]
    relations: dict[str, str]  # a relation word -> before / after
    around: tuple[tuple[str, ...], ...]
    offered: tuple[tuple[str, ...], ...]


def _minutes(text: Any) -> int:
    hours, minutes = str(text).split(":")
    value = int(hours) * 60 + int(minutes)
    if not 0 <= value < 24 * 60:
        raise ValueError(f"anchors.yaml: no time of day: {text!r}")
    return value


def _pair(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    start, end = value
    return _minutes(start), _minutes(end)


def _phrases(per_lang: Any) -> tuple[tuple[str, ...], ...]:
    per_lang = per_lang or {}
    found = {tuple(normalize(p).split()) for lang in LANGS for p in per_lang.get(lang) or ()}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=4)
def _table(path: Path = DATA) -> _Table:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    relations = {
        normalize(word): relation
        for relation, per_lang in (data.get("relations") or {}).items()
        for words in per_lang.values()
        for word in words
    }
    anchors = tuple(
        Anchor(
            name=name,
            phrases=_phrases(entry),
            span=_pair(entry.get("hours")),
            window=_pair(entry.get("window")),
            zone=entry.get("zone"),
            by_zone=tuple((z, _minutes(t)) for z, t in (entry.get("zones") or {}).items()),
        )
        for name, entry in (data.get("anchors") or {}).items()
    )
    return _Table(anchors, relations, _phrases(data.get("around")), _phrases(data.get("offered")))


def _at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return i >= 0 and tuple(words[i : i + len(phrase)]) == phrase


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[tuple[int, int, Anchor, tuple[str, ...]], ...]]:
    """Each phrase under its first word, with its anchor's and its own place in the table:
    a message tries only the phrases its words can open (a flood of words stays cheap)."""
    index: dict[str, list[tuple[int, int, Anchor, tuple[str, ...]]]] = {}
    for a, anchor in enumerate(_table().anchors):
        for p, phrase in enumerate(anchor.phrases):
            index.setdefault(phrase[0], []).append((a, p, anchor, phrase))
    return {word: tuple(entries) for word, entries in index.items()}


def _found(words: list[str]) -> list[_Found]:
    table, index = _table(), _by_first_word()
    # Where each phrase stands, tried in the table's order (anchor, then phrase, then place),
    # so the first anchor listed keeps words two would claim.
    at_words = sorted(
        (a, p, at, anchor, phrase)
        for at, word in enumerate(words)
        for a, p, anchor, phrase in index.get(word, ())
        if _at(words, at, phrase)
    )
    found: list[_Found] = []
    taken: set[int] = set()
    for _, _, at, anchor, phrase in at_words:
        if taken & set(range(at, at + len(phrase))):
            continue
        one = _around(words, at, at + len(phrase), anchor, table)
        if one is not None:
            found.append(one)
            taken |= set(range(one.start, one.end))
    return sorted(found, key=lambda f: f.start)


def _around(
    words: list[str], start: int, end: int, anchor: Anchor, table: _Table
) -> _Found | None:
    """An anchor's phrase widened to its relation and the words of making it in time; None
    without a relation ("will biden watch the evening news" places nothing)."""
    relations = table.relations
    # The relation opening the phrase ("after work"), or said right before it.
    relation = relations.get(words[start])
    if relation is None and start and words[start - 1] in relations:
        start, relation = start - 1, relations[words[start - 1]]
    if relation is None:
        return None
    while start and words[start - 1] in relations:  # "під час обіду", "во время обеда"
        start -= 1
    before = next((p for p in table.around if _at(words, start - len(p), p)), None)
    start -= len(before) if before else 0
    offered = next((p for p in table.offered if _at(words, end, p)), None)
    end += len(offered) if offered else 0
    other = relations.get(words[end]) if end == len(words) - 1 else None
    if not offered and other in (BEFORE, AFTER) and other != relation:
        end, offered = end + 1, (words[end],)  # "до открытия биржи после", the "или" dropped
    after = next((p for p in table.around if _at(words, end, p)), None)
    end += len(after) if after else 0
    return _Found(anchor, start, end, relation, offered is not None)


def anchors_read(words: list[str]) -> list[str]:
    """The words with each anchor, its relation and the words of making it in time around it,
    read as asking the time: "до відкриття уолл стріт встигнуть" is "@time"."""
    found = _found(words)
    if not found:
        return words
    out: list[str] = []
    last = 0
    for f in found:
        out += [*words[last : f.start], HOUR]
        last = f.end
    return out + words[last:]


def placed_in(normalized: str) -> Placed | None:
    """The anchor a question names ("до обіду" is lunch, before it), or None."""
    found = _found(normalized.split())
    if not found:
        return None
    first = found[0]
    return Placed(first.anchor, first.relation, offered=len(found) > 1 or first.offered)
