"""Per-update context for handlers (saved settings, language, place, conversation), and a
count of updates in flight so that a stopping bot lets them finish.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.i18n import ui_lang
from knowledge.answering.engine import Conversation, Engine, UnknownPlace
from knowledge.places.resolver import Place
from knowledge.storage.store import FactStore, UserSettings

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
MAX_CONVERSATIONS = 10_000


class Conversations:
    """Each user's conversation (what "and in Tokyo?" refers to), the least recent dropped
    first so memory stays bounded however many people write."""

    def __init__(self, capacity: int = MAX_CONVERSATIONS) -> None:
        self.capacity = capacity
        self._by_user: OrderedDict[int, Conversation] = OrderedDict()

    def get(self, user_id: int) -> Conversation:
        conversation = self._by_user.pop(user_id, None) or Conversation()
        self._by_user[user_id] = conversation
        while len(self._by_user) > self.capacity:
            self._by_user.popitem(last=False)
        return conversation

    def __len__(self) -> int:
        return len(self._by_user)


class InFlight:
    """How many updates are being handled, and the highest update id seen."""

    def __init__(self) -> None:
        self.count = 0
        self.last_update_id: int | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    def started(self, update_id: int) -> None:
        self.count += 1
        self._idle.clear()
        if self.last_update_id is None or update_id > self.last_update_id:
            self.last_update_id = update_id

    def finished(self) -> None:
        self.count -= 1
        if self.count == 0:
            self._idle.set()

    async def wait_idle(self, timeout: float) -> bool:
        """True once nothing is in flight; False if `timeout` seconds passed first."""
        # Updates fetched by the last poll get their tasks only on the next loop turns.
        for _ in range(3):
            await asyncio.sleep(0)
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True


class InFlightMiddleware(BaseMiddleware):
    def __init__(self, in_flight: InFlight) -> None:
        self.in_flight = in_flight

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        update_id = event.update_id if isinstance(event, Update) else 0
        self.in_flight.started(update_id)
        try:
            return await handler(event, data)
        finally:
            self.in_flight.finished()


class UserContextMiddleware(BaseMiddleware):
    """Injects `user_settings`, `lang_override`, `ui_lang`, `user_place` and `conversation`."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        store: FactStore = data["store"]
        engine: Engine = data["engine"]
        conversations: Conversations = data["conversations"]
        settings = store.user_settings(user.id) if user else UserSettings()
        data["user_settings"] = settings
        data["lang_override"] = settings.lang
        data["ui_lang"] = ui_lang(settings.lang, user.language_code if user else None)
        data["user_place"] = saved_place(engine, settings.tz)
        data["conversation"] = conversations.get(user.id) if user else Conversation()
        return await handler(event, data)


def saved_place(engine: Engine, tz: str | None) -> Place | None:
    """The user's saved zone as a Place; None if unset or no longer understood."""
    if not tz:
        return None
    try:
        return engine.resolve_place(tz)
    except UnknownPlace:
        return None
