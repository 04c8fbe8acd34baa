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
from knowledge.storage.subscriptions import enqueue_many, notable_changes

# Ids per SELECT ... IN (...): well under SQLite's limit on bound parameters.
ROWS_PER_QUERY = 500


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
            self.write_facts(changes, admin_id=admin_id, action=action, batch=batch)
        return batch

    def write_fact(self, change: FactChange, *, admin_id: int, action: str, batch: int) -> int:
        """One fact's change with its audit row and outbox rows; call inside a transaction."""
        [version] = self.write_facts([change], admin_id=admin_id, action=action, batch=batch)
        return version

    def write_facts(
        self, changes: Sequence[FactChange], *, admin_id: int, action: str, batch: int
    ) -> list[int]:
        """Changes with their audit and outbox rows, inside the caller's transaction; returns
        the new versions. A few statements whatever the count (the rows read in chunks, one
        position query, executemany for the rest): a 10,000-fact import is one batch."""
        rows = self._rows([change.fact_id for change in changes])
        now = iso(self.store.clock())
        inserts: list[list[Any]] = []
        updates: list[list[Any]] = []
        audits: list[tuple[Any, ...]] = []
        notable: list[tuple[int, str, tuple[str, ...]]] = []  # (audit row, fact id, kinds)
        versions: list[int] = []
        positions = _Positions(self)
        for change in changes:
            row = rows.get(change.fact_id)
            version, values = self._planned(change, row, positions, now, admin_id)
            if row is None:
                inserts.append([*values, change.fact_id])
            else:
                # The version in WHERE guards against a writer on another connection.
                updates.append([*values, change.fact_id, row["version"]])
            before = json.loads(row["data"]) if row is not None and not row["deleted"] else None
            after = change.after.to_dict() if change.after else None
            audits.append(
                self.audit.row(
                    admin_id,
                    action,
                    change.fact_id,
                    before,
                    after,
                    batch=batch,
                    version=version,
                    undo_of=change.undo_of,
                    before_position=row["position"] if row else None,
                    after_position=values[2],
                )
            )
            kinds = notable_changes(before, after)
            if kinds:
                notable.append((len(audits) - 1, change.fact_id, kinds))
            versions.append(version)
            # A later change of the same fact in this batch starts from this one.
            rows[change.fact_id] = {
                "data": values[0],
                "version": version,
                "position": values[2],
                "deleted": values[5],
            }
        connection = self.db.conn
        connection.executemany(
            "INSERT INTO facts (data, version, position, updated_at, updated_by, deleted, id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        for update in updates:  # one by one: each must hit exactly its row
            cursor = connection.execute(
                "UPDATE facts SET data = ?, version = ?, position = ?, updated_at = ?,"
                " updated_by = ?, deleted = ? WHERE id = ? AND version = ?",
                update,
            )
            if cursor.rowcount != 1:
                raise Conflict(None)
        audit_ids = self.audit.record_many(audits)
        enqueue_many(
            self.db, [(fact_id, audit_ids[n], kinds) for n, fact_id, kinds in notable], now
        )
        self.written += len(changes)
        return versions

    def _planned(
        self,
        change: FactChange,
        row: dict[str, Any] | None,
        positions: _Positions,
        now: str,
        admin_id: int,
    ) -> tuple[int, list[Any]]:
        """The change checked against the row read (Conflict if it moved on): its new
        version and the row's new values (data, version, position, at, by, deleted)."""
        live = row is not None and not row["deleted"]
        if change.expected_version is None:
            fits = not live
        else:
            fits = (
                row is not None
                and row["version"] == change.expected_version
                and bool(row["deleted"]) == change.deleted
            )
        if not fits or (change.after is None and not live):
            current = fact_from_dict(json.loads(row["data"])) if live and row else None
            raise Conflict(current, row["version"] if live and row else None)
        version = row["version"] + 1 if row else 1
        position = change.position
        if position is None:
            position = row["position"] if row else positions.next()
        data = dump_json(change.after.to_dict()) if change.after else row["data"]  # type: ignore[index]
        return version, [data, version, position, now, admin_id, int(change.after is None)]

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

    def _rows(self, fact_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The rows of these ids that exist, in one query per chunk of ids."""
        found: dict[str, dict[str, Any]] = {}
        unique = list(dict.fromkeys(fact_ids))
        for start in range(0, len(unique), ROWS_PER_QUERY):
            chunk = unique[start : start + ROWS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(f"SELECT * FROM facts WHERE id IN ({marks})", chunk):
                found[row["id"]] = row
        return found

class _Positions:
    """New facts go last: the end of the list is read once per batch, then counted on."""

    def __init__(self, writer: FactWriter) -> None:
        self.writer = writer
        self._next: int | None = None

    def next(self) -> int:
        if self._next is None:
            self._next = self.writer.store.next_position()
        position, self._next = self._next, self._next + 1
        return position
