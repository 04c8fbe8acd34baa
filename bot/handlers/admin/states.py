"""The admin dialogues' states (an /add draft, a file awaited for /import) and the idle
timeout that drops a forgotten one: the admin is told on their next message or tap."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.render import plain_html
from knowledge.i18n import Catalog

DRAFT_TIMEOUT = 15 * 60.0  # seconds of silence after which a dialogue is dropped
TOUCHED = "touched"

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class AdminStates(StatesGroup):
    adding = State()  # answering the /add steps
    previewing = State()  # an /add preview waits for Save or Cancel
    awaiting_import = State()  # /import without a file: the next document is it


class IdleTimeout(BaseMiddleware):
    """An inner middleware of the admin router: it runs once a handler has matched, so the
    stale state it clears cannot be matched again by a later handler.

    An expired dialogue is dropped and the admin told so; a plain message meant for it is
    consumed, a command goes on to its handler. After every handled update the dialogue's
    clock restarts. The timeout is the dispatcher's `draft_timeout` (tests use seconds).
    """

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        state: FSMContext | None = data.get("state")
        if state is None or data.get("raw_state") is None:
            return await handler(event, data)
        timeout: float = data.get("draft_timeout", DRAFT_TIMEOUT)
        touched = (await state.get_data()).get(TOUCHED)
        if touched is not None and time.monotonic() - touched > timeout:
            await state.clear()
            await self._tell(event, data["texts"], data["ui_lang"], timeout)
            said = (event.text or event.caption or "") if isinstance(event, Message) else ""
            is_command = said.startswith("/")
            if not is_command:
                return None
            data["raw_state"] = None
        result = await handler(event, data)
        if await state.get_state() is not None:
            await state.update_data({TOUCHED: time.monotonic()})
        return result

    @staticmethod
    async def _tell(event: TelegramObject, texts: Catalog, lang: str, timeout: float) -> None:
        text = texts("admin.dialogue_expired", lang, minutes=max(1, round(timeout / 60)))
        if isinstance(event, CallbackQuery):
            await event.answer(text, show_alert=True)
        elif isinstance(event, Message):
            await event.answer(plain_html(text))


async def start_dialogue(state: FSMContext, new_state: State, **data: Any) -> None:
    """Enter a dialogue with fresh data (anything left from an earlier one is dropped)."""
    await state.set_state(new_state)
    await state.set_data({**data, TOUCHED: time.monotonic()})
