"""Snapshots and restore on real SQLite files: what a snapshot holds, what restore refuses
(changing nothing), what it keeps, and the scheduled backups that never stop the bot."""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.runtime.backups import BackupScheduler
from knowledge.curation.service import Curator
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.backup import (
    BackupError,
    backup_name,
    inspect_snapshot,
    make_snapshot,
    restore_snapshot,
    scheduled_backups,
    write_backup,
)
from knowledge.storage.schema import SCHEMA_VERSION
from knowledge.storage.store import FactStore
from tests.conftest import CONTENT
from tests.curation_support import ADMIN_A, Clock


def changed_store(db_path: Path) -> FactStore:
    """A store with one edit (audit), a subscription, a user setting and a logged question."""
    store = FactStore.open(db_path, CONTENT)
    curator = Curator(store, PlaceResolver.default())
    curator.set_field(ADMIN_A, "talks-format", "text_en", "A video call, as the admin says.", "en")
    store.subscriptions.subscribe(42, "talks-time", "uk")
    store.set_user_setting(42, "tz", "Europe/Berlin")
    curator.questions.log_question(42, "when is the call", "en", "answered", "talks-time")
    return store


def test_a_snapshot_holds_facts_audit_subscriptions_settings_and_says_what_it_holds(
    db_path: Path, tmp_path: Path
):
    store = changed_store(db_path)
    try:
        info = make_snapshot(db_path, tmp_path / "snap.db", clock=Clock())
        live_facts = len(store.facts())
    finally:
        store.close()
    assert info.schema_version == SCHEMA_VERSION
    assert info.facts == live_facts
    assert info.taken_at == Clock().now
    copy = FactStore.open(tmp_path / "snap.db", CONTENT)
    try:
        assert copy.fact("talks-format")[0].text["en"] == "A video call, as the admin says."
        assert [e.action for e in copy.audit.history("talks-format")] == ["edit"]
        assert copy.subscriptions.subscriptions(42) == ["talks-time"]
        assert copy.user_settings(42).tz == "Europe/Berlin"
        assert copy.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 1
    finally:
        copy.close()


def test_a_snapshot_sees_only_committed_writes_while_another_connection_writes(
    db_path: Path, tmp_path: Path
):
    FactStore.open(db_path, CONTENT).close()
    writer = sqlite3.connect(db_path)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE facts SET deleted = 1")
        info = make_snapshot(db_path, tmp_path / "snap.db")  # the writer has not committed
        writer.rollback()
    finally:
        writer.close()
    assert info.facts > 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text, not a database", "is not an SQLite database"),
        (None, "is not a talkbot database"),  # an SQLite file of something else
    ],
)
def test_restore_refuses_a_foreign_file_and_changes_nothing(
    db_path: Path, tmp_path: Path, content: bytes | None, reason: str
):
    FactStore.open(db_path, CONTENT).close()
    before = db_path.read_bytes()
    foreign = tmp_path / "foreign.db"
    if content is None:
        with sqlite3.connect(foreign) as other:
            other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    else:
        foreign.write_bytes(content)
    with pytest.raises(BackupError, match=reason) as refused:
        restore_snapshot(foreign, db_path)
    assert "\n" not in str(refused.value)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(
        ["talkbot.db", "foreign.db"]
    )


def test_restore_refuses_a_damaged_snapshot_and_changes_nothing(db_path: Path, tmp_path: Path):
    FactStore.open(db_path, CONTENT).close()
    snapshot = tmp_path / "snap.db"
    make_snapshot(db_path, snapshot)
    data = bytearray(snapshot.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # every page past the schema's
        data[offset + 8 : offset + 200] = b"\xff" * 192
    snapshot.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match=r"snap\.db is damaged"):
        restore_snapshot(snapshot, db_path)
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("talkbot.db.bak-*"))


