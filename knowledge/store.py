"""The fact base and per-user settings in SQLite, through sqlite-utils.

The schema is created by versioned migrations; the first start seeds the database from
knowledge/facts.yaml. Every change to a fact is one transaction together with its audit
row (who, when, what, before → after), and fact versions refuse lost updates.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from knowledge.loader import (
    DEFAULT_FACTS_PATH,
    DEFAULT_SOURCES_PATH,
    fact_from_dict,
    load_facts,
    load_sources,
)
from knowledge.model import Fact, Source

migrations = Migrations("talkbot")
SCHEMA_VERSION = 1


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create(
        {
            "id": str,
            "title": str,
            "publisher": str,
            "cites": str,
            "language": str,
            "note": str,
            "file": str,
            "text": str,
        },
        pk="id",
    )
    db["facts"].create(
        {
            "id": str,
            "position": int,
            "data": str,
            "version": int,
            "updated_at": str,
            "updated_by": int,
            "deleted": int,
        },
        pk="id",
        not_null={"data", "version", "deleted"},
        defaults={"version": 1, "deleted": 0},
    )
    db["facts"].create_index(["deleted", "position"])
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "admin_id": int,
            "action": str,
            "fact_id": str,
            "before": str,
            "after": str,
            "undone": int,
        },
        pk="id",
        defaults={"undone": 0},
    )
    db["audit"].create_index(["fact_id"])
    db["audit"].create_index(["admin_id", "id"])
    db["users"].create({"user_id": int, "tz": str, "lang": str, "updated_at": str}, pk="user_id")
    db["meta"].create({"key": str, "value": str}, pk="key")


class StoreError(RuntimeError):
    """The database cannot be used; the message says why, in one line."""


class Conflict(RuntimeError):
    """A fact changed since the caller read it (an optimistic-lock refusal)."""

    def __init__(self, current: Fact | None):
        self.current = current
        super().__init__("changed meanwhile")


@dataclass(frozen=True)
class UserSettings:
    tz: str | None = None
    lang: str | None = None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FactStore:
    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(
        cls,
        path: str | Path,
        facts_path: Path = DEFAULT_FACTS_PATH,
        sources_path: Path = DEFAULT_SOURCES_PATH,
    ) -> FactStore:
        """Open (creating and seeding when new) the database at `path`."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(path))
            db = Database(connection)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=5000")
            db.execute("SELECT count(*) FROM sqlite_master").fetchall()
            migrations.apply(db)
        except (sqlite3.DatabaseError, OSError) as error:
            raise StoreError(f"cannot open database {path.name}: {error}") from None
        store = cls(db)
        if store.meta("seeded") is None:
            store.seed(
                load_facts(facts_path, load_sources(sources_path)), load_sources(sources_path)
            )
        return store

    def close(self) -> None:
        self.db.close()

    # -- meta -------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        rows = list(self.db.query("SELECT value FROM meta WHERE key = ?", [key]))
        return rows[0]["value"] if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def seed(self, facts: list[Fact], sources: dict[str, Source]) -> None:
        with self.db.atomic():
            for source in sources.values():
                self.db["sources"].upsert(_source_row(source), pk="id")
            for position, fact in enumerate(facts):
                self.db["facts"].insert(
                    {
                        "id": fact.id,
                        "position": position,
                        "data": _dump(fact.to_dict()),
                        "version": 1,
                        "updated_at": now_iso(),
                        "updated_by": None,
                        "deleted": 0,
                    },
                )
            self._set_meta("seeded", now_iso())
            self._set_meta("schema_version", str(SCHEMA_VERSION))

    # -- reading ----------------------------------------------------------------

    def facts(self) -> list[Fact]:
        rows = self.db.query("SELECT data FROM facts WHERE deleted = 0 ORDER BY position, id")
        return [fact_from_dict(json.loads(row["data"])) for row in rows]

    def fact(self, fact_id: str) -> tuple[Fact, int] | None:
        """A live fact with its version, or None."""
        rows = list(
            self.db.query("SELECT data, version FROM facts WHERE id = ? AND deleted = 0", [fact_id])
        )
        if not rows:
            return None
        return fact_from_dict(json.loads(rows[0]["data"])), rows[0]["version"]

    def sources(self) -> dict[str, Source]:
        return {row["id"]: _source_from_row(row) for row in self.db.query("SELECT * FROM sources")}

    # -- writing ----------------------------------------------------------------

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
        with self.db.atomic():
            row = self._row(fact.id)
            before = json.loads(row["data"]) if row and not row["deleted"] else None
            if expected_version is None and before is not None:
                raise Conflict(fact_from_dict(before))
            if expected_version is not None and (
                before is None or row["version"] != expected_version
            ):
                raise Conflict(fact_from_dict(before) if before else None)
            version = (row["version"] + 1) if row else 1
            position = row["position"] if row else self._next_position()
            self.db["facts"].upsert(
                {
                    "id": fact.id,
                    "position": position,
                    "data": _dump(fact.to_dict()),
                    "version": version,
                    "updated_at": now_iso(),
                    "updated_by": admin_id,
                    "deleted": 0,
                },
                pk="id",
            )
            self._audit(admin_id, action, fact.id, before, fact.to_dict())
        return version

    def delete_fact(
        self, fact_id: str, *, admin_id: int, expected_version: int | None = None
    ) -> None:
        with self.db.atomic():
            row = self._row(fact_id)
            if row is None or row["deleted"]:
                raise KeyError(fact_id)
            if expected_version is not None and row["version"] != expected_version:
                raise Conflict(fact_from_dict(json.loads(row["data"])))
            self.db.execute(
                "UPDATE facts SET deleted = 1, version = version + 1,"
                " updated_at = ?, updated_by = ? WHERE id = ?",
                [now_iso(), admin_id, fact_id],
            )
            self._audit(admin_id, "delete", fact_id, json.loads(row["data"]), None)

    def _row(self, fact_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM facts WHERE id = ?", [fact_id]))
        return rows[0] if rows else None

    def _next_position(self) -> int:
        rows = list(self.db.query("SELECT coalesce(max(position), -1) + 1 AS next FROM facts"))
        return rows[0]["next"]

    def _audit(self, admin_id: int, action: str, fact_id: str, before: Any, after: Any) -> None:
        self.db["audit"].insert(
            {
                "at": now_iso(),
                "admin_id": admin_id,
                "action": action,
                "fact_id": fact_id,
                "before": _dump(before) if before is not None else None,
                "after": _dump(after) if after is not None else None,
                "undone": 0,
            },
        )

    # -- users ------------------------------------------------------------------

    def user_settings(self, user_id: int) -> UserSettings:
        rows = list(self.db.query("SELECT tz, lang FROM users WHERE user_id = ?", [user_id]))
        return UserSettings(**rows[0]) if rows else UserSettings()

    def set_user_setting(self, user_id: int, name: str, value: str | None) -> None:
        if name not in ("tz", "lang"):
            raise ValueError(name)
        with self.db.atomic():
            current = self.user_settings(user_id)
            values = {"tz": current.tz, "lang": current.lang, name: value}
            self.db["users"].upsert(
                {"user_id": user_id, **values, "updated_at": now_iso()}, pk="user_id"
            )


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


def _source_row(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": _dump(source.title),
        "publisher": _dump(source.publisher),
        "cites": _dump(source.cites),
        "language": source.language,
        "note": source.note,
        "file": source.file,
        "text": source.text,
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
