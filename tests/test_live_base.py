"""The single write path's last step: a committed change rebuilds the index in a worker
thread and swaps it in; questions are answered from the old index until then (issue 11)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping, Sequence

import pytest

from bot.runtime.live import LiveBase
from knowledge.answering.engine import Engine
from knowledge.curation.errors import Busy
from knowledge.curation.service import Curator
from knowledge.model import Event, Fact, Source
from tests.conftest import AFTER_THE_CALL, DECISION
from tests.curation_support import ADMIN_A

QUESTION = "is it a video call?"
NEW_TEXT = "By telephone after all, says the correction."


class HeldReload:
    """The engine's real reload, held back until the test releases it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def __call__(
        self, facts: Sequence[Fact], sources: Mapping[str, Source], events: Sequence[Event]
    ) -> None:
        self.calls += 1
        self.started.set()
        self.release.wait(30)
        self.engine.reload(facts, sources, events)


async def test_while_a_slow_rebuild_runs_questions_are_answered_from_the_old_index(store):
    engine = Engine(
        store.facts(), store.sources(), clock=lambda: AFTER_THE_CALL, decision=DECISION
    )
    held = HeldReload(engine)
    live = LiveBase(store, engine, reload=held)
    curator = Curator(store, engine.resolver, on_change=live.changed)
    old = engine.ask(QUESTION).lead

    curator.set_field(ADMIN_A, "talks-format", "text_en", NEW_TEXT, "en")
    await asyncio.to_thread(held.started.wait, 30)  # the rebuild is running, in its thread

    assert engine.ask(QUESTION).lead == old  # the loop is free and answers from the old index
    held.release.set()
    await live.settled()
    assert engine.ask(QUESTION).lead == NEW_TEXT


async def test_changes_made_during_a_rebuild_are_taken_by_the_next_one_in_order(store):
    engine = Engine(
        store.facts(), store.sources(), clock=lambda: AFTER_THE_CALL, decision=DECISION
    )
    held = HeldReload(engine)
    live = LiveBase(store, engine, reload=held)
    curator = Curator(store, engine.resolver, on_change=live.changed)

    curator.set_field(ADMIN_A, "talks-format", "text_en", "First correction.", "en")
    await asyncio.to_thread(held.started.wait, 30)
    curator.set_field(ADMIN_A, "talks-format", "text_en", "Second correction.", "en")
    curator.set_field(ADMIN_A, "talks-format", "text_en", NEW_TEXT, "en")
    held.release.set()
    await live.settled()

    assert held.calls == 2  # the two later changes share the rebuild after the first
    assert engine.ask(QUESTION).lead == NEW_TEXT  # the last swapped in is the latest base


async def test_an_edit_that_changes_nothing_rebuilds_nothing(store):
    engine = Engine(
        store.facts(), store.sources(), clock=lambda: AFTER_THE_CALL, decision=DECISION
    )
    live = LiveBase(store, engine)
    curator = Curator(store, engine.resolver, on_change=live.changed)
    same = store.fact("talks-format")[0].text["en"]

    assert not curator.set_field(ADMIN_A, "talks-format", "text_en", same, "en").changed
    await live.settled()
    assert live.rebuilds == 0


async def test_the_facts_for_a_rebuild_are_read_off_the_event_loops_connection(store):
    engine = Engine(
        store.facts(), store.sources(), clock=lambda: AFTER_THE_CALL, decision=DECISION
    )
    live = LiveBase(store, engine)
    curator = Curator(store, engine.resolver, on_change=live.changed)
    on_the_loop: list[str] = []
    store.db.conn.set_trace_callback(on_the_loop.append)

    curator.set_field(ADMIN_A, "talks-format", "text_en", NEW_TEXT, "en")
    await live.settled()

    store.db.conn.set_trace_callback(None)
    # 10,000 facts take most of a second to read: the store's worker thread reads them.
    assert not [sql for sql in on_the_loop if sql.startswith("SELECT data FROM facts")]
    assert engine.ask(QUESTION).lead == NEW_TEXT


async def test_while_an_import_is_written_other_changes_are_refused_not_waited_for(store):
    curator = Curator(store)

    async with store.gate.hold():
        with pytest.raises(Busy):
            curator.set_field(ADMIN_A, "talks-format", "text_en", NEW_TEXT, "en")
        curator.questions.log_question(7, "how long is the call?", "en", "declined")
        assert store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 0

    # Nothing was written meanwhile; the question is logged once the import commits.
    assert store.fact("talks-format")[1] == 1
    assert store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 1
