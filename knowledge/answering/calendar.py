"""A fact's event as an iCalendar (.ics) file: start with its IANA TZID and VTIMEZONE, title,
the fact and its cited source.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from icalendar import Calendar, Event

from knowledge.answering.compose import citations_for
from knowledge.model import Fact, Source
from knowledge.places.times import utc_now

PRODUCT_ID = "-//talkbot//fact base calendar//EN"
UID_DOMAIN = "talkbot.invalid"  # a reserved domain: the UID only has to be stable per fact


def event_calendar(
    fact: Fact,
    sources: Mapping[str, Source],
    lang: str,
    *,
    stamp: datetime | None = None,
) -> bytes:
    """The .ics bytes for `fact`'s event in the reader's language; ValueError if it has none.

    No end time is written: the source gives none, and inventing a duration would be a
    claim the fact base cannot cite.
    """
    if fact.event is None:
        raise ValueError(f"fact {fact.id!r} has no event")
    title = fact.event.title.get(lang) or fact.event.title.get("en") or fact.id
    event = Event.new(
        uid=f"{fact.id}@{UID_DOMAIN}",  # stable, so importing twice updates the same entry
        summary=title,
        start=fact.event.aware,
        stamp=stamp or utc_now(),
        description=_description(fact, sources, lang),
    )
    calendar = Calendar.new(
        prodid=PRODUCT_ID, uid=f"calendar-{fact.id}@{UID_DOMAIN}", name=title, subcomponents=[event]
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _description(fact: Fact, sources: Mapping[str, Source], lang: str) -> str:
    lines = [fact.text.get(lang) or fact.text.get("en", "")]
    for citation in citations_for(fact, sources, lang):
        lines.append(f"«{citation.quote}» — {citation.where(lang)}")
    return "\n\n".join(lines)


def calendar_file_name(fact: Fact) -> str:
    return f"{fact.id}.ics"
