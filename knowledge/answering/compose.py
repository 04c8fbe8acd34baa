"""Answers as structured parts (fact text, times, notes, citations) and their plain-text form.

The engine fills an `Answer`; front ends render it: `Answer.text` is the plain form (CLI,
console chat, JSON), the bot renders the same parts as HTML. Keeping parts structured
means no front end ever parses text back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from knowledge.i18n import ANSWERS
from knowledge.model import Fact, Source
from knowledge.places.times import day_period, format_moment, relative, utc_offset

if TYPE_CHECKING:
    from knowledge.places.resolver import Place

# "about_bot": the message asks what the bot is; the lead introduces it.
Status = Literal["answered", "unsure", "declined", "empty", "about_bot"]
# "elsewhere": another main zone of a country asked for ("US time": Chicago, Denver, ...)
Role = Literal["source", "reference", "asked", "user", "elsewhere"]


_PERIOD_DAY = {1: "time.period_day_after", -1: "time.period_day_before"}


@dataclass(frozen=True)
class TimeLine:
    """One event time said in one zone."""

    moment: datetime  # aware, in the zone shown
    place: str  # the place's name in the reader's language
    role: Role
    day: int = 0  # days after the source's date there (-1, 0 or 1)

    def text(self, lang: str) -> str:
        when = f"{format_moment(self.moment, lang)} ({utc_offset(self.moment)})"
        if self.role in ("reference", "elsewhere"):
            line = ANSWERS("time.line", lang, when=when, place=self.place)
        else:
            role = ANSWERS(f"time.{self.role}", lang)
            line = ANSWERS("time.line_with_role", lang, when=when, place=self.place, role=role)
        if self.role not in ("asked", "user", "elsewhere"):
            return line
        # "is it evening there?", "7 am or 7 pm?", "the next day in Tokyo?": said plainly.
        key = _PERIOD_DAY.get(self.day, "time.period")
        return ANSWERS(key, lang, line=line, period=day_period(self.moment, lang))


@dataclass(frozen=True)
class FormatLine:
    """The event's start in a form asked for (answering/formats.py): "Unix time", "1638889200"."""

    label: str
    value: str  # the value alone, to copy

    def text(self) -> str:
        return f"{self.label}: {self.value}"


@dataclass(frozen=True)
class CitationView:
    fact_id: str
    quote: str
    source_id: str
    source_label: str  # "Glavred, citing RIA Novosti" in the reader's language
    paragraph: int | None

    def where(self, lang: str) -> str:
        if self.paragraph is None:
            return self.source_label
        return ANSWERS("cite.where", lang, source=self.source_label, paragraph=self.paragraph)


@dataclass(frozen=True)
class Suggestion:
    fact_id: str
    question: str  # a question of that fact, in the reader's language
    score: float


@dataclass(frozen=True)
class Answer:
    status: Status
    lang: str
    lead: str  # the fact's text, or what the bot says instead of an answer
    fact: Fact | None = None
    score: float = 0.0
    times: tuple[TimeLine, ...] = ()
    tense: str = ""
    notes: tuple[str, ...] = ()
    formats: tuple[FormatLine, ...] = ()  # the start in the forms asked for, each a line
    suggestions: tuple[Suggestion, ...] = ()
    citations: tuple[CitationView, ...] = ()
    ranked: tuple[tuple[str, float], ...] = field(default=())  # (fact id, score), best first
    place: Place | None = None
    evidence: tuple[float, ...] = ()  # what the matcher's decision weighed (decision.FEATURES)
    more: tuple[Answer, ...] = ()  # the answers to a message's other asks (answering/asks.py)
    unanswered: tuple[str, ...] = ()  # its asks the bot could not answer
    asks_left: int = 0  # asks after the first MAX_ASKS of a message, not asked (asks.py)

    @property
    def answered(self) -> bool:
        return self.status == "answered"

    @property
    def event_start(self) -> datetime | None:
        return self.fact.event.aware if self.fact and self.fact.event else None

    @property
    def text(self) -> str:
        """The message as a person reads it, without markup."""
        blocks = [self.lead]
        if self.times:
            blocks.append("\n".join(f"🕔 {line.text(self.lang)}" for line in self.times))
        if self.formats:
            blocks.append("\n".join(line.text() for line in self.formats))
        if self.tense:
            blocks.append(self.tense)
        if self.notes:
            blocks.append("\n".join(f"ℹ️ {note}" for note in self.notes))
        if self.suggestions:
            blocks.append("\n".join(f"• {s.question}" for s in self.suggestions))
        for citation in self.citations:
            blocks.append(f"«{citation.quote}»\n— {citation.where(self.lang)}")
        blocks.extend(more.text for more in self.more)
        blocks.extend(self.unanswered_notes)
        return "\n\n".join(blocks)

    @property
    def unanswered_notes(self) -> list[str]:
        notes = [ANSWERS("answer.part_unanswered", self.lang, ask=ask) for ask in self.unanswered]
        if self.asks_left:
            notes.append(ANSWERS("answer.asks_left", self.lang, count=self.asks_left))
        return notes


def source_label(source: Source, lang: str) -> str:
    publisher = source.label(lang)
    cites = source.cites.get(lang) or source.cites.get("en")
    if cites:
        return ANSWERS("cite.source_citing", lang, publisher=publisher, cites=cites)
    return ANSWERS("cite.source", lang, publisher=publisher)


def citations_for(fact: Fact, sources: Mapping[str, Source], lang: str) -> tuple[CitationView, ...]:
    views = []
    for citation in fact.citations:
        source = sources.get(citation.source)
        views.append(
            CitationView(
                fact_id=fact.id,
                quote=citation.quote,
                source_id=citation.source,
                source_label=source_label(source, lang) if source else citation.source,
                paragraph=source.paragraph_of(citation.quote) if source else None,
            )
        )
    return tuple(views)


class CitedViews:
    """Each fact's citations per language, kept with the fact and sources they were made
    from: an edit brings new objects, so a kept entry is used only for the same ones."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], tuple[Fact, object, tuple[CitationView, ...]]] = {}

    def of(self, fact: Fact, sources: Mapping[str, Source], lang: str) -> tuple[CitationView, ...]:
        kept = self._kept.get((fact.id, lang))
        if kept is not None and kept[0] is fact and kept[1] is sources:
            return kept[2]
        views = citations_for(fact, sources, lang)
        self._kept[fact.id, lang] = (fact, sources, views)
        return views


def tense_line(moment: datetime, now: datetime, lang: str) -> str:
    key = "tense.past" if moment <= now else "tense.future"
    return ANSWERS(key, lang, delta=relative(moment, now, lang))


def representative_question(fact: Fact, lang: str) -> str:
    questions = fact.questions.get(lang) or fact.questions.get("en") or (fact.id,)
    return questions[0]
