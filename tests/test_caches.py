"""What the bot keeps in memory to answer a busy news day cheaply, and when it lets go of it:
rendered replies (bot.replies), user settings (FactStore) and the question log's batch
(bot.runtime.question_writer)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

from bot.i18n import bot_catalog
from bot.render import answer_messages
from bot.replies import ReplyCache
from bot.runtime import question_writer
from knowledge.answering.engine import Conversation, Engine
from knowledge.curation.service import Curator
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.store import FactStore
from tests.bot_harness import running_bot
from tests.conftest import AFTER_THE_CALL, CONTENT, DECISION
from tests.curation_support import Clock

TEXTS = bot_catalog()


def ask(cache: ReplyCache, question: str, conversation: Conversation | None = None, **kw):
    return cache.ask(
        question,
        lang=kw.get("lang"),
        lang_hint=kw.get("lang_hint", "en"),
        user_place=kw.get("user_place"),
        conversation=conversation or Conversation(),
    )


def test_a_repeated_question_gets_the_kept_reply_with_the_text_the_engine_gives(engine):
    cache = ReplyCache(engine, TEXTS)

    first = ask(cache, "when is the call in Tokyo?")
    again = ask(cache, "when is the call in Tokyo?")

    assert again is first
    assert (cache.hits, cache.misses) == (1, 1)
    fresh = engine.ask("when is the call in Tokyo?", lang_hint="en")
    assert list(again.messages) == answer_messages(fresh, TEXTS)
    assert "Tokyo" in again.messages[-1]


def test_a_question_in_other_words_with_the_same_answer_reuses_its_rendered_messages(engine):
    cache = ReplyCache(engine, TEXTS)

    first = ask(cache, "when is the call?")
    other = ask(cache, "WHEN is teh call")

    assert cache.misses == 2 and other.answer.fact == first.answer.fact
    assert other.messages is first.messages and other.keyboard is first.keyboard


def test_a_yes_or_no_verdict_is_not_reused_for_a_plain_question_on_the_same_fact(
    facts, sources, events
):
    # Regression: the rendered messages were kept per fact, so "is it a phone call?" answered
    # "No. The talks ..." and then "what format is the call?" got that "No." too.
    settled = {"en": {"is it a phone call": False}}
    engine = Engine(
        [replace(f, yes_no=settled) if f.id == "talks-format" else f for f in facts],
        sources,
        events=events,
        clock=lambda: AFTER_THE_CALL,
        decision=DECISION,
    )
    cache = ReplyCache(engine, TEXTS)

    verdict = ask(cache, "is it a phone call?")
    plain = ask(cache, "what format is the call?")

    assert verdict.answer.fact == plain.answer.fact
    assert verdict.answer.lead != plain.answer.lead
    assert list(plain.messages) == answer_messages(
        engine.ask("what format is the call?", lang_hint="en"), TEXTS
    )
    assert list(verdict.messages) == answer_messages(
        engine.ask("is it a phone call?", lang_hint="en"), TEXTS
    )


def test_a_kept_reply_is_not_reused_for_another_zone_or_language(engine):
    cache = ReplyCache(engine, TEXTS)
    berlin = engine.resolve_place("Berlin")

    plain = ask(cache, "when is the call?")
    for_berlin = ask(cache, "when is the call?", user_place=berlin)
    in_russian = ask(cache, "when is the call?", lang="ru")

    assert cache.hits == 0
    assert "Berlin" in for_berlin.messages[-1] and "Berlin" not in plain.messages[-1]
    assert in_russian.answer.lang == "ru"


def test_an_edited_fact_is_answered_anew_not_from_the_kept_reply(facts, sources):
    engine = Engine(facts, sources, clock=Clock(), decision=DECISION)
    cache = ReplyCache(engine, TEXTS)
    before = ask(cache, "when is the call?")
    fact = before.answer.fact
    edited = replace(fact, text={**fact.text, "en": "The call was moved, says the edit."})

    engine.reload([edited if f.id == fact.id else f for f in facts])
    after = ask(cache, "when is the call?")

    assert after.answer.lead == "The call was moved, says the edit."
    assert "moved, says the edit" in after.messages[-1]


def test_a_kept_reply_whose_tense_line_is_out_of_date_is_answered_anew(facts, sources):
    clock = Clock()
    engine = Engine(facts, sources, clock=clock, decision=DECISION)
    cache = ReplyCache(engine, TEXTS)
    before = ask(cache, "when is the call?")

    clock.now += timedelta(days=3 * 366)
    after = ask(cache, "when is the call?")

    assert after.answer.tense != before.answer.tense
    assert after.answer.tense == engine.ask("when is the call?", lang_hint="en").tense
    assert after.answer.tense in after.messages[-1]


def test_a_follow_up_from_the_kept_replies_refers_to_the_fact_the_engine_would(engine):
    cache = ReplyCache(engine, TEXTS)
    for _ in range(2):  # the second time, every reply comes from the cache
        conversation = Conversation()
        ask(cache, "what format is the call?", conversation)
        ask(cache, "when is the call?", conversation)
        follow_up = ask(cache, "and in Tokyo?", conversation)
        assert follow_up.answer.fact is not None and follow_up.answer.fact.id == "talks-time"
        assert conversation.last_fact_id == "talks-time"
    assert cache.hits == 3


def test_a_changed_setting_is_read_back_at_once_though_settings_are_kept(db_path):
    store = FactStore.open(db_path, CONTENT)
    try:
        assert store.user_settings(7).tz is None  # read once: now kept
        store.set_user_setting(7, "tz", "Europe/Berlin")
        assert store.user_settings(7).tz == "Europe/Berlin"
        store.set_user_setting(7, "lang", "uk")
        assert (store.user_settings(7).tz, store.user_settings(7).lang) == ("Europe/Berlin", "uk")
    finally:
        store.close()
    with _opened(db_path) as reopened:
        assert reopened.user_settings(7).lang == "uk"


class _opened:
    def __init__(self, path):
        self.store = FactStore.open(path, CONTENT)

    def __enter__(self) -> FactStore:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def test_batched_questions_wait_for_a_flush_but_stats_and_unanswered_see_them(db_path):
    store = FactStore.open(db_path, CONTENT)
    try:
        log = Curator(store, PlaceResolver.default()).questions
        log.batching = True
        log.log_question(1, "what will they eat?", "en", "declined")
        log.log_question(2, "when is the call", "en", "answered", "talks-time")

        assert store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 0
        assert log.pending == 2
        [day] = log.stats(windows=(1,))
        assert (day.asked, day.answered) == (2, 1)
        assert [g.text for g in log.unanswered()] == ["what will they eat?"]
        assert store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 2
    finally:
        store.close()


async def test_questions_answered_before_a_stop_are_all_in_the_log_after_it(db_path, engine):
    async with running_bot(db_path, engine, ordered=True) as tb:
        writer = tb.dp["question_writer"]
        writer.interval = 3600  # from its next tick on: only the stop writes now
        await asyncio.sleep(0.7)  # its first tick, at 0.5 s, has passed
        for n in range(3):
            await tb.say(f"when is the call? {n}", user_id=900 + n)
        assert tb.store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == 0
    with _opened(db_path) as reopened:
        count = reopened.db.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert count == 3


def test_a_log_the_database_refuses_keeps_its_questions_up_to_a_bound_then_drops_the_oldest(
    db_path, monkeypatch
):
    store = FactStore.open(db_path, CONTENT)
    try:
        log = Curator(store, PlaceResolver.default()).questions
        store.db.execute(
            "CREATE TRIGGER broken BEFORE INSERT ON questions"
            " BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        monkeypatch.setattr(question_writer, "MAX_PENDING", 3)
        writer = question_writer.QuestionLogWriter(log)
        log.batching = True
        for n in range(5):
            log.log_question(n, f"question {n}", "en", "declined")

        writer.flush()  # refused: the newest three are kept for the next try

        assert [row[2] for row in log._pending] == ["question 2", "question 3", "question 4"]
        store.db.execute("DROP TRIGGER broken")
        writer.flush()
        assert log.pending == 0
        rows = store.db.execute("SELECT text FROM questions ORDER BY id").fetchall()
        assert [text for (text,) in rows] == ["question 2", "question 3", "question 4"]
    finally:
        store.close()
