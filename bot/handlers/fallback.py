"""What is not a question (non-text, unknown commands, over-long text) and handler errors;
tried before the questions router, and in groups only for messages addressed to the bot.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Chat, ErrorEvent, Message, User

from bot.filters import AddressedToBot, Magic, NotAnAsk
from bot.handlers import respond
from bot.i18n import client_lang
from bot.render import plain_html
from knowledge.answering.engine import MAX_QUESTION_LENGTH
from knowledge.i18n import Catalog

logger = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.filter(AddressedToBot())
    router.message.register(too_long, Magic(F.text.len() > MAX_QUESTION_LENGTH))
    router.message.register(unknown_command, Magic(F.text.startswith("/")), NotAnAsk())
    router.message.register(not_text, Magic(~F.text))
    router.errors.register(apologise)
    return router


def create_stale_buttons_router() -> Router:
    """Included last: a button press no other router took is a button of an older version,
    or forged data (a 30-digit number, an unknown action): either way, out of date."""
    router = Router(name="stale_buttons")
    router.callback_query.register(button_out_of_date)
    return router


async def button_out_of_date(callback: CallbackQuery, texts: Catalog, ui_lang: str) -> None:
    await callback.answer(texts("fallback.button_out_of_date", ui_lang), show_alert=True)


async def too_long(message: Message, texts: Catalog, ui_lang: str) -> None:
    text = texts("answer.too_long", ui_lang, limit=MAX_QUESTION_LENGTH)
    await respond(message, plain_html(text))


async def unknown_command(message: Message, texts: Catalog, ui_lang: str) -> None:
    await respond(message, plain_html(texts("fallback.unknown_command", ui_lang)))


async def not_text(message: Message, texts: Catalog, ui_lang: str) -> None:
    await respond(message, plain_html(texts("fallback.not_text", ui_lang)))


async def apologise(
    event: ErrorEvent,
    bot: Bot,
    texts: Catalog,
    event_chat: Chat | None = None,
    event_from_user: User | None = None,
    ui_lang: str | None = None,
) -> None:
    """Log the failure with its update id, then tell the user in a line; never raise."""
    logger.error(
        "update %s failed: %s",
        event.update.update_id,
        type(event.exception).__name__,
        exc_info=event.exception,
    )
    chat_id = event_chat.id if event_chat else None
    if chat_id is None and event.update.callback_query is not None and event_from_user:
        chat_id = event_from_user.id
    if chat_id is None:  # an inline query: there is no chat to write to
        return
    lang = ui_lang or client_lang(event_from_user.language_code if event_from_user else None)
    try:
        await bot.send_message(chat_id, plain_html(texts("fallback.error", lang)))
    except TelegramAPIError as error:
        logger.warning("update %s: the apology failed too: %s", event.update.update_id, error)
