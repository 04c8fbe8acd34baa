"""The audit trail: one row per fact change (who, when, what, before → after), grouped in
batches so that undo can revert exactly one admin write, an import included."""

from __future__ import annotations

import json
from collections.abc import Callable
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
        table = self.db["audit"].insert(
            {
                "at": iso(self.clock()),
                "admin_id": admin_id,
                "action": action,
                "fact_id": fact_id,
                "before": dump_json(before) if before is not None else None,
                "after": dump_json(after) if after is not None else None,
                "undone": 0,
                "batch": batch,
                **extra,
            },
        )
        return int(table.last_pk)

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
