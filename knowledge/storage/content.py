"""A content directory: the events, sources and facts a new database is seeded from.

Layout (the shipped one is knowledge/content/; README, "Content directories"):

    events.yaml    the events, the first one the main event; each names its facts file
    sources.yaml   the registered source documents, each naming its text file
    facts.yaml     one event's facts (`event:` names it), one file per event
    sources/       the source texts, verbatim
    decision.yaml  optional: the matcher's decision fitted for this content; without it, the
                   shipped fit (knowledge/language/data/decision.yaml)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from knowledge.language.decision import DecisionModel, load_model, shipped_model
from knowledge.model import LANGS, Event, Fact, Source
from knowledge.storage.fact_file import (
    SHIPPED_CONTENT,
    Complaint,
    FactsInvalid,
    Problem,
    invalid_file,
    load_facts,
    load_sources,
    read_text,
    read_yaml,
)
from knowledge.storage.file_models import EventsFileModel

EVENTS_FILE = "events.yaml"
SOURCES_FILE = "sources.yaml"
DECISION_FILE = "decision.yaml"


@dataclass(frozen=True)
class Content:
    events: tuple[Event, ...]
    sources: dict[str, Source]
    facts: list[Fact]
    decision: DecisionModel


def load_content(directory: Path = SHIPPED_CONTENT) -> Content:
    """Every file of a content directory, validated; FactsInvalid lists what is wrong."""
    events = load_events(directory / EVENTS_FILE)
    sources = load_sources(directory / SOURCES_FILE)
    facts: list[Fact] = []
    problems: list[Problem] = []
    for event in events:
        try:
            loaded = load_facts(directory / event.facts_file, sources, event_id=event.id)
        except FactsInvalid as invalid:
            problems += invalid.problems
            continue
        strays = sorted({f.event_id for f in loaded} - {event.id})
        if strays:
            complaint = Complaint("other_event", event=event.id, named=", ".join(strays))
            problems.append(Problem(event.facts_file, None, complaint))
        facts += loaded
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen:
            problems.append(Problem(EVENTS_FILE, fact.id, Complaint("duplicate_id")))
        seen.add(fact.id)
    if problems:
        raise FactsInvalid(problems)
    return Content(events, sources, facts, content_decision(directory))


def content_decision(directory: Path) -> DecisionModel:
    """The decision to answer this content's questions with: a content directory whose facts
    differ from the shipped ones (the tests' own) carries a fit of its own, so a refit of the
    shipped weights cannot change how its questions are answered."""
    own = directory / DECISION_FILE
    return load_model(own) if own.is_file() else shipped_model()


def load_events(path: Path) -> tuple[Event, ...]:
    data = read_yaml(read_text(path), path.name)
    try:
        model = EventsFileModel.model_validate(data)
    except ValidationError as error:
        raise invalid_file(path.name, error) from None
    ids = [e.id for e in model.events]
    if len(set(ids)) != len(ids):
        raise FactsInvalid([Problem(path.name, None, Complaint("duplicate_id"))])
    return tuple(
        Event(
            id=e.id,
            title={g: getattr(e.title, g) for g in LANGS},
            subject={g: getattr(e.subject, g) for g in LANGS},
            topics={g: getattr(e.topics, g) for g in LANGS},
            zones=tuple(e.zones),
            examples=tuple(e.examples),
            warm_up=tuple(e.warm_up),
            facts_file=e.facts,
        )
        for e in model.events
    )
