"""The fake Bot API's updates: the builders, long polling with offsets, conflicts, webhooks,
allowed_updates, and a real aiogram Dispatcher polling it."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.exceptions import (
    TelegramConflictError,
)
from aiogram.types import (
    CallbackQuery,
    Message,
    Update,
)

from talkbot.testing.fakeapi import (
    BOT_ID,
    BOT_USERNAME,
    DEFAULT_USER_ID,
    FakeBotAPI,
)
from tests.conftest import StartPolling
from tests.fakeapi_support import KEYBOARD, echo_dispatcher

# --------------------------------------------------------------------------- updates


def test_builders_make_valid_updates(api: FakeBotAPI) -> None:
    file_id = api.add_file(b"hello", "notes.txt")
    updates = [
        api.text_message(
            "/start@talkbot_test_bot deep", user_id=11, first_name="Ann", username="ann"
        ),
        api.text_message("hi @talkbot_test_bot", user_id=11, chat_id=-100777, reply_to_bot=True),
        api.callback_query("more:1", user_id=11),
        api.inline_query("when", user_id=11, language_code="uk"),
        api.location_message(50.45, 30.52, user_id=11),
        api.sticker_message(user_id=11),
        api.photo_message(user_id=11, caption="look"),
        api.document_message(file_id, "notes.txt", user_id=11),
        api.voice_message(user_id=11),
    ]
    parsed = [Update.model_validate({"update_id": n, **u}) for n, u in enumerate(updates, 1)]

    start, group, callback, inline, location, sticker, photo, document, voice = parsed
    assert start.message and start.message.chat.type == "private" and start.message.chat.id == 11
    assert start.message.from_user and start.message.from_user.language_code == "en"
    assert [(e.type, e.offset, e.length) for e in start.message.entities or []] == [
        ("bot_command", 0, 23)
    ]
    assert group.message and group.message.chat.type == "supergroup"
    assert [(e.type, e.offset) for e in group.message.entities or []] == [("mention", 3)]
    assert group.message.reply_to_message is not None
    assert group.message.reply_to_message.from_user.id == BOT_ID  # type: ignore[union-attr]
    assert callback.callback_query and callback.callback_query.data == "more:1"
    assert isinstance(callback.callback_query.message, Message)
    assert callback.callback_query.message.from_user.id == BOT_ID  # type: ignore[union-attr]
    assert inline.inline_query and inline.inline_query.from_user.language_code == "uk"
    assert location.message and location.message.location.latitude == 50.45  # type: ignore[union-attr]
    assert sticker.message and sticker.message.sticker is not None
    assert photo.message and photo.message.photo and photo.message.caption == "look"
    assert document.message and document.message.document.file_size == 5  # type: ignore[union-attr]
    assert voice.message and voice.message.voice is not None
    # message ids grow per chat, user and bot messages alike
    assert start.message.message_id < location.message.message_id < voice.message.message_id


async def test_get_updates_offsets_confirm(api: FakeBotAPI, bot: Bot) -> None:
    ids = [api.push_update(api.text_message(f"m{n}")) for n in range(3)]
    assert ids == [1, 2, 3]

    first = await bot.get_updates(timeout=0)
    assert [u.update_id for u in first] == ids
    again = await bot.get_updates(timeout=0)  # nothing confirmed yet: delivered again
    assert [u.update_id for u in again] == ids
    limited = await bot.get_updates(offset=2, limit=1, timeout=0)
    assert [u.update_id for u in limited] == [2]
    assert api.confirmed_update_ids == [1]
    assert await bot.get_updates(offset=4, timeout=0) == []
    assert api.confirmed_update_ids == [1, 2, 3] and api.pending_updates() == []

    for n in range(3):
        api.push_update(api.text_message(f"n{n}"))
    latest = await bot.get_updates(offset=-1, timeout=0)  # negative offset: keep the last ones
    assert [u.update_id for u in latest] == [6]
    assert [u["update_id"] for u in api.pending_updates()] == [6]


async def test_long_poll_wakes_up_on_push_and_times_out(api: FakeBotAPI, bot: Bot) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await api.wait_for("getUpdates")
    await asyncio.sleep(0.05)
    uid = api.push_update(api.text_message("wake up"))
    updates = await poll
    assert [u.update_id for u in updates] == [uid]
    assert time.monotonic() - started < 1.0

    started = time.monotonic()
    assert await bot.get_updates(offset=uid + 1, timeout=1) == []
    assert 0.9 < time.monotonic() - started < 2.0


async def test_concurrent_polls_conflict(api: FakeBotAPI, bot: Bot) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=3))
    await api.wait_for("getUpdates")
    newer = asyncio.create_task(bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await older
    assert await newer == []


async def test_webhook_blocks_polling(api: FakeBotAPI, bot: Bot) -> None:
    api.push_update(api.text_message("queued"))
    assert await bot.set_webhook("https://example.org/hook", allowed_updates=["message"])
    info = await bot.get_webhook_info()
    assert info.url == "https://example.org/hook" and info.pending_update_count == 1
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates(timeout=0)

    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == []
    assert api.dropped_update_ids == [1]


async def test_allowed_updates_filter(api: FakeBotAPI, bot: Bot) -> None:
    api.push_update(api.callback_query("x"))
    kept = api.push_update(api.text_message("y"))

    updates = await bot.get_updates(timeout=0, allowed_updates=["message"])
    assert [u.update_id for u in updates] == [kept]
    assert api.allowed_updates == ["message"]
    assert [list(u)[1] for u in api.filtered_updates] == ["callback_query"]


# --------------------------------------------------------------------------- a real Dispatcher


async def test_dispatcher_echo_and_confirmations(
    api: FakeBotAPI, bot: Bot, start_polling: StartPolling
) -> None:
    await start_polling(echo_dispatcher())

    [reply] = await api.send_and_wait(api.text_message("hello there", user_id=42))
    assert reply.params["chat_id"] == 42 and reply.params["text"] == "hello there"
    [welcome] = await api.send_and_wait(api.text_message("/start", user_id=42))
    assert welcome.params["parse_mode"] == "HTML" and welcome.plain == "Welcome & hello!"

    ids = [api.push_update(api.text_message(f"burst {n}", user_id=43)) for n in range(5)]
    replies = await api.wait_for("sendMessage", count=7)
    assert sorted(call.params["text"] for call in replies[2:]) == [f"burst {n}" for n in range(5)]
    # aiogram confirms by asking for offset = last id + 1 on its next poll
    await api.wait_for("getUpdates", predicate=lambda c: c.params.get("offset") == ids[-1] + 1)
    assert api.pending_updates() == []
    assert api.confirmed_update_ids == [1, 2, *ids]
    assert len(api.delivered_update_ids) == len(set(api.delivered_update_ids)) == 7
    polls = api.calls_of("getUpdates")
    assert polls[0].params["allowed_updates"] == ["message"]
    assert all(call.params["timeout"] == 1 for call in polls)


async def test_dispatcher_callback_query(
    api: FakeBotAPI, bot: Bot, start_polling: StartPolling
) -> None:
    dp = Dispatcher()

    @dp.callback_query(F.data == "more:1")
    async def more(query: CallbackQuery) -> None:
        await query.answer("Loading")
        assert isinstance(query.message, Message)
        await query.message.edit_text("More facts", reply_markup=None)

    sent = await bot.send_message(DEFAULT_USER_ID, "Facts", reply_markup=KEYBOARD)
    await start_polling(dp)

    update = api.callback_query("more:1", message_id=sent.message_id)
    [edit] = await api.send_and_wait(update, method="editMessageText")
    [answer] = api.calls_of("answerCallbackQuery")
    assert answer.params == {
        "callback_query_id": update["callback_query"]["id"],
        "text": "Loading",
    }
    assert edit.ok and edit.params["message_id"] == sent.message_id
    assert api.message(DEFAULT_USER_ID, sent.message_id)["text"] == "More facts"  # type: ignore[index]


async def test_dispatcher_group_chat_reply(
    api: FakeBotAPI, bot: Bot, start_polling: StartPolling
) -> None:
    dp = Dispatcher()

    @dp.message(F.text.contains(f"@{BOT_USERNAME}"))
    async def mentioned(message: Message) -> None:
        await message.reply("You called?")

    await start_polling(dp)
    update = api.text_message("@talkbot_test_bot hi", user_id=5, chat_id=-100123, chat_title="Club")

    [reply] = await api.send_and_wait(update)
    asked = update["message"]["message_id"]
    assert reply.params["chat_id"] == -100123
    assert reply.params["reply_parameters"] == {"message_id": asked, "chat_id": -100123}
    assert reply.result["chat"] == {"id": -100123, "type": "supergroup", "title": "Club"}
    assert reply.result["reply_to_message"]["text"] == "@talkbot_test_bot hi"
    assert reply.result["message_id"] == asked + 1
