"""Events as data: each event's facts shown in its own zone, "when is it?" meaning the main
event unless the conversation says otherwise, imports that touch one event only, and a
database seeded from any content directory."""

from __future__ import annotations

import json
import sqlite3

import pytest

from knowledge.answering.engine import Conversation
from knowledge.curation.errors import InvalidFact
from knowledge.curation.parsing import parse_quick_add
from knowledge.curation.service import Curator
from knowledge.storage.fact_file import dump_facts
from knowledge.storage.store import FactStore
from tests.conftest import CONTENT, MAIN_EVENT, SECOND_EVENT
from tests.curation_support import ADMIN_A, engine_from


def zones_shown(answer) -> list[tuple[str, str, str]]:
    return [(t.place, t.role, t.moment.strftime("%H:%M")) for t in answer.times]


@pytest.fixture
def curator(store: FactStore) -> Curator:
    return Curator(store)


def test_the_second_event_is_shown_in_its_own_zone_not_the_calls(engine):
    answer = engine.ask("when is the screening?")
    assert answer.fact.id == "screening-time"
    assert zones_shown(answer) == [("Warsaw", "source", "19:00")]


def test_the_second_event_is_also_shown_in_the_askers_zone(engine):
    answer = engine.ask("when is the screening?", user_place=engine.resolve_place("Tokyo"))
    assert zones_shown(answer) == [("Warsaw", "source", "19:00"), ("Tokyo", "user", "03:00")]


def test_the_main_event_keeps_its_reference_zones(engine):
    answer = engine.ask("when is the call?")
    assert zones_shown(answer) == [("Kyiv", "source", "17:00"), ("Moscow", "reference", "18:00")]


def test_when_is_it_with_no_other_clue_means_the_main_event(engine):
    assert engine.ask("when is it?").fact.id == "talks-time"


@pytest.mark.parametrize(("question", "lang"), [("when?", "en"), ("во сколько?", "ru")])
def test_question_words_alone_ask_the_time_of_the_last_timed_answer(engine, question, lang):
    conversation = Conversation()
    footage = engine.ask("when will the first footage be shown?", conversation=conversation)
    assert footage.fact.id == "talks-footage"
    again = engine.ask(question, lang=lang, conversation=conversation)
    assert again.answered and again.fact.id == "talks-footage"
    # With nothing before them, the main event's time.
    assert engine.ask(question, lang=lang).fact.id == "talks-time"


def test_a_follow_up_stays_with_the_event_of_the_previous_answer(engine):
    conversation = Conversation()
    assert engine.ask("when is the screening?", conversation=conversation).fact.id == (
        "screening-time"
    )
    tokyo = engine.ask("and in Tokyo?", conversation=conversation)
    assert tokyo.fact.id == "screening-time"
    assert zones_shown(tokyo) == [("Warsaw", "source", "19:00"), ("Tokyo", "asked", "03:00")]
    assert engine.ask("when is it?", conversation=conversation).fact.id == "screening-time"
    engine.ask("what is the format of the talks?", conversation=conversation)
    assert engine.ask("when is it?", conversation=conversation).fact.id == "talks-time"


def test_each_fact_carries_its_event(facts):
    events = {f.id: f.event_id for f in facts}
    assert events["talks-time"] == MAIN_EVENT
    assert events["screening-time"] == events["screening-venue"] == SECOND_EVENT


def test_examples_and_greeting_words_come_from_the_main_events_record(engine):
    assert [s.fact_id for s in engine.examples("en")] == [
        "talks-time",
        "talks-format",
        "talks-topics",
        "talks-footage",
    ]
    assert engine.about("ru")["subject"] == "о видеопереговорах Путина и Байдена"
    assert engine.ask("   ").lead.startswith("Ask me about the Putin–Biden video call: when it")


