"""Importing one event's facts file over the live base: a preview of what it adds, changes
and removes within that event, then, on confirmation, the whole file applied in one
transaction. Another event's facts are never touched: a file names its event (`event:`;
none means the main event) and may not take over another event's fact ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.curation.errors import Conflict, InvalidFact
from knowledge.model import Event, Fact
from knowledge.storage.fact_file import Complaint, FactsInvalid, Problem, parse_facts_file
from knowledge.storage.store import FactChange, FactStore, StoredFact

IMPORT_NAME = "import"


@dataclass(frozen=True)
class ImportPreview:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    reordered: bool
    total: int  # facts in the file
    fingerprint: str  # of the base as previewed; apply_import refuses if it moved on
    event: Event | None = None  # the event the file touches

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.reordered)


@dataclass(frozen=True)
class ImportResult:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]


def event_facts(store: FactStore, event: Event | None) -> list[Fact]:
    """The live facts of one event, in order; an unassigned fact is the main event's."""
    events = store.events()
    if event is None or not events:
        return store.facts()
    known = {e.id for e in events}
    main = events[0].id
    return [f for f in store.facts() if (f.event_id if f.event_id in known else main) == event.id]


def parse_import(store: FactStore, text: str) -> tuple[Event | None, list[Fact]]:
    """The file's event and facts, checked exactly as the shipped file is; InvalidFact
    lists every problem (an unknown event, a fact id another event owns)."""
    events = {e.id: e for e in store.events()}
    main = next(iter(events), "")
    try:
        parsed = parse_facts_file(text, store.sources(), filename=IMPORT_NAME, event_id=main)
    except FactsInvalid as invalid:
        raise InvalidFact(invalid.problems) from None
    if events and parsed.event_id not in events:
        complaint = Complaint("unknown_event", event=parsed.event_id, known=", ".join(events))
        raise InvalidFact([Problem(IMPORT_NAME, None, complaint)])
    event = events.get(parsed.event_id)
    own = {f.id for f in event_facts(store, event)}
    taken = [
        Problem(IMPORT_NAME, f.id, Complaint("other_events_fact", event=parsed.event_id))
        for f in parsed.facts
        if f.id not in own and (store.fact(f.id) is not None)
    ]
    if taken:
        raise InvalidFact(taken)
    return event, parsed.facts


def preview_import(store: FactStore, text: str) -> ImportPreview:
    return compare(store, *parse_import(store, text))


def compare(store: FactStore, event: Event | None, facts: Sequence[Fact]) -> ImportPreview:
    current = {f.id: f for f in event_facts(store, event)}
    incoming = [f.id for f in facts]
    kept = set(incoming)
    return ImportPreview(
        added=tuple(f.id for f in facts if f.id not in current),
        changed=tuple(f.id for f in facts if f.id in current and current[f.id] != f),
        removed=tuple(fid for fid in current if fid not in kept),
        reordered=[i for i in current if i in kept] != [i for i in incoming if i in current],
        total=len(facts),
        fingerprint=store.fingerprint(),
        event=event,
    )


def apply_import(store: FactStore, admin_id: int, text: str, fingerprint: str) -> ImportResult:
    """Make the event's live facts exactly the file, in file order (so /export then gives
    the file back byte for byte), as one audited batch that one /undo reverts.

    `fingerprint` is the preview's: if any fact changed since, Conflict (preview again).
    """
    event, facts = parse_import(store, text)
    with store.transaction():
        if store.fingerprint() != fingerprint:
            raise Conflict(None)
        preview = compare(store, event, facts)
        stored = {f.id: store.stored(f.id) for f in facts}
        first = _first_position(store, event)
        changes = []
        for offset, fact in enumerate(facts):
            position = first + offset
            row: StoredFact | None = stored[fact.id]
            if row is None:
                changes.append(FactChange(fact.id, fact, None, position=position))
            elif row.deleted or row.fact != fact or row.position != position:
                changes.append(
                    FactChange(fact.id, fact, row.version, deleted=row.deleted, position=position)
                )
        for fact_id in preview.removed:
            removed = store.stored(fact_id)
            assert removed is not None  # it is live: compare() just listed it
            changes.append(FactChange(fact_id, None, removed.version))
        if changes:
            store.write(changes, admin_id=admin_id, action="import")
    return ImportResult(preview.added, preview.changed, preview.removed)


def _first_position(store: FactStore, event: Event | None) -> int:
    """Where the event's facts start: an event's file keeps its place among the others."""
    positions = [s.position for f in event_facts(store, event) if (s := store.stored(f.id))]
    if positions:
        return min(positions)
    return 0 if event is None else store.next_position()
