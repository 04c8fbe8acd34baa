"""The registered source documents in SQLite: the shipped ones seeded, more added by /source."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from knowledge.model import Source
from knowledge.storage.audit import AuditTrail, dump_json


class SourceRegistry:
    def __init__(self, db: Database, audit: AuditTrail):
        self.db = db
        self.audit = audit

    def all(self) -> dict[str, Source]:
        """Every source, in registration order (the shipped article first)."""
        rows = self.db.query("SELECT * FROM sources ORDER BY rowid")
        return {row["id"]: _source_from_row(row) for row in rows}

    def seed(self, source: Source) -> None:
        self.db["sources"].upsert(_source_row(source), pk="id")

    def add(self, source: Source, *, admin_id: int) -> int:
        """Register a document; audited with its text's size rather than the text."""
        with self.db.atomic():
            self.db["sources"].insert(_source_row(source), pk="id")
            batch = self.audit.next_batch()
            return self.audit.record(admin_id, "source", None, None, _summary(source), batch=batch)

    def remove(self, source_id: str, *, admin_id: int, undo_of: int, batch: int) -> None:
        """Undo a registration (the caller has checked that no fact cites the source)."""
        with self.db.atomic():
            source = self.all()[source_id]
            self.db.execute("DELETE FROM sources WHERE id = ?", [source_id])
            self.audit.record(
                admin_id, "undo", None, _summary(source), None, batch=batch, undo_of=undo_of
            )


def _source_row(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": dump_json(source.title),
        "publisher": dump_json(source.publisher),
        "cites": dump_json(source.cites),
        "language": source.language,
        "note": source.note,
        "file": source.file,
        "text": source.text,
    }


def _summary(source: Source) -> dict[str, Any]:
    return {
        "source": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "language": source.language,
        "chars": len(source.text),
    }


def _source_from_row(row: dict[str, Any]) -> Source:
    return Source(
        id=row["id"],
        text=row["text"],
        title=json.loads(row["title"]),
        publisher=json.loads(row["publisher"]),
        cites=json.loads(row["cites"] or "{}"),
        language=row["language"],
        note=row["note"] or "",
        file=row["file"] or "",
    )
