"""Retrying Bot API calls that failed for reasons that pass: flood control, outages, lost links.

`RetryMiddleware` is an aiogram *session* middleware, so every call a handler makes
(`message.answer`, `bot.send_message`, ...) is covered without touching the handlers::

    bot.session.middleware(RetryMiddleware())
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[object]]
Clock = Callable[[], float]

# A bot token as it appears in Bot API URLs: "<bot id>:<35 url-safe characters>".
_TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[redacted]"

# Transient by nature: the same request may well succeed a moment later.  ClientDecodeError is
# what a proxy's HTML "502 Bad Gateway" page becomes in aiogram, so it is an outage too.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    TelegramNetworkError,
    TelegramServerError,
    ClientDecodeError,
)
# ...except a file that is too big, which aiogram files under network errors.
PERMANENT_ERRORS: tuple[type[Exception], ...] = (TelegramEntityTooLarge,)


def redact(text: str, *secrets: str | None) -> str:
    """`text` with each secret blanked out, as it is and URL-quoted, and anything shaped like
    a bot token too: aiohttp errors can quote the request URL, which holds the token.  The
    one redactor of the bot, for error descriptions and every log line alike."""
    forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""))}
    for form in sorted(forms, key=len, reverse=True):  # longest first: no half-blanked secret
        text = text.replace(form, REDACTED)
    return _TOKEN_RE.sub(REDACTED, text)


def describe_error(error: BaseException, token: str | None = None) -> str:
    """A one-line, token-free description of a failed call, for logs."""
    detail = error.message if isinstance(error, TelegramAPIError) else str(error)
    first_line = detail.strip().splitlines()[0] if detail.strip() else ""
    return redact(f"{type(error).__name__}: {first_line}", token)


# pydantic caches the classes it makes for parametrised generics, such as the
# `Response[Message]` aiogram builds to read every Bot API answer, only weakly, and such a
# class sits in reference cycles: each full run of the garbage collector frees it and the
# next call builds it again, some 3 ms of CPU each time (8% of the bot's time under load,
# found with py-spy by scripts/loadtest.py).  One strong reference per result type, taken
# on the first call, makes that a one-off.
_RESPONSE_TYPES: dict[Any, Any] = {}


def keep_response_type(method: TelegramMethod[Any]) -> None:
    """Hold on to aiogram's `Response[...]` class for this method's result type."""
    returning = getattr(method, "__returning__", None)
    try:
        if returning is None or returning in _RESPONSE_TYPES:
            return
        _RESPONSE_TYPES[returning] = Response[returning]  # type: ignore[valid-type]
    except TypeError:  # an unhashable or unparametrisable result type: nothing to keep
        return


def is_transient(error: BaseException) -> bool:
    """True for failures worth retrying later: 429, 5xx, timeouts and broken connections."""
    if isinstance(error, PERMANENT_ERRORS):
        return False
    return isinstance(error, (TelegramRetryAfter, *TRANSIENT_ERRORS))


class RetryMiddleware(BaseRequestMiddleware):
    """Resends a Bot API call after a 429 (waiting `retry_after`) or a transient failure
    (exponential backoff with jitter), within `max_total_wait` seconds; transient failures
    other than 429 also count towards `max_tries`.

    A 429 is Telegram pacing the bot, not failing: it says when to come back, and under its
    flood limits a reply may meet several in a row (one chat's limit, then the global one).
    Counting them as tries lost replies in scripts/loadtest.py --flood; only the time budget
    bounds them now.

    Anything else (400, 403, 404, ...) is raised at once: the same request would fail again.
    getUpdates is passed through untouched, because the polling loop has its own backoff and a
    retry here would only hide an outage from it.

    A timeout or a dropped connection may hide a request Telegram did carry out, so a retried
    send can, rarely, arrive twice; a lost answer is judged worse than that.

    Being on every call, it also keeps aiogram's response classes alive (`keep_response_type`).
    """

    def __init__(
        self,
        max_tries: int = 5,
        max_total_wait: float = 60.0,
        base_delay: float = 0.5,
        max_delay: float = 10.0,
        sleep: Sleep = asyncio.sleep,
        *,
        clock: Clock = time.monotonic,
        rng: Callable[[], float] = random.random,
        skip_methods: tuple[type[TelegramMethod[Any]], ...] = (GetUpdates,),
    ) -> None:
        if max_tries < 1:
            raise ValueError("max_tries must be at least 1")
        self.max_tries = max_tries
        self.max_total_wait = max_total_wait
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep
        self.clock = clock
        self.rng = rng
        self.skip_methods = skip_methods

    def backoff(self, attempt: int) -> float:
        """The pause after the `attempt`-th failure: doubling, capped, with "equal jitter"
        (half fixed, half random) so that many clients failing together do not retry in step."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return ceiling / 2 + self.rng() * ceiling / 2

    def pause_for(self, error: Exception, attempt: int) -> float:
        if isinstance(error, TelegramRetryAfter):
            # Telegram's own figure, plus a little spread so waiters do not all come back at
            # once; never less than base_delay, so a "retry after 0" cannot spin.
            return max(error.retry_after, self.base_delay) * (1 + 0.1 * self.rng())
        return self.backoff(attempt)

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        keep_response_type(method)  # every call passes here: see _RESPONSE_TYPES
        if isinstance(method, self.skip_methods):
            return await make_request(bot, method)
        deadline = self.clock() + self.max_total_wait
        tries = failures = 0  # every call made; the failures that count towards max_tries
        while True:
            tries += 1
            try:
                return await make_request(bot, method)
            except Exception as error:
                if not is_transient(error):
                    raise
                if not isinstance(error, TelegramRetryAfter):
                    failures += 1
                pause = self.pause_for(error, max(failures, 1))
                if failures >= self.max_tries or self.clock() + pause > deadline:
                    # Waiting longer than the budget helps no one: the caller hears now.
                    logger.warning(
                        "%s failed after %d tries, giving up: %s",
                        method.__api_method__,
                        tries,
                        describe_error(error, bot.token),
                    )
                    raise
                logger.warning(
                    "%s failed (%s); try %d in %.2fs (%d of %d failures allowed)",
                    method.__api_method__,
                    describe_error(error, bot.token),
                    tries + 1,
                    pause,
                    failures,
                    self.max_tries - 1,
                )
                await self.sleep(pause)