def test_restore_refuses_a_snapshot_from_a_newer_schema(db_path: Path, tmp_path: Path):
    FactStore.open(db_path, CONTENT).close()
    snapshot = tmp_path / "snap.db"
    make_snapshot(db_path, snapshot)
    future = SCHEMA_VERSION + 1
    with sqlite3.connect(snapshot) as newer:
        newer.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('talkbot', ?, '2030-01-01')",
            [f"m{future:03d}_from_the_future"],
        )
    newer_than = re.escape(
        f"schema version {future}, newer than this talkbot knows ({SCHEMA_VERSION})"
    )
    with pytest.raises(BackupError, match=newer_than):
        inspect_snapshot(snapshot)
    with pytest.raises(BackupError):
        restore_snapshot(snapshot, db_path)
    assert not list(tmp_path.glob("talkbot.db.bak-*"))


def test_restore_keeps_the_current_database_with_its_wal_as_a_bak_file(
    db_path: Path, tmp_path: Path
):
    store = FactStore.open(db_path, CONTENT)
    snapshot = tmp_path / "snap.db"
    make_snapshot(db_path, snapshot)
    curator = Curator(store, PlaceResolver.default())
    curator.set_field(ADMIN_A, "talks-format", "text_en", "Changed after the snapshot.", "en")
    # A killed bot leaves its last commits in the WAL: copy the files as they are now.
    kept_files = {s: Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal")}
    store.close()
    for suffix, content in kept_files.items():
        Path(f"{db_path}{suffix}").write_bytes(content)

    restored = restore_snapshot(snapshot, db_path, clock=Clock())
    assert restored.kept == tmp_path / "talkbot.db.bak-20261125-120000Z"
    assert Path(f"{restored.kept}-wal").exists()
    kept = FactStore.open(restored.kept, CONTENT)
    back = FactStore.open(db_path, CONTENT)
    try:
        assert kept.fact("talks-format")[0].text["en"] == "Changed after the snapshot."
        assert back.fact("talks-format")[0].text["en"] != "Changed after the snapshot."
    finally:
        kept.close()
        back.close()


def test_scheduled_backups_are_timestamped_and_only_the_newest_are_kept(
    db_path: Path, tmp_path: Path
):
    FactStore.open(db_path, CONTENT).close()
    folder = tmp_path / "backups"
    clock = Clock()
    for hours in range(4):
        clock.now = Clock().now + timedelta(hours=hours)
        write_backup(db_path, folder, keep=2, clock=clock)
    (folder / "notes.txt").write_text("not a backup: left alone")
    assert [p.name for p in scheduled_backups(folder, db_path)] == [
        "talkbot-20261125-140000Z.db",
        "talkbot-20261125-150000Z.db",
    ]
    assert (folder / "notes.txt").exists()
    assert backup_name(db_path, clock.now) == "talkbot-20261125-150000Z.db"


async def test_a_failed_backup_is_logged_and_tried_again_without_stopping_anything(
    db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    FactStore.open(db_path, CONTENT).close()
    blocked = tmp_path / "backups"
    blocked.write_text("a file where the backup folder should be")
    scheduler = BackupScheduler(db_path, blocked, timedelta(hours=1), keep=3, clock=Clock())
    with caplog.at_level(logging.ERROR):
        assert await scheduler.backup_once() is None
    assert "backup failed, will try again in 1:00:00: cannot create" in caplog.text

    blocked.unlink()
    info = await scheduler.backup_once()
    assert info is not None and info.path.parent == blocked


async def test_the_schedule_backs_up_at_once_then_every_interval(db_path: Path, tmp_path: Path):
    FactStore.open(db_path, CONTENT).close()
    folder = tmp_path / "backups"
    clock = Clock()
    pauses: list[float] = []

    async def sleep(seconds: float) -> None:
        pauses.append(seconds)
        clock.now += timedelta(seconds=seconds)
        if len(pauses) == 3:
            raise RuntimeError("enough")

    scheduler = BackupScheduler(
        db_path, folder, timedelta(hours=6), keep=5, clock=clock, sleep=sleep
    )
    with pytest.raises(RuntimeError, match="enough"):
        await scheduler.run()
    assert pauses == [0.0, 6 * 3600, 6 * 3600]
    assert len(scheduled_backups(folder, db_path)) == 2
    # A restart two hours after the last backup waits for the rest of the interval.
    clock.now = Clock().now + timedelta(hours=6 + 2)
    assert scheduler.first_delay() == 4 * 3600
