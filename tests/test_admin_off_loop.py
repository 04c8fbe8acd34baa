"""Admin operations never freeze the bot for everyone (issue 15, item 7): parsing, diffing and
writing an import and looking for a wrong quote's closest passage in a large source run in
worker threads, so another user's question is answered before the admin's long operation ends.

Behaviour, not timing: the user's answer is recorded before the admin's reply.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.curation.importing import event_facts
from knowledge.limits import MAX_QUOTE
from knowledge.model import Fact
from knowledge.storage.fact_file import dump_facts, parse_facts
from talkbot.testing.fakeapi import Call
from tests.admin_support import USER, admin_bot, admin_says
from tests.bot_harness import RunningBot, buttons
from tests.conftest import MAIN_EVENT
from tests.curation_support import ADMIN_A

BULK_FACTS = 1_500  # seconds of parsing and validation here; the was 10,000
APPLIED_FACTS = 3_000  # about 0.9 MB, under the 2 MB file limit
BIG_SOURCE_BYTES = 1_900_000  # under the 2 MB file limit, as in the issue


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


def to(chat_id: int):
    return lambda call: call.params.get("chat_id") == chat_id


async def delivered(tb: RunningBot, update_id: int) -> None:
    """Wait until the bot has fetched the update: the admin's operation is under way."""

    def has_it(call: Call) -> bool:
        return any(u.get("update_id") == update_id for u in call.result or [])

    await tb.api.wait_for("getUpdates", predicate=has_it, timeout=30)


async def user_answered_first(
    tb: RunningBot, admin_update: dict, started: str = "getUpdates"
) -> tuple[Call, Call]:
    """Push the admin's update, then a user's question once the admin's operation is under
    way (the update fetched, or the file downloaded): the user's answer and the admin's
    reply, in the order the fake recorded them."""
    before = {id(call) for call in tb.api.calls}
    update_id = tb.api.push_update(admin_update)
    if started == "downloadFile":
        await tb.api.wait_for("downloadFile", predicate=lambda c: id(c) not in before)
    else:
        await delivered(tb, update_id)
    [answer] = await tb.api.send_and_wait(
        tb.api.text_message("when is the call?", user_id=USER), predicate=to(USER), timeout=120
    )
    [admin_reply] = await tb.api.wait_for(
        "sendMessage",
        predicate=lambda c: to(ADMIN_A)(c) and id(c) not in before,
        timeout=180,
    )
    return answer, admin_reply


def position(tb: RunningBot, call: Call) -> int:
    return next(i for i, c in enumerate(tb.api.calls) if c is call)


async def bulk_file(tb: RunningBot, count: int) -> str:
    """The base as /export gives it, then `count` small facts."""
    exported = await tb.send(tb.api.text_message("/export", user_id=ADMIN_A), "sendDocument")
    shipped = exported.files["document"].content.decode()
    quote = tb.store.facts()[0].citations[0]
    bulk = [
        Fact(
            id=f"bulk-{i}",
            text={"en": f"E{i}.", "ru": f"Р{i}.", "uk": f"У{i}."},
            questions={"en": (f"e{i}",), "ru": (f"р{i}",), "uk": (f"у{i}",)},
            citations=(quote,),
        )
        for i in range(count)
    ]
    return shipped + dump_facts(bulk).split("facts:\n", 1)[1]


async def test_a_user_is_answered_while_a_large_import_is_previewed(tb: RunningBot):
    content = (await bulk_file(tb, BULK_FACTS)).encode()
    file_id = tb.api.add_file(content, "facts.yaml")
    update = tb.api.document_message(file_id, "facts.yaml", user_id=ADMIN_A, caption="/import")

    answer, preview = await user_answered_first(tb, update, started="downloadFile")

    assert answer.plain.startswith("The talks were scheduled")
    main_event = tb.store.events()[0]
    count = BULK_FACTS + len(event_facts(tb.store, main_event))
    assert preview.plain.startswith(f"The file has {count} facts of {main_event.title['en']}.")
    assert position(tb, answer) < position(tb, preview)


def big_source() -> bytes:
    """About 1.9 MB of Russian-looking prose: paragraphs of words in random order."""
    words = [
        "переговоры",
        "президентов",
        "состоятся",
        "во",
        "вторник",
        "по",
        "видеосвязи",
        "сообщили",
        "в",
        "Кремле",
    ]
    rng = random.Random(15)
    paragraphs, size = [], 0
    while size < BIG_SOURCE_BYTES:
        paragraph = " ".join(rng.choice(words) for _ in range(60)) + "."
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 1
    return "\n".join(paragraphs).encode()


