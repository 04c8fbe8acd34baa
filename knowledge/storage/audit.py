"""The audit trail: one row per fact change (who, when, what, before → after), grouped in
batches so that undo can revert exactly one admin write, an import included."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class AuditEntry:
    id: int
    batch: int
    at: str  # ISO 8601, UTC
    admin_id: int | None
    action: str  # add, edit, addq, delq, delete, restore, import, source, undo
    fact_id: str | None  # None for source registrations
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    version: int | None  # the fact's version this change produced
    before_position: int | None
    undone: bool
    undo_of: int | None  # for undo rows: the row they revert


Clock = Callable[[], datetime]

# The columns `record_many` writes, after the id (`undone` starts at 0).
COLUMNS = (
    "at",
    "admin_id",
    "action",
    "fact_id",
    "before",
    "after",
    "batch",
    "version",
    "undo_of",
    "before_position",
    "after_position",
)


def iso(moment: datetime) -> str:
    """How every table stores a moment: ISO 8601 in UTC, to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


class AuditTrail:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock  # the store's: every timestamp comes from the one injected clock

    def next_batch(self) -> int:
        rows = self.db.query("SELECT coalesce(max(batch), 0) + 1 AS next FROM audit")
        return next(iter(rows))["next"]

    def record(
        self,
        admin_id: int | None,
        action: str,
        fact_id: str | None,
        before: Any,
        after: Any,
        *,
        batch: int,
        **extra: Any,
    ) -> int:
        """Append one row (inside the caller's transaction); returns its id."""
        [audit_id] = self.record_many(
            [self.row(admin_id, action, fact_id, before, after, batch=batch, **extra)]
        )
        return audit_id

    def row(
        self,
        admin_id: int | None,
        action: str,
        fact_id: str | None,
        before: Any,
        after: Any,
        *,
        batch: int,
        **extra: Any,
    ) -> tuple[Any, ...]:
        """One row's values, in COLUMNS order, for `record_many`."""
        values = {
            "at": iso(self.clock()),
            "admin_id": admin_id,
            "action": action,
            "fact_id": fact_id,
            "before": dump_json(before) if before is not None else None,
            "after": dump_json(after) if after is not None else None,
            "batch": batch,
            **extra,
        }
        unknown = set(values) - set(COLUMNS)
        if unknown:
            raise TypeError(f"no audit column {sorted(unknown)}")
        return tuple(values.get(column) for column in COLUMNS)

    def record_many(self, rows: Sequence[tuple[Any, ...]]) -> range:
        """Append rows (from `row`) in one statement, inside the caller's write transaction;
        returns their ids, consecutive. Plain SQL: sqlite-utils' insert() reads the table's
        schema on every call, which was most of a large import's time."""
        [first] = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM audit").fetchone()
        ids = range(first, first + len(rows))
        marks = ", ".join("?" * (len(COLUMNS) + 1))
        self.db.conn.executemany(
            f"INSERT INTO audit (id, {', '.join(COLUMNS)}, undone) VALUES ({marks}, 0)",
            [(audit_id, *row) for audit_id, row in zip(ids, rows, strict=True)],
        )
        return ids

    def history(self, fact_id: str | None = None, limit: int = 20) -> list[AuditEntry]:
        """Newest first: one fact's trail, or everyone's."""
        if fact_id is None:
            rows = self.db.query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", [limit])
        else:
            rows = self.db.query(
                "SELECT * FROM audit WHERE fact_id = ? ORDER BY id DESC LIMIT ?", [fact_id, limit]
            )
        return [_entry(row) for row in rows]

    def last_batch(self, admin_id: int) -> list[AuditEntry]:
        """The admin's own latest change that is neither undone nor itself an undo."""
        rows = list(
            self.db.query(
                "SELECT batch FROM audit WHERE admin_id = ? AND undone = 0 AND action != 'undo'"
                " ORDER BY id DESC LIMIT 1",
                [admin_id],
            )
        )
        if not rows:
            return []
        batch = self.db.query("SELECT * FROM audit WHERE batch = ? ORDER BY id", [rows[0]["batch"]])
        return [_entry(row) for row in batch]

    def mark_undone(self, batch: int) -> None:
        self.db.execute("UPDATE audit SET undone = 1 WHERE batch = ?", [batch])


def _entry(row: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        batch=row["batch"],
        at=row["at"],
        admin_id=row["admin_id"],
        action=row["action"],
        fact_id=row["fact_id"],
        before=json.loads(row["before"]) if row["before"] else None,
        after=json.loads(row["after"]) if row["after"] else None,
        version=row["version"],
        before_position=row["before_position"],
        undone=bool(row["undone"]),
        undo_of=row["undo_of"],
    )
