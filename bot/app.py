"""Running the Telegram bot: Bot and Dispatcher, polling or webhook, start-up, graceful stop.

`run(settings)` (`python -m bot run`) opens the store and engine once and injects them.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from collections.abc import Coroutine, Iterable
from contextlib import suppress
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import GetMe, GetUpdates
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.commands import register_commands
from bot.config import Settings
from bot.handlers import admin, fallback, inline, questions, settings, start, subscriptions
from bot.handlers.admin.states import DRAFT_TIMEOUT
from bot.i18n import bot_catalog, client_lang
from bot.metrics import Metrics, MetricsServer, UpdateCounter, metrics_app_routes
from bot.middlewares import Conversations, InFlight, InFlightMiddleware, UserContextMiddleware
from bot.replies import ReplyCache
from bot.runtime.backups import BackupScheduler
from bot.runtime.live import LiveBase
from bot.runtime.notifier import Notifier
from bot.runtime.ordering import OrderedUpdateRunner
from bot.runtime.question_writer import QuestionLogWriter
from bot.runtime.resilience import RetryMiddleware, redact
from bot.runtime.throttling import ThrottlingMiddleware
from bot.runtime.updates import SkippedUpdates, decode_update
from bot.session import JsonSession
from knowledge.answering.engine import Engine
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog
from knowledge.places.geo import ZoneLocator
from knowledge.places.times import utc_now
from knowledge.storage.content import content_decision
from knowledge.storage.store import FactStore

logger = logging.getLogger(__name__)

# How long a stopping bot waits for updates it is still handling.
SHUTDOWN_GRACE_SECONDS = 10.0
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
GC_YOUNG_THRESHOLD = 20_000


def build_bot(config: Settings, metrics: Metrics | None = None) -> Bot:
    """The Bot, talking to TELEGRAM_API_URL when set (a local Bot API server, or a fake);
    `metrics` counts its retried calls."""
    if config.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    session = (
        JsonSession(api=TelegramAPIServer.from_base(config.telegram_api_url))
        if config.telegram_api_url
        else JsonSession()
    )
    bot = Bot(
        config.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    # aiogram never retries: without this a 429 or a 5xx loses the reply. 20 tries within
    # 90 s outlast a minute without the Bot API (scripts/loadtest.py --faults --outage 60);
    # while it is away no new update arrives either, so a reply waiting costs no one.
    # getMe is left out: it is the start-up check (`check_reachable`), and a wrong URL or a
    # refused token should be said at once, not after 90 s of retries.
    bot.session.middleware(
        RetryMiddleware(
            max_tries=20,
            max_total_wait=90.0,
            skip_methods=(GetUpdates, GetMe),
            on_retry=metrics.retry if metrics else None,
        )
    )
    return bot


def build_dispatcher(
    config: Settings,
    store: FactStore,
    engine: Engine,
    *,
    texts: Catalog | None = None,
    zones: ZoneLocator | None = None,
    draft_timeout: float = DRAFT_TIMEOUT,
    notifier: Notifier | None = None,
    metrics: Metrics | None = None,
) -> Dispatcher:
    """The Dispatcher with its dependencies, middlewares and routers (in the order tried)."""
    catalog = texts or bot_catalog()
    notifier = notifier or Notifier(store, engine, catalog)
    # The one path by which admin changes reach users: each committed change rebuilds the
    # index in a worker thread and swaps it in (answers go on from the old one meanwhile).
    live = LiveBase(store, engine, notifier)
    curator = Curator(store, engine.resolver, on_change=live.changed)
    metrics = metrics or Metrics()
    in_flight = InFlight()
    dp = Dispatcher(
        # In memory: an admin's unfinished /add is lost on restart, and it times out anyway.
        storage=MemoryStorage(),
        settings=config,
        store=store,
        engine=engine,
        curator=curator,
        # The question log, written in batches while the bot runs (bot.runtime.question_writer).
        question_writer=QuestionLogWriter(curator.questions),
        notifier=notifier,
        live=live,
        draft_timeout=draft_timeout,
        texts=catalog,
        zones=zones or ZoneLocator(),
        conversations=Conversations(),
        # The same question for the same zone is the same reply: kept rendered (bot.replies).
        replies=ReplyCache(engine, catalog),
        in_flight=in_flight,
        metrics=metrics,
        backups=backup_scheduler(config),
        # Updates the models refused, counted by polling and the webhook; /stats shows it.
        skipped_updates=SkippedUpdates(),
    )
    watch(metrics, store, engine, in_flight)
    # First of all, so that throttled updates are counted too.
    dp.update.outer_middleware(UpdateCounter(metrics))
    # Then the throttle, so a flooding user costs no database lookups; in the workflow data
    # too, so that the polling runner drops a flood as it arrives (bot.runtime.ordering).
    throttle = dp["throttle"] = ThrottlingMiddleware(
        notice=lambda code: catalog("flood.notice", client_lang(code)),
        rate=config.throttle_rate,
        per=1.0,
        burst=config.throttle_burst,
        exempt_ids=config.admin_ids,
    )
    dp.update.outer_middleware(throttle)
    dp.update.outer_middleware(InFlightMiddleware(in_flight))
    dp.update.outer_middleware(UserContextMiddleware())
    dp.include_routers(
        admin.create_router(config.admin_ids),  # first: admin commands are never fallback's
        start.create_router(),
        settings.create_router(),
        subscriptions.create_router(),
        inline.create_router(),
        fallback.create_router(),  # before questions: commands and long text are not questions
        questions.create_router(),
        fallback.create_stale_buttons_router(),  # last: a press nothing else took
    )
    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp


def backup_scheduler(config: Settings) -> BackupScheduler | None:
    """The scheduled backups, when BACKUP_DIR is set."""
    if config.backup_dir is None:
        return None
    return BackupScheduler(
        config.database_path, config.backup_dir, config.backup_every, config.backup_keep
    )


def watch(metrics: Metrics, store: FactStore, engine: Engine, in_flight: InFlight) -> None:
    """The gauges, read at each scrape: nothing is counted for them on the way."""
    metrics.gauge(
        "talkbot_updates_in_flight", "Updates being handled now.", lambda: in_flight.count
    )
    metrics.gauge(
        "talkbot_outbox_pending",
        "Change notifications queued and not yet sent.",
        store.subscriptions.backlog,
    )
    metrics.gauge("talkbot_facts", "Facts in the live fact base.", lambda: len(engine.facts))


async def on_startup(
    bot: Bot,
    texts: Catalog,
    settings: Settings,
    notifier: Notifier,
    backups: BackupScheduler | None,
    question_writer: QuestionLogWriter,
) -> None:
    question_writer.start()
    await register_commands(bot, texts, settings.admin_ids)
    notifier.start(bot)
    if backups is not None:
        backups.start()


async def on_shutdown(
    in_flight: InFlight,
    notifier: Notifier,
    backups: BackupScheduler | None,
    question_writer: QuestionLogWriter,
) -> None:
    """Let updates being handled finish (their answers still go out), write the questions
    they logged, then the notifier's queue, before the session closes; notifications not
    sent by then wait in the outbox."""
    if not await in_flight.wait_idle(SHUTDOWN_GRACE_SECONDS):
        logger.warning("stopping with %d update(s) still being handled", in_flight.count)
    await question_writer.close()
    await notifier.close()
    if backups is not None:
        await backups.close()


async def check_reachable(bot: Bot) -> None:
    """One getMe, not retried: the Bot API answers and takes the token, or start-up stops
    with the reason. Its answer is kept (`bot.me()`), which the group filter reads."""
    me = await bot.me()
    logger.info("connected as @%s", me.username)


async def confirm_handled(bot: Bot, in_flight: InFlight) -> None:
    """Tell Telegram the last handled update is done, so a restart does not answer it twice.

    Polling confirms an update only with the next getUpdates call, which a stop may cut off.
    """
    if in_flight.last_update_id is None:
        return
    try:
        await bot.get_updates(offset=in_flight.last_update_id + 1, limit=1, timeout=0)
    except TelegramAPIError as error:
        logger.warning("could not confirm the last handled update: %s", error)


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


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks out secrets wherever they appear, tracebacks included
    (aiohttp errors, for one, can quote the request URL, which holds the token)."""

    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        self.secrets = tuple(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), *self.secrets)


