"""A fake Telegram Bot API server for offline end-to-end tests.

The server speaks the real HTTP protocol on 127.0.0.1, so the real aiogram client reaches it
exactly as it reaches api.telegram.org::

    async with FakeBotAPI() as api:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
        bot = Bot(api.token, session=session)
        ...
        [reply] = await api.send_and_wait(api.text_message("/start"))
        assert reply.plain == "Hello!"

What it does, in short:

* ``POST``/``GET`` ``/bot{token}/{method}`` with JSON, url-encoded or multipart bodies or a
  query string.  aiogram posts an aiohttp ``FormData``: url-encoded when no file is attached,
  multipart otherwise; every non-string value arrives JSON-encoded ("777", "true",
  '{"inline_keyboard": ...}') and is decoded back, using aiogram's own method models to tell
  a text "123" from the integer 123.  File downloads at ``/file/bot{token}/{file_path}``.
* Every request is recorded as a :class:`Call` in ``api.calls`` (failed ones too, flagged).
* Updates are queued with :meth:`FakeBotAPI.push_update` (builders such as
  :meth:`FakeBotAPI.text_message` make realistic update dicts) and served by a real long-polling
  ``getUpdates`` that confirms updates through ``offset`` as Telegram does.
* Faults: :meth:`~FakeBotAPI.fail_next`, :meth:`~FakeBotAPI.fail_share`,
  :meth:`~FakeBotAPI.drop_next`, :meth:`~FakeBotAPI.outage`, :meth:`~FakeBotAPI.flood_limit`.
* Hooks: :meth:`~FakeBotAPI.add_listener` sees every call once answered.

It also enforces the Telegram rules that most often break bots in production: HTML/MarkdownV2
must parse (``can't parse entities``), texts must be non-empty and at most 4096 characters,
callback data at most 64 bytes, an edit must change something (``message is not modified``),
a callback query can be answered once.  ``FakeBotAPI(strict_markup=False)`` relaxes the parsing.

Like Telegram, a sent message comes back with the *parsed* text and its entities (UTF-16
offsets), only inline keyboards come back as ``reply_markup``, a newer getUpdates terminates a
pending one with 409, getUpdates is refused (409) while a webhook is set, and update types
outside ``allowed_updates`` are never delivered (they land in ``api.filtered_updates``).

State worth asserting on: ``calls``, ``confirmed_update_ids``, ``delivered_update_ids``,
``dropped_update_ids``, ``pending_updates()``, ``allowed_updates``, ``my_commands`` /
``commands_for()``, ``webhook``, ``menu_buttons``, ``message(chat_id, message_id)``,
``sent_texts()``.

Methods aiogram knows but the fake does not implement still answer sensibly when that is
cheap: ones returning ``True`` answer ``True`` and ``send*``-like ones returning a ``Message``
answer a plain message; the rest answer 404 "method not implemented by FakeBotAPI".

The package, by part: ``records`` (calls, uploads, errors, limits), ``markup`` (Telegram's
HTML/Markdown parser), ``wire`` (request decoding), ``world`` (users, chats, messages, files),
``updates`` (update builders), ``faults``, ``methods`` (the implemented Bot API methods) and
``server`` (HTTP, the call record, the update queue).  Import from the package itself.
"""

from talkbot.testing.fakeapi.faults import Fault
from talkbot.testing.fakeapi.markup import MarkupError, render_text
from talkbot.testing.fakeapi.records import (
    BOT_FIRST_NAME,
    BOT_ID,
    BOT_USERNAME,
    DEFAULT_FIRST_NAME,
    DEFAULT_GROUP_TITLE,
    DEFAULT_TOKEN,
    DEFAULT_USER_ID,
    JSON,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    MAX_UPLOAD_BYTES,
    Call,
    UploadedFile,
)
from talkbot.testing.fakeapi.server import FakeBotAPI

__all__ = [
    "BOT_FIRST_NAME",
    "BOT_ID",
    "BOT_USERNAME",
    "DEFAULT_FIRST_NAME",
    "DEFAULT_GROUP_TITLE",
    "DEFAULT_TOKEN",
    "DEFAULT_USER_ID",
    "JSON",
    "MAX_CALLBACK_DATA_BYTES",
    "MAX_CAPTION_LENGTH",
    "MAX_TEXT_LENGTH",
    "MAX_UPLOAD_BYTES",
    "Call",
    "FakeBotAPI",
    "Fault",
    "MarkupError",
    "UploadedFile",
    "render_text",
]
