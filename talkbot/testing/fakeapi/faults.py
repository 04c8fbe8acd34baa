"""Injected failures: errors and dropped connections queued per method, random errors on a
share of calls, an outage, and Telegram's flood limits."""

from __future__ import annotations

import http
import math
import random
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from talkbot.testing.fakeapi.records import JSON, ApiError, Call

CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


@dataclass
class Fault:
    drop: bool
    code: int = 0
    description: str = ""
    parameters: JSON | None = None
    remaining: int = 1


@dataclass
class FloodLimit:
    per_chat_per_second: int | None
    global_per_second: int | None
    per_group_per_minute: int | None
    methods: frozenset[str]


@dataclass
class ShareFault:
    """An error for a random share of one method's calls (see ``fail_share``)."""

    share: float
    code: int
    description: str
    parameters: JSON | None
    rng: random.Random


class FaultsMixin:
    """The fault controls of the fake: what to break, for how many calls, and how."""

    def _init_faults(self) -> None:
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._share_faults: dict[str, ShareFault] = {}
        self._outage = False
        self._flood: FloodLimit | None = None
        self._flood_global: deque[float] = deque()
        self._flood_chat: dict[Any, deque[float]] = defaultdict(deque)
        self._flood_group: dict[Any, deque[float]] = defaultdict(deque)
        # How many calls fail_share has failed so far, for reports that tell them apart
        # from the failures the bot caused (flood limits, bad requests).
        self.share_failures = 0

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        *,
        parameters: JSON | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` ("*" for any method) with an error.
        A 429 carries ``parameters.retry_after`` (default 1)."""
        params = dict(parameters or {})
        if error_code == 429:
            params.setdefault("retry_after", 1 if retry_after is None else retry_after)
        elif retry_after is not None:
            params["retry_after"] = retry_after
        if description is None:
            description = self._default_description(error_code, params.get("retry_after"))
        fault = Fault(False, error_code, description, params or None, times)
        self._faults[method.lower()].append(fault)

    def fail_share(
        self,
        method: str,
        share: float,
        error_code: int = 429,
        *,
        retry_after: int | None = None,
        seed: int = 0,
    ) -> None:
        """Answer a random ``share`` (0 to 1) of the calls of ``method`` with an error, drawn
        from a generator seeded with ``seed``; ``share=0`` stops it.  Counted in
        ``share_failures``.  Queued ``fail_next`` faults are taken first."""
        if not share:
            self._share_faults.pop(method.lower(), None)
            return
        params: JSON = {}
        if error_code == 429 or retry_after is not None:
            params["retry_after"] = 1 if retry_after is None else retry_after
        description = self._default_description(error_code, params.get("retry_after"))
        self._share_faults[method.lower()] = ShareFault(
            share, error_code, description, params or None, random.Random(seed)
        )

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection of the next ``times`` calls of ``method`` without answering."""
        self._faults[method.lower()].append(Fault(True, remaining=times))

    def outage(self, on: bool = True) -> None:
        """While on, every request (getUpdates and downloads included) answers 502."""
        self._outage = on
        self._wake_pollers()

    def flood_limit(
        self,
        per_chat_per_second: int | None = 1,
        global_per_second: int | None = 30,
        *,
        per_group_per_minute: int | None = None,
        methods: tuple[str, ...] = ("sendMessage", "sendDocument"),
        enabled: bool = True,
    ) -> None:
        """Emulate Telegram's flood limits: calls beyond them answer 429 with retry_after.
        ``flood_limit(enabled=False)`` turns it off."""
        self._flood_global.clear()
        self._flood_chat.clear()
        self._flood_group.clear()
        if not enabled:
            self._flood = None
            return
        self._flood = FloodLimit(
            per_chat_per_second,
            global_per_second,
            per_group_per_minute,
            frozenset(m.lower() for m in methods),
        )

    @staticmethod
    def _default_description(code: int, retry_after: Any = None) -> str:
        known = {
            400: "Bad Request: injected failure",
            401: "Unauthorized",
            403: "Forbidden: bot was blocked by the user",
            404: "Not Found",
            409: CONFLICT_OTHER_POLL,
            429: f"Too Many Requests: retry after {retry_after}",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }
        if code in known:
            return known[code]
        try:
            return http.HTTPStatus(code).phrase
        except ValueError:
            return f"Error {code}"

    def _take_fault(self, method: str) -> Fault | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                fault = queue[0]
                fault.remaining -= 1
                if fault.remaining <= 0:
                    queue.popleft()
                return fault
        rule = self._share_faults.get(method.lower())
        if rule is not None and rule.rng.random() < rule.share:
            self.share_failures += 1
            return Fault(False, rule.code, rule.description, rule.parameters)
        return None

    def _check_flood(self, call: Call) -> None:
        flood = self._flood
        if flood is None or call.method.lower() not in flood.methods:
            return
        now = time.monotonic()
        chat = call.params.get("chat_id")
        windows: list[tuple[deque[float], int | None, float]] = [
            (self._flood_global, flood.global_per_second, 1.0),
            (self._flood_chat[chat], flood.per_chat_per_second, 1.0),
        ]
        if (isinstance(chat, int) and chat < 0) or isinstance(chat, str):
            windows.append((self._flood_group[chat], flood.per_group_per_minute, 60.0))
        wait = 0.0
        for stamps, limit, window in windows:
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if limit is not None and len(stamps) >= limit:
                wait = max(wait, stamps[len(stamps) - limit] + window - now)
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        for stamps, _, _ in windows:
            stamps.append(now)
