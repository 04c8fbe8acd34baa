"""Serving updates: long polling (the ordered runner) or a webhook server, each with
/healthz and /metrics beside it when METRICS_PORT is set."""

from __future__ import annotations

import asyncio
import logging
import signal

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.config import Settings
from bot.metrics import MetricsServer, metrics_app_routes
from bot.runtime.ordering import OrderedUpdateRunner
from bot.runtime.updates import SkippedUpdates, decode_update

logger = logging.getLogger(__name__)

# How long a stopping bot waits for updates it is still handling.
SHUTDOWN_GRACE_SECONDS = 10.0


async def check_reachable(bot: Bot) -> None:
    """One getMe, not retried: the Bot API answers and takes the token, or start-up stops
    with the reason. Its answer is kept (`bot.me()`), which the group filter reads."""
    me = await bot.me()
    logger.info("connected as @%s", me.username)


class SecretTokenRequestHandler(SimpleRequestHandler):
    """aiogram's webhook handler (in the foreground), answering 403 (not 401) to a wrong or
    missing secret: the caller is not unauthenticated, it is refused.

    An update the models cannot decode is logged, counted and answered 200: an error status
    would make Telegram send it again and again for a day.
    """

    async def handle(self, request: web.Request) -> web.Response:
        header = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not self.verify_secret(header, self.bot):
            return web.Response(status=403, text="Forbidden")
        try:
            raw = await request.json(loads=self.bot.session.json_loads)
        except ValueError:  # not JSON (or not UTF-8): as undecodable as a refused model
            raw = None
        skipped = self.dispatcher.workflow_data.get("skipped_updates")
        update = decode_update(
            self.bot, raw, skipped if isinstance(skipped, SkippedUpdates) else None
        )
        if update is None:
            return web.json_response({})
        result = await self.dispatcher.feed_webhook_update(self.bot, update, **self.data)
        return web.Response(body=self._build_response_writer(bot=self.bot, result=result))


def metrics_server(config: Settings, dp: Dispatcher) -> MetricsServer | None:
    """/healthz and /metrics on METRICS_HOST:METRICS_PORT, when METRICS_PORT is set."""
    if config.metrics_port is None:
        return None
    return MetricsServer(
        dp["metrics"], config.database_path, config.metrics_host, config.metrics_port
    )


async def serve_polling(bot: Bot, dp: Dispatcher, config: Settings | None = None) -> None:
    """Long polling until SIGINT/SIGTERM; pending updates are kept, never dropped.

    The ordered runner answers one chat's messages in order while chats run concurrently
    (bounded), and on stop drains and confirms every update it took. With METRICS_PORT set,
    /healthz and /metrics are served next to it.
    """
    # A flooding chat holds at most 8 of the 64 slots, so it cannot stall everyone else.
    runner = OrderedUpdateRunner(dp, max_in_flight=64, max_per_lane=8)
    monitoring = metrics_server(config, dp) if config else None
    try:
        if monitoring is not None:
            await monitoring.start()
        await check_reachable(bot)
        await bot.delete_webhook(drop_pending_updates=False)
        await runner.run_polling(
            bot,
            polling_timeout=30,
            handle_signals=True,
            drain_timeout=SHUTDOWN_GRACE_SECONDS,
            allowed_updates=dp.resolve_used_update_types(),
        )
    finally:
        if monitoring is not None:
            await monitoring.close()
        await bot.session.close()


async def serve_webhook(
    config: Settings, bot: Bot, dp: Dispatcher, stop: asyncio.Event | None = None
) -> None:
    """An aiohttp server at WEBHOOK_HOST:WEBHOOK_PORT/WEBHOOK_PATH until `stop` is set
    (by SIGINT/SIGTERM when not given). With METRICS_PORT set, the same server answers
    /healthz and /metrics, and listens on METRICS_HOST:METRICS_PORT too when that differs."""
    if config.webhook_url is None or config.webhook_secret is None:
        raise ValueError("webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET")
    secret = config.webhook_secret.get_secret_value()
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    # Not in the background: a request returns once its update is handled, so stopping the
    # server (which waits for open requests) also waits for every update it accepted.
    handler = SecretTokenRequestHandler(
        dispatcher=dp, bot=bot, secret_token=secret, handle_in_background=False
    )
    app = web.Application()
    app.router.add_post(config.webhook_path, handler.handle)
    if config.metrics_port is not None:
        metrics_app_routes(app, dp["metrics"], config.database_path)
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=SHUTDOWN_GRACE_SECONDS)
    data = {"dispatcher": dp, "bots": [bot], **dp.workflow_data}
    try:
        await check_reachable(bot)
        await runner.setup()
        await dp.emit_startup(bot=bot, **data)
        await web.TCPSite(runner, config.webhook_host, config.webhook_port).start()
        metrics_address = (config.metrics_host, config.metrics_port)
        if config.metrics_port is not None and metrics_address != (
            config.webhook_host,
            config.webhook_port,
        ):
            await web.TCPSite(runner, *metrics_address).start()
        await bot.set_webhook(
            config.webhook_url,
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        logger.info(
            "webhook server on %s:%s%s",
            config.webhook_host,
            config.webhook_port,
            config.webhook_path,
        )
        await stop.wait()
    finally:
        await runner.cleanup()
        try:
            await dp.emit_shutdown(bot=bot, **data)
        finally:
            await bot.session.close()
