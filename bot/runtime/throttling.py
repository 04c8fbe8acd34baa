"""Per-user rate limiting of incoming messages, button presses and inline queries, with one
polite notice per flood.

A token bucket per user: `burst` messages at once, then `rate` per `per` seconds; a message, a
button press (callback query) and an inline query each take a token from the same bucket, so
400 presses of "Add to calendar" are a flood like 400 messages.  One over the limit is dropped,
not queued (a queue would only answer a flood later, and grow); the first one dropped in a
flood earns the user a short notice (a message, or the pressed button's alert; an inline query
gets an empty answer), the rest are dropped silently until the user has calmed down (their
bucket is full again).  Register it as an *outer* middleware, so dropped ones cost no filter or
handler::

    dp.message.outer_middleware(ThrottlingMiddleware(notice=slow_down_text))

It also accepts whole updates (`dp.update.outer_middleware(...)`): registered there before
other update middlewares, a flood costs them nothing either.  `bot.runtime.ordering`'s runner
asks `judge` as it accepts an update, and does not even queue one to be dropped, so a flooding
user's presses never fill the queues others wait in; the verdict travels with the update
(`throttle_verdict`), and the middleware takes it instead of counting the update twice.

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
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject, Update, User

from bot.runtime.resilience import describe_error

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
Notice = Callable[[str | None], str]
Limited = Message | CallbackQuery | InlineQuery
# The key of the verdict `judge` gave an update, in the data it is handled with.
VERDICT_KEY = "throttle_verdict"

DEFAULT_RATE = 10
DEFAULT_PER = 10.0
# Ten at once: a person may paste several questions, and a news bot's users do ask ten in a
# row when a story breaks (issue 12's load); a flooder is still cut off after ten.
DEFAULT_BURST = 10
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

    def judge(self, event: TelegramObject, waited: float = 0.0) -> Verdict:
        """Count `event` (an Update, message, button press or inline query) against its
        user's bucket, received `waited` seconds ago; ALLOW for what is not limited."""
        subject = _limited(event)
        user = _sender(subject) if subject is not None else None
        if user is None or user.id in self.exempt_ids:
            return Verdict.ALLOW
        return self.limiter.hit(user.id, waited=waited)

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        given = data.pop(VERDICT_KEY, None)
        verdict = given if isinstance(given, Verdict) else self.judge(event, _waited(data))
        if verdict is Verdict.ALLOW:
            return await handler(event, data)
        self.dropped += 1
        subject = _limited(event)
        if verdict is Verdict.NOTIFY and subject is not None:
            user = _sender(subject)
            logger.info("user %s is flooding; their extra updates are dropped", user and user.id)
            await self._notify(subject, user.language_code if user else None)
        return None

    async def _notify(self, subject: Limited, language_code: str | None) -> None:
        try:
            if isinstance(subject, CallbackQuery):
                await subject.answer(self.notice(language_code), show_alert=True)
            elif isinstance(subject, InlineQuery):
                # Nothing to show, quickly, and not cached: the next query is answered.
                await subject.answer([], cache_time=0, is_personal=True)
            elif subject.chat.type == ChatType.PRIVATE or self.notify_in_groups:
                await subject.answer(self.notice(language_code), parse_mode=None)
        except TelegramAPIError as error:
            # The notice is a courtesy; failing to send it must not fail the update.
            logger.warning("could not send the flood notice: %s", describe_error(error))


def _limited(event: TelegramObject) -> Limited | None:
    """What the throttle counts in `event`: a message, a button press or an inline query."""
    if isinstance(event, Update):
        event = event.message or event.callback_query or event.inline_query  # type: ignore[assignment]
    return event if isinstance(event, Message | CallbackQuery | InlineQuery) else None


def _sender(subject: Limited) -> User | None:
    return subject.from_user


def _waited(data: dict[str, Any]) -> float:
    """How long ago the bot received this update (`received_at`, on time.monotonic), or 0."""
    received = data.get("received_at")
    if not isinstance(received, float):
        return 0.0
    return max(0.0, time.monotonic() - received)
