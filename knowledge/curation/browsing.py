"""What an admin browses: a page of fact lines found by their words, and one fact in full."""

from __future__ import annotations

import math
from dataclasses import dataclass

from knowledge.curation.errors import UnknownFact
from knowledge.language.text import normalize
from knowledge.model import Fact
from knowledge.storage.store import FactStore

SUMMARY_LENGTH = 80


@dataclass(frozen=True)
class FactLine:
    id: str
    summary: str  # the answer's first line in the admin's language, shortened
    questions: int
    has_event: bool


@dataclass(frozen=True)
class FactPage:
    items: tuple[FactLine, ...]
    page: int  # 1-based, clamped into 1..pages
    pages: int
    total: int


@dataclass(frozen=True)
class FactView:
    fact: Fact
    version: int  # what a later confirmation (/del) passes back
    deleted: bool
    updated_at: str | None
    updated_by: int | None  # None for facts as seeded from the shipped file
    numbered: tuple[tuple[int, str, str], ...]  # (n for /delq, lang, question)


def fact_view(store: FactStore, fact_id: str) -> FactView:
    """One fact in full, deleted or not, its questions numbered as /delq counts them."""
    stored = store.stored(fact_id)
    if stored is None:
        raise UnknownFact(fact_id)
    numbered = tuple(
        (n, lang, q) for n, (lang, q) in enumerate(stored.fact.all_questions(), start=1)
    )
    return FactView(
        stored.fact, stored.version, stored.deleted, stored.updated_at, stored.updated_by, numbered
    )


def fact_page(store: FactStore, words: str, page: int, lang: str, size: int) -> FactPage:
    wanted = normalize(words).split()
    found = [f for f in store.facts() if all(w in _haystack(f) for w in wanted)]
    pages = max(1, math.ceil(len(found) / size))
    page = min(max(1, page), pages)
    chunk = found[(page - 1) * size : page * size]
    items = tuple(
        FactLine(
            f.id,
            _summary(f.text.get(lang) or f.text["en"]),
            len(f.all_questions()),
            f.event is not None,
        )
        for f in chunk
    )
    return FactPage(items, page, pages, len(found))


def _summary(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _haystack(fact: Fact) -> str:
    parts = [fact.id, *fact.text.values(), *(q for _, q in fact.all_questions())]
    return " ".join(normalize(p) for p in parts)
