"""The fake Bot API's methods, proven with the real aiogram client over real HTTP: sending,
markup, files, commands, inline answers, edits, raw HTTP bodies and errors."""

from __future__ import annotations

import aiohttp
import pytest
from aiogram import Bot
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramNotFound,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MenuButtonCommands,
    Message,
)

from talkbot.testing.fakeapi import (
    BOT_ID,
    BOT_USERNAME,
    FakeBotAPI,
    render_text,
)
from tests.fakeapi_support import KEYBOARD, dumped, make_bot

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
