"""The real bot (build_bot + build_dispatcher) polling the fake Bot API over HTTP, for the
end-to-end tests; each test gets its own fake server and SQLite file.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.utils.backoff import BackoffConfig

from bot.app import build_bot, build_dispatcher
from bot.config import Settings, load_settings
from bot.runtime.ordering import OrderedUpdateRunner
from bot.serving import serve_webhook
from knowledge.answering.engine import Engine
from knowledge.places.geo import ZoneLocator
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import Call, FakeBotAPI
from tests.conftest import CONTENT

FAST_BACKOFF = BackoffConfig(min_delay=0.05, max_delay=0.2, factor=1.5, jitter=0.0)
GROUP_ID = -100_777
# One per test session: building timezonefinder's index costs a quarter of a second.
ZONES = ZoneLocator()


def settings_for(api: FakeBotAPI, db_path: Path, **overrides: Any) -> Settings:
    """Settings for the fake server, ignoring any .env of the developer's."""
    values = {
        "bot_token": api.token,
        "telegram_api_url": api.base_url,
        "database_path": db_path,
        "content_dir": CONTENT,
    }
    return load_settings(_env_file=None, **(values | overrides))


@dataclass
class RunningBot:
    api: FakeBotAPI
    bot: Bot
    dp: Dispatcher
    store: FactStore
    engine: Engine

    async def send(self, update: dict[str, Any], method: str = "sendMessage") -> Call:
        """Push an update and return the one call of `method` it causes."""
        [call] = await self.api.send_and_wait(update, method=method)
        return call

    async def say(self, text: str, **kwargs: Any) -> Call:
        """A user's text message; the bot's sendMessage in answer."""
        return await self.send(self.api.text_message(text, **kwargs))

    async def tap(self, callback_data: str, method: str = "sendMessage", **kwargs: Any) -> Call:
        """Press an inline button; the call it causes (callback queries are answered too)."""
        answered = len(self.api.calls_of("answerCallbackQuery"))
        call = await self.send(self.api.callback_query(callback_data, **kwargs), method)
        await self.api.wait_for("answerCallbackQuery", count=answered + 1)
        return call

    async def quiet_for(self, seconds: float = 0.3) -> list[Call]:
        """Calls other than polling made within `seconds`: for "the bot said nothing"."""
        before = len(self.api.calls)
        await asyncio.sleep(seconds)
        return [c for c in self.api.calls[before:] if c.method != "getUpdates"]


@asynccontextmanager
async def running_bot(
    db_path: Path,
    engine: Engine,
    api: FakeBotAPI | None = None,
    *,
    overrides: dict[str, Any] | None = None,
    ordered: bool = False,
    **options: Any,
) -> AsyncIterator[RunningBot]:
    """`overrides` go to the settings (admin_ids=...), `options` to build_dispatcher.
    `ordered` polls with the production runner (bot.serving.serve_polling's OrderedUpdateRunner)
    instead of aiogram's own polling."""
    async with FakeBotAPI() if api is None else _given(api) as server:
        store = FactStore.open(db_path, CONTENT)
        settings = settings_for(server, db_path, **(overrides or {}))
        bot = build_bot(settings)
        dp = build_dispatcher(settings, store, engine, zones=ZONES, **options)
        runner = OrderedUpdateRunner(dp, max_in_flight=64, max_per_lane=8) if ordered else None
        polling = dict(polling_timeout=1, backoff_config=FAST_BACKOFF)
        task = asyncio.create_task(
            runner.run_polling(bot, **polling)
            if runner
            else dp.start_polling(bot, handle_signals=False, **polling)
        )
        try:
            # Start-up (set_my_commands) is over once the first poll arrives.
            await server.wait_for("getUpdates")
            yield RunningBot(server, bot, dp, store, engine)
        finally:
            if runner is None:
                await stop_polling(dp, task)
            else:
                if not task.done():
                    await runner.stop()
                await asyncio.wait_for(task, 5)
            store.close()


async def stop_polling(dp: Dispatcher, task: asyncio.Task[None]) -> None:
    # stop_polling refuses a dispatcher that has not started yet: wait for it to start.
    for _ in range(200):
        if task.done() or dp._running_lock.locked():
            break
        await asyncio.sleep(0.01)
    if not task.done():
        await dp.stop_polling()
    await asyncio.wait_for(task, 5)


@asynccontextmanager
async def _given(api: FakeBotAPI) -> AsyncIterator[FakeBotAPI]:
    yield api


def keyboard(call: Call) -> list[list[dict[str, Any]]]:
    """The inline keyboard a call sent (rows of buttons), or []."""
    markup = call.params.get("reply_markup") or {}
    return markup.get("inline_keyboard", [])


def buttons(call: Call) -> list[dict[str, Any]]:
    return [button for row in keyboard(call) for button in row]


def sent_entities(call: Call) -> list[dict[str, Any]]:
    """The entities Telegram (the fake) parsed out of the HTML the bot sent."""
    return (call.result or {}).get("entities", [])


WEBHOOK_SECRET = "webhook-secret-4f1c"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningWebhook:
    api: FakeBotAPI
    dp: Dispatcher
    url: str  # where Telegram would post updates, on 127.0.0.1
    port: int
    hook: Call  # the setWebhook the bot made
    headers: dict[str, str]  # the secret Telegram sends with every update


@asynccontextmanager
async def running_webhook(
    db_path: Path, engine: Engine, *, with_metrics: bool = False
) -> AsyncIterator[RunningWebhook]:
    """The real webhook server (bot.serving.serve_webhook) on a free port, its Bot API the fake;
    `with_metrics` serves /healthz and /metrics on the same server."""
    port = free_port()
    async with FakeBotAPI() as api:
        config = settings_for(
            api,
            db_path,
            webhook_url="https://bot.example.org/tg",
            webhook_secret=WEBHOOK_SECRET,
            webhook_port=port,
            webhook_path="/tg",
            **({"metrics_port": port} if with_metrics else {}),
        )
        store = FactStore.open(db_path, CONTENT)
        bot = build_bot(config)
        dp = build_dispatcher(config, store, engine, zones=ZONES)
        stop = asyncio.Event()
        server = asyncio.create_task(serve_webhook(config, bot, dp, stop))
        try:
            [hook] = await api.wait_for("setWebhook")
            headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
            yield RunningWebhook(api, dp, f"http://127.0.0.1:{port}/tg", port, hook, headers)
        finally:
            stop.set()
            await asyncio.wait_for(server, 10)
            store.close()
