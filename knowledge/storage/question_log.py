"""What users ask, kept 90 days for /unanswered and /stats; user ids only as salted hashes
(distinct askers can be counted, never named)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from knowledge.language.text import clean, normalize
from knowledge.model import LANGS
from knowledge.places.times import utc_now
from knowledge.storage.worker import WriteGate

RETENTION_DAYS = 90
WINDOWS = (1, 7, 30)
# The engine's "unsure" is its low-confidence verdict: it offered candidates instead.
UNANSWERED = ("declined", "unsure")
MAX_TEXT = 500
# Rows past retention are dropped at the first question, then at most this often.
PURGE_EVERY = timedelta(minutes=10)


@dataclass(frozen=True)
class UnansweredGroup:
    """Questions that normalise to the same text, none of them answered."""

    handle: int  # the newest question's id: what an attach/dismiss button carries
    text: str  # as the newest asker wrote it
    lang: str
    count: int
    last_at: datetime


@dataclass(frozen=True)
class WindowStats:
    days: int
    asked: int
    answered: int
    declined: int
    unsure: int
    askers: int  # distinct hashed ids: a count, never an identity
    top_facts: tuple[tuple[str, int], ...]  # (fact id, answers), most answered first
    by_language: tuple[tuple[str, int], ...]  # (lang, questions) for en, ru, uk

    @property
    def answered_share(self) -> float:
        return self.answered / self.asked if self.asked else 0.0

    @property
    def declined_share(self) -> float:
        return self.declined / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class DayCount:
    """One UTC day's questions by outcome; `declined` is every question not answered or unsure."""

    day: date
    answered: int
    unsure: int
    declined: int

    @property
    def asked(self) -> int:
        return self.answered + self.unsure + self.declined


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