def test_an_admins_fact_timed_in_warsaw_is_shown_in_warsaw_not_kyiv_and_moscow(curator, store):
    draft = parse_quick_add(
        "when is the premiere => The premiere is on 8 December at 19:00 in Warsaw.\n"
        "ru: когда премьера => Премьера — 8 декабря в 19:00 в Варшаве.\n"
        "uk: коли прем'єра => Прем'єра — 8 грудня о 19:00 у Варшаві.\n"
        "quote: film-club-screening: The screening starts at 19:00 Warsaw time\n"
        "time: 2021-12-08 19:00 Warsaw",
        "en",
    )
    saved = curator.add(ADMIN_A, draft, "en")
    assert saved.fact.event_id == MAIN_EVENT  # an admin's new fact joins the main event
    engine = engine_from(store)
    answer = engine.ask("when is the premiere?", user_place=engine.resolve_place("New York"))
    assert answer.fact.id == saved.fact_id
    assert zones_shown(answer) == [("Warsaw", "source", "19:00"), ("New York", "user", "13:00")]


def test_importing_one_events_file_never_removes_another_events_facts(curator, store):
    screening = [f for f in store.facts() if f.event_id == SECOND_EVENT]
    only_time = dump_facts([f for f in screening if f.id == "screening-time"])
    preview = curator.preview_import(only_time)
    assert preview.event is not None and preview.event.id == SECOND_EVENT
    assert preview.removed == ("screening-venue",)
    curator.apply_import(ADMIN_A, only_time, preview.fingerprint)
    live = {f.id for f in store.facts()}
    assert "talks-time" in live and "screening-venue" not in live
    assert len([f for f in store.facts() if f.event_id == MAIN_EVENT]) == 25


def test_a_file_without_an_event_is_the_main_events(curator, store):
    main = [f for f in store.facts() if f.event_id == MAIN_EVENT]
    text = dump_facts(main[:-1], event_id="")
    assert not text.splitlines()[3].startswith("event:")
    preview = curator.preview_import(text)
    assert preview.event is not None and preview.event.id == MAIN_EVENT
    assert preview.removed == (main[-1].id,)  # the screening's facts are not in the file


def test_a_file_cannot_take_another_events_fact(curator, store):
    venue = next(f for f in store.facts() if f.id == "screening-venue")
    text = dump_facts([venue], event_id=MAIN_EVENT)
    with pytest.raises(InvalidFact) as refused:
        curator.preview_import(text)
    [problem] = refused.value.details["problems"]
    assert problem.fact_id == "screening-venue" and problem.message.code == "other_events_fact"


def test_a_file_naming_an_unknown_event_is_refused(curator, store):
    text = dump_facts(store.facts()[:1], event_id="moon-landing")
    with pytest.raises(InvalidFact) as refused:
        curator.preview_import(text)
    [problem] = refused.value.details["problems"]
    assert problem.message.code == "unknown_event"
    assert "moon-landing" in problem.said_in("uk")


def test_export_gives_each_event_its_own_file_that_reimports_unchanged(curator, store):
    for event in store.events():
        text = curator.export(event)
        assert text == (CONTENT / event.facts_file).read_text(encoding="utf-8")
        assert curator.preview_import(text).empty


def test_a_database_seeded_before_events_existed_adopts_the_main_event(db_path):
    FactStore.open(db_path, CONTENT).close()
    with sqlite3.connect(db_path) as connection:  # as version 3 left it: no events
        connection.execute("DELETE FROM events")
        rows = connection.execute("SELECT id, data FROM facts").fetchall()
        for fact_id, data in rows:
            plain = {k: v for k, v in json.loads(data).items() if k != "event_id"}
            connection.execute(
                "UPDATE facts SET data = ? WHERE id = ?", [json.dumps(plain), fact_id]
            )
    reopened = FactStore.open(db_path, CONTENT)
    try:
        assert [e.id for e in reopened.events()] == [MAIN_EVENT, SECOND_EVENT]
        assert {f.event_id for f in reopened.facts()} == {MAIN_EVENT}
    finally:
        reopened.close()


def test_a_bad_content_directory_stops_seeding_with_its_problems(db_path, tmp_path):
    (tmp_path / "events.yaml").write_text("events: []\n", encoding="utf-8")
    from knowledge.storage.store import StoreError

    with pytest.raises(StoreError, match=r"events\.yaml"):
        FactStore.open(db_path, tmp_path)
