"""The fact base's data model: events, sources, citations, facts and event times.

Plain frozen dataclasses, free of storage and Telegram, so every layer can share them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

LANGS: tuple[str, ...] = ("en", "ru", "uk")
TIME_FORMAT = "%Y-%m-%d %H:%M"
FACT_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")

_SPACE_RUN = re.compile(r"\s+")


def squash_spaces(text: str) -> str:
    """Collapse every whitespace run to one space: quotes are compared this way."""
    return _SPACE_RUN.sub(" ", text).strip()


@dataclass(frozen=True)
class Source:
    """A registered document that facts may quote."""

    id: str
    text: str
    title: dict[str, str]
    publisher: dict[str, str]
    language: str
    cites: dict[str, str] = field(default_factory=dict)
    note: str = ""
    file: str = ""

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(squash_spaces(p) for p in self.text.splitlines() if p.strip())

    def paragraph_of(self, quote: str) -> int | None:
        """1-based paragraph holding the quote (whitespace-insensitive), or None."""
        needle = squash_spaces(quote)
        if not needle:
            return None
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if needle in paragraph:
                return number
        return None

    def closest_passage(self, quote: str) -> str:
        """The stretch of the source most like the quote, to show when a quote is refused."""
        from rapidfuzz import fuzz

        needle = squash_spaces(quote)
        best, best_score = "", -1.0
        for paragraph in self.paragraphs:
            alignment = fuzz.partial_ratio_alignment(needle, paragraph)
            if alignment is not None and alignment.score > best_score:
                best_score = alignment.score
                best = paragraph[alignment.dest_start : alignment.dest_end]
        return best

    def label(self, lang: str) -> str:
        """'Glavred, citing RIA Novosti' in the reader's language (joined by the caller)."""
        return self.publisher.get(lang) or self.publisher.get("en") or self.id


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str


@dataclass(frozen=True)
class EventTime:
    """When an event starts: a local wall time in an IANA zone."""

    start: datetime  # naive, local to `zone`
    zone: str
    title: dict[str, str]

    @property
    def aware(self) -> datetime:
        return self.start.replace(tzinfo=ZoneInfo(self.zone))


@dataclass(frozen=True)
class Event:
    """The news event (or article) a set of facts is about, as its content record says.

    `subject` completes "I answer questions …" in each language, preposition included
    ("about the screening in Warsaw", "о показе в Варшаве"); `topics` lists what can
    be asked. `zones` are shown beside the time of a fact timed in one of them; `examples`
    are the fact ids offered on /start and when a question is declined; `warm_up` are
    questions asked once at start-up so the first user does not wait for lazy loading.
    """

    id: str
    title: dict[str, str]
    subject: dict[str, str]
    topics: dict[str, str]
    zones: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    warm_up: tuple[str, ...] = ()
    facts_file: str = "facts.yaml"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "facts": self.facts_file,
            "title": dict(self.title),
            "subject": dict(self.subject),
            "topics": dict(self.topics),
            "zones": list(self.zones),
            "examples": list(self.examples),
            "warm_up": list(self.warm_up),
        }


@dataclass(frozen=True)
class Fact:
    id: str
    text: dict[str, str]
    questions: dict[str, tuple[str, ...]]
    citations: tuple[Citation, ...]
    event: EventTime | None = None
    # The Event this fact belongs to; "" for one not yet assigned, which counts as the
    # main event. A facts file names it once, in its `event:` key, not per fact.
    event_id: str = ""
    # Whom the article credits with what the fact says, per language ("Kremlin spokesman
    # Dmitry Peskov"); empty when the article reports it without saying who said it.
    said_by: dict[str, str] = field(default_factory=dict)
    # Yes/no questions this fact settles, per language: "will they meet in person" → False.
    yes_no: dict[str, dict[str, bool]] = field(default_factory=dict)
    # The day what the fact tells of happened, when the article gives it and it is not an
    # event's start (the Geneva summit's 16 June): days are counted from it (datemath.py).
    day: date | None = None

    def all_questions(self) -> list[tuple[str, str]]:
        """(lang, question) pairs in a stable order."""
        return [(lang, q) for lang in LANGS for q in self.questions.get(lang, ())]

    def to_dict(self) -> dict[str, Any]:
        """The canonical form: a fact of knowledge/content/facts.yaml, plus `event_id`
        when assigned (what the database and the audit trail keep; a file says it once)."""
        data: dict[str, Any] = {
            "id": self.id,
            "text": {lang: self.text[lang] for lang in LANGS if lang in self.text},
            "questions": {
                lang: list(self.questions[lang]) for lang in LANGS if lang in self.questions
            },
            "citations": [{"source": c.source, "quote": c.quote} for c in self.citations],
        }
        if self.event is not None:
            data["event"] = {
                "start": self.event.start.strftime(TIME_FORMAT),
                "zone": self.event.zone,
                "title": {
                    lang: self.event.title[lang] for lang in LANGS if lang in self.event.title
                },
            }
        if self.said_by:
            data["said_by"] = {lang: self.said_by[lang] for lang in LANGS if lang in self.said_by}
        if self.day is not None:
            data["day"] = self.day.isoformat()
        if self.yes_no:
            data["yes_no"] = {
                lang: dict(self.yes_no[lang]) for lang in LANGS if self.yes_no.get(lang)
            }
        if self.event_id:
            data["event_id"] = self.event_id
        return data
