"""/export, /import and /source: the canonical file round-trips, imports are validated,
summarised and applied in one transaction, and registered sources can be quoted."""

from __future__ import annotations

import asyncio
import copy
import sqlite3

import pytest
import yaml

from knowledge.curation.errors import (
    Conflict,
    InvalidFact,
    QuoteNotInSource,
    SourceExists,
    SourceInUse,
    UnknownSource,
)
from knowledge.curation.parsing import parse_quick_add, parse_source
from knowledge.curation.service import Curator
from knowledge.places.resolver import PlaceResolver
from tests.conftest import CONTENT, MAIN_EVENT
from tests.curation_support import (
    ADMIN_A,
    ADMIN_B,
    BBC_SOURCE,
    NEW_ID,
    QUICK_ADD,
    add_bbc_fact,
    engine_from,
)


def main_event_facts(store):
    """What an export of the main event holds (the screening's facts are another file)."""
    return [f for f in store.facts() if f.event_id == MAIN_EVENT]


@pytest.fixture
def curator(store) -> Curator:
    return Curator(store, PlaceResolver.default())


def _edited(text: str, edit) -> str:
    """The facts file with `edit` applied to its parsed data, dumped canonically."""
    from knowledge.storage.fact_file import FACTS_HEADER

    data = yaml.safe_load(text)
    edit(data["facts"])
    return FACTS_HEADER + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100, indent=2
    )


def test_export_is_the_canonical_facts_file(curator):
    assert curator.export() == (CONTENT / "facts.yaml").read_text(encoding="utf-8")


def test_an_export_imported_back_restores_the_base_byte_for_byte(curator, store):
    exported = curator.export()
    add_bbc_fact(curator)
    curator.set_field(ADMIN_A, "talks-time", "time", "2021-12-07 18:00 Kyiv", "en")
    curator.delete(ADMIN_B, "talks-format")
    preview = curator.preview_import(exported)
    assert (preview.added, preview.changed, preview.removed) == (
        ("talks-format",),
        ("talks-time",),
        (NEW_ID,),
    )
    curator.apply_import(ADMIN_A, exported, preview.fingerprint)
    assert curator.export() == exported
    assert curator.preview_import(curator.export()).empty


def test_the_import_summary_lists_what_would_be_added_changed_and_removed(curator, store):
    def edit(facts):
        facts[:] = [f for f in facts if f["id"] != "talks-year"]
        facts[0]["text"]["en"] = "At 17:00 Kyiv time."
        new = dict(copy.deepcopy(facts[1]), id="talks-format-again")
        facts.append(new)

    text = _edited(curator.export(), edit)
    preview = curator.preview_import(text)
    assert preview.added == ("talks-format-again",)
    assert preview.changed == ("talks-time",)
    assert preview.removed == ("talks-year",)
    assert not preview.reordered and preview.total == len(main_event_facts(store))
    assert store.db["audit"].count == 0  # a preview writes nothing
    result = curator.apply_import(ADMIN_A, text, preview.fingerprint)
    assert (result.added, result.changed, result.removed) == (
        preview.added,
        preview.changed,
        preview.removed,
    )
    assert store.fact("talks-year") is None
    assert store.fact("talks-time")[0].text["en"] == "At 17:00 Kyiv time."
    assert curator.export() == text


def test_a_reordered_file_is_imported_in_its_own_order(curator):
    text = _edited(curator.export(), lambda facts: facts.reverse())
    preview = curator.preview_import(text)
    assert preview.reordered and not (preview.added or preview.changed or preview.removed)
    curator.apply_import(ADMIN_A, text, preview.fingerprint)
    assert curator.export() == text


def test_a_bad_file_changes_nothing_and_every_problem_is_reported(curator, store):
    exported = curator.export()

    def spoil(facts):
        facts[0]["citations"][0]["quote"] = "Переговоры пройдут завтра."
        del facts[1]["text"]["uk"]
        title = dict(facts[0]["text"])  # a copy: a shared one would be a YAML alias
        facts[2]["event"] = {"start": "7 December", "zone": "Europe/Kiyv", "title": title}

    with pytest.raises(InvalidFact) as refused:
        curator.preview_import(_edited(exported, spoil))
    problems = [str(p) for p in refused.value.details["problems"]]
    assert any("'talks-time': quote not found verbatim" in p for p in problems)
    assert any("'talks-format': text: missing language 'uk'" in p for p in problems)
    assert any("'talks-participants': event start" in p for p in problems)
    assert any("'talks-participants': event zone" in p for p in problems)
    with pytest.raises(InvalidFact) as refused:
        curator.preview_import("facts: [oops")
    assert "not valid YAML" in str(refused.value.details["problems"][0])
    with pytest.raises(InvalidFact):
        curator.apply_import(ADMIN_A, _edited(exported, spoil), store.fingerprint())
    assert curator.export() == exported and store.db["audit"].count == 0


