"""Running the Telegram bot: Bot and Dispatcher, start-up, graceful stop, logging.

`run(settings)` (`python -m bot run`) opens the store and engine once and injects them, then
serves by polling or webhook (`bot.serving`).
"""

from __future__ import annotations

import asyncio
import gc
import logging
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

from bot.commands import register_commands
from bot.config import Settings
from bot.handlers import admin, fallback, inline, questions, settings, start, subscriptions
from bot.handlers.admin.states import DRAFT_TIMEOUT
from bot.i18n import bot_catalog, client_lang
from bot.metrics import Metrics, UpdateCounter
from bot.middlewares import Conversations, InFlight, InFlightMiddleware, UserContextMiddleware
from bot.replies import ReplyCache
from bot.runtime.backups import BackupScheduler
from bot.runtime.live import LiveBase
from bot.runtime.notifier import Notifier
from bot.runtime.question_writer import QuestionLogWriter
from bot.runtime.resilience import RetryMiddleware, redact
from bot.runtime.throttling import ThrottlingMiddleware
from bot.runtime.updates import SkippedUpdates
from bot.serving import SHUTDOWN_GRACE_SECONDS, serve_polling, serve_webhook
from bot.session import JsonSession
from knowledge.answering.engine import Engine
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog
from knowledge.places.geo import ZoneLocator
from knowledge.places.times import utc_now
from knowledge.storage.content import content_decision
from knowledge.storage.store import FactStore

logger = logging.getLogger(__name__)

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
