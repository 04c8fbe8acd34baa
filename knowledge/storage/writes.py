"""The write half of the fact base: fact changes and source registrations, each with its audit
row (and outbox rows) in the caller's transaction, and versions that refuse lost updates.

Only the Curator (knowledge.curation.service) holds a FactWriter: it is the single write path,
so every admin change is one transaction plus its audit, followed by the index swap.
FactStore itself only reads (and keeps the users' own settings and subscriptions).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from knowledge.model import Fact, Source
from knowledge.storage.audit import dump_json, iso
from knowledge.storage.fact_file import fact_from_dict
from knowledge.storage.sources import source_row, source_summary
from knowledge.storage.store import Conflict, FactChange, FactStore
from knowledge.storage.subscriptions import enqueue, notable_changes


class FactWriter:
    def __init__(self, store: FactStore):
        self.store = store
        self.db: Database = store.db
        self.audit = store.audit
        # Rows written so far: lets a unit of work tell a change from a no-op.
        self.written = 0

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        with self.db.atomic() as db:
            yield db

    def save_fact(
        self,
        fact: Fact,
        *,
        admin_id: int,
        action: str,
        expected_version: int | None,
    ) -> int:
        """Insert or replace a fact with its audit row; returns the new version.

        expected_version None means "this must be a new fact"; otherwise the stored
        version must still be that one, or Conflict is raised and nothing is written.
        """
        change = FactChange(fact.id, fact, expected_version)
        with self.db.atomic():
            batch = self.audit.next_batch()
            return self.write_fact(change, admin_id=admin_id, action=action, batch=batch)

    def write(self, changes: Sequence[FactChange], *, admin_id: int, action: str) -> int:
        """Apply changes to several facts in one transaction under one batch; returns it."""
        with self.db.atomic():
            batch = self.audit.next_batch()
            for change in changes:
                self.write_fact(change, admin_id=admin_id, action=action, batch=batch)
        return batch

    def write_fact(self, change: FactChange, *, admin_id: int, action: str, batch: int) -> int:
        """One fact's change with its audit row and outbox rows; call inside a transaction."""
        row = self._row(change.fact_id)
        live = row is not None and not row["deleted"]
        before = json.loads(row["data"]) if live else None
        if change.expected_version is None:
            fits = not live
        else:
            fits = (
                row is not None
                and row["version"] == change.expected_version
                and bool(row["deleted"]) == change.deleted
            )
        if not fits or (change.after is None and not live):
            current = fact_from_dict(before) if before else None
            raise Conflict(current, row["version"] if live else None)
        version = row["version"] + 1 if row else 1
        position = change.position
        if position is None:
            position = row["position"] if row else self.store.next_position()
        data = dump_json(change.after.to_dict()) if change.after else row["data"]
        now = iso(self.store.clock())
        values = [data, version, position, now, admin_id, int(change.after is None)]
        if row is None:
            self.db.execute(
                "INSERT INTO facts (data, version, position, updated_at, updated_by, deleted, id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [*values, change.fact_id],
            )
        else:
            # The version in WHERE guards against a writer on another connection.
            cursor = self.db.execute(
                "UPDATE facts SET data = ?, version = ?, position = ?, updated_at = ?,"
                " updated_by = ?, deleted = ? WHERE id = ? AND version = ?",
                [*values, change.fact_id, row["version"]],
            )
            if cursor.rowcount != 1:
                raise Conflict(None)
        after = change.after.to_dict() if change.after else None
        audit_id = self.audit.record(
            admin_id,
            action,
            change.fact_id,
            before,
            after,
            batch=batch,
            version=version,
            undo_of=change.undo_of,
            before_position=row["position"] if row else None,
            after_position=position,
        )
        kinds = notable_changes(before, after)
        if kinds:
            enqueue(self.db, change.fact_id, audit_id, kinds, now)
        self.written += 1
        return version

    # -- sources ----------------------------------------------------------------

    def add_source(self, source: Source, *, admin_id: int) -> int:
        """Register a document; audited with its text's size rather than the text."""
        with self.db.atomic():
            self.db["sources"].insert(source_row(source), pk="id")
            batch = self.audit.next_batch()
            audit_id = self.audit.record(
                admin_id, "source", None, None, source_summary(source), batch=batch
            )
        self.written += 1
        return audit_id

    def remove_source(self, source_id: str, *, admin_id: int, undo_of: int, batch: int) -> None:
        """Undo a registration (the caller has checked that no fact cites the source)."""
        with self.db.atomic():
            source = self.store.sources()[source_id]
            self.db.execute("DELETE FROM sources WHERE id = ?", [source_id])
            self.audit.record(
                admin_id, "undo", None, source_summary(source), None, batch=batch, undo_of=undo_of
            )
        self.written += 1

    # -- helpers ----------------------------------------------------------------

    def _row(self, fact_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM facts WHERE id = ?", [fact_id]))
        return rows[0] if rows else None