def test_an_import_is_one_transaction_a_failure_midway_changes_nothing(curator, store):
    exported = curator.export()

    def edit(facts):
        for fact in facts:
            fact["text"]["en"] += " (checked)"

    text = _edited(exported, edit)
    preview = curator.preview_import(text)
    # A real constraint in the real file, hit by the ninth of the 23 changes.
    store.db.execute(
        "CREATE TRIGGER refuse_footage BEFORE UPDATE ON facts WHEN NEW.id = 'talks-footage'"
        " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="refused by the test"):
        curator.apply_import(ADMIN_A, text, preview.fingerprint)
    assert curator.export() == exported
    assert store.db["audit"].count == 0 and store.db["outbox"].count == 0


def test_an_import_confirmed_after_the_base_changed_is_refused(curator):
    text = _edited(curator.export(), lambda facts: facts.pop())
    preview = curator.preview_import(text)
    curator.set_field(ADMIN_B, "talks-time", "text_en", "Changed meanwhile.", "en")
    with pytest.raises(Conflict):
        curator.apply_import(ADMIN_A, text, preview.fingerprint)


def test_one_undo_reverts_a_whole_import(curator, store):
    exported = curator.export()

    def edit(facts):
        facts.pop()
        facts[0]["text"]["ru"] = "В 17:00 по Киеву."
        facts.append(facts.pop(0))  # every fact moves, whatever their number

    text = _edited(exported, edit)
    curator.apply_import(ADMIN_A, text, curator.preview_import(text).fingerprint)
    undone = curator.undo(ADMIN_A)
    assert undone.action == "import" and len(undone.fact_ids) == len(main_event_facts(store))
    assert curator.export() == exported


# -- /source ----------------------------------------------------------------------------


def test_a_registered_source_can_be_quoted_and_quotes_are_checked_against_it(curator, store):
    source = curator.register_source(ADMIN_A, parse_source(BBC_SOURCE))
    assert store.sources()["bbc-call"] == source
    assert source.publisher == {"en": "BBC", "ru": "BBC", "uk": "BBC"}
    assert source.title == {"en": "Biden warns Putin in a video call"}
    curator.add(ADMIN_A, parse_quick_add(QUICK_ADD, "en"), "en")
    answer = engine_from(store).ask("how long did the call last")
    assert answer.citations[0].source_id == "bbc-call"
    missing = QUICK_ADD.replace("lasted two hours", "lasted three hours")
    with pytest.raises(QuoteNotInSource) as refused:
        curator.add(ADMIN_A, parse_quick_add(missing, "en").with_step("id", "three-hours"), "en")
    assert refused.value.details["source"] == "bbc-call"
    assert "lasted two hours" in asyncio.run(curator.closest_passage(refused.value))


def test_a_file_citing_a_registered_source_imports_and_one_citing_an_unknown_one_does_not(
    curator,
):
    add_bbc_fact(curator)
    exported = curator.export()
    assert curator.preview_import(exported).empty

    def retarget(facts):
        facts[-1]["citations"][0]["source"] = "cnn-call"

    with pytest.raises(InvalidFact) as refused:
        curator.preview_import(_edited(exported, retarget))
    assert "unknown source 'cnn-call'" in str(refused.value.details["problems"][0])


def test_a_source_id_is_registered_once_and_an_unknown_one_cannot_be_quoted(curator):
    curator.register_source(ADMIN_A, parse_source(BBC_SOURCE))
    with pytest.raises(SourceExists):
        curator.register_source(ADMIN_B, parse_source(BBC_SOURCE))
    with pytest.raises(UnknownSource) as refused:
        curator.cite("cnn-call: The video call lasted two hours")
    assert refused.value.details == {"source": "cnn-call"}


def test_a_source_registration_is_undone_only_while_nothing_cites_it(curator, store):
    curator.register_source(ADMIN_A, parse_source(BBC_SOURCE))
    curator.add(ADMIN_B, parse_quick_add(QUICK_ADD, "en"), "en")
    with pytest.raises(SourceInUse) as refused:
        curator.undo(ADMIN_A)
    assert refused.value.details["fact_ids"] == (NEW_ID,)
    curator.undo(ADMIN_B)
    assert curator.undo(ADMIN_A).source_ids == ("bbc-call",)
    assert "bbc-call" not in store.sources()
