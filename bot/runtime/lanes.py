"""Each chat's updates handled in order, many chats at once, within a bound.

`LaneRunner` keeps one *lane* per chat (or per user for updates without a chat), handled
strictly in order, lanes running concurrently, at most `max_in_flight` updates held at once.
With `max_per_lane`, one lane holds at most that many of those slots; its further updates
wait in the lane without one (in a room of `BEYOND_FACTOR` times `max_in_flight` shared by
all lanes), so a chat that floods cannot take every slot and stall everyone else behind it.

Each update's data carries `received_at`, the `time.monotonic()` at which it was accepted, so
that the throttle judges when a message came rather than when its lane got to it. Every
update goes through the public `Dispatcher.feed_update`, which runs the whole chain -
middlewares, filters, handlers, error handlers. `bot.runtime.ordering` adds the polling.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.methods import TelegramMethod
from aiogram.types import Update

logger = logging.getLogger(__name__)

DEFAULT_MAX_IN_FLIGHT = 64
# Room for the updates of lanes at their share, as a multiple of max_in_flight: enough for a
# flood of a whole getUpdates batch (100) and more, so the poller seldom waits on one chat.
BEYOND_FACTOR = 4

Lane = Callable[[Update], Hashable]


def chat_lane(update: Update) -> Hashable:
    """The chat an update belongs to; the user for inline queries and the like; otherwise the
    update alone (a poll result, say, has no one to keep in order with)."""
    context = UserContextMiddleware.resolve_event_context(update)
    if context.chat_id is not None:
        return context.chat_id
    if context.user_id is not None:
        # A private chat's id is the user's id, so a user's inline queries and their private
        # messages share one lane, as they should.
        return context.user_id
    return ("update", update.update_id)


@dataclass(slots=True)
class _Job:
    bot: Bot
    update: Update
    data: dict[str, Any]
    held: asyncio.Semaphore  # what it takes up while accepted: a slot, or the room beyond


@dataclass(slots=True, eq=False)
class _Lane:
    jobs: deque[_Job] = field(default_factory=deque)
    slots: int = 0  # how many of its jobs hold one of the shared slots


class LaneRunner:
    """Runs a Dispatcher's updates: per-lane order, a global bound, a drain.

    Feed it with `submit`. `max_per_lane` (None: no share, one lane may take every slot)
    caps the slots one lane holds; the updates it receives beyond that wait in it without a
    slot, at most `BEYOND_FACTOR * max_in_flight` such in all, which bounds what is held in
    memory.
    """

    def __init__(
        self,
        dispatcher: Dispatcher,
        *,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        max_per_lane: int | None = None,
        lane: Lane = chat_lane,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        if max_per_lane is not None and max_per_lane < 1:
            raise ValueError("max_per_lane must be at least 1")
        self.dispatcher = dispatcher
        self.max_in_flight = max_in_flight
        self.max_per_lane = max_per_lane
        self.lane = lane
        self.peak_in_flight = 0
        self._slots = asyncio.Semaphore(max_in_flight)
        # Room for updates of lanes that hold their share of slots already.
        self._beyond = asyncio.Semaphore(BEYOND_FACTOR * max_in_flight)
        self._lanes: dict[Hashable, _Lane] = {}
        self._workers: set[asyncio.Task[None]] = set()
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()
        # Accepted and not handled (or abandoned at a drain timeout): what a restart must redo.
        self._unfinished: set[int] = set()
        self._last_accepted: int | None = None

    @property
    def in_flight(self) -> int:
        """Updates accepted and not yet handled, queued in a lane or running."""
        return self._count

    async def submit(self, bot: Bot, update: Update, **data: Any) -> None:
        """Queue `update` behind the earlier updates of its lane.  Waits while `max_in_flight`
        updates hold a slot (or, for a lane at its `max_per_lane` share, while the room
        beyond the slots is full): that wait is what keeps a burst out of memory (polling
        stops fetching, so Telegram keeps the rest)."""
        try:
            key = self.lane(update)
        except Exception:
            logger.exception("no lane for update %d; handling it on its own", update.update_id)
            key = ("update", update.update_id)
        lane, share = self._lanes.get(key), self.max_per_lane
        at_share = lane is not None and share is not None and lane.slots >= share
        held = self._beyond if at_share else self._slots
        await held.acquire()
        # No await from here on: an update is either wholly accepted or not at all.
        self._count += 1
        self.peak_in_flight = max(self.peak_in_flight, self._count)
        self._idle.clear()
        self._unfinished.add(update.update_id)
        if self._last_accepted is None or update.update_id > self._last_accepted:
            self._last_accepted = update.update_id
        lane = self._lanes.get(key)  # it may have finished while this waited
        if lane is None:
            lane = self._lanes[key] = _Lane()
            worker = asyncio.create_task(self._work(key, lane), name=f"lane {key!r}")
            self._workers.add(worker)
            worker.add_done_callback(self._workers.discard)
        if held is self._slots:
            lane.slots += 1
        lane.jobs.append(_Job(bot, update, {**data, "received_at": time.monotonic()}, held))

    async def _work(self, key: Hashable, lane: _Lane) -> None:
        """Handles one lane's updates in order, then ends: tasks never outnumber lanes."""
        queue = lane.jobs
        try:
            while queue:
                job = queue[0]
                handled = False
                try:
                    await self._handle(job)
                    handled = True
                finally:
                    queue.popleft()
                    self._finish(lane, job, handled)
        finally:
            # Cancelled at a drain timeout: what is still queued was never handled either.
            while queue:
                self._finish(lane, queue.popleft(), handled=False)
            if self._lanes.get(key) is lane:
                del self._lanes[key]

    async def _handle(self, job: _Job) -> None:
        """What aiogram's polling does per update: feed it, send a returned method, log errors."""
        dp = self.dispatcher
        try:
            response = await dp.feed_update(job.bot, job.update, **job.data)
            if isinstance(response, TelegramMethod):
                await dp.silent_call_request(job.bot, response)
        except Exception:
            # As in aiogram: the update counts as handled, unsuccessfully; polling goes on.
            logger.exception("update %d failed", job.update.update_id)

    def _finish(self, lane: _Lane, job: _Job, handled: bool) -> None:
        if handled:
            self._unfinished.discard(job.update.update_id)
        self._count -= 1
        if job.held is self._slots:
            lane.slots -= 1
        job.held.release()
        if self._count == 0:
            self._idle.set()

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until every accepted update is handled; False if `timeout` seconds pass first."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def _abandon(self) -> None:
        workers = list(self._workers)
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
