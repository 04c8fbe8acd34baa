"""Paced delivery of notifications within Telegram's limits, each notification at most once.

Telegram allows a bot about 30 messages a second overall and one a second per chat; beyond
that it answers 429.  `Broadcaster` queues notifications and sends them no faster than
`per_second` overall and `per_chat_interval` apart per chat, in order within a chat.  It knows
nothing of storage: it calls `send(chat_id, payload)` to deliver, `on_sent(notification_id)`
when Telegram accepted one, and `on_failed(notification, error)` when one cannot be delivered
(the user blocked the bot, the chat is gone, the session's retries ran out).  `close()`
drains the queue, or stops at a timeout and returns what was not sent, for the caller to keep
for next time::

    async with Broadcaster(send, store_mark_sent, on_failed=store_mark_failed) as broadcaster:
        for row in due:
            broadcaster.enqueue(Delivery(row.id, row.chat_id, row.text))
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import inspect
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Self, TypeVar

from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError, TelegramRetryAfter

from bot.runtime.resilience import describe_error

logger = logging.getLogger(__name__)

P = TypeVar("P")
# The caller's id for a notification (an outbox row id, say): what "at most once" is about.
DeliveryId = int | str

# Below Telegram's ~30/s, so that the jitter between leaving here and arriving there never
# makes 30 arrive within one second.
DEFAULT_PER_SECOND = 25.0
DEFAULT_PER_CHAT_INTERVAL = 1.0
DEFAULT_MAX_CONCURRENCY = 8
# Idle chats remembered only for their spacing; past this many, those already free are forgotten.
_MAX_IDLE_CHATS = 10_000


@dataclass(frozen=True, slots=True)
class Delivery(Generic[P]):
    """One message to send to one chat; the domain's `Notification` (an outbox row) travels
    as its payload, or anything else a caller wants delivered at Telegram's pace."""

    id: DeliveryId
    chat_id: int
    payload: P


@dataclass(slots=True)
class _Chat(Generic[P]):
    queue: deque[Delivery[P]] = field(default_factory=deque)
    busy: bool = False  # one send at a time per chat keeps the order and the spacing
    scheduled: bool = False  # has an entry in the ready heap
    next_at: float = 0.0
    blocked: TelegramForbiddenError | None = None


Send = Callable[[int, P], Awaitable[object]]
OnSent = Callable[[DeliveryId], Awaitable[object] | object]
OnFailed = Callable[[Delivery[P], BaseException], Awaitable[object] | object]


