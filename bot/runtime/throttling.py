"""Per-user rate limiting of incoming messages, with one polite notice per flood.

A token bucket per user: `burst` messages at once, then `rate` per `per` seconds.  A message
over the limit is dropped, not queued (a queue would only answer a flood later, and grow); the
first one dropped in a flood earns the user a short notice, the rest are dropped silently until
the user has calmed down (their bucket is full again).  Register it as an *outer* middleware,
so dropped messages cost no filter or handler::

    dp.message.outer_middleware(ThrottlingMiddleware(notice=slow_down_text))

It also accepts whole updates (`dp.update.outer_middleware(...)`, limiting only the ones that
carry a message): registered there before other update middlewares, a flood costs them nothing
either.

A message counts at the moment the bot received it, when the update's data says so
(`received_at`, which `bot.ordering.OrderedUpdateRunner` stamps), not when its turn came: a
flood queued behind a slow reply in its chat's lane - under Telegram's one-message-a-second
limit each answer to a flooder takes a second - would otherwise trickle in at the refill
rate and never count as a flood (scripts/loadtest.py --flood showed just that).
"""

from __future__ import annotations

import enum
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message, TelegramObject, Update

from bot.runtime.resilience import describe_error

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
Notice = Callable[[str | None], str]

DEFAULT_RATE = 10
DEFAULT_PER = 10.0
DEFAULT_BURST = 5
# Users whose buckets are remembered; the least recently seen are forgotten first (a forgotten
# user simply starts again with a full bucket).
DEFAULT_MAX_TRACKED = 100_000


class Verdict(enum.Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit, and the first such message of this flood
    DROP = "drop"


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float
    flooding: bool = False


class TokenBucketLimiter:
    """Token buckets by key: `burst` tokens, refilled at `rate` per `per` seconds."""

    def __init__(
        self,
        rate: float = DEFAULT_RATE,
        per: float = DEFAULT_PER,
        burst: int = DEFAULT_BURST,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = DEFAULT_MAX_TRACKED,
    ) -> None:
        if rate <= 0 or per <= 0 or burst < 1:
            raise ValueError("rate and per must be positive and burst at least 1")
        self.refill_per_second = rate / per
        self.burst = burst
        self.clock = clock
        self.max_tracked = max_tracked
        self._buckets: OrderedDict[Hashable, _Bucket] = OrderedDict()

    def hit(self, key: Hashable, *, waited: float = 0.0) -> Verdict:
        """Count one message from `key`, received `waited` seconds ago, and say what to do
        with it."""
        now = self.clock() - waited
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(tokens=self.burst, stamp=now)
        else:
            self._buckets.move_to_end(key)
            elapsed = max(now - bucket.stamp, 0.0)
            bucket.tokens = min(self.burst, bucket.tokens + elapsed * self.refill_per_second)
            bucket.stamp = now
            if bucket.flooding and bucket.tokens >= self.burst:
                bucket.flooding = False  # calmed down: a new flood earns a new notice
        while len(self._buckets) > self.max_tracked:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Verdict.ALLOW
        if bucket.flooding:
            return Verdict.DROP
        bucket.flooding = True
        return Verdict.NOTIFY

    def __len__(self) -> int:
        return len(self._buckets)


class ThrottlingMiddleware(BaseMiddleware):
    """Outer message middleware: drops a user's messages beyond the limit, with one notice.

    `notice(language_code)` gives the notice's plain text (sent without parse mode, so no
    markup to escape) in the user's Telegram language.  Notices go to private chats only unless
    `notify_in_groups`: in a group, a notice would add to the noise it complains about.
    `exempt_ids` (admins, say) are never limited.
    """

    def __init__(
        self,
        notice: Notice,
        *,
        rate: float = DEFAULT_RATE,
        per: float = DEFAULT_PER,
        burst: int = DEFAULT_BURST,
        clock: Callable[[], float] = time.monotonic,
        notify_in_groups: bool = False,
        exempt_ids: Iterable[int] = (),
        limiter: TokenBucketLimiter | None = None,
    ) -> None:
        self.notice = notice
        self.limiter = limiter or TokenBucketLimiter(rate, per, burst, clock=clock)
        self.notify_in_groups = notify_in_groups
        self.exempt_ids = frozenset(exempt_ids)
        self.dropped = 0

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        message = event.message if isinstance(event, Update) else event
        if not isinstance(message, Message) or message.from_user is None:
            return await handler(event, data)
        user = message.from_user
        if user.id in self.exempt_ids:
            return await handler(event, data)
        verdict = self.limiter.hit(user.id, waited=_waited(data))
        if verdict is Verdict.ALLOW:
            return await handler(event, data)
        self.dropped += 1
        if verdict is Verdict.NOTIFY:
            logger.info("user %d is flooding; their extra messages are dropped", user.id)
            if message.chat.type == ChatType.PRIVATE or self.notify_in_groups:
                await self._notify(message, user.language_code)
        return None

    async def _notify(self, message: Message, language_code: str | None) -> None:
        try:
            await message.answer(self.notice(language_code), parse_mode=None)
        except TelegramAPIError as error:
            # The notice is a courtesy; failing to send it must not fail the update.
            logger.warning("could not send the flood notice: %s", describe_error(error))


def _waited(data: dict[str, Any]) -> float:
    """How long ago the bot received this update (`received_at`, on time.monotonic), or 0."""
    received = data.get("received_at")
    if not isinstance(received, float):
        return 0.0
    return max(0.0, time.monotonic() - received)
