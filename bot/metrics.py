"""What the bot counts for monitoring, and the HTTP endpoints that show it: `GET /metrics`
(Prometheus text, written by prometheus-client) and `GET /healthz` (JSON for a liveness check).

Counting is plain integer arithmetic: every count happens on the event loop, and the loop
is one thread, so no lock is needed. prometheus-client's own Counter takes a mutex on every
inc(); here its collector reads the plain numbers only when scraped.

A new counter is one line in COUNTERS and one `metrics.count("key", *labels)` where it happens.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from bisect import bisect_left
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError
from aiohttp import web

from knowledge.model import LANGS

# prometheus-client is imported when /metrics is first served (METRICS_PORT set), not at
# start: a bot run without monitoring never needs it (1.4 MB, docs/performance.md).
if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry
    from prometheus_client.core import Metric

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


@dataclass(frozen=True)
class CounterSpec:
    name: str  # without "_total": prometheus-client adds it
    help: str
    labels: tuple[str, ...]
    # Label values shown as 0 from the start, so a rate() has a series before the first event.
    initial: tuple[tuple[str, ...], ...] = ()


COUNTERS: dict[str, CounterSpec] = {
    "questions": CounterSpec(
        "talkbot_questions",
        "Questions answered or declined, by language and the engine's verdict.",
        ("lang", "status"),
        tuple(
            (lang, status)
            for lang in LANGS
            for status in ("answered", "declined", "unsure", "about_bot")
        ),
    ),
    "updates": CounterSpec(
        "talkbot_updates",
        "Updates received from Telegram, by type.",
        ("type",),
        (("message",), ("callback_query",), ("inline_query",)),
    ),
    "api_retries": CounterSpec(
        "talkbot_api_retries",
        "Bot API calls retried, by reason: 429 (flood control), 5xx, network.",
        ("reason",),
        (("429",), ("5xx",), ("network",)),
    ),
}
# The answer-latency buckets, in seconds: most answers take a few milliseconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def talkbot_version() -> str:
    try:
        return version("talkbot")
    except PackageNotFoundError:
        return "unknown"


class Metrics:
    """The bot's counters, a latency histogram, and gauges read when scraped."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.started_at = clock()
        self.counts: dict[str, dict[tuple[str, ...], int]] = {
            key: dict.fromkeys(spec.initial, 0) for key, spec in COUNTERS.items()
        }
        self.latency_counts = [0] * (len(LATENCY_BUCKETS) + 1)  # the last one is +Inf
        self.latency_sum = 0.0
        self.last_update_at: float | None = None  # time.monotonic()
        self.gauges: dict[str, tuple[str, Callable[[], float]]] = {}

    def count(self, counter: str, *labels: str) -> None:
        values = self.counts[counter]
        values[labels] = values.get(labels, 0) + 1

    def update_received(self, kind: str) -> None:
        self.count("updates", kind)
        self.last_update_at = time.monotonic()

    def question(self, lang: str, status: str, seconds: float) -> None:
        self.count("questions", lang, status)
        self.latency_counts[bisect_left(LATENCY_BUCKETS, seconds)] += 1
        self.latency_sum += seconds

    def retry(self, reason: str) -> None:
        self.count("api_retries", reason)

    def gauge(self, name: str, help_text: str, read: Callable[[], float]) -> None:
        """A value read at each scrape (a queue length, a count of rows)."""
        self.gauges[name] = (help_text, read)

    def seconds_since_update(self) -> float | None:
        if self.last_update_at is None:
            return None
        return time.monotonic() - self.last_update_at

    def collect(self) -> Iterator[Metric]:
        """prometheus-client's collector interface: the figures as they are now."""
        from prometheus_client.core import (
            CounterMetricFamily,
            GaugeMetricFamily,
            HistogramMetricFamily,
        )

        for key, spec in COUNTERS.items():
            family = CounterMetricFamily(spec.name, spec.help, labels=spec.labels)
            for labels, value in sorted(self.counts[key].items()):
                family.add_metric(labels, value)
            yield family
        cumulative, buckets = 0, []
        for bound, count in zip((*LATENCY_BUCKETS, float("inf")), self.latency_counts, strict=True):
            cumulative += count
            buckets.append(("+Inf" if bound == float("inf") else str(bound), cumulative))
        yield HistogramMetricFamily(
            "talkbot_answer_seconds",
            "Time from a question reaching its handler to the answer being sent.",
            buckets=buckets,
            sum_value=self.latency_sum,
        )
        for name, (help_text, read) in self.gauges.items():
            try:
                value = float(read())
            except Exception:  # one broken reading must not take the others down
                logger.exception("metric %s could not be read", name)
                continue
            yield GaugeMetricFamily(name, help_text, value=value)
        yield GaugeMetricFamily(
            "talkbot_start_time_seconds",
            "When the bot started, in seconds since the Unix epoch.",
            value=self.started_at,
        )

    def registry(self) -> CollectorRegistry:
        from prometheus_client import CollectorRegistry
        from prometheus_client.process_collector import ProcessCollector

        registry = CollectorRegistry(auto_describe=False)
        registry.register(self)
        ProcessCollector(registry=registry)  # memory, CPU, open files (Linux)
        return registry


class UpdateCounter(BaseMiddleware):
    """Counts every update by type and notes when the last one came (for /healthz)."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            kind = event.event_type if isinstance(event, Update) else "unknown"
        except UpdateTypeLookupError:  # a type newer than aiogram: aiogram skips it, we count it
            kind = "unknown"
        self.metrics.update_received(kind)
        return await handler(event, data)


def database_readable(path: Path) -> str | None:
    """None if the database file can be opened and read now, else why not (one line).

    A connection of its own, opened read-only: the bot's connection would go on reading
    pages it has cached, or a file already deleted, and not notice.
    """
    if not path.is_file():
        return "no database file"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM meta").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return " ".join(str(error).split())
    return None


def metrics_app_routes(app: web.Application, metrics: Metrics, database: Path) -> None:
    """Add GET /healthz and GET /metrics to an aiohttp application."""
    registry = metrics.registry()
    bot_version = talkbot_version()

    async def healthz(request: web.Request) -> web.Response:
        problem = await asyncio.to_thread(database_readable, database)
        since = metrics.seconds_since_update()
        body = {
            "status": "ok" if problem is None else "unavailable",
            "database": "ok" if problem is None else problem,
            "seconds_since_last_update": None if since is None else round(since, 3),
            "version": bot_version,
        }
        return web.Response(
            status=200 if problem is None else 503,
            text=json.dumps(body),
            content_type="application/json",
        )

    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    async def metrics_text(request: web.Request) -> web.Response:
        # On the loop, where the counts are written: a consistent reading, and no lock.
        return web.Response(
            body=generate_latest(registry), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_text)


class MetricsServer:
    """/healthz and /metrics on METRICS_HOST:METRICS_PORT, next to polling."""

    def __init__(self, metrics: Metrics, database: Path, host: str, port: int) -> None:
        app = web.Application()
        metrics_app_routes(app, metrics, database)
        self.runner = web.AppRunner(app, handle_signals=False, access_log=None)
        self.host = host
        self.port = port  # 0: any free port, then the one taken

    async def start(self) -> None:
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, self.port)
        await site.start()
        if self.port == 0:
            self.port = self.runner.addresses[0][1]
        logger.info("metrics on http://%s:%s/metrics", self.host, self.port)

    async def close(self) -> None:
        await self.runner.cleanup()
