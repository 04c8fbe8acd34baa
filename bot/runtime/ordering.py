"""Long polling that answers each chat's updates in order, many chats at once, within a bound.

aiogram's own polling offers two extremes: `handle_as_tasks=True` starts a task per update (a
burst makes thousands, and two messages of one chat may be answered in either order), and
`handle_as_tasks=False` handles one update at a time for everyone.  `OrderedUpdateRunner`
sits between them: one *lane* per chat, handled strictly in order, lanes running
concurrently, at most `max_in_flight` updates held at once (`bot.runtime.lanes`; a chat that
floods - the throttle drops most of it, but one by one, in order - cannot take every slot).
On stop it drains: every update it accepted is handled before `run_polling` returns.

Each getUpdates batch is taken as raw JSON and decoded one update at a time
(`bot.runtime.updates`): one the models reject is logged, counted and passed over (the offset
moves past it) instead of failing the batch at the same offset forever.  The dispatcher's
throttle (`throttle` in its workflow data) judges each update as it arrives; one it would drop
is passed over too, never queued, so a user's flood of button presses cannot fill the room
other chats wait for.

Why its own polling loop rather than a hook into `Dispatcher.start_polling`: aiogram confirms
an update (the next getUpdates offset) inside the private `_listen_updates` generator and
does not wait for handler tasks on stop, so neither ordering nor a drain can be added from
outside without relying on private internals.  An outer middleware that queued updates and
returned early would finish the middleware chain (error handlers, the lead's InFlight count)
before the handler even ran.  Here everything goes through the public `Dispatcher.feed_update`,
which runs the whole chain - middlewares, filters, handlers, error handlers - for each update.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.dispatcher.dispatcher import DEFAULT_BACKOFF_CONFIG
from aiogram.methods import GetUpdates
from aiogram.types import Update
from aiogram.types.base import UNSET, UNSET_TYPE
from aiogram.utils.backoff import Backoff, BackoffConfig

from bot.runtime.lanes import DEFAULT_MAX_IN_FLIGHT, Lane, LaneRunner, chat_lane
from bot.runtime.resilience import describe_error
from bot.runtime.throttling import VERDICT_KEY, ThrottlingMiddleware, Verdict
from bot.runtime.updates import RawGetUpdates, SkippedUpdates, decode_update, raw_update_id

logger = logging.getLogger(__name__)

DEFAULT_DRAIN_TIMEOUT = 10.0


def _on_signal(sig: signal.Signals, stop: asyncio.Event) -> None:
    logger.info("Received %s signal; stopping after the updates in hand", sig.name)
    stop.set()


class OrderedUpdateRunner(LaneRunner):
    """Runs a Dispatcher by long polling: per-lane order (`LaneRunner`), global bound, drain
    on stop.

    Use `run_polling(bot)` instead of `dp.start_polling(bot)` (and `await runner.stop()`
    instead of `dp.stop_polling()`), or feed updates from elsewhere with `submit`.
    """

    def __init__(
        self,
        dispatcher: Dispatcher,
        *,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        max_per_lane: int | None = None,
        lane: Lane = chat_lane,
        skipped: SkippedUpdates | None = None,
        throttle: ThrottlingMiddleware | None = None,
    ) -> None:
        super().__init__(
            dispatcher, max_in_flight=max_in_flight, max_per_lane=max_per_lane, lane=lane
        )
        # Updates that could not be decoded: the dispatcher's counter (which /stats shows)
        # when it has one.
        found = dispatcher.workflow_data.get("skipped_updates")
        self.skipped = skipped or (found if isinstance(found, SkippedUpdates) else SkippedUpdates())
        # The dispatcher's throttle, asked as each update arrives: what it would drop is
        # never queued, so a flooding user's presses cannot fill the lanes' shared room.
        found = dispatcher.workflow_data.get("throttle")
        self.throttle = throttle or (found if isinstance(found, ThrottlingMiddleware) else None)
        self._confirmed_offset = 0
        self._stop: asyncio.Event | None = None
        self._stopped: asyncio.Event | None = None

    # ----------------------------------------------------------------- polling

    async def run_polling(
        self,
        bot: Bot,
        *,
        polling_timeout: int = 10,
        backoff_config: BackoffConfig = DEFAULT_BACKOFF_CONFIG,
        allowed_updates: list[str] | UNSET_TYPE | None = UNSET,
        handle_signals: bool = False,
        drain_timeout: float = DEFAULT_DRAIN_TIMEOUT,
        close_bot_session: bool = False,
        **kwargs: Any,
    ) -> None:
        """Poll until `stop()` (or SIGINT/SIGTERM with `handle_signals`), then drain for up to
        `drain_timeout` seconds, confirm what was handled, and emit the shutdown event.

        Startup and shutdown handlers and `kwargs` work as with `Dispatcher.start_polling`.
        """
        if self._stop is not None:
            raise RuntimeError("this runner is already polling")
        dp = self.dispatcher
        if allowed_updates is UNSET:
            allowed_updates = dp.resolve_used_update_types()
        workflow = {"dispatcher": dp, "bots": (bot,), **dp.workflow_data, **kwargs}
        workflow.pop("bot", None)
        # A new run starts from whatever Telegram still holds: no offset carried over.
        self._last_accepted = None
        self._unfinished.clear()
        self._confirmed_offset = 0
        stop, stopped = self._stop, self._stopped = asyncio.Event(), asyncio.Event()
        try:
            await dp.emit_startup(bot=bot, **workflow)
        except BaseException:
            self._stop = self._stopped = None
            raise
        loop = asyncio.get_running_loop()
        signals = (signal.SIGINT, signal.SIGTERM) if handle_signals else ()
        for sig in signals:
            with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
                loop.add_signal_handler(sig, _on_signal, sig, stop)
        try:
            poller = asyncio.create_task(
                self._poll(bot, polling_timeout, backoff_config, allowed_updates, workflow)
            )
            stopper = asyncio.create_task(stop.wait())
            try:
                await asyncio.wait({poller, stopper}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                poller.cancel()
                stopper.cancel()
                polled, _ = await asyncio.gather(poller, stopper, return_exceptions=True)
            if isinstance(polled, Exception):
                raise polled
        finally:
            for sig in signals:
                with contextlib.suppress(NotImplementedError):
                    loop.remove_signal_handler(sig)
            try:
                await self._wind_down(bot, drain_timeout)
                await dp.emit_shutdown(bot=bot, **workflow)
            finally:
                if close_bot_session:
                    await bot.session.close()
                stopped.set()
                self._stop = self._stopped = None

    async def stop(self) -> None:
        """Stop polling and wait until `run_polling` has drained and returned."""
        if self._stop is None or self._stopped is None:
            raise RuntimeError("polling is not running")
        stopped = self._stopped
        self._stop.set()
        await stopped.wait()

    async def _poll(
        self,
        bot: Bot,
        polling_timeout: int,
        backoff_config: BackoffConfig,
        allowed_updates: list[str] | None,
        data: dict[str, Any],
    ) -> None:
        # As aiogram does: a wrong token fails here, loudly, instead of backing off forever.
        me = await bot.me()
        logger.info(
            "polling for @%s, %d update(s) at most in flight", me.username, self.max_in_flight
        )
        backoff = Backoff(config=backoff_config)
        # A long poll must not be cut off by the session's own request timeout.
        session_timeout = bot.session.timeout
        request_timeout = int(session_timeout + polling_timeout) if session_timeout else None
        failing = False
        while True:
            offset = self._next_offset()
            # Raw JSON, decoded one update at a time: one the models refuse is skipped, where
            # aiogram's GetUpdates would fail the whole batch at this offset forever.
            request = RawGetUpdates(
                offset=offset, timeout=polling_timeout, allowed_updates=allowed_updates
            )
            try:
                raw_updates = await bot(request, request_timeout=request_timeout)
            except Exception as error:
                failing = True
                delay = max(next(backoff), 0.0)
                logger.error(
                    "getUpdates failed (%s); polling again in %.2fs",
                    describe_error(error, bot.token),
                    delay,
                )
                await asyncio.sleep(delay)
                continue
            if offset is not None:
                self._confirmed_offset = max(self._confirmed_offset, offset)
            if failing:
                logger.info("getUpdates works again after %d failure(s)", backoff.counter)
                backoff.reset()
                failing = False
            for raw in raw_updates:
                # Telegram confirms this batch only when the next getUpdates carries the
                # offset, i.e. after all of it has been accepted here.
                update = decode_update(bot, raw, self.skipped)
                if update is None:
                    self._pass_over(raw_update_id(raw))
                    continue
                verdict = self._judge(update)
                if verdict is Verdict.DROP:
                    self._pass_over(update.update_id)
                elif verdict is None:
                    await self.submit(bot, update, **data)
                else:
                    await self.submit(bot, update, **data, **{VERDICT_KEY: verdict})

    def _judge(self, update: Update) -> Verdict | None:
        """The throttle's verdict on an update as it arrives, or None without a throttle."""
        if self.throttle is None:
            return None
        try:
            verdict = self.throttle.judge(update)
        except Exception:
            logger.exception("the throttle failed on update %d; letting it in", update.update_id)
            return None
        if verdict is Verdict.DROP:
            self.throttle.dropped += 1
        return verdict

    def _pass_over(self, update_id: int | None) -> None:
        """Move the next offset past an update that is skipped, not handled."""
        if update_id is not None and (
            self._last_accepted is None or update_id > self._last_accepted
        ):
            self._last_accepted = update_id

    def _next_offset(self) -> int | None:
        return None if self._last_accepted is None else self._last_accepted + 1

    def _handled_offset(self) -> int | None:
        """The offset confirming exactly the updates handled so far (all below the lowest
        unfinished one), so that a restart neither repeats nor skips any."""
        if self._unfinished:
            return min(self._unfinished)
        return self._next_offset()

    async def _wind_down(self, bot: Bot, drain_timeout: float) -> None:
        if not await self.drain(drain_timeout):
            logger.warning(
                "%d update(s) still being handled after %.1fs; abandoning them",
                self.in_flight,
                drain_timeout,
            )
            await self._abandon()
        await self.confirm_handled(bot)

    async def confirm_handled(self, bot: Bot) -> None:
        """Tell Telegram which updates are done.  Polling confirms a batch with the next
        getUpdates only, and a stop in the middle of a batch never sends it."""
        offset = self._handled_offset()
        if offset is None or offset <= self._confirmed_offset:
            return
        try:
            # limit=1, timeout=0: nothing is waited for; what it returns is not confirmed.
            await bot(GetUpdates(offset=offset, limit=1, timeout=0))
        except Exception as error:
            logger.warning(
                "could not confirm handled updates: %s", describe_error(error, bot.token)
            )
        else:
            self._confirmed_offset = offset
