"""Users who follow a fact, and the durable outbox that tells each of them, once, when an
admin changes that fact's text or time (rows are written in the change's transaction)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlite_utils import Database

from knowledge.storage.audit import Clock, iso

# Sent rows are kept a while for inspection, then dropped so the outbox stays small.
KEEP_SENT_DAYS = 30


@dataclass(frozen=True)
class Notification:
    id: int
    user_id: int
    fact_id: str
    changes: tuple[str, ...]  # "text", "time"
    audit_id: int  # the change; the bot shows the fact as it is now
    created_at: str


def notable_changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[str, ...]:
    """What subscribers hear about: a live fact's text or event time changed."""
    if before is None or after is None:
        return ()
    kinds = []
    if before.get("text") != after.get("text"):
        kinds.append("text")
    if _when(before) != _when(after):
        kinds.append("time")
    return tuple(kinds)


def _when(data: dict[str, Any]) -> tuple[str, str] | None:
    event = data.get("event")
    return (event["start"], event["zone"]) if event else None


def enqueue_many(
    db: Database, changes: Sequence[tuple[str, int, tuple[str, ...]]], at: str
) -> None:
    """One outbox row per subscriber of each changed fact, for (fact id, audit id, kinds)
    triples, in one executemany; call inside the change's transaction."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO outbox (user_id, fact_id, audit_id, changes, created_at)"
        " SELECT user_id, fact_id, ?, ?, ? FROM subscriptions WHERE fact_id = ?",
        [(audit_id, ",".join(kinds), at, fact_id) for fact_id, audit_id, kinds in changes],
    )


class Subscriptions:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    def subscribe(self, user_id: int, fact_id: str, lang: str | None = None) -> bool:
        """Follow a live fact; False if already following. KeyError for an unknown fact.

        `lang` is the language to notify in when the user has not chosen one with /lang.
        """
        with self.db.atomic():
            live = self.db.query("SELECT 1 FROM facts WHERE id = ? AND deleted = 0", [fact_id])
            if not list(live):
                raise KeyError(fact_id)
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO subscriptions (user_id, fact_id, at, lang)"
                " VALUES (?, ?, ?, ?)",
                [user_id, fact_id, iso(self.clock()), lang],
            )
            if cursor.rowcount == 1:
                return True
            if lang is not None:
                self.db.execute(
                    "UPDATE subscriptions SET lang = ? WHERE user_id = ? AND fact_id = ?",
                    [lang, user_id, fact_id],
                )
            return False

    def lang_of(self, user_id: int) -> str | None:
        """The language of the user's latest subscription, if one was recorded."""
        rows = list(
            self.db.query(
                "SELECT lang FROM subscriptions WHERE user_id = ? AND lang IS NOT NULL"
                " ORDER BY at DESC LIMIT 1",
                [user_id],
            )
        )
        return rows[0]["lang"] if rows else None

    def unsubscribe(self, user_id: int, fact_id: str) -> bool:
        cursor = self.db.execute(
            "DELETE FROM subscriptions WHERE user_id = ? AND fact_id = ?", [user_id, fact_id]
        )
        return cursor.rowcount == 1

    def subscribers(self, fact_id: str) -> list[int]:
        rows = self.db.query(
            "SELECT user_id FROM subscriptions WHERE fact_id = ? ORDER BY user_id", [fact_id]
        )
        return [row["user_id"] for row in rows]

    def subscriptions(self, user_id: int) -> list[str]:
        rows = self.db.query(
            "SELECT fact_id FROM subscriptions WHERE user_id = ? ORDER BY fact_id", [user_id]
        )
        return [row["fact_id"] for row in rows]

    def pending_notifications(self, limit: int = 100) -> list[Notification]:
        """Unsent rows, oldest first; the sender marks each one sent after delivering it."""
        rows = self.db.query(
            "SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?", [limit]
        )
        return [
            Notification(
                id=row["id"],
                user_id=row["user_id"],
                fact_id=row["fact_id"],
                changes=tuple(row["changes"].split(",")),
                audit_id=row["audit_id"],
                created_at=row["created_at"],
            )
            for row in rows
        ]

    def backlog(self) -> int:
        """Notifications queued and not sent yet (the partial index makes this cheap)."""
        [row] = self.db.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchall()
        return int(row[0])

    def mark_sent(self, ids: Iterable[int]) -> int:
        ids = list(ids)
        if not ids:
            return 0
        now = self.clock()
        with self.db.atomic():
            marks = ",".join("?" * len(ids))
            cursor = self.db.execute(
                f"UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND id IN ({marks})",
                [iso(now), *ids],
            )
            cutoff = now - timedelta(days=KEEP_SENT_DAYS)
            self.db.execute("DELETE FROM outbox WHERE sent_at < ?", [iso(cutoff)])
            return cursor.rowcount
