"""Whatever is not a question gets a short localized line; a failing handler gets an apology."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from tests.bot_harness import GROUP_ID, RunningBot, running_bot

NOT_TEXT = "I only read text: please type your question."


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "document"])
async def test_a_message_that_is_not_text_gets_a_one_line_hint(tb: RunningBot, kind: str):
    api = tb.api
    update = {
        "sticker": api.sticker_message,
        "photo": lambda: api.photo_message(caption="when is the call?"),
        "voice": api.voice_message,
        "document": lambda: api.document_message(api.add_file(b"hi", "q.txt"), "q.txt"),
    }[kind]()
    call = await tb.send(update)
    assert call.plain == NOT_TEXT
    assert "\n" not in call.plain


async def test_the_hint_speaks_the_user_language(tb: RunningBot):
    call = await tb.send(tb.api.sticker_message(language_code="ru"))
    assert call.plain == "Я читаю только текст: пожалуйста, напишите вопрос."


async def test_in_a_group_a_sticker_replying_to_the_bot_gets_the_hint_others_nothing(
    tb: RunningBot,
):
    tb.api.push_update(tb.api.sticker_message(chat_id=GROUP_ID))
    assert await tb.quiet_for() == []
    help_call = await tb.say("/help", chat_id=GROUP_ID)
    update = tb.api.sticker_message(chat_id=GROUP_ID)
    update["message"]["reply_to_message"] = tb.api.message(GROUP_ID, help_call.result["message_id"])
    call = await tb.send(update)
    assert call.plain == NOT_TEXT


async def test_a_message_over_a_thousand_characters_is_declined_politely(tb: RunningBot, engine):
    call = await tb.say("when is the call? " + "x" * 1000)
    assert (
        call.plain == "That message is too long for me: please ask in fewer than 1000 characters."
    )
    just_fits = "when is the call?".ljust(1000, ".")
    answered = await tb.say(just_fits)
    assert answered.plain.startswith("The talks were scheduled")


async def test_a_failing_handler_is_logged_with_the_update_id_and_the_user_gets_an_apology(
    tb: RunningBot, caplog: pytest.LogCaptureFixture
):
    tb.api.fail_next("sendMessage", error_code=400, description="Bad Request: chat is on fire")
    update = tb.api.text_message("when is the call?", language_code="uk")
    with caplog.at_level(logging.ERROR, logger="bot"):
        update_id = tb.api.push_update(update)
        failed, apology = await tb.api.wait_for("sendMessage", count=2)

    assert failed.error_code == 400
    assert apology.plain == "Вибачте, у мене щось зламалося. Спробуйте ще раз."
    [record] = [r for r in caplog.records if r.name == "bot.handlers.fallback"]
    assert record.getMessage() == f"update {update_id} failed: TelegramBadRequest"
    assert record.exc_info is not None

    # and the bot goes on answering
    call = await tb.say("when is the call?")
    assert call.plain.startswith("The talks were scheduled")
