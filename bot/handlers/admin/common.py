"""What every admin handler does alike: answer with formatted text, say a refusal, and after a
write make the change live (engine reload) and wake the notifier."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, InaccessibleMessage, Message
from aiogram.utils.formatting import Text

from bot.handlers.admin.refusals import refusal_text
from bot.runtime.notifier import Notifier
from knowledge.answering.engine import Engine
from knowledge.curation.errors import Refusal
from knowledge.i18n import Catalog
from knowledge.storage.store import FactStore


async def reply(message: Message, text: Text | str, **kwargs: Any) -> Message:
    body = text if isinstance(text, Text) else Text(text)
    return await message.answer(body.as_html(), **kwargs)


async def say_refusal(
    message: Message, error: Refusal, texts: Catalog, lang: str, store: FactStore
) -> Message:
    return await reply(message, refusal_text(error, texts, lang, store.sources()))


def made_live(engine: Engine, store: FactStore, notifier: Notifier) -> None:
    """After any write: users get the new fact base at once, subscribers hear of it."""
    engine.reload(store.facts(), store.sources(), store.events())
    notifier.poke()


def callback_message(callback: CallbackQuery) -> Message | None:
    """The message a button sits under, if the bot can still edit it."""
    message = callback.message
    if message is None or isinstance(message, InaccessibleMessage):
        return None
    return message


async def close_buttons(callback: CallbackQuery, note: Text | str | None = None) -> None:
    """Take the buttons off a handled prompt (adding a line saying what became of it), so
    it cannot be pressed twice."""
    message = callback_message(callback)
    if message is None:
        return
    if note is None:
        await message.edit_reply_markup(reply_markup=None)
        return
    ending = note if isinstance(note, Text) else Text(note)
    # html_text is the message as sent, rebuilt and escaped by aiogram from its entities.
    await message.edit_text(f"{message.html_text}\n\n{ending.as_html()}", reply_markup=None)


def admin_id(event: Message | CallbackQuery) -> int:
    user = event.from_user
    assert user is not None  # the admin filter passed: there is a user
    return user.id
