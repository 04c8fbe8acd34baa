"""Keeping the answers in step with the fact base: after each committed admin change (the
Curator's `on_change`) the engine's index is rebuilt in a worker thread and swapped in, while
everyone else goes on being answered from the old one; then the notifier is poked.

A 10,000-fact base takes seconds to index. Built on the event loop, that would freeze every
user; read in the store's worker thread and built in another, the loop keeps answering and
the swap is one assignment (`Engine.reload`), so a question sees the old index or the new,
never half of one.

Rebuilds run one at a time, in order: changes that come in during a rebuild are taken by
the next one (so the last index swapped in is always the latest base). The admin who made
a change is told so once it is live: `until_live()` (awaited by the admin handlers' reply
helpers) waits for the rebuild that admin's own change started.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.runtime.notifier import Notifier
from knowledge.answering.engine import Engine
from knowledge.model import Event, Fact, Source
from knowledge.storage.store import FactStore

logger = logging.getLogger(__name__)

Reload = Callable[[Sequence[Fact], Mapping[str, Source], Sequence[Event]], None]

# The rebuild the current update's own change waits on (set in the handler's task context).
_pending: contextvars.ContextVar[asyncio.Future[None] | None] = contextvars.ContextVar(
    "live_base_pending", default=None
)


class LiveBase:
    def __init__(
        self,
        store: FactStore,
        engine: Engine,
        notifier: Notifier | None = None,
        *,
        reload: Reload | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.notifier = notifier
        # What builds and swaps the index; runs in a worker thread. Tests pass one that
        # holds the real rebuild back, to see questions answered meanwhile.
        self.reload: Reload = reload or engine.reload
        self._dirty = False
        self._task: asyncio.Task[None] | None = None
        self.rebuilds = 0  # finished rebuilds, for tests and logs

    def changed(self) -> None:
        """The Curator's change callback: a committed change must become live."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a script): rebuild here and now
            self.reload(self.store.facts(), self.store.sources(), self.store.events())
            self.rebuilds += 1
            return
        self._dirty = True
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._rebuild(), name="live-base-rebuild")
        _pending.set(self._task)

    async def _rebuild(self) -> None:
        while self._dirty:
            self._dirty = False
            # Read in the store's worker thread, on its own connection (a connection belongs
            # to its thread; 10,000 facts take most of a second), and index in another.
            facts, sources, events = await self.store.worker.run(read_base)
            try:
                await asyncio.to_thread(self.reload, facts, sources, events)
            except Exception:  # the old index stays live; the next change tries again
                logger.exception("rebuilding the fact index failed; answering from the old one")
            self.rebuilds += 1
        if self.notifier is not None:
            self.notifier.poke()

    async def settled(self) -> None:
        """Wait until every change made so far is live."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)


class AfterImportWrite(BaseMiddleware):
    """An inner middleware for the routers whose handlers write (settings, subscriptions,
    the admin's): while an import is being written in the store's worker, such a handler
    waits for its commit before it runs, awaiting rather than sleeping on the loop as a
    write stuck on the lock would. Questions need no wait: their log rows are deferred."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        store: FactStore = data["store"]
        await store.gate.idle()
        return await handler(event, data)


def read_base(store: FactStore) -> tuple[list[Fact], dict[str, Source], tuple[Event, ...]]:
    return store.facts(), store.sources(), store.events()


async def until_live() -> None:
    """Wait for the rebuild this update's own change started, if it made one."""
    pending = _pending.get()
    if pending is not None and not pending.done():
        await asyncio.shield(pending)
