"""The SQLite store: created and seeded by code, versioned, audited, refusing lost updates."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from knowledge.store import Conflict, FactStore, StoreError, migrations


def test_first_open_creates_the_schema_and_seeds_from_the_facts_file(store, facts):
    assert [f.id for f in store.facts()] == [f.id for f in facts]
    assert store.facts() == facts
    assert store.meta("schema_version") == "1"
    applied = [m.name for m in migrations.applied(store.db)]
    assert applied == ["m001_initial"]
    tables = set(store.db.table_names())
    assert {"facts", "sources", "audit", "users", "meta", "_sqlite_migrations"} <= tables
    indexed = {col for index in store.db["audit"].indexes for col in index.columns}
    assert {"fact_id", "admin_id"} <= indexed


def test_sources_are_stored_with_their_text(store, sources):
    assert store.sources() == sources


def test_reopening_does_not_seed_twice(db_path):
    first = FactStore.open(db_path)
    count = len(first.facts())
    first.close()
    again = FactStore.open(db_path)
    assert len(again.facts()) == count
    again.close()


def test_database_is_in_wal_mode(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_saving_a_fact_bumps_its_version_and_writes_one_audit_row(store):
    fact, version = store.fact("call-format")
    changed = replace(fact, text={**fact.text, "en": "By video link, not in person."})
    new_version = store.save_fact(changed, admin_id=7, action="edit", expected_version=version)
    assert new_version == version + 1
    assert store.fact("call-format") == (changed, new_version)
    [row] = list(store.db.query("SELECT * FROM audit"))
    assert (row["admin_id"], row["action"], row["fact_id"]) == (7, "edit", "call-format")
    assert json.loads(row["before"])["text"]["en"] == fact.text["en"]
    assert json.loads(row["after"])["text"]["en"] == "By video link, not in person."


def test_a_stale_version_is_refused_and_nothing_is_written(store):
    fact, version = store.fact("call-format")
    store.save_fact(fact, admin_id=1, action="edit", expected_version=version)
    with pytest.raises(Conflict) as refused:
        store.save_fact(fact, admin_id=2, action="edit", expected_version=version)
    assert refused.value.current == fact
    assert store.db["audit"].count == 1


def test_deleted_fact_disappears_but_stays_in_the_audit_trail(store):
    store.delete_fact("call-format", admin_id=3)
    assert store.fact("call-format") is None
    assert "call-format" not in {f.id for f in store.facts()}
    [row] = list(store.db.query("SELECT action, before FROM audit"))
    assert row["action"] == "delete" and json.loads(row["before"])["id"] == "call-format"


def test_user_settings_persist_per_user(db_path):
    store = FactStore.open(db_path)
    store.set_user_setting(42, "tz", "Europe/Berlin")
    store.set_user_setting(42, "lang", "uk")
    store.set_user_setting(43, "lang", "ru")
    store.close()
    reopened = FactStore.open(db_path)
    assert reopened.user_settings(42).tz == "Europe/Berlin"
    assert reopened.user_settings(42).lang == "uk"
    assert reopened.user_settings(43).tz is None
    assert reopened.user_settings(44).lang is None
    reopened.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(db_path):
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        FactStore.open(db_path)
    assert db_path.read_bytes() == b"this is not sqlite" * 100
