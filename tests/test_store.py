"""The SQLite store: created and seeded by code, versioned, audited, refusing lost updates."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest
from sqlite_utils import Database

from knowledge.curation.service import Curator
from knowledge.storage.schema import migrations
from knowledge.storage.store import Conflict, FactChange, FactStore, StoreError
from knowledge.storage.writes import FactWriter
from tests.conftest import CONTENT


def test_first_open_creates_the_schema_and_seeds_from_the_facts_file(store, facts):
    assert [f.id for f in store.facts()] == [f.id for f in facts]
    assert store.facts() == facts
    assert store.meta("schema_version") == "4"
    applied = [m.name for m in migrations.applied(store.db)]
    assert applied == [
        "m001_initial",
        "m002_curation",
        "m003_subscription_language",
        "m004_events",
    ]
    assert [e.id for e in store.events()] == ["video-talks", "warsaw-screening"]
    tables = set(store.db.table_names())
    assert {"facts", "sources", "audit", "users", "meta", "_sqlite_migrations"} <= tables
    assert {"questions", "subscriptions", "outbox"} <= tables
    indexed = {col for index in store.db["audit"].indexes for col in index.columns}
    assert {"fact_id", "admin_id"} <= indexed


def test_sources_are_stored_with_their_text(store, sources):
    assert store.sources() == sources


def test_reopening_does_not_seed_twice(db_path):
    first = FactStore.open(db_path, CONTENT)
    count = len(first.facts())
    first.close()
    again = FactStore.open(db_path, CONTENT)
    assert len(again.facts()) == count
    again.close()


def test_database_is_in_wal_mode(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_saving_a_fact_bumps_its_version_and_writes_one_audit_row(store):
    fact, version = store.fact("talks-format")
    changed = replace(fact, text={**fact.text, "en": "By video link, not in person."})
    new_version = FactWriter(store).save_fact(
        changed, admin_id=7, action="edit", expected_version=version
    )
    assert new_version == version + 1
    assert store.fact("talks-format") == (changed, new_version)
    [row] = list(store.db.query("SELECT * FROM audit"))
    assert (row["admin_id"], row["action"], row["fact_id"]) == (7, "edit", "talks-format")
    assert json.loads(row["before"])["text"]["en"] == fact.text["en"]
    assert json.loads(row["after"])["text"]["en"] == "By video link, not in person."


def test_a_stale_version_is_refused_and_nothing_is_written(store):
    fact, version = store.fact("talks-format")
    FactWriter(store).save_fact(fact, admin_id=1, action="edit", expected_version=version)
    with pytest.raises(Conflict) as refused:
        FactWriter(store).save_fact(fact, admin_id=2, action="edit", expected_version=version)
    assert refused.value.current == fact
    assert store.db["audit"].count == 1


def test_deleted_fact_disappears_but_stays_in_the_audit_trail(store):
    Curator(store).delete(3, "talks-format")
    assert store.fact("talks-format") is None
    assert "talks-format" not in {f.id for f in store.facts()}
    [row] = list(store.db.query("SELECT action, before FROM audit"))
    assert row["action"] == "delete" and json.loads(row["before"])["id"] == "talks-format"


def test_user_settings_persist_per_user(db_path):
    store = FactStore.open(db_path, CONTENT)
    store.set_user_setting(42, "tz", "Europe/Berlin")
    store.set_user_setting(42, "lang", "uk")
    store.set_user_setting(43, "lang", "ru")
    store.close()
    reopened = FactStore.open(db_path, CONTENT)
    assert reopened.user_settings(42).tz == "Europe/Berlin"
    assert reopened.user_settings(42).lang == "uk"
    assert reopened.user_settings(43).tz is None
    assert reopened.user_settings(44).lang is None
    reopened.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(db_path):
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        FactStore.open(db_path, CONTENT)
    assert db_path.read_bytes() == b"this is not sqlite" * 100


# -- curation support: batches, sources, subscriptions and the outbox --------------------


def _edit_text(store, fact_id: str, admin_id: int, **texts: str) -> None:
    fact, version = store.fact(fact_id)
    changed = replace(fact, text={**fact.text, **texts})
    FactWriter(store).save_fact(changed, admin_id=admin_id, action="edit", expected_version=version)


def test_a_version_1_database_is_upgraded_by_the_next_migration(db_path, facts, sources):
    db = Database(sqlite3.connect(str(db_path)))
    migrations.apply(db, stop_before="m002_curation")
    old = FactStore(db)
    old.seed(facts, sources)
    db.execute(
        "INSERT INTO audit (at, admin_id, action, fact_id, before, after) VALUES"
        " ('2025-01-01T00:00:00+00:00', 9, 'edit', 'talks-time', '{}', '{}')"
    )
    db.close()
    upgraded = FactStore.open(db_path, CONTENT)
    try:
        assert upgraded.meta("schema_version") == "4"
        assert {f.event_id for f in upgraded.facts()} == {"video-talks", "warsaw-screening"}
        assert upgraded.meta("question_salt")
        [entry] = upgraded.audit.history()
        assert (entry.batch, entry.admin_id) == (entry.id, 9)
        assert upgraded.facts() == facts
    finally:
        upgraded.close()


def test_changes_of_several_facts_share_one_batch_with_versions_and_positions(store):
    time_fact, time_version = store.fact("talks-time")
    format_fact, format_version = store.fact("talks-format")
    batch = FactWriter(store).write(
        [
            FactChange("talks-time", time_fact, time_version, position=1),
            FactChange("talks-format", format_fact, format_version, position=0),
        ],
        admin_id=4,
        action="import",
    )
    entries = store.audit.history()
    assert {e.batch for e in entries} == {batch} and len(entries) == 2
    assert [e.version for e in entries] == [2, 2]
    assert [f.id for f in store.facts()[:2]] == ["talks-format", "talks-time"]
    assert store.audit.last_batch(4) == list(reversed(entries))


def test_a_conflict_in_a_batch_writes_none_of_it(store):
    time_fact, time_version = store.fact("talks-time")
    format_fact, _ = store.fact("talks-format")
    with pytest.raises(Conflict):
        FactWriter(store).write(
            [
                FactChange("talks-time", time_fact, time_version),
                FactChange("talks-format", format_fact, 99),
            ],
            admin_id=4,
            action="import",
        )
    assert store.fact("talks-time")[1] == time_version and store.db["audit"].count == 0


def test_the_fingerprint_moves_with_any_fact_change(store):
    before = store.fingerprint()
    assert store.fingerprint() == before
    Curator(store).delete(1, "talks-format")
    assert store.fingerprint() != before


def test_subscribers_hear_once_per_change_of_text_or_time_and_never_twice(store):
    subscriptions = store.subscriptions
    assert subscriptions.subscribe(11, "talks-time") and subscriptions.subscribe(12, "talks-time")
    assert not subscriptions.subscribe(11, "talks-time")  # already following
    subscriptions.subscribe(13, "talks-format")
    assert subscriptions.subscribers("talks-time") == [11, 12]
    _edit_text(store, "talks-time", 1, en="Seventeen hundred, Kyiv time.")
    fact, version = store.fact("talks-time")
    later = replace(fact.event, start=fact.event.start.replace(hour=18))
    FactWriter(store).save_fact(
        replace(fact, event=later), admin_id=1, action="edit", expected_version=version
    )
    fact, version = store.fact("talks-time")
    asked = replace(fact, questions={**fact.questions, "en": (*fact.questions["en"], "what hour")})
    FactWriter(store).save_fact(asked, admin_id=1, action="addq", expected_version=version)
    pending = subscriptions.pending_notifications()
    assert [(n.user_id, n.changes) for n in pending] == [
        (11, ("text",)),
        (12, ("text",)),
        (11, ("time",)),
        (12, ("time",)),
    ]
    assert {n.fact_id for n in pending} == {"talks-time"}
    assert subscriptions.mark_sent([n.id for n in pending[:3]]) == 3
    assert [n.user_id for n in subscriptions.pending_notifications()] == [12]
    assert subscriptions.mark_sent([n.id for n in pending]) == 1  # the three were sent already
    assert subscriptions.pending_notifications() == []


def test_a_subscription_needs_a_live_fact_and_can_be_dropped(store):
    with pytest.raises(KeyError):
        store.subscriptions.subscribe(11, "no-such-fact")
    store.subscriptions.subscribe(11, "talks-time")
    assert store.subscriptions.subscriptions(11) == ["talks-time"]
    assert store.subscriptions.unsubscribe(11, "talks-time")
    assert not store.subscriptions.unsubscribe(11, "talks-time")
    _edit_text(store, "talks-time", 1, en="Changed.")
    assert store.subscriptions.pending_notifications() == []


def test_outbox_rows_are_written_in_the_changes_transaction(store):
    store.subscriptions.subscribe(11, "talks-time")
    store.db.execute(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit"
        " BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        _edit_text(store, "talks-time", 1, en="Never saved.")
    assert store.subscriptions.pending_notifications() == []
    assert store.fact("talks-time")[1] == 1


def test_the_language_a_user_subscribed_in_survives_a_restart(db_path):
    store = FactStore.open(db_path, CONTENT)
    assert store.subscriptions.subscribe(5, "talks-time", "uk")
    assert not store.subscriptions.subscribe(5, "talks-time", "ru")  # already following
    store.close()
    reopened = FactStore.open(db_path, CONTENT)
    assert reopened.subscriptions.lang_of(5) == "ru"
    assert reopened.subscriptions.lang_of(6) is None
    reopened.close()


def test_the_store_does_not_load_numpy_and_numpy_still_imports_later():
    # sqlite-utils would import numpy (15 MB) at once; timezonefinder needs it, but later.
    code = (
        "import sys, knowledge.storage.store, knowledge.storage.question_log\n"
        "assert 'numpy' not in sys.modules, 'numpy was loaded'\n"
        "import numpy\n"
        "print(numpy.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "numpy"
