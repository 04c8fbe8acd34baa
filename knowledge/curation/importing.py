"""Importing one event's facts file over the live base: a preview of what it adds, changes
and removes within that event, then, on confirmation, the whole file applied in one
transaction. Another event's facts are never touched: a file names its event (`event:`;
none means the main event) and may not take over another event's fact ids."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from knowledge.curation.errors import Conflict, InvalidFact
from knowledge.model import Event, Fact, Source
from knowledge.storage.fact_file import (
    Complaint,
    FactsInvalid,
    Problem,
    dump_facts,
    parse_facts_file,
)
from knowledge.storage.store import FactChange, FactStore, StoredFact
from knowledge.storage.writes import FactWriter

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


@dataclass(frozen=True)
class ImportFile:
    """A facts file parsed and validated against the sources it was read with.

    `event_id` is the event the file names ("" when it names none: the main event's)."""

    text: str
    facts: tuple[Fact, ...]
    event_id: str = ""


def event_facts(store: FactStore, event: Event | None) -> list[Fact]:
    """The live facts of one event, in order; an unassigned fact is the main event's."""
    events = store.events()
    if event is None or not events:
        return store.facts()
    known = {e.id for e in events}
    main = events[0].id
    return [f for f in store.facts() if (f.event_id if f.event_id in known else main) == event.id]


def parse_import(text: str, sources: Mapping[str, Source]) -> ImportFile:
    """The file's facts, checked exactly as the shipped file is; InvalidFact lists every problem.

    Pure (no database), so it can run in a worker thread: a 10,000-fact file takes seconds.
    Which event it touches, and whether that may, is `claim`'s business.
    """
    try:
        parsed = parse_facts_file(text, sources, filename=IMPORT_NAME)
    except FactsInvalid as invalid:
        raise InvalidFact(invalid.problems) from None
    return ImportFile(text, tuple(parsed.facts), parsed.event_id)


def claim(store: FactStore, parsed: ImportFile) -> tuple[Event | None, tuple[Fact, ...]]:
    """The event a parsed file touches and its facts as that event's; InvalidFact for an
    unknown event or a fact id another event owns."""
    events = {e.id: e for e in store.events()}
    owner = parsed.event_id or next(iter(events), "")
    if events and owner not in events:
        complaint = Complaint("unknown_event", event=owner, known=", ".join(events))
        raise InvalidFact([Problem(IMPORT_NAME, None, complaint)])
    event = events.get(owner)
    own = {f.id for f in event_facts(store, event)}
    taken = [
        Problem(IMPORT_NAME, f.id, Complaint("other_events_fact", event=owner))
        for f in parsed.facts
        if f.id not in own and (store.fact(f.id) is not None)
    ]
    if taken:
        raise InvalidFact(taken)
    return event, tuple(replace(f, event_id=owner) for f in parsed.facts)


def preview_import(store: FactStore, parsed: ImportFile) -> ImportPreview:
    return compare(store, *claim(store, parsed))


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


def apply_import(
    writer: FactWriter, admin_id: int, parsed: ImportFile, fingerprint: str
) -> ImportResult:
    """Make the event's live facts exactly the file, in file order (so /export then gives
    the file back byte for byte), as one audited batch that one /undo reverts.

    `fingerprint` is the preview's: if any fact changed since, Conflict (preview again).
    """
    store = writer.store
    with writer.transaction():
        event, facts = claim(store, parsed)
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
            writer.write(changes, admin_id=admin_id, action="import")
    return ImportResult(preview.added, preview.changed, preview.removed)


def _first_position(store: FactStore, event: Event | None) -> int:
    """Where the event's facts start: an event's file keeps its place among the others."""
    positions = [s.position for f in event_facts(store, event) if (s := store.stored(f.id))]
    if positions:
        return min(positions)
    return 0 if event is None else store.next_position()


def export_text(store: FactStore, event: Event | None) -> tuple[str, int]:
    """The event's live facts (the first event's by default) as a facts file, and their count."""
    event = event or next(iter(store.events()), None)
    facts = event_facts(store, event)
    return dump_facts(facts, event.id if event else None), len(facts)
