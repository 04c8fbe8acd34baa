"""The time lines of an answer about an event: the source's zone, the event's reference
zones, each place asked for, and the user's own zone, each zone once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from knowledge.answering import which_event
from knowledge.answering.asked_place import place_notes
from knowledge.answering.compose import Role, TimeLine
from knowledge.model import Event, Fact
from knowledge.places.country_zones import main_zones
from knowledge.places.resolver import Place
from knowledge.places.times import zone_city
from knowledge.places.zones import get_zone


def event_times(
    fact: Fact,
    lang: str,
    events: Sequence[Event],
    asked: Sequence[Place | None],
    user_place: Place | None,
) -> tuple[tuple[TimeLine, ...], tuple[str, ...]]:
    """`fact`'s event time in the source's zone, the references', then each place `asked`
    for (a question for two or three clocks names them in order) and the user's own; and
    the notes those places carry (which zone a region was read as)."""
    assert fact.event is not None
    start = fact.event.aware
    times = [TimeLine(start, zone_city(fact.event.zone, lang), "source")]
    notes: list[str] = []
    # Each zone once: a place asked for replaces the reference line of the same zone.
    personal = [(p, "asked") for p in asked if p]
    personal += [(user_place, "user")] if user_place else []
    shown = {fact.event.zone}
    for zone in which_event.reference_zones(events, fact):
        if zone not in shown and all(p.key != zone for p, _ in personal):
            moment = start.astimezone(get_zone(zone))
            times.append(TimeLine(moment, zone_city(zone, lang), "reference"))
        shown.add(zone)
    for place, role in personal:
        notes.extend(place_notes(place, lang))
        if role == "asked" and place.label(lang) == zone_city(fact.event.zone, lang):
            continue  # the source line already says it; "your time" is still worth saying
        times.append(_line(start, place.tzinfo, place.label(lang), role))
        if role == "asked":
            times.extend(_elsewhere(start, place, lang, shown))
    return tuple(times), tuple(dict.fromkeys(notes))


def _elsewhere(start: datetime, place: Place, lang: str, shown: set[str]) -> list[TimeLine]:
    """A country of several zones asked for ("US time"): the event's time in its other main
    zones (data/country_zones.yaml), each once, after the zone the index chose for it."""
    if place.kind != "country" or not place.country:
        return []
    lines = []
    for zone in main_zones(place.country.get("en", "")):
        if zone == place.key or zone in shown:
            continue
        shown.add(zone)
        lines.append(_line(start, get_zone(zone), zone_city(zone, lang), "elsewhere"))
    return lines


def _line(start: datetime, zone: tzinfo, label: str, role: Role) -> TimeLine:
    """The event's time on one clock, with how many days its date there is off the source's."""
    there = start.astimezone(zone)
    return TimeLine(there, label, role, (there.date() - start.date()).days)
