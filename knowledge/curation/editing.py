"""One field of a fact set from an admin's `/edit` (the field names are those of the admin's
help: text, questions, quote, time, title; a language suffix or the admin's language)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from knowledge.curation.errors import NoEvent
from knowledge.curation.parsing import (
    first_sentence,
    malformed,
    parse_event_time,
    split_questions,
)
from knowledge.model import LANGS, Citation, EventTime, Fact, squash_spaces
from knowledge.places.resolver import PlaceResolver


def with_field(
    fact: Fact,
    field: str,
    value: str,
    lang: str,
    *,
    cite: Callable[[str, str | None], Citation],
    resolver: PlaceResolver,
) -> Fact:
    """`fact` with `field` set to `value`; `cite` reads a quote, `resolver` a time's zone."""
    name, _, suffix = field.partition("_")
    target = suffix or lang
    if not value:
        raise malformed("edit")
    if name == "text":
        return replace(fact, text={**fact.text, target: squash_spaces(value)})
    if name == "questions":
        return replace(fact, questions={**fact.questions, target: split_questions(value)})
    if name == "quote":
        default = fact.citations[0].source if fact.citations else None
        return replace(fact, citations=(cite(value, default),))
    if name == "time":
        if value == "-":
            return replace(fact, event=None)
        start, zone = parse_event_time(value, resolver)
        titles = (
            fact.event.title if fact.event else {g: first_sentence(fact.text[g]) for g in LANGS}
        )
        return replace(fact, event=EventTime(start, zone, dict(titles)))
    if fact.event is None:
        raise NoEvent(fact.id)
    title = {**fact.event.title, target: squash_spaces(value)}
    return replace(fact, event=replace(fact.event, title=title))
