"""What every admin handler does alike: answer with formatted text (once its own change is
live), take the buttons off a handled prompt, remember a confirmation already carried out."""

from __future__ import annotations

from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InaccessibleMessage, Message
from aiogram.utils.formatting import Text

from bot.runtime.live import until_live

DONE = "done"  # FSM data: tokens of the confirmations already carried out
DONE_KEPT = 8


async def reply(message: Message, text: Text | str, **kwargs: Any) -> Message:
    """Send `text`; after a change the admin is told only once users get the new base."""
    await until_live()
    body = text if isinstance(text, Text) else Text(text)
    return await message.answer(body.as_html(), **kwargs)


def callback_message(callback: CallbackQuery) -> Message | None:
    """The message a button sits under, if the bot can still edit it."""
    message = callback.message
    if message is None or isinstance(message, InaccessibleMessage):
        return None
    return message


def not_modified(error: TelegramBadRequest) -> bool:
    """Telegram's refusal of an edit that changes nothing: a second tap on a prompt whose
    buttons are already gone. Expected, and nothing to do about it."""
    return "message is not modified" in error.message


async def close_buttons(callback: CallbackQuery, note: Text | str | None = None) -> None:
    """Take the buttons off a handled prompt (adding a line saying what became of it), so
    it cannot be pressed twice."""
    await until_live()
    message = callback_message(callback)
    if message is None:
        return
    try:
        if note is None:
            await message.edit_reply_markup(reply_markup=None)
            return
        ending = note if isinstance(note, Text) else Text(note)
        # html_text is the message as sent, rebuilt and escaped by aiogram from its entities.
        await message.edit_text(f"{message.html_text}\n\n{ending.as_html()}", reply_markup=None)
    except TelegramBadRequest as error:
        if not not_modified(error):
            raise


async def mark_done(state: FSMContext, token: str) -> None:
    """Remember that the confirmation `token` (a draft's nonce, a file's digest) was done."""
    done = list((await state.get_data()).get(DONE, ()))
    await state.update_data({DONE: [*done[-(DONE_KEPT - 1) :], token]})


async def was_done(state: FSMContext, token: str) -> bool:
    return token in (await state.get_data()).get(DONE, ())


def admin_id(event: Message | CallbackQuery) -> int:
    user = event.from_user
    assert user is not None  # the admin filter passed: there is a user
    return user.id
