"""Double taps on Delete, Import and Save (issue 15, item 6): the action happens once, the
second tap hears "Already done" in the admin's language, an edit that changes nothing is
ignored, every tap is answered, and no admin path ends in the generic apology."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from knowledge.curation.importing import event_facts
from talkbot.testing.fakeapi import Call
from tests.admin_support import admin_bot, admin_says, press
from tests.bot_harness import RunningBot, buttons
from tests.curation_support import ADMIN_A, BBC_SOURCE, NEW_ID, QUICK_ADD

APOLOGY = "Sorry, something went wrong"


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


async def tap_again(tb: RunningBot, call: Call, language_code: str = "en") -> Call:
    """Press the first button of `call`'s message once more; the callback answer it gets."""
    data = buttons(call)[0]["callback_data"]
    message_id = call.result["message_id"]
    return await tb.tap(
        data,
        "answerCallbackQuery",
        user_id=ADMIN_A,
        message_id=message_id,
        language_code=language_code,
    )


async def no_apology(tb: RunningBot) -> None:
    said = [c.plain for c in await tb.quiet_for(0.3) if c.method == "sendMessage"]
    assert not any(APOLOGY in text for text in said)
    assert not any(APOLOGY in text for text in tb.api.sent_texts())


async def test_a_second_tap_on_delete_hears_already_done_in_the_admins_language(tb: RunningBot):
    prompt = await admin_says(tb, "/del talks-format", language_code="uk")
    await press(tb, prompt, 0, "editMessageText")
    again = await tap_again(tb, prompt, language_code="uk")
    assert again.params["text"] == "Уже зроблено."
    await no_apology(tb)
    assert [e.action for e in tb.store.audit.history()] == ["delete"]  # deleted once


async def test_a_second_tap_on_import_confirm_hears_already_done(tb: RunningBot):
    exported = await tb.send(tb.api.text_message("/export", user_id=ADMIN_A), "sendDocument")
    content = exported.files["document"].content.decode()
    changed = content.replace("talks-format", "talks-format-renamed", 1).encode()
    file_id = tb.api.add_file(changed, "facts.yaml")
    update = tb.api.document_message(file_id, "facts.yaml", user_id=ADMIN_A, caption="/import")
    preview = await tb.send(update)
    main_event = tb.store.events()[0]
    count = len(event_facts(tb.store, main_event))
    assert preview.plain.startswith(f"The file has {count} facts of {main_event.title['en']}.")
    await press(tb, preview, 0, "editMessageText")
    batches = {e.batch for e in tb.store.audit.history(limit=100)}
    again = await tap_again(tb, preview)
    assert again.params["text"] == "Already done."
    await no_apology(tb)
    assert {e.batch for e in tb.store.audit.history(limit=100)} == batches  # imported once


async def test_a_second_tap_on_save_hears_already_done(tb: RunningBot):
    await admin_says(tb, f"/source {BBC_SOURCE}")
    preview = await admin_says(tb, f"/add en: {QUICK_ADD}", language_code="ru")
    assert buttons(preview), preview.plain
    await press(tb, preview, 0, "editMessageText")
    again = await tap_again(tb, preview, language_code="ru")
    assert again.params["text"] == "Уже сделано."
    await no_apology(tb)
    assert tb.store.fact(NEW_ID) is not None
    assert [e.action for e in tb.store.audit.history()].count("add") == 1


CLUMSY_ADMIN_INPUT = [
    "/edit",
    "/edit talks-format",
    "/edit talks-format colour red",
    "/edit no-such-fact text_en Hello.",
    "/edit talks-format quote " + "x" * 3_000,
    "/edit talks-format quote glavred-2021-12-putin-biden: not in the article at all",
    "/edit talks-format time 2021-13-45 25:99 Atlantis",
    "/edit talks-format title_en A title for a fact without an event",
    "/addq",
    "/addq talks-format",
    "/delq talks-format 999",
    "/delq talks-format ¹",
    "/del",
    "/del no-such-fact",
    "/restore talks-format",
    "/undo",
    "/fact",
    "/fact no-such-fact",
    "/history no-such-fact",
    "/source",
    "/source only-an-id",
    "/add x => y",
]


async def test_no_clumsy_admin_input_ends_in_the_generic_apology(tb: RunningBot):
    """The general rule of issue 15: the apology is for real bugs only."""
    for text in CLUMSY_ADMIN_INPUT:
        reply = await admin_says(tb, text)
        assert APOLOGY not in reply.plain, text
    await no_apology(tb)
    assert tb.store.audit.history() == []  # and none of it changed anything