_INSERT = (
    "INSERT INTO questions (at, user_hash, text, norm, lang, status, fact_id, score)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


class QuestionLog:
    """The question log. With `batching` on (the bot's, see bot.runtime.question_writer)
    questions wait in memory and `flush()` writes them in one transaction; every read here
    flushes first, so /stats and /unanswered never miss a question already answered. While
    an import is being written (storage.worker), a flush waits for its commit."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime] = utc_now,
        gate: WriteGate | None = None,
    ):
        self.db = db
        self.clock = clock
        self.gate = gate
        self.batching = False
        self._pending: list[tuple[object, ...]] = []

        self._salt: str | None = None  # read once: the database's salt never changes
        self._next_purge: datetime | None = None

    def _hash(self, user_id: int) -> str:
        if self._salt is None:
            rows = list(self.db.query("SELECT value FROM meta WHERE key = 'question_salt'"))
            self._salt = str(rows[0]["value"])
        return hashlib.sha256(f"{self._salt}:{user_id}".encode()).hexdigest()

    def log_question(
        self,
        user_id: int,
        text: str,
        lang: str,
        status: str,
        fact_id: str | None = None,
        score: float = 0.0,
    ) -> None:
        """Record one question (the engine's verdict on it), at once or, batching, at the
        next `flush()`; rows past retention are dropped as it is written. The answer never
        waits for it: while an import holds the write lock, the row is written right after
        it commits, with the time it was asked."""
        text = clean(text).strip()[:MAX_TEXT]
        norm = normalize(text)
        if not norm:
            return
        row = (_iso(self.clock()), self._hash(user_id), text, norm, lang, status, fact_id, score)
        self._pending.append(row)
        if not self.batching:
            self.flush()

    @property
    def pending(self) -> int:
        """Questions logged and not yet written."""
        return len(self._pending)

    def drop_oldest(self, count: int) -> int:
        """Forget up to `count` of the oldest unwritten questions; how many were dropped."""
        count = max(0, min(count, len(self._pending)))
        del self._pending[:count]
        return count

    def flush(self) -> int:
        """Write the waiting questions in one transaction (right after an import's commit
        while one is being written); how many were written now."""
        if self.gate is not None and self.gate.held:
            self.gate.defer(self.flush)
            return 0
        rows, self._pending = self._pending, []
        if not rows:
            return 0
        now = self.clock()
        try:
            with self.db.atomic():
                # Plain SQL: sqlite-utils' insert() reads the table's schema first, which
                # cost more than the insert itself.
                self.db.conn.executemany(_INSERT, rows)
                if self._next_purge is None or now >= self._next_purge:
                    cutoff = _iso(now - timedelta(days=RETENTION_DAYS))
                    self.db.execute("DELETE FROM questions WHERE at < ?", [cutoff])
                    self._next_purge = now + PURGE_EVERY
        except BaseException:
            self._pending[:0] = rows  # kept for the next try, in order
            raise
        return len(rows)

    def unanswered(self, limit: int = 20, days: int = 30) -> list[UnansweredGroup]:
        """Unresolved declined/unsure questions grouped by normalised text, newest first."""
        self.flush()
        since = _iso(self.clock() - timedelta(days=days))
        marks = ",".join("?" * len(UNANSWERED))
        rows = self.db.query(
            "SELECT q.id, q.text, q.lang, q.at, g.n FROM"
            " (SELECT max(id) AS handle, count(*) AS n FROM questions"
            f"  WHERE status IN ({marks}) AND resolution IS NULL AND at >= ? GROUP BY norm) g"
            " JOIN questions q ON q.id = g.handle ORDER BY q.at DESC, q.id DESC LIMIT ?",
            [*UNANSWERED, since, limit],
        )
        return [
            UnansweredGroup(
                row["id"], row["text"], row["lang"], row["n"], datetime.fromisoformat(row["at"])
            )
            for row in rows
        ]

    def group(self, handle: int) -> UnansweredGroup | None:
        """The unresolved group a handle (from /unanswered) stands for, or None."""
        self.flush()
        marks = ",".join("?" * len(UNANSWERED))
        rows = list(
            self.db.query(
                "SELECT q.id, q.text, q.lang, q.at, (SELECT count(*) FROM questions o"
                f"  WHERE o.norm = q.norm AND o.resolution IS NULL AND o.status IN ({marks})) AS n"
                " FROM questions q WHERE q.id = ? AND q.resolution IS NULL",
                [*UNANSWERED, handle],
            )
        )
        if not rows:
            return None
        row = rows[0]
        return UnansweredGroup(
            row["id"], row["text"], row["lang"], row["n"], datetime.fromisoformat(row["at"])
        )

    def resolve(self, handle: int, resolution: str) -> int:
        """Mark every unresolved question of the handle's group ("attached:ID", "dismissed")."""
        self.flush()
        marks = ",".join("?" * len(UNANSWERED))
        cursor = self.db.execute(
            "UPDATE questions SET resolution = ? WHERE resolution IS NULL"
            f" AND status IN ({marks}) AND norm = (SELECT norm FROM questions WHERE id = ?)",
            [resolution, *UNANSWERED, handle],
        )
        return cursor.rowcount

    def stats(self, windows: Sequence[int] = WINDOWS, top: int = 5) -> tuple[WindowStats, ...]:
        self.flush()
        return tuple(self._window(days, top) for days in windows)

    def daily(self, days: int = 30) -> list[DayCount]:
        """The last `days` UTC days, today included and oldest first; days without a question
        are there with zeros."""
        self.flush()
        today = self.clock().astimezone(UTC).date()
        first = today - timedelta(days=days - 1)
        rows = self.db.query(
            "SELECT substr(at, 1, 10) AS day, count(*) AS asked,"
            " coalesce(sum(status = 'answered'), 0) AS answered,"
            " coalesce(sum(status = 'unsure'), 0) AS unsure"
            " FROM questions WHERE at >= ? GROUP BY day",
            [first.isoformat()],
        )
        found = {row["day"]: row for row in rows}
        counts = []
        for offset in range(days):
            day = first + timedelta(days=offset)
            row = found.get(day.isoformat())
            if row is None:
                counts.append(DayCount(day, 0, 0, 0))
                continue
            declined = row["asked"] - row["answered"] - row["unsure"]
            counts.append(DayCount(day, row["answered"], row["unsure"], declined))
        return counts

    def _window(self, days: int, top: int) -> WindowStats:
        since = [_iso(self.clock() - timedelta(days=days))]
        [totals] = self.db.query(
            "SELECT count(*) AS asked, coalesce(sum(status = 'answered'), 0) AS answered,"
            " coalesce(sum(status = 'declined'), 0) AS declined,"
            " coalesce(sum(status = 'unsure'), 0) AS unsure,"
            " count(DISTINCT user_hash) AS askers FROM questions WHERE at >= ?",
            since,
        )
        facts = self.db.query(
            "SELECT fact_id, count(*) AS n FROM questions WHERE at >= ? AND status = 'answered'"
            " AND fact_id IS NOT NULL GROUP BY fact_id ORDER BY n DESC, fact_id LIMIT ?",
            [*since, top],
        )
        langs = {
            row["lang"]: row["n"]
            for row in self.db.query(
                "SELECT lang, count(*) AS n FROM questions WHERE at >= ? GROUP BY lang", since
            )
        }
        return WindowStats(
            days=days,
            top_facts=tuple((row["fact_id"], row["n"]) for row in facts),
            by_language=tuple((lang, langs.get(lang, 0)) for lang in LANGS),
            **totals,
        )
