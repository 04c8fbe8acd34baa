"""Admin changes over time: soft delete and restore, /undo of every kind, /history, concurrent
admins, and subscribers told about text and time changes."""

from __future__ import annotations

import pytest

from knowledge.curation.errors import Conflict, NotDeleted, NothingToUndo
from knowledge.curation.parsing import parse_quick_add, parse_source
from knowledge.curation.service import Curator
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.store import FactStore
from tests.conftest import CONTENT
from tests.curation_support import ADMIN_A, ADMIN_B, BBC_SOURCE, QUICK_ADD, engine_from


@pytest.fixture
def curator(store) -> Curator:
    return Curator(store, PlaceResolver.default())


# -- /del, restore and /undo ------------------------------------------------------------


def test_delete_is_soft_and_restorable(curator, store):
    fact, _ = store.fact("talks-format")
    curator.delete(ADMIN_A, "talks-format")
    assert store.fact("talks-format") is None
    assert engine_from(store).facts.get("talks-format") is None
    assert curator.show("talks-format").deleted
    with pytest.raises(NotDeleted):
        curator.restore(ADMIN_A, "talks-time")
    restored = curator.restore(ADMIN_B, "talks-format")
    assert store.fact("talks-format") == (fact, 3) and restored.version == 3


def _prepare(kind: str, curator: Curator) -> None:
    """Another admin's groundwork, so that the change under test is A's last one."""
    if kind == "add":
        curator.register_source(ADMIN_B, parse_source(BBC_SOURCE))
    elif kind == "restore":
        curator.delete(ADMIN_B, "talks-time")


def _change(kind: str, curator: Curator) -> None:
    if kind == "add":
        curator.add(ADMIN_A, parse_quick_add(QUICK_ADD, "en"), "en")
    elif kind == "edit":
        curator.set_field(ADMIN_A, "talks-time", "time", "2021-12-07 18:00 Kyiv", "en")
    elif kind == "addq":
        curator.add_question(ADMIN_A, "talks-time", "when do they speak exactly", lang="en")
    elif kind == "delq":
        curator.delete_question(ADMIN_A, "talks-time", 1)
    elif kind == "delete":
        curator.delete(ADMIN_A, "talks-time")
    elif kind == "restore":
        curator.restore(ADMIN_A, "talks-time")


@pytest.mark.parametrize("kind", ["add", "edit", "addq", "delq", "delete", "restore"])
def test_undo_reverts_the_admins_last_change_of_any_kind(curator, store, kind):
    _prepare(kind, curator)
    before = curator.export()
    _change(kind, curator)
    assert curator.export() != before
    undone = curator.undo(ADMIN_A)
    assert undone.action == kind and undone.fact_ids
    assert curator.export() == before


def test_with_nothing_of_ones_own_to_undo_undo_says_so(curator):
    with pytest.raises(NothingToUndo) as refused:
        curator.undo(ADMIN_A)
    assert refused.value.code == "nothing_to_undo"
    curator.set_field(ADMIN_B, "talks-time", "text_en", "At five.", "en")
    with pytest.raises(NothingToUndo):
        curator.undo(ADMIN_A)  # B's change is not A's to undo


def test_undo_walks_back_one_change_at_a_time(curator, store, facts):
    curator.set_field(ADMIN_A, "talks-time", "text_en", "First.", "en")
    curator.set_field(ADMIN_A, "talks-time", "text_en", "Second.", "en")
    curator.undo(ADMIN_A)
    assert store.fact("talks-time")[0].text["en"] == "First."
    curator.undo(ADMIN_A)
    assert store.fact("talks-time")[0] == facts[0]
    with pytest.raises(NothingToUndo):
        curator.undo(ADMIN_A)


def test_one_admins_undo_never_reverts_another_admins_change(curator, store):
    curator.set_field(ADMIN_A, "talks-time", "text_en", "A's words.", "en")
    curator.set_field(ADMIN_B, "talks-format", "text_en", "B's words.", "en")
    curator.undo(ADMIN_A)
    assert store.fact("talks-format")[0].text["en"] == "B's words."
    curator.set_field(ADMIN_A, "talks-time", "text_en", "A again.", "en")
    curator.set_field(ADMIN_B, "talks-time", "text_en", "B on top.", "en")
    with pytest.raises(Conflict) as refused:
        curator.undo(ADMIN_A)
    assert refused.value.current.text["en"] == "B on top." and refused.value.version == 5
    assert store.fact("talks-time")[0].text["en"] == "B on top."


# -- /history and concurrency -----------------------------------------------------------


def test_history_tells_who_changed_what_when_before_and_after(curator):
    curator.set_field(ADMIN_A, "talks-time", "text_en", "At five.", "en")
    curator.undo(ADMIN_A)
    curator.delete(ADMIN_B, "talks-format")
    undo, edit = curator.history("talks-time")
    assert (edit.admin_id, edit.action, edit.undone) == (ADMIN_A, "edit", True)
    [change] = edit.changes
    assert (change.field, change.after) == ("text.en", "At five.")
    assert change.before.startswith("The talks were scheduled")
    assert (undo.action, undo.undo_of, undo.changes[0].before) == ("undo", edit.id, "At five.")
    assert edit.at.tzinfo is not None
    everything = curator.history()
    assert [e.action for e in everything] == ["delete", "undo", "edit"]
    assert {c.field for c in everything[0].changes} >= {"text.en", "citations"}


def test_a_save_from_a_stale_preview_is_refused_with_the_current_version(curator, db_path):
    other = FactStore.open(db_path, CONTENT)  # a second connection, as a second process would have
    try:
        shown = curator.show("talks-format")
        Curator(other, curator.resolver).set_field(ADMIN_B, "talks-format", "text_en", "B.", "en")
        for attempt in (
            lambda: curator.delete(ADMIN_A, "talks-format", expected_version=shown.version),
            lambda: curator.set_field(
                ADMIN_A, "talks-format", "text_en", "A.", "en", expected_version=shown.version
            ),
        ):
            with pytest.raises(Conflict) as refused:
                attempt()
            assert refused.value.version == 2 and refused.value.current.text["en"] == "B."
    finally:
        other.close()


def test_two_quick_edits_of_one_fact_both_land(curator, db_path, store):
    other = FactStore.open(db_path, CONTENT)
    try:
        curator.set_field(ADMIN_A, "talks-format", "text_en", "A's English.", "en")
        Curator(other, curator.resolver).set_field(ADMIN_B, "talks-format", "text_ru", "Б.", "en")
        fact, version = store.fact("talks-format")
        assert (fact.text["en"], fact.text["ru"], version) == ("A's English.", "Б.", 3)
    finally:
        other.close()


def test_an_admins_text_or_time_change_queues_one_notice_per_subscriber(curator, store):
    for user in (11, 12):
        store.subscriptions.subscribe(user, "talks-time")
    curator.set_field(ADMIN_A, "talks-time", "text_ru", "В 17:00 по Киеву.", "en")
    curator.set_field(ADMIN_A, "talks-time", "time", "2021-12-07 18:00 Kyiv", "en")
    curator.add_question(ADMIN_A, "talks-time", "what hour exactly", lang="en")
    curator.delete(ADMIN_A, "talks-time")
    pending = store.subscriptions.pending_notifications()
    assert [(n.user_id, n.changes) for n in pending] == [
        (11, ("text",)),
        (12, ("text",)),
        (11, ("time",)),
        (12, ("time",)),
    ]
