"""/undo: an admin's last change reverted, fact by fact, as the audit trail recorded it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from knowledge.curation.citing import unregister_source
from knowledge.curation.errors import Conflict, InvalidFact, NothingToUndo
from knowledge.model import Fact, Source
from knowledge.storage.fact_file import fact_from_dict, fact_problems
from knowledge.storage.store import FactChange, FactStore
from knowledge.storage.writes import FactWriter


@dataclass(frozen=True)
class Undone:
    action: str  # what was undone: add, edit, …, import, source
    fact_ids: tuple[str, ...]
    source_ids: tuple[str, ...] = ()


def undo(store: FactStore, writer: FactWriter, admin_id: int) -> Undone:
    """The undo itself, with the store and writer of whichever connection writes it. Facts
    are reverted in runs (one `write_facts` each), a source only after the facts before it."""
    entries = store.audit.last_batch(admin_id)
    if not entries:
        raise NothingToUndo()
    batch = store.audit.next_batch()
    run: list[FactChange] = []

    def flush() -> None:
        if run:
            writer.write_facts(run, admin_id=admin_id, action="undo", batch=batch)
            run.clear()

    for entry in reversed(entries):
        if entry.fact_id is None:
            flush()
            unregister_source(writer, entry.after or {}, admin_id, entry.id, batch)
            continue
        stored = store.stored(entry.fact_id)
        live = stored if stored is not None and not stored.deleted else None
        # The fact must still be as this change left it (later changes of the admin's own
        # already undone): otherwise undo would revert someone else's.
        if stored is None or (live.fact.to_dict() if live else None) != entry.after:
            raise Conflict(live.fact if live else None, live.version if live else None)
        previous = fact_from_dict(entry.before) if entry.before else None
        if previous is not None:
            check_fact(previous, store.sources())  # a source it cites may be gone since
        run.append(
            FactChange(
                entry.fact_id,
                previous,
                expected_version=stored.version,
                deleted=stored.deleted,
                position=entry.before_position,
                undo_of=entry.id,
            )
        )
    flush()
    store.audit.mark_undone(entries[0].batch)
    writer.written += 1  # a source-only undo changes no fact, yet it changed
    return Undone(
        entries[0].action,
        tuple(e.fact_id for e in entries if e.fact_id),
        tuple((e.after or {}).get("source", "") for e in entries if e.fact_id is None),
    )


def check_fact(fact: Fact, sources: Mapping[str, Source]) -> None:
    problems = fact_problems(fact.to_dict(), sources)
    if problems:
        raise InvalidFact(problems)
