"""Which news event a question means when the base holds facts of several: a fact's own
event, a question that fits several events about equally read as the conversation's event
or else the main (first) one, a bare "when?" as a timed fact's, and the zones an event's
times are shown in. The events come from the content (Event records), never from here."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.answering.followups import Conversation
from knowledge.language.matcher import FactIndex, Match
from knowledge.model import Event, Fact

# How close (in score points) another event's best fact must come to the top one for the
# question to count as not saying which event it means.
SAME_SCORE = 5.0


def event_of(events: Sequence[Event], fact: Fact) -> Event | None:
    """The event a fact belongs to; an unassigned or unknown one is the main event's."""
    return next((e for e in events if e.id == fact.event_id), events[0] if events else None)


def timed_fact(index: FactIndex, events: Sequence[Event], previous: Fact | None) -> Fact | None:
    """The last answer's fact if it is timed, else the first timed fact of its event, or of
    the main event."""
    if previous is not None and previous.event:
        return previous
    event = event_of(events, previous) if previous else (events[0] if events else None)
    return next((f for f in index.facts.values() if f.event and event_of(events, f) == event), None)


def within_event(
    index: FactIndex,
    events: Sequence[Event],
    match: Match,
    text: str,
    lang: str,
    conversation: Conversation | None,
    *,
    place_named: bool = False,
) -> Match:
    """A question that fits several events about equally means one: the event of the
    conversation's last answer, else the main event."""
    if len(events) < 2 or not match.candidates:
        return match
    facts = index.facts

    def event_id(fact: Fact) -> str:
        event = event_of(events, fact)
        return event.id if event else ""

    if len({event_id(facts[c.fact_id]) for c in match.candidates}) < 2:
        return match
    last = facts.get(conversation.last_fact_id or "") if conversation else None
    preferred = event_id(last) if last else events[0].id
    own = [c for c in match.candidates if event_id(facts[c.fact_id]) == preferred]
    # No clue: the question is only a question word ("when is it?"), or the preferred
    # event's best fact scores about as well as the top one.
    unclued = all(token.startswith("@") for token in match.tokens)
    if not own or (not unclued and match.candidates[0].score - own[0].score > SAME_SCORE):
        return match
    # Decided again among the preferred event's facts alone: the other event's facts are
    # not rivals when the question does not say which event it means.
    ids = {fact.id for fact in facts.values() if event_id(fact) == preferred}
    within = index.match(text, lang, among=ids, place_named=place_named)
    return within if within.best else match


def reference_zones(events: Sequence[Event], fact: Fact) -> tuple[str, ...]:
    """The event's own zones, beside a time given in one of them: the call's Kyiv and
    Moscow go with its 17:00 Kyiv, not with a screening at 19:00 in Warsaw."""
    event = event_of(events, fact)
    if event is None or fact.event is None or fact.event.zone not in event.zones:
        return ()
    return event.zones