async def test_a_user_is_answered_while_a_wrong_quote_is_looked_for_in_a_large_source(
    tb: RunningBot,
):
    file_id = tb.api.add_file(big_source(), "big.txt")
    caption = "/source big | A long transcript | Archive | ru"
    update = tb.api.document_message(file_id, "big.txt", user_id=ADMIN_A, caption=caption)
    registered = await tb.send(update)
    assert registered.plain.startswith("✅ Source big registered")
    wrong = " ".join(["цитата которой в этом источнике нет"] * 8)  # ~300 characters
    edit = tb.api.text_message(f"/edit talks-format quote big: {wrong}", user_id=ADMIN_A)

    answer, refused = await user_answered_first(tb, edit)

    assert answer.plain.startswith("The talks were scheduled")
    assert "The closest passage there:" in refused.plain
    assert position(tb, answer) < position(tb, refused)


async def test_a_quote_over_the_limit_is_refused_at_once_naming_the_limit(tb: RunningBot):
    quote = "x" * 3_000
    refused = await admin_says(tb, f"/edit talks-format quote {quote}")
    assert refused.plain == (
        f"That quote is 3000 characters long; a quote may have at most {MAX_QUOTE}."
        " Copy a sentence or two from the source."
    )
    assert tb.store.fact("talks-format")[1] == 1


async def while_writing(db_path: Path, done: asyncio.Event) -> None:
    """Return once another thread or process holds the database's write lock, looking from
    the event loop (a write on the loop itself could never be seen from here); fail if the
    admin's operation ends first."""
    probe = sqlite3.connect(db_path, timeout=0)
    try:
        while not done.is_set():
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
            except sqlite3.OperationalError:  # database is locked: the import is being written
                return
            await asyncio.sleep(0.002)
        raise AssertionError("the import was written without the event loop running meanwhile")
    finally:
        probe.close()


async def test_a_user_is_answered_while_a_large_import_is_written(tb: RunningBot, db_path):
    text = await bulk_file(tb, APPLIED_FACTS)
    update = tb.api.document_message(
        tb.api.add_file(text.encode(), "facts.yaml"),
        "facts.yaml",
        user_id=ADMIN_A,
        caption="/import",
    )
    [preview] = await tb.api.send_and_wait(update, timeout=120)
    confirm = buttons(preview)[0]["callback_data"]  # Import
    before = {id(call) for call in tb.api.calls}

    def applied(call: Call) -> bool:
        return id(call) not in before and to(ADMIN_A)(call) and "✅" in (call.plain or "")

    done = asyncio.Event()
    tb.api.add_listener(lambda call: done.set() if applied(call) else None)
    message_id = preview.result["message_id"]
    tb.api.push_update(tb.api.callback_query(confirm, user_id=ADMIN_A, message_id=message_id))
    await while_writing(db_path, done)
    [answer] = await tb.api.send_and_wait(
        tb.api.text_message("when is the call?", user_id=USER), predicate=to(USER), timeout=60
    )
    [reply] = await tb.api.wait_for("editMessageText", predicate=applied, timeout=180)

    assert answer.plain.startswith("The talks were scheduled")
    assert position(tb, answer) < position(tb, reply)
    # The base is the file, as one batch that one /undo would revert, and the question
    # asked meanwhile was logged once the import had committed.
    written = [fact for fact in tb.store.facts() if fact.event_id == MAIN_EVENT]
    assert written == list(parse_facts(text, tb.store.sources()))  # the other event untouched
    batch = tb.store.audit.last_batch(ADMIN_A)
    assert len(batch) == APPLIED_FACTS and {entry.action for entry in batch} == {"import"}
    asked = tb.store.db.execute("SELECT count(*) FROM questions WHERE norm LIKE '%call%'")
    assert asked.fetchone()[0] == 1


async def test_a_user_is_answered_while_a_large_import_is_undone(tb: RunningBot, db_path):
    before_import = [fact for fact in tb.store.facts() if fact.event_id == MAIN_EVENT]
    text = await bulk_file(tb, APPLIED_FACTS)
    curator = tb.dp["curator"]
    parsed = await curator.read_import(text)
    await curator.write_import(ADMIN_A, parsed, (await curator.diff_import(parsed)).fingerprint)
    assert len(tb.store.facts()) > APPLIED_FACTS

    done = asyncio.Event()
    tb.api.add_listener(lambda call: done.set() if "↩️" in (call.plain or "") else None)
    tb.api.push_update(tb.api.text_message("/undo", user_id=ADMIN_A))
    await while_writing(db_path, done)
    [answer] = await tb.api.send_and_wait(
        tb.api.text_message("when is the call?", user_id=USER), predicate=to(USER), timeout=60
    )
    [reply] = await tb.api.wait_for(
        "sendMessage", predicate=lambda call: "↩️" in (call.plain or ""), timeout=180
    )

    assert answer.plain.startswith("The talks were scheduled")
    assert position(tb, answer) < position(tb, reply)
    after = [fact for fact in tb.store.facts() if fact.event_id == MAIN_EVENT]
    assert after == before_import  # the whole import undone, in one batch
    [latest] = tb.store.audit.history(limit=1)
    undo_batch = [e for e in tb.store.audit.history(limit=10_000) if e.batch == latest.batch]
    assert latest.action == "undo" and len(undo_batch) == APPLIED_FACTS