def configure_logging(config: Settings) -> None:
    secrets = [s.get_secret_value() for s in (config.bot_token, config.webhook_secret) if s]
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(LOG_FORMAT, secrets))
    logging.basicConfig(level=config.log_level, handlers=[handler], force=True)


def run_loop(main: Coroutine[Any, Any, None]) -> None:
    """Run on uvloop where it is installed (not on Windows): a sixth less CPU per reply
    under load than asyncio's own loop (docs/performance.md)."""
    try:
        import uvloop
    except ImportError:
        asyncio.run(main)
    else:
        uvloop.run(main)


def run(config: Settings) -> int:
    """Run the bot until SIGINT/SIGTERM; 0 after a clean stop, 1 after a failure."""
    configure_logging(config)
    # The one clock every timestamp comes from: the store's rows and the engine's "now".
    clock = utc_now
    store = FactStore.open(config.database_path, config.content_dir, clock=clock)
    try:
        engine = Engine(
            store.facts(),
            store.sources(),
            events=store.events(),
            clock=clock,
            decision=content_decision(config.content_dir),
        )
        engine.warm_up()
        # What start-up built lives as long as the process: kept out of the collector's
        # generations, full collections under load no longer walk it each time. Not
        # collected first: start-up leaves ~20 unreachable objects, and a full collection
        # of 250,000 took 0.13 s. The command line starts the bot with the collector off
        # (talkbot.cli): it is turned on here.
        gc.freeze()
        gc.enable()
        # Each update allocates hundreds of short-lived objects (aiogram's pydantic models),
        # nearly all freed by reference counting; at the default threshold of 700 the young
        # generation was collected every update or two, for nothing (~8% of CPU under load).
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        metrics = Metrics()
        bot = build_bot(config, metrics)
        dp = build_dispatcher(config, store, engine, metrics=metrics)
        mode = (
            serve_webhook(config, bot, dp) if config.webhook_url else serve_polling(bot, dp, config)
        )
        with suppress(KeyboardInterrupt):  # a second Ctrl-C while stopping
            run_loop(mode)
    except TelegramAPIError as error:  # Telegram unreachable, token refused...: one line
        logger.error("the bot stopped on an error: %s: %s", type(error).__name__, error)
        return 1
    except Exception:
        # Logged, not left to Python's traceback printer, so the token is redacted here too.
        logger.exception("the bot stopped on an error")
        return 1
    finally:
        store.close()
        logger.info("stopped; the database is closed")
    return 0
