"""Curation refusals said in one place, the aiogram way: admin handlers only parse, call the
Curator and render; a refusal they raise (or an unreadable file) reaches `router.errors`
through `ExceptionTypeFilter` and is said here in the admin's language, never as the
generic apology, which is left for real bugs.

Under a button, the callback is answered (a second tap on a confirmation already carried
out hears "Already done." on the spot), the buttons are taken off and the refusal follows.
"""

from __future__ import annotations

import contextlib

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import CallbackQuery, ErrorEvent, Message, User
from aiogram.utils.formatting import Text

from bot.handlers.admin.common import callback_message, close_buttons, reply
from bot.handlers.admin.refusals import refusal_text
from bot.i18n import client_lang
from knowledge.curation.errors import (
    AlreadyDone,
    Conflict,
    CurationError,
    InvalidFact,
    QuoteNotInSource,
)
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog

MAX_FILE_BYTES = 2 * 1024 * 1024  # a facts file or an article is far smaller


class FileProblem(Exception):
    """A document the bot cannot read; `key` is the catalog key saying why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def register(router: Router) -> None:
    router.errors.register(say_refusal, ExceptionTypeFilter(CurationError, Conflict))
    router.errors.register(say_file_problem, ExceptionTypeFilter(FileProblem))


async def say_refusal(
    event: ErrorEvent,
    bot: Bot,
    curator: Curator,
    texts: Catalog,
    ui_lang: str | None = None,
    event_from_user: User | None = None,
) -> None:
    error = event.exception
    assert isinstance(error, CurationError | Conflict)
    lang = ui_lang or client_lang(event_from_user.language_code if event_from_user else None)
    text = await explain(error, curator, texts, lang)
    message = event.update.message
    if message is not None:
        await reply(message, text)
        if message.document is not None and isinstance(error, InvalidFact):  # a refused import
            await reply(message, texts("admin.import.nothing_changed", lang))
        return
    callback = event.update.callback_query
    if callback is not None:
        if isinstance(error, AlreadyDone):
            await _answer(callback, texts("admin.refusal.already_done", lang))
            await close_buttons(callback)
            return
        await _answer(callback)
        await close_buttons(callback)
        await _tell(bot, callback, text)


async def explain(
    error: CurationError | Conflict, curator: Curator, texts: Catalog, lang: str
) -> Text:
    """The refusal in the admin's language; a quote's closest passage is looked for in a
    worker thread first (in a large source it takes seconds)."""
    if isinstance(error, QuoteNotInSource):
        await curator.closest_passage(error)
    return refusal_text(error, texts, lang, curator.store.sources())


async def say_file_problem(event: ErrorEvent, texts: Catalog, ui_lang: str | None = None) -> None:
    error = event.exception
    assert isinstance(error, FileProblem)
    message = event.update.message
    if message is not None:
        lang = ui_lang or "en"
        await reply(message, texts(error.key, lang, limit=MAX_FILE_BYTES // 1024))


async def _answer(callback: CallbackQuery, text: str | None = None) -> None:
    # The handler may have answered already (before a long operation): Telegram then
    # refuses a second answer, which changes nothing for the admin.
    with contextlib.suppress(TelegramBadRequest):
        await callback.answer(text)


async def _tell(bot: Bot, callback: CallbackQuery, text: Text) -> None:
    message: Message | None = callback_message(callback)
    chat_id = message.chat.id if message else callback.from_user.id
    await bot.send_message(chat_id, text.as_html())
