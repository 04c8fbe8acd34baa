"""The fake Bot API server, proven with the real aiogram client over real HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MenuButtonCommands,
    Message,
    Update,
)
from aiogram.utils.backoff import BackoffConfig

from tests.fake_bot_api import (
    BOT_ID,
    BOT_USERNAME,
    DEFAULT_USER_ID,
    Call,
    FakeBotAPI,
    render_text,
)

FAST_BACKOFF = BackoffConfig(min_delay=0.05, max_delay=0.2, factor=1.5, jitter=0.0)
KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="More", callback_data="more:1")]]
)


def dumped(obj: Any) -> Any:
    """aiogram objects compare unequal once bound to a bot; compare their data instead."""
    if isinstance(obj, list):
        return [dumped(item) for item in obj]
    return obj.model_dump(exclude_none=True)


StartPolling = Callable[..., Awaitable[asyncio.Task[None]]]


def make_bot(api: FakeBotAPI, token: str | None = None) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
    return Bot(token or api.token, session=session)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    client = make_bot(api)
    yield client
    await client.session.close()


@pytest.fixture
async def start_polling(api: FakeBotAPI, bot: Bot) -> AsyncIterator[StartPolling]:
    """Starts ``dp.start_polling(bot)`` in a task and returns once it polls; stops every
    started dispatcher cleanly at teardown."""
    running: list[tuple[Dispatcher, asyncio.Task[None]]] = []

    async def start(dp: Dispatcher, **kwargs: Any) -> asyncio.Task[None]:
        kwargs.setdefault("polling_timeout", 1)
        kwargs.setdefault("backoff_config", FAST_BACKOFF)
        polls = len(api.calls_of("getUpdates"))
        task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, **kwargs))
        running.append((dp, task))
        await api.wait_for("getUpdates", count=polls + 1)
        return task

    yield start
    for dp, task in running:
        if not task.done():
            await dp.stop_polling()
        await asyncio.wait_for(task, 5)


def echo_dispatcher() -> Dispatcher:
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("<b>Welcome</b> &amp; hello!", parse_mode=ParseMode.HTML)

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    return dp


# --------------------------------------------------------------------------- plain API calls


async def test_get_me(api: FakeBotAPI, bot: Bot) -> None:
    me = await bot.get_me()

    assert me.id == BOT_ID == bot.id
    assert me.username == BOT_USERNAME
    assert me.is_bot and me.can_join_groups and me.supports_inline_queries
    [call] = api.calls_of("getMe")
    assert call.ok and call.params == {}
    # aiohttp's FormData goes url-encoded unless a file is attached
    assert call.http_method == "POST"
    assert call.content_type == "application/x-www-form-urlencoded"


async def test_send_message_html_with_keyboard(api: FakeBotAPI, bot: Bot) -> None:
    text = "<b>Hello</b> &amp; welcome, <i>Ann</i> &lt;3"
    sent = await bot.send_message(777, text, parse_mode=ParseMode.HTML, reply_markup=KEYBOARD)
    again = await bot.send_message(777, "123")
    group = await bot.send_message(-100500, "hi group")

    first, second, third = api.calls_of("sendMessage")
    assert first.params["chat_id"] == 777  # sent as the string "777", decoded back to an int
    assert first.params["text"] == text  # raw, as sent
    assert first.params["parse_mode"] == "HTML"
    assert first.plain == first.params["plain"] == "Hello & welcome, Ann <3"
    assert first.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "More", "callback_data": "more:1"}]]
    }
    assert second.params["text"] == "123"  # a text field stays a string
    assert third.params["chat_id"] == -100500

    # The answer is what Telegram returns: parsed text, entities, the inline keyboard.
    assert sent.text == "Hello & welcome, Ann <3"
    assert [(e.type, e.offset, e.length) for e in sent.entities or []] == [
        ("bold", 0, 5),
        ("italic", 17, 3),
    ]
    assert dumped(sent.reply_markup) == dumped(KEYBOARD)
    assert sent.from_user is not None and sent.from_user.id == BOT_ID
    assert sent.chat.id == 777 and sent.chat.type == "private"
    assert (sent.message_id, again.message_id) == (1, 2)  # per chat
    assert group.message_id == 1 and group.chat.type == "supergroup"
    assert api.sent_texts(777) == ["Hello & welcome, Ann <3", "123"]


async def test_markup_is_checked_like_telegram(api: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1, "1 < 2 <b>bold", parse_mode=ParseMode.HTML)
    with pytest.raises(TelegramBadRequest, match="reserved and must be escaped"):
        await bot.send_message(1, "Done.", parse_mode=ParseMode.MARKDOWN_V2)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(1, "   ")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(1, "x" * 4097)
    too_long_data = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="x", callback_data="d" * 65)]]
    )
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(1, "hi", reply_markup=too_long_data)

    sent = await bot.send_message(
        1, r"*Done*\. _see_ [it](https://example.org)", parse_mode="MarkdownV2"
    )
    assert sent.text == "Done. see it"
    assert [e.type for e in sent.entities or []] == ["bold", "italic", "text_link"]
    assert [call.failed for call in api.calls_of("sendMessage")] == [True] * 5 + [False]
    assert api.calls_of("sendMessage")[0].error_code == 400


async def test_lenient_markup_when_asked() -> None:
    async with FakeBotAPI(strict_markup=False) as api:
        bot = make_bot(api)
        try:
            await bot.send_message(1, "1 < 2 <b>bold", parse_mode=ParseMode.HTML)
        finally:
            await bot.session.close()
        [call] = api.calls_of("sendMessage")
        assert call.ok and call.plain == "1 < 2 bold"


def test_render_text_offsets_and_nesting() -> None:
    plain, entities = render_text(
        '🙂 <b>bold <i>both</i></b> <a href="https://x.org/?a=1&amp;b=2">link</a>\n'
        '<pre><code class="language-python">print(1)</code></pre>',
        "HTML",
    )
    assert plain == "🙂 bold both link\nprint(1)"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 9},  # the emoji is 2 UTF-16 units
        {"type": "italic", "offset": 8, "length": 4},
        {"type": "text_link", "url": "https://x.org/?a=1&b=2", "offset": 13, "length": 4},
        {"type": "pre", "language": "python", "offset": 18, "length": 8},
    ]
    assert render_text("  padded  ") == ("padded", [])
    plain, entities = render_text(">quoted\n>lines\nafter ||secret||", "MarkdownV2")
    assert plain == "quoted\nlines\nafter secret"
    assert entities == [
        {"type": "blockquote", "offset": 0, "length": 12},
        {"type": "spoiler", "offset": 19, "length": 6},
    ]


async def test_send_document_upload_round_trip(api: FakeBotAPI, bot: Bot) -> None:
    upload = BufferedInputFile(b"fact,source\n1,2\n", filename="facts.csv")
    sent = await bot.send_document(
        555, upload, caption="<b>Facts</b>", parse_mode=ParseMode.HTML, reply_markup=KEYBOARD
    )

    [call] = api.calls_of("sendDocument")
    uploaded = call.files["document"]
    assert uploaded.field == "document"
    assert uploaded.filename == "facts.csv"
    assert uploaded.content == b"fact,source\n1,2\n"
    assert call.params["document"] == f"attach://{uploaded.form_field}"
    assert call.content_type == "multipart/form-data"
    assert call.plain == "Facts"
    assert sent.document is not None
    assert sent.document.file_name == "facts.csv"
    assert sent.document.mime_type == "text/csv"
    assert sent.document.file_size == 16
    assert sent.caption == "Facts" and dumped(sent.reply_markup) == dumped(KEYBOARD)
    # What the bot uploaded can be fetched again, as on Telegram.
    downloaded = await bot.download(sent.document.file_id)
    assert downloaded is not None and downloaded.read() == b"fact,source\n1,2\n"
    resent = await bot.send_document(555, sent.document.file_id)
    assert resent.document is not None and resent.document.file_id == sent.document.file_id


async def test_download_registered_file(api: FakeBotAPI, bot: Bot) -> None:
    file_id = api.add_file(b"\x00binary\xff", "report.pdf")

    info = await bot.get_file(file_id)
    assert info.file_path and info.file_path.endswith(".pdf") and info.file_size == 8
    data = await bot.download(file_id)
    assert data is not None and data.read() == b"\x00binary\xff"
    assert [call.params for call in api.calls_of("downloadFile")] == [{"file_path": info.file_path}]
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")


async def test_my_commands_per_scope_and_language(api: FakeBotAPI, bot: Bot) -> None:
    ru = [
        BotCommand(command="start", description="Начать"),
        BotCommand(command="help", description="Помощь"),
    ]
    en = [BotCommand(command="start", description="Start")]
    private = BotCommandScopeAllPrivateChats()

    assert await bot.set_my_commands(ru, scope=private, language_code="ru")
    assert await bot.set_my_commands(en)

    assert dumped(await bot.get_my_commands(scope=private, language_code="ru")) == dumped(ru)
    assert dumped(await bot.get_my_commands()) == dumped(en)
    assert await bot.get_my_commands(scope=private) == []
    assert await bot.get_my_commands(scope=BotCommandScopeChat(chat_id=5)) == []
    first = api.calls_of("setMyCommands")[0]
    assert first.params["scope"] == {"type": "all_private_chats"}
    assert first.params["language_code"] == "ru"
    assert first.params["commands"][1] == {"command": "help", "description": "Помощь"}
    assert api.commands_for({"type": "all_private_chats"}, "ru") == first.params["commands"]

    assert await bot.delete_my_commands(scope=private, language_code="ru")
    assert await bot.get_my_commands(scope=private, language_code="ru") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


async def test_answer_inline_query(api: FakeBotAPI, bot: Bot) -> None:
    query = api.inline_query("when", user_id=9)["inline_query"]
    result = InlineQueryResultArticle(
        id="fact-1",
        title="When?",
        input_message_content=InputTextMessageContent(
            message_text="<b>Then</b>", parse_mode="HTML"
        ),
    )

    assert await bot.answer_inline_query(query["id"], [result], cache_time=0, is_personal=True)

    [call] = api.calls_of("answerInlineQuery")
    assert call.params["inline_query_id"] == query["id"]
    assert call.params["cache_time"] == 0 and call.params["is_personal"] is True
    [article] = call.params["results"]
    assert article["type"] == "article" and article["id"] == "fact-1"
    assert article["input_message_content"] == {"message_text": "<b>Then</b>", "parse_mode": "HTML"}
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_inline_query("unknown-id", [result])


async def test_small_methods(api: FakeBotAPI, bot: Bot) -> None:
    assert await bot.send_chat_action(7, "typing")
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await bot.send_chat_action(7, "dancing")
    assert await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
    assert (await bot.get_chat_menu_button()).type == "commands"
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert (await bot.get_webhook_info()).url == ""
    assert await bot.set_my_description("Facts about the event")  # known to aiogram: True
    photo = await bot.send_photo(
        7, "https://example.org/p.jpg", caption="<i>pic</i>", parse_mode="HTML"
    )
    assert photo.caption == "pic" and photo.chat.id == 7
    with pytest.raises(TelegramNotFound, match="not implemented"):
        await bot.copy_message(7, 7, photo.message_id)
    assert await bot.close()
    assert await bot.log_out()


async def test_edit_and_delete_messages(api: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(3, "one", reply_markup=KEYBOARD)

    edited = await bot.edit_message_text(
        "<b>two</b>", chat_id=3, message_id=sent.message_id, parse_mode="HTML"
    )
    assert isinstance(edited, Message)
    assert edited.text == "two" and edited.edit_date is not None
    assert edited.reply_markup is None  # an edit without reply_markup drops the keyboard
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<b>two</b>", chat_id=3, message_id=sent.message_id, parse_mode="HTML"
        )
    marked = await bot.edit_message_reply_markup(
        chat_id=3, message_id=sent.message_id, reply_markup=KEYBOARD
    )
    assert isinstance(marked, Message) and dumped(marked.reply_markup) == dumped(KEYBOARD)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=3, message_id=99)
    assert api.message(3, sent.message_id) is not None

    assert await bot.delete_message(3, sent.message_id)
    assert api.message(3, sent.message_id) is None
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(3, sent.message_id)


# --------------------------------------------------------------------------- raw HTTP


async def test_raw_http_bodies_and_errors(api: FakeBotAPI) -> None:
    url = f"{api.base_url}/bot{api.token}"
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{url}/sendMessage", json={"chat_id": 5, "text": "json", "reply_markup": markup}
        ) as resp:
            body = await resp.json()
            assert resp.status == 200 and body["ok"] and body["result"]["text"] == "json"
        form = {"chat_id": "5", "text": "42", "reply_markup": '{"remove_keyboard": true}'}
        async with http.post(f"{url}/sendMessage", data=form) as resp:
            assert resp.status == 200
        async with http.get(f"{url}/getMe") as resp:
            assert (await resp.json())["result"]["id"] == BOT_ID
        async with http.get(f"{url}/sendMessage", params={"chat_id": "5", "text": "q"}) as resp:
            assert (await resp.json())["result"]["chat"]["id"] == 5
        async with http.post(f"{api.base_url}/bot1:wrong/getMe") as resp:
            assert resp.status == 401
            assert await resp.json() == {
                "ok": False,
                "error_code": 401,
                "description": "Unauthorized",
            }
        async with http.post(f"{url}/noSuchMethod") as resp:
            assert resp.status == 404
            assert await resp.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        async with http.get(f"{api.base_url}/file/bot{api.token}/documents/missing") as resp:
            assert resp.status == 404

    as_json, as_form, as_query = api.calls_of("sendMessage")
    assert as_json.params["reply_markup"] == markup and as_json.content_type == "application/json"
    assert as_form.params == {
        "chat_id": 5,
        "text": "42",
        "reply_markup": {"remove_keyboard": True},
        "plain": "42",
    }
    assert as_query.http_method == "GET"
    unauthorized, unknown = api.calls[-3:-1]
    assert unauthorized.failed and unauthorized.error_code == 401
    assert unknown.method == "noSuchMethod" and unknown.error_code == 404


async def test_wrong_token_raises_unauthorized(api: FakeBotAPI) -> None:
    stranger = make_bot(api, token="1:not-the-token")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()
    finally:
        await stranger.session.close()
    [call] = api.calls_of("getMe")
    assert call.failed and call.error_code == 401


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


# --------------------------------------------------------------------------- faults


async def test_fail_next_retry_after(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 429, retry_after=1)

    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1, "first")
    assert caught.value.retry_after == 1
    second = await bot.send_message(1, "second")

    failed, ok = api.calls_of("sendMessage")
    assert failed.failed and failed.error_code == 429
    assert failed.description == "Too Many Requests: retry after 1"
    assert ok.ok and second.message_id == 1  # the failed call created no message


async def test_fail_next_server_error_and_drop(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("getMe", 500, times=2)
    api.drop_next("sendMessage")

    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.get_me()
    assert (await bot.get_me()).id == BOT_ID
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(1, "lost")
    assert (await bot.send_message(1, "kept")).text == "kept"
    assert [c.dropped for c in api.calls_of("sendMessage")] == [True, False]


async def test_outage_fails_everything_and_recovers(api: FakeBotAPI, bot: Bot) -> None:
    file_id = api.add_file(b"data", "d.txt")
    api.outage(True)
    with pytest.raises(TelegramServerError, match="Bad Gateway"):
        await bot.get_me()
    with pytest.raises(TelegramServerError):
        await bot.send_message(1, "x")
    with pytest.raises(TelegramServerError):
        await bot.get_updates(timeout=0)

    api.outage(False)
    assert (await bot.get_me()).id == BOT_ID
    assert (await bot.download(file_id)).read() == b"data"  # type: ignore[union-attr]
    assert [call.error_code for call in api.calls if call.failed] == [502, 502, 502]


async def test_polling_survives_outage(
    api: FakeBotAPI, bot: Bot, start_polling: StartPolling
) -> None:
    await start_polling(echo_dispatcher())
    api.outage(True)
    api.push_update(api.text_message("during outage"))
    await api.wait_for("getUpdates", count=2, predicate=lambda c: c.error_code == 502)
    api.outage(False)

    [reply] = await api.wait_for("sendMessage")
    assert reply.ok and reply.params["text"] == "during outage"


async def test_flood_limit(api: FakeBotAPI, bot: Bot) -> None:
    api.flood_limit(per_chat_per_second=1, global_per_second=30)

    await bot.send_message(1, "a")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1, "b")
    assert caught.value.retry_after == 1
    await bot.send_message(2, "other chat is fine")

    api.flood_limit(enabled=False)
    await bot.send_message(1, "limits off")
    assert [c.ok for c in api.calls_of("sendMessage")] == [True, False, True, True]


async def test_wait_for_timeout_lists_calls(api: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(1, "something else")

    with pytest.raises(AssertionError) as caught:
        await api.wait_for("sendDocument", timeout=0.2)
    report = str(caught.value)
    assert "sendDocument" in report and "got 0" in report
    assert "sendMessage(chat_id=1, text='something else') -> ok" in report

    matching: list[Call] = await api.wait_for("sendMessage", predicate=lambda c: c.ok)
    assert len(matching) == 1
    api.clear()
    assert api.calls == []
