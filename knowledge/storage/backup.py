"""Snapshots of the database and putting one back: /backup, the scheduled backups and
`python -m bot restore` all go through here.

A snapshot is `VACUUM INTO` on a connection of its own: SQLite writes a consistent, compact
copy of the database as one read transaction sees it, while the bot goes on writing (WAL).
Copying the live file instead could catch a half-written page or miss what is still in the WAL.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from knowledge.places.times import utc_now
from knowledge.storage.schema import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
STAMP_FORMAT = "%Y%m%d-%H%M%SZ"  # sorts as it reads, and is safe in any file name
TAKEN_AT_KEY = "snapshot_taken_at"
MIGRATIONS_TABLE = "_sqlite_migrations"

Clock = Callable[[], datetime]


class BackupError(RuntimeError):
    """A snapshot cannot be made or used; the message says why in one line."""


@dataclass(frozen=True)
class SnapshotInfo:
    """What a snapshot holds, as read back from the file itself."""

    path: Path
    taken_at: datetime
    schema_version: int
    facts: int  # live facts, deleted ones not counted
    size: int  # bytes


@dataclass(frozen=True)
class Restored:
    snapshot: SnapshotInfo
    kept: Path | None  # where the database it replaced now is; None if there was none


@cache
def known_migrations() -> tuple[str, ...]:
    """This code's schema migrations, in order: every one is pending on an empty database."""
    return tuple(m.name for m in migrations.pending(Database(memory=True)))


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def make_snapshot(database: Path, target: Path, *, clock: Clock = utc_now) -> SnapshotInfo:
    """Write a consistent snapshot of `database` to `target` (replacing it); the file appears
    whole or not at all."""
    if not database.is_file():
        raise BackupError(f"cannot back up {database.name}: no such database")
    taken_at = clock()
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(database)
        try:
            source.execute("PRAGMA busy_timeout=5000")
            source.execute("VACUUM INTO ?", [str(partial)])
        finally:
            source.close()
        copy = sqlite3.connect(partial)
        try:
            # Said in the file itself, so a restore can tell when it was taken.
            with copy:
                copy.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    [TAKEN_AT_KEY, taken_at.astimezone(UTC).isoformat(timespec="seconds")],
                )
        finally:
            copy.close()
        _sync(partial)
        os.replace(partial, target)
        _sync_directory(target.parent)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"cannot back up {database.name}: {_one_line(error)}") from None
    return inspect_snapshot(target)


def inspect_snapshot(path: Path, *, shown_as: str | None = None) -> SnapshotInfo:
    """Check that `path` is an intact talkbot database this code can migrate, and say what it
    holds; BackupError with one line otherwise. Opened immutable: nothing is written to it."""
    name = shown_as or path.name
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
        size = path.stat().st_size
    except OSError as error:
        raise BackupError(f"{name}: cannot read it ({_one_line(error)})") from None
    if header != SQLITE_HEADER:
        raise BackupError(f"{name} is not an SQLite database")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{name}: cannot open it ({_one_line(error)})") from None
    try:
        return _inspect(connection, path, name, size)
    except sqlite3.Error as error:
        raise BackupError(f"{name} is damaged ({_one_line(error)})") from None
    finally:
        connection.close()


def _inspect(connection: sqlite3.Connection, path: Path, name: str, size: int) -> SnapshotInfo:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check(1)")]
    if problems != ["ok"]:
        first = _one_line(problems[0]) if problems else "unknown damage"
        raise BackupError(f"{name} is damaged: integrity check failed ({first})")
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if not {MIGRATIONS_TABLE, "facts", "meta"} <= tables:
        raise BackupError(f"{name} is not a talkbot database")
    applied = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [migrations.name],
        )
    ]
    known = known_migrations()
    if not applied:
        raise BackupError(f"{name} is not a talkbot database")
    if any(migration not in known for migration in applied):
        raise BackupError(
            f"{name} has schema version {len(applied)}, newer than this talkbot knows"
            f" ({len(known)}): upgrade talkbot first"
        )
    [(facts,)] = connection.execute("SELECT count(*) FROM facts WHERE deleted = 0")
    rows = connection.execute("SELECT value FROM meta WHERE key = ?", [TAKEN_AT_KEY]).fetchall()
    if rows:
        taken_at = datetime.fromisoformat(rows[0][0])
    else:  # a copy made some other way: its file time is the best guess
        taken_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return SnapshotInfo(path, taken_at, len(applied), facts, size)


def restore_snapshot(snapshot: Path, database: Path, *, clock: Clock = utc_now) -> Restored:
    """Put `snapshot` in place of `database` (the bot must be stopped), keeping the current
    database as `<name>.bak-<time>`. A file that fails the checks changes nothing."""
    inspect_snapshot(snapshot)  # refuse a foreign file before copying anything
    database.parent.mkdir(parents=True, exist_ok=True)
    incoming = database.with_name(f".{database.name}.restoring")
    try:
        shutil.copyfile(snapshot, incoming)
        _sync(incoming)
        # The copy is what goes in place, so the copy is what is checked.
        info = inspect_snapshot(incoming, shown_as=snapshot.name)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise BackupError(f"cannot restore {snapshot.name}: {_one_line(error)}") from None
    except BackupError:
        incoming.unlink(missing_ok=True)
        raise
    kept = None
    if database.exists():
        kept = database.with_name(f"{database.name}.bak-{stamp(clock())}")
        # The WAL may hold commits not yet in the file: it goes along, under the name SQLite
        # looks for next to the kept file, so the kept database is whole.
        for suffix in ("", "-wal", "-shm"):
            current = Path(f"{database}{suffix}")
            if current.exists():
                os.replace(current, f"{kept}{suffix}")
    os.replace(incoming, database)
    _sync_directory(database.parent)
    return Restored(replace(info, path=database), kept)


# -- scheduled backups ------------------------------------------------------------------


def backup_name(database: Path, moment: datetime) -> str:
    return f"{database.stem}-{stamp(moment)}.db"


def scheduled_backups(directory: Path, database: Path) -> list[Path]:
    """This database's timestamped backups in `directory`, oldest first."""
    if not directory.is_dir():
        return []
    found = []
    for path in directory.glob(f"{database.stem}-*.db"):
        with contextlib.suppress(ValueError):
            datetime.strptime(path.stem.removeprefix(f"{database.stem}-"), STAMP_FORMAT)
            found.append(path)
    return sorted(found)


def last_backup_time(directory: Path, database: Path) -> datetime | None:
    backups = scheduled_backups(directory, database)
    if not backups:
        return None
    text = backups[-1].stem.removeprefix(f"{database.stem}-")
    return datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=UTC)


def write_backup(
    database: Path, directory: Path, keep: int, *, clock: Clock = utc_now
) -> SnapshotInfo:
    """A timestamped snapshot in `directory`, then only the newest `keep` are kept."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"cannot create {directory}: {_one_line(error)}") from None
    moment = clock()
    info = make_snapshot(database, directory / backup_name(database, moment), clock=lambda: moment)
    for old in scheduled_backups(directory, database)[:-keep]:
        old.unlink(missing_ok=True)
    return info


# -- helpers ----------------------------------------------------------------------------


def _one_line(error: object) -> str:
    text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return " ".join(text.split())


def _sync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _sync_directory(path: Path) -> None:
    """Make a rename durable (a power cut could otherwise undo it)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
