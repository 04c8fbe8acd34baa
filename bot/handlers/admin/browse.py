"""Reading the fact base: /facts (paged, ◀ ▶ edit the message), /fact, /history."""

from __future__ import annotations

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.callbacks import PageCallback, page_data, search_words
from bot.handlers.admin.common import callback_message, not_modified, reply
from bot.handlers.admin.views import fact_card, history_text, page_text
from knowledge.curation.browsing import FactPage
from knowledge.curation.parsing import parse_fact_id
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog

HISTORY_LIMIT = 15


def create_router() -> Router:
    router = Router(name="admin.browse")
    router.message.register(list_facts, Command("facts"))
    router.callback_query.register(turn_page, PageCallback.filter())
    router.message.register(show_fact, Command("fact"))
    router.message.register(show_history, Command("history"))
    return router


def page_keyboard(page: FactPage, words: str) -> InlineKeyboardMarkup | None:
    row = []
    if page.page > 1:
        row.append(InlineKeyboardButton(text="◀", callback_data=page_data(page.page - 1, words)))
    if page.page < page.pages:
        row.append(InlineKeyboardButton(text="▶", callback_data=page_data(page.page + 1, words)))
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None


async def list_facts(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    words = search_words(command.args or "")
    page = await curator.find_facts(words, 1, ui_lang)
    await reply(
        message, page_text(page, words, texts, ui_lang), reply_markup=page_keyboard(page, words)
    )


async def turn_page(
    callback: CallbackQuery,
    callback_data: PageCallback,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    words = callback_data.query
    page = await curator.find_facts(words, callback_data.page, ui_lang)
    await callback.answer()
    message = callback_message(callback)
    if message is None:
        return
    # An old message may already show this very page: Telegram refuses an edit that
    # changes nothing, and there is nothing to do about it.
    try:
        await message.edit_text(
            page_text(page, words, texts, ui_lang).as_html(),
            reply_markup=page_keyboard(page, words),
        )
    except TelegramBadRequest as error:
        if not not_modified(error):
            raise


async def show_fact(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    view = curator.show(parse_fact_id("fact", command.args or "") or "")
    await reply(message, fact_card(view, texts, ui_lang, curator.store.sources()))


async def show_history(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    fact_id = parse_fact_id("history", command.args or "", optional=True)
    entries = curator.history(fact_id, HISTORY_LIMIT)
    await reply(message, history_text(entries, texts, ui_lang, fact_id))
