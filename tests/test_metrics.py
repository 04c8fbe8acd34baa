"""/healthz and /metrics over real HTTP on 127.0.0.1: next to polling (the real process, with
its scheduled backups), on the webhook server, and what each figure counts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.app import build_bot
from bot.metrics import Metrics, MetricsServer
from knowledge.storage.backup import scheduled_backups
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import FakeBotAPI
from talkbot.testing.process import bot_env, start_bot, stop_bot
from tests.bot_harness import free_port, running_bot, running_webhook, settings_for
from tests.conftest import CONTENT
from tests.test_bot_app import wait_until


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a Prometheus text page: (name, labels) → value."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(page: dict, name: str, **labels: str) -> float:
    return page[(name, frozenset(labels.items()))]


async def get(url: str) -> tuple[int, str, Any]:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        text = await response.text()
        body = await response.json() if response.content_type == "application/json" else None
        return response.status, text, body


@asynccontextmanager
async def metrics_server(metrics: Metrics, db_path: Path) -> AsyncIterator[str]:
    server = MetricsServer(metrics, db_path, "127.0.0.1", 0)
    await server.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        await server.close()


async def test_metrics_count_questions_updates_latency_and_read_the_gauges(db_path, engine):
    metrics = Metrics()
    async with (
        running_bot(db_path, engine, metrics=metrics) as tb,
        metrics_server(metrics, db_path) as base,
    ):
        await tb.say("when is the call?")
        await tb.say("коли розмова?", language_code="uk")
        await tb.say("who won the chess olympiad")
        status, text, _ = await get(f"{base}/metrics")

    assert status == 200
    page = samples(text)
    assert value(page, "talkbot_questions_total", lang="en", status="answered") == 1
    assert value(page, "talkbot_questions_total", lang="uk", status="answered") == 1
    assert value(page, "talkbot_questions_total", lang="en", status="declined") == 1
    assert value(page, "talkbot_questions_total", lang="ru", status="answered") == 0
    assert value(page, "talkbot_updates_total", type="message") == 3
    assert value(page, "talkbot_answer_seconds_count") == 3
    assert value(page, "talkbot_answer_seconds_bucket", le="+Inf") == 3
    assert value(page, "talkbot_answer_seconds_sum") > 0
    assert value(page, "talkbot_facts") == len(engine.facts)
    assert value(page, "talkbot_updates_in_flight") == 0
    assert value(page, "talkbot_outbox_pending") == 0
    assert value(page, "talkbot_start_time_seconds") == metrics.started_at
    assert value(page, "talkbot_api_retries_total", reason="429") == 0


async def test_healthz_says_the_database_is_readable_and_when_the_last_update_came(
    db_path, engine
):
    metrics = Metrics()
    async with metrics_server(metrics, db_path) as base:
        FactStore.open(db_path, CONTENT).close()
        status, _, before = await get(f"{base}/healthz")
        metrics.update_received("message")
        _, _, after = await get(f"{base}/healthz")

        db_path.unlink()
        down, _, gone = await get(f"{base}/healthz")
        db_path.write_bytes(b"not a database at all, but a file of the right name")
        damaged, _, broken = await get(f"{base}/healthz")

    assert status == 200
    assert before["status"] == "ok" and before["database"] == "ok"
    assert before["seconds_since_last_update"] is None
    assert before["version"] == "0.1.0"
    assert 0 <= after["seconds_since_last_update"] < 60
    assert (down, gone["status"], gone["database"]) == (503, "unavailable", "no database file")
    assert (damaged, broken["status"]) == (503, "unavailable")
    assert "not a database" in broken["database"]


async def test_api_retries_are_counted_by_reason(db_path):
    metrics = Metrics()
    async with FakeBotAPI() as api:
        bot = build_bot(settings_for(api, db_path), metrics)
        try:
            api.fail_next("sendMessage", 429, retry_after=1)
            api.fail_next("sendMessage", 502)
            await bot.send_message(100_001, "after a 429 and a 502")
            api.drop_next("sendMessage")
            await bot.send_message(100_001, "after a dropped connection")
        finally:
            await bot.session.close()
    assert metrics.counts["api_retries"] == {("429",): 1, ("5xx",): 1, ("network",): 1}


async def test_the_webhook_server_answers_healthz_and_metrics_too(db_path, engine):
    async with running_webhook(db_path, engine, with_metrics=True) as hooked:
        update = {"update_id": 1, **hooked.api.text_message("when is the call?")}
        post = {"json": update, "headers": hooked.headers}
        async with aiohttp.ClientSession() as http, http.post(hooked.url, **post):
            pass
        health, _, body = await get(f"http://127.0.0.1:{hooked.port}/healthz")
        _, text, _ = await get(f"http://127.0.0.1:{hooked.port}/metrics")
    assert health == 200 and body["database"] == "ok"
    assert value(samples(text), "talkbot_questions_total", lang="en", status="answered") == 1


async def test_the_running_bot_serves_metrics_next_to_polling_and_backs_up_on_schedule(
    tmp_path: Path,
):
    port = free_port()
    backups = tmp_path / "backups"
    async with FakeBotAPI() as api:
        env = bot_env(
            api,
            tmp_path,
            content=CONTENT,
            METRICS_PORT=str(port),
            BACKUP_DIR=str(backups),
            BACKUP_EVERY="6h",
            BACKUP_KEEP="3",
        )
        process = await start_bot(env, tmp_path / "bot.log")
        try:
            await api.wait_for("getUpdates", timeout=90)
            await api.send_and_wait(api.text_message("коли розмова?", language_code="uk"))
            health, _, body = await get(f"http://127.0.0.1:{port}/healthz")
            _, text, _ = await get(f"http://127.0.0.1:{port}/metrics")
            database = tmp_path / "talkbot.db"
            log = tmp_path / "bot.log"
            # The file is renamed into place before the line is logged: wait for both.
            await wait_until(
                lambda: len(scheduled_backups(backups, database)) == 1
                and "backup written: talkbot-" in log.read_text()
            )
        finally:
            code = await stop_bot(process)
    assert code == 0
    assert health == 200 and body["status"] == "ok"
    assert value(samples(text), "talkbot_questions_total", lang="uk", status="answered") == 1
    assert "process_resident_memory_bytes" in text
    assert "backup written: talkbot-" in (tmp_path / "bot.log").read_text()


async def test_an_update_of_a_type_aiogram_does_not_know_is_counted_as_unknown(db_path, engine):
    metrics = Metrics()
    async with running_bot(db_path, engine, metrics=metrics) as tb:
        with pytest.warns(RuntimeWarning, match="unknown update type"):  # aiogram says so
            await tb.dp.feed_raw_update(tb.bot, {"update_id": 77, "some_future_kind": {"id": 1}})
    assert metrics.counts["updates"][("unknown",)] == 1
