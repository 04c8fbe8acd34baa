"""The fact base and per-user settings in SQLite, through sqlite-utils.

The schema is created by versioned migrations; the first start seeds the database from a
content directory (knowledge/content/ unless told otherwise): its events, sources and
facts. This class reads; the writes of facts and sources (each one transaction with its
audit row) are the Curator's, through storage.writes.FactWriter.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from knowledge.model import Event, Fact, Source
from knowledge.places.times import utc_now
from knowledge.storage.audit import AuditTrail, dump_json, iso
from knowledge.storage.content import load_content, load_events
from knowledge.storage.fact_file import SHIPPED_CONTENT, FactsInvalid, fact_from_dict
from knowledge.storage.schema import SCHEMA_VERSION, migrations
from knowledge.storage.sources import SourceRegistry
from knowledge.storage.subscriptions import Subscriptions
from knowledge.storage.worker import LOOP_BUSY_TIMEOUT_MS, StoreWorker, WriteGate


class StoreError(RuntimeError):
    """The database cannot be used; the message says why, in one line."""


class Conflict(RuntimeError):
    """A fact changed since the caller read it (an optimistic-lock refusal).

    `current` is the live fact now (None when it is not live) and `version` its version.
    """

    code = "conflict"

    def __init__(self, current: Fact | None, version: int | None = None):
        self.current = current
        self.version = version
        super().__init__("changed meanwhile")

    @property
    def details(self) -> dict[str, Any]:
        return {"current": self.current, "version": self.version}


@dataclass(frozen=True)
class UserSettings:
    tz: str | None = None
    lang: str | None = None


NO_SETTINGS = UserSettings()
# Users whose settings are kept in memory, the least recent dropped first: ~100 bytes each.
SETTINGS_CACHE_SIZE = 20_000


@dataclass(frozen=True)
class StoredFact:
    """A fact row, live or deleted, with what optimistic locking and /fact need."""

    fact: Fact
    version: int
    deleted: bool
    position: int
    updated_at: str | None
    updated_by: int | None


@dataclass(frozen=True)
class FactChange:
    """One fact's new state within a write; `after` None deletes it (softly).

    `expected_version` is the version the caller read (None: the fact must not be live);
    `deleted` says that row was read deleted (restoring it). `position` None keeps the
    fact's place, new facts go last.
    """

    fact_id: str
    after: Fact | None
    expected_version: int | None
    deleted: bool = False
    position: int | None = None
    undo_of: int | None = None


class FactStore:
    """Reads the fact base; fact and source writes belong to the Curator (storage.writes).

    `clock` is the one clock every stored timestamp comes from (audit rows, fact rows,
    subscriptions, the outbox, user settings and, through the Curator, the question log).
    """

    def __init__(self, db: Database, clock: Callable[[], datetime] = utc_now):
        self.db = db
        self.clock = clock
        self.audit = AuditTrail(db, clock)
        self.subscriptions = Subscriptions(db, clock)
        self.registry = SourceRegistry(db)
        self._settings: OrderedDict[int, UserSettings] = OrderedDict()
        # Work too long for the event loop runs in the worker's thread, on a connection of
        # its own; while it writes, the gate keeps this connection from writing.
        self.gate = WriteGate(db)
        self._worker: StoreWorker[FactStore] | None = None

    @property
    def worker(self) -> StoreWorker[FactStore]:
        if self._worker is None:
            [path] = [row[2] for row in self.db.execute("PRAGMA database_list") if row[1] == "main"]
            self._worker = StoreWorker(path, lambda db: FactStore(db, self.clock), self)
        return self._worker

    @classmethod
    def open(
        cls,
        path: str | Path,
        content: Path = SHIPPED_CONTENT,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> FactStore:
        """Open the database at `path`; a new one is seeded from the `content` directory.

        A bad content directory is a StoreError naming its first problems."""
        path = Path(path)
        connection: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(path))
            # Before anything writes (the WAL switch, a migration): a damaged file is refused
            # as it is, not half-repaired. quick_check reads every page, so damage in a table
            # start-up does not read (the question log, say) is found now rather than by a
            # user's question later; it skips the slow index cross-checks of integrity_check.
            damage = [row[0] for row in connection.execute("PRAGMA quick_check(1)")]
            if damage != ["ok"]:
                first = " ".join(str(damage[0]).split()) if damage else "unknown damage"
                raise sqlite3.DatabaseError(f"the file is damaged ({first})")
            db = Database(connection)
            db.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL syncs at checkpoints rather than at every commit: a killed
            # process still loses nothing it committed and the file stays consistent; only
            # a power cut can undo the last commits, each one whole. The question log writes
            # on every answer, and the sync at each commit was two thirds of its cost.
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute(f"PRAGMA busy_timeout={LOOP_BUSY_TIMEOUT_MS}")
            db.execute("SELECT count(*) FROM sqlite_master").fetchall()
            migrations.apply(db)
        except (sqlite3.DatabaseError, OSError) as error:
            if connection is not None:
                connection.close()
            raise StoreError(f"cannot open database {path.name}: {error}") from None
        store = cls(db, clock)
        try:
            if store.meta("seeded") is None:
                loaded = load_content(content)
                store.seed(loaded.facts, loaded.sources, loaded.events)
            elif not store.events():
                store._adopt_events(load_events(content / "events.yaml"))
        except FactsInvalid as invalid:
            store.close()
            shown = "; ".join(str(p) for p in invalid.problems[:3])
            raise StoreError(f"cannot seed from {content}: {shown}") from None
        return store

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
        self.db.close()

    # -- meta -------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        rows = list(self.db.query("SELECT value FROM meta WHERE key = ?", [key]))
        return rows[0]["value"] if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def seed(
        self, facts: list[Fact], sources: dict[str, Source], events: Sequence[Event] = ()
    ) -> None:
        with self.db.atomic():
            self._insert_events(events)
            for source in sources.values():
                self.registry.seed(source)
            for position, fact in enumerate(facts):
                self.db["facts"].insert(
                    {
                        "id": fact.id,
                        "position": position,
                        "data": dump_json(fact.to_dict()),
                        "version": 1,
                        "updated_at": iso(self.clock()),
                        "updated_by": None,
                        "deleted": 0,
                    },
                )
            self._set_meta("seeded", iso(self.clock()))
            self._set_meta("schema_version", str(SCHEMA_VERSION))

    def _insert_events(self, events: Sequence[Event]) -> None:
        for position, event in enumerate(events):
            row = {"id": event.id, "position": position, "data": dump_json(event.to_dict())}
            self.db["events"].insert(row)

    def _adopt_events(self, events: Sequence[Event]) -> None:
        """A database seeded before events existed: its facts are the main event's."""
        with self.db.atomic():
            self._insert_events(events)
            for row in list(self.db.query("SELECT id, data FROM facts")):
                data = json.loads(row["data"])
                data.setdefault("event_id", events[0].id)
                self.db.execute(
                    "UPDATE facts SET data = ? WHERE id = ?", [dump_json(data), row["id"]]
                )

    # -- reading ----------------------------------------------------------------

    def events(self) -> tuple[Event, ...]:
        """The events, the main one first."""
        rows = self.db.query("SELECT data FROM events ORDER BY position, id")
        return tuple(_event_from_dict(json.loads(row["data"])) for row in rows)

    def facts(self) -> list[Fact]:
        rows = self.db.query("SELECT data FROM facts WHERE deleted = 0 ORDER BY position, id")
        return [fact_from_dict(json.loads(row["data"])) for row in rows]

    def fact(self, fact_id: str) -> tuple[Fact, int] | None:
        """A live fact with its version, or None."""
        stored = self.stored(fact_id)
        if stored is None or stored.deleted:
            return None
        return stored.fact, stored.version

    def stored(self, fact_id: str) -> StoredFact | None:
        """The fact's row whether live or deleted, or None if the id was never used."""
        row = self._row(fact_id)
        if row is None:
            return None
        return StoredFact(
            fact=fact_from_dict(json.loads(row["data"])),
            version=row["version"],
            deleted=bool(row["deleted"]),
            position=row["position"],
            updated_at=row["updated_at"],
            updated_by=row["updated_by"],
        )

    def fact_ids(self) -> set[str]:
        """Every id ever used, deleted ones included (they can come back)."""
        return {row["id"] for row in self.db.query("SELECT id FROM facts")}

    def fingerprint(self) -> str:
        """Changes whenever any fact does: a preview shows it, its confirmation passes it back."""
        rows = self.db.query("SELECT id, version, deleted FROM facts ORDER BY id")
        text = "\n".join(f"{r['id']}:{r['version']}:{r['deleted']}" for r in rows)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def sources(self) -> dict[str, Source]:
        return self.registry.all()

    def _row(self, fact_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM facts WHERE id = ?", [fact_id]))
        return rows[0] if rows else None

    def next_position(self) -> int:
        """The position after every fact's: where a new fact goes."""
        rows = list(self.db.query("SELECT coalesce(max(position), -1) + 1 AS next FROM facts"))
        return rows[0]["next"]

    # -- users ------------------------------------------------------------------

    def user_settings(self, user_id: int) -> UserSettings:
        """The user's saved settings; read on every update, so the recent ones are kept in
        memory (only `set_user_setting` writes them, and it drops the kept copy)."""
        cached = self._settings.get(user_id)
        if cached is not None:
            self._settings.move_to_end(user_id)
            return cached
        rows = list(self.db.query("SELECT tz, lang FROM users WHERE user_id = ?", [user_id]))
        settings = UserSettings(**rows[0]) if rows else NO_SETTINGS
        self._settings[user_id] = settings
        if len(self._settings) > SETTINGS_CACHE_SIZE:
            self._settings.popitem(last=False)
        return settings

    def set_user_setting(self, user_id: int, name: str, value: str | None) -> None:
        if name not in ("tz", "lang"):
            raise ValueError(name)
        self._settings.pop(user_id, None)
        try:
            with self.db.atomic():
                current = self.user_settings(user_id)
                values = {"tz": current.tz, "lang": current.lang, name: value}
                self.db["users"].upsert(
                    {"user_id": user_id, **values, "updated_at": iso(self.clock())}, pk="user_id"
                )
        finally:  # read again from the table next time, whether the write held or not
            self._settings.pop(user_id, None)


def _event_from_dict(data: dict[str, Any]) -> Event:
    return Event(
        id=data["id"],
        title=data["title"],
        subject=data["subject"],
        topics=data["topics"],
        zones=tuple(data["zones"]),
        examples=tuple(data["examples"]),
        warm_up=tuple(data["warm_up"]),
        facts_file=data["facts"],
    )
