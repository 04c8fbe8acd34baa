"""The fake's record of the calls the bot made, and waiting for them: what a test asserts on."""

from __future__ import annotations

import asyncio
import contextlib
import typing
from collections.abc import Callable, Mapping
from typing import Any

from talkbot.testing.fakeapi.records import Call
from talkbot.testing.fakeapi.updates import update_type

if typing.TYPE_CHECKING:
    from talkbot.testing.fakeapi.records import JSON

# How long a wait for a call the bot is expected to make lasts by default. A wait ends as soon
# as the call arrives, so only a failing test pays it; a loaded CI machine (the suite beside
# other work on two cores) has taken more than 5 s to answer an admin's command.
WAIT_TIMEOUT = 30.0


class RecordingMixin:
    """The call record of the fake (``calls``), the waits on it, and the listeners told of
    each answered call.  ``FakeBotAPI`` sets the state up in its constructor."""

    calls: list[Call]
    filtered_updates: list[JSON]
    allowed_updates: list[str] | None
    _updates: list[JSON]
    _calls_changed: asyncio.Event
    _listeners: list[Callable[[Call], None]]

    if typing.TYPE_CHECKING:

        def push_update(self, update: Mapping[str, Any]) -> int: ...

    def calls_of(self, method: str) -> list[Call]:
        wanted = method.lower()
        return [call for call in self.calls if call.method.lower() == wanted]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """The plain text of every successful sendMessage, optionally to one chat."""
        return [
            call.plain or ""
            for call in self.calls_of("sendMessage")
            if call.ok and (chat_id is None or call.params.get("chat_id") == chat_id)
        ]

    def clear(self) -> None:
        """Forget the recorded calls (state such as messages and updates is kept)."""
        self.calls.clear()

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = WAIT_TIMEOUT,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until ``count`` calls of ``method`` (matching ``predicate``) have been recorded,
        failed ones included; return the first ``count`` of them."""
        return await self._wait(method, count, timeout, predicate, ignore=set())

    async def send_and_wait(
        self,
        update: Mapping[str, Any],
        method: str = "sendMessage",
        count: int = 1,
        timeout: float = WAIT_TIMEOUT,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Push ``update`` and wait for ``count`` new calls of ``method``; return those."""
        ignore = {id(call) for call in self.calls}
        self.push_update(update)
        return await self._wait(method, count, timeout, predicate, ignore=ignore)

    async def _wait(
        self,
        method: str,
        count: int,
        timeout: float,
        predicate: Callable[[Call], bool] | None,
        ignore: set[int],
    ) -> list[Call]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        wanted = method.lower()
        while True:
            event = self._calls_changed
            matched = [
                call
                for call in self.calls
                if call.method.lower() == wanted
                and id(call) not in ignore
                and (predicate is None or predicate(call))
            ]
            if len(matched) >= count:
                return matched[:count]
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    self._timeout_report(method, count, timeout, matched, ignore, predicate)
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _timeout_report(
        self,
        method: str,
        count: int,
        timeout: float,
        matched: list[Call],
        ignore: set[int],
        predicate: Callable[[Call], bool] | None,
    ) -> str:
        condition = " matching the predicate" if predicate is not None else ""
        lines = [
            f"FakeBotAPI: timed out after {timeout}s waiting for {count} {'new ' if ignore else ''}"
            f"{method} call(s){condition}; got {len(matched)}."
        ]
        polls = [call for call in self.calls if call.method == "getUpdates" and call.ok]
        shown = [call for call in self.calls if call not in polls]
        origin = self.calls[0].at if self.calls else None
        lines.append(
            f"Calls recorded: {len(self.calls)} ({len(polls)} successful getUpdates not shown)"
        )
        lines.extend(f"  {call.summary(origin)}" for call in shown[-50:])
        pending = [update["update_id"] for update in self._updates]
        lines.append(f"Pending (unconfirmed) update ids: {pending}")
        if self.filtered_updates:
            kinds = [update_type(update) for update in self.filtered_updates]
            lines.append(f"Updates dropped by allowed_updates={self.allowed_updates}: {kinds}")
        return "\n".join(lines)

    def add_listener(self, listener: Callable[[Call], None]) -> None:
        """Call ``listener(call)`` once each API call has been answered (or failed, or dropped),
        before its answer is sent: cheaper than scanning ``calls`` for a load test."""
        self._listeners.append(listener)

    def _notify_calls(self) -> None:
        self._calls_changed.set()
        self._calls_changed = asyncio.Event()

    def _answered(self, call: Call) -> None:
        self._notify_calls()
        for listener in self._listeners:
            listener(call)
