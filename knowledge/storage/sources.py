"""The registered source documents in SQLite: the shipped ones seeded, more added by /source."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from knowledge.model import Source
from knowledge.storage.audit import dump_json


class SourceRegistry:
    """Reading the sources; registering and unregistering them is FactWriter's (curation's)."""

    def __init__(self, db: Database):
        self.db = db

    def all(self) -> dict[str, Source]:
        """Every source, in registration order (the shipped article first)."""
        rows = self.db.query("SELECT * FROM sources ORDER BY rowid")
        return {row["id"]: _source_from_row(row) for row in rows}

    def seed(self, source: Source) -> None:
        self.db["sources"].upsert(source_row(source), pk="id")


def source_row(source: Source) -> dict[str, Any]:
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


def source_summary(source: Source) -> dict[str, Any]:
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