class Broadcaster(Generic[P]):
    """A queue and a worker that deliver notifications at a pace Telegram accepts.

    A 429 puts the notification back at the head of its chat and pauses all sending for
    `retry_after` (that is the pace, not a retry: with the bot's RetryMiddleware a 429 only
    gets here once the session's time budget is spent); a 403 marks the chat undeliverable
    (its queued notifications fail without a call); any other error fails the notification
    at once.  5xx and network errors are not retried here: the session's RetryMiddleware
    already retried them, and retrying again on top of it multiplied its 90-second budget.
    At most `max_concurrency` sends are in flight.
    """

    def __init__(
        self,
        send: Send[P],
        on_sent: OnSent,
        *,
        on_failed: OnFailed[P] | None = None,
        per_second: float = DEFAULT_PER_SECOND,
        per_chat_interval: float = DEFAULT_PER_CHAT_INTERVAL,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        already_sent: Iterable[DeliveryId] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_second <= 0 or per_chat_interval < 0 or max_concurrency < 1:
            raise ValueError("pace and concurrency must be positive")
        self._send = send
        self._on_sent = on_sent
        self._on_failed = on_failed
        self.global_interval = 1.0 / per_second
        self.per_chat_interval = per_chat_interval
        self.max_concurrency = max_concurrency
        self.clock = clock
        self.sent = 0
        self.failed = 0
        self._known: set[DeliveryId] = set(already_sent)  # every id ever accepted: never twice
        self._chats: dict[int, _Chat[P]] = {}
        self._ready: list[tuple[float, int, int]] = []  # (ready at, tie-breaker, chat id)
        self._seq = 0
        self._queued = 0
        self._in_flight = 0
        self._sending: set[asyncio.Task[None]] = set()
        self._next_global = 0.0
        self._wakeup = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._accepting = True
        self._halt = False
        self._worker: asyncio.Task[None] | None = None

    # ----------------------------------------------------------------- public

    def start(self) -> None:
        if self._worker is None:
            self._worker = asyncio.create_task(self._run(), name="broadcaster")

    async def __aenter__(self) -> Self:
        self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def pending(self) -> int:
        """Notifications queued or being sent."""
        return self._queued + self._in_flight

    def enqueue(self, notification: Delivery[P]) -> bool:
        """Queue `notification`; False (and nothing queued) if its id was seen before or the
        broadcaster is closing."""
        if not self._accepting or notification.id in self._known:
            return False
        self._known.add(notification.id)
        chat = self._chats.get(notification.chat_id)
        if chat is None:
            if len(self._chats) >= _MAX_IDLE_CHATS:
                self._forget_idle_chats()
            chat = self._chats[notification.chat_id] = _Chat()
        chat.queue.append(notification)
        self._queued += 1
        self._idle.clear()
        if not chat.busy and not chat.scheduled:
            self._schedule(notification.chat_id, chat)
        return True

    async def close(
        self, timeout: float | None = None, *, drain: bool = True
    ) -> list[Delivery[P]]:
        """Stop accepting; with `drain`, wait up to `timeout` seconds for the queue to empty.
        Sends already under way are waited for, never cut off (their fate would be unknown).
        Returns the notifications not sent, in order per chat, for the caller to persist."""
        self._accepting = False
        if drain and self._worker is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), timeout)
        self._halt = True
        self._wakeup.set()
        if self._worker is not None:
            await self._worker
        if self._sending:
            await asyncio.gather(*self._sending, return_exceptions=True)
        unsent = [notification for chat in self._chats.values() for notification in chat.queue]
        for chat in self._chats.values():
            chat.queue.clear()
        self._queued = 0
        if unsent:
            logger.info("broadcaster closed with %d notification(s) unsent", len(unsent))
        return unsent

    # ----------------------------------------------------------------- scheduling

    def _schedule(self, chat_id: int, chat: _Chat[P]) -> None:
        self._seq += 1
        heapq.heappush(self._ready, (chat.next_at, self._seq, chat_id))
        chat.scheduled = True
        self._wakeup.set()

    def _forget_idle_chats(self) -> None:
        now = self.clock()
        for chat_id, chat in list(self._chats.items()):
            if not (chat.queue or chat.busy or chat.blocked) and chat.next_at <= now:
                del self._chats[chat_id]

    async def _run(self) -> None:
        while not self._halt:
            self._wakeup.clear()
            delay = await self._start_ready_sends()
            if self._halt:
                break
            # Woken early by an enqueue, a finished send or close().
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), delay)

    async def _start_ready_sends(self) -> float | None:
        """Start every send the limits allow now; return the seconds until the next one may
        start (None: nothing to do until something changes)."""
        while self._ready and not self._halt:
            if self._in_flight >= self.max_concurrency:
                return None
            ready_at, _, chat_id = self._ready[0]
            chat = self._chats.get(chat_id)
            if chat is None or not chat.queue:  # left over from a blocked chat's clean-up
                heapq.heappop(self._ready)
                if chat is not None:
                    chat.scheduled = False
                continue
            now = self.clock()
            start_at = max(ready_at, self._next_global)
            if chat.blocked is None and start_at > now:
                return start_at - now
            heapq.heappop(self._ready)
            chat.scheduled = False
            if chat.blocked is not None:
                # The user blocked the bot: fail the rest without spending a call on each.
                while chat.queue:
                    self._queued -= 1
                    await self._fail(chat.queue.popleft(), chat.blocked)
                self._update_idle()
                continue
            notification = chat.queue.popleft()
            self._queued -= 1
            chat.busy = True
            self._in_flight += 1
            self._next_global = max(self._next_global, now) + self.global_interval
            task = asyncio.create_task(self._deliver(chat, notification))
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)
        return None

    async def _deliver(self, chat: _Chat[P], notification: Delivery[P]) -> None:
        retry_at = 0.0
        try:
            await self._send(notification.chat_id, notification.payload)
        except TelegramRetryAfter as error:
            # Telegram asks for a pause: everyone waits, and this one goes first afterwards.
            retry_at = self.clock() + error.retry_after
            self._next_global = max(self._next_global, retry_at)
            self._put_back(chat, notification)
            logger.warning("flood control: pausing notifications for %ss", error.retry_after)
        except TelegramForbiddenError as error:
            chat.blocked = error
            await self._fail(notification, error)
        except Exception as error:
            await self._fail(notification, error)
        else:
            self.sent += 1
            await self._notify(self._on_sent, notification.id)
        finally:
            # Spacing counts from the end of the send: the next one then reaches Telegram
            # at least `per_chat_interval` after this one did, whatever the network jitter.
            chat.next_at = max(self.clock() + self.per_chat_interval, retry_at)
            chat.busy = False
            self._in_flight -= 1
            if chat.queue and not chat.scheduled:
                self._schedule(notification.chat_id, chat)
            self._update_idle()
            self._wakeup.set()

    def _put_back(self, chat: _Chat[P], notification: Delivery[P]) -> None:
        chat.queue.appendleft(notification)
        self._queued += 1

    def _update_idle(self) -> None:
        if self._queued == 0 and self._in_flight == 0:
            self._idle.set()

    # ----------------------------------------------------------------- outcomes

    async def _fail(self, notification: Delivery[P], error: BaseException) -> None:
        self.failed += 1
        if isinstance(error, TelegramAPIError):
            logger.info(
                "notification %s to chat %d undeliverable: %s",
                notification.id,
                notification.chat_id,
                describe_error(error),
            )
        else:
            logger.error(
                "notification %s failed unexpectedly",
                notification.id,
                exc_info=(type(error), error, error.__traceback__),
            )
        if self._on_failed is not None:
            await self._notify(self._on_failed, notification, error)

    async def _notify(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run a caller's callback, sync or async; its failure must not stop the deliveries."""
        try:
            result = callback(*args)
            if inspect.isawaitable(result):
                await result
        except Exception:
            logger.exception("notification callback %r failed", callback)
