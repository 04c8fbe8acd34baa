"""Running the bot: `python -m bot run` against the fake server, SIGTERM, webhook mode, logs."""

from __future__ import annotations

import asyncio
import io
import logging
import signal
from pathlib import Path

import aiohttp
import pytest

from bot.app import RedactingFormatter, build_dispatcher, run
from bot.config import load_settings
from talkbot.testing.fakeapi import FakeBotAPI
from talkbot.testing.process import bot_env, start_bot
from tests.bot_harness import WEBHOOK_SECRET, free_port, running_webhook
from tests.conftest import CONTENT

SECRET = WEBHOOK_SECRET


async def wait_until(condition, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_run_polls_answers_and_stops_cleanly_on_sigterm(tmp_path: Path):
    log_path = tmp_path / "bot.log"
    async with FakeBotAPI() as api:
        process = await start_bot(
            bot_env(api, tmp_path, log_level="DEBUG", content=CONTENT), log_path
        )
        try:
            await api.wait_for("getUpdates", timeout=90)
            asked = api.push_update(api.text_message("коли розмова?", language_code="uk"))
            await wait_until(lambda: asked in api.delivered_update_ids)
            process.send_signal(signal.SIGTERM)  # while the question is being answered
            code = await asyncio.wait_for(process.wait(), 60)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    logged = log_path.read_text()

    assert code == 0, logged
    [answer] = api.calls_of("sendMessage")
    assert answer.ok and answer.plain.startswith("Переговори були призначені")
    assert asked in api.confirmed_update_ids  # a restart will not answer it twice
    [delete] = api.calls_of("deleteWebhook")
    assert delete.params.get("drop_pending_updates") in (None, False)
    assert api.dropped_update_ids == []
    languages = {c.params.get("language_code") for c in api.calls_of("setMyCommands")}
    assert languages == {None, "en", "ru", "uk"}
    assert "Received SIGTERM signal" in logged
    assert "the database is closed" in logged
    assert api.token not in logged and api.token.split(":")[1] not in logged


def test_no_filter_or_handler_runs_in_a_thread(store, engine):
    """aiogram sends any callback that is not a coroutine function to a worker thread for
    every update it is tried on; a bare `F.text` cost a quarter of the CPU under load."""
    config = load_settings(bot_token="1:x", admin_ids=[1], _env_file=None)
    dp = build_dispatcher(config, store, engine)
    threaded = []
    for router in dp.chain_tail:
        for name, observer in router.observers.items():
            root = observer._handler.filters or []  # the router-level .filter(...) calls
            handlers = [(h, list(h.filters or [])) for h in observer.handlers]
            for handler, filters in [(None, root), *handlers]:
                for callable_ in ([handler] if handler else []) + filters:
                    if not callable_.awaitable:
                        threaded.append(f"{router.name}.{name}: {callable_.callback!r}")
    assert len(list(dp.chain_tail)) > 5
    assert threaded == []


async def test_webhook_accepts_the_secret_and_refuses_anything_else(db_path, engine):
    async with running_webhook(db_path, engine) as hooked:
        api, url, hook = hooked.api, hooked.url, hooked.hook
        update = {"update_id": 1, **api.text_message("when is the call?")}
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json=update, headers=hooked.headers) as good:
                assert good.status == 200
            # handled before the answer to Telegram: the reply is already sent
            [answer] = api.calls_of("sendMessage")
            for wrong in ({"X-Telegram-Bot-Api-Secret-Token": "guess"}, {}):
                async with http.post(url, json={**update, "update_id": 2}, headers=wrong) as bad:
                    assert bad.status == 403

    assert hook.params["url"] == "https://bot.example.org/tg"
    assert hook.params["secret_token"] == SECRET
    assert hook.params.get("drop_pending_updates") in (None, False)
    assert "message" in hook.params["allowed_updates"]
    assert answer.plain.startswith("The talks were scheduled for Tuesday")
    assert len(api.calls_of("sendMessage")) == 1
    assert api.commands_for({"type": "default"}, "uk") is not None


def test_a_bot_that_cannot_reach_telegram_exits_1_with_one_line_and_no_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    token = "4242:AAF4keT0kenThatMustNeverBeLogged"
    config = load_settings(
        _env_file=None,
        bot_token=token,
        telegram_api_url=f"http://127.0.0.1:{free_port()}",  # nothing listens there
        database_path=tmp_path / "talkbot.db",
        log_level="DEBUG",
    )
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        code = run(config)  # configures logging to stderr, as `python -m bot run` does
    finally:
        root.handlers[:], root.level = handlers, level
    logged = capsys.readouterr().err

    assert code == 1, logged
    assert "the bot stopped on an error: TelegramNetworkError" in logged
    assert "getMe failed" not in logged  # the start-up check says so at once, no retries
    assert "Traceback" not in logged
    assert token not in logged and "AAF4keT0ken" not in logged


def test_log_lines_never_show_the_token_even_in_tracebacks():
    token = "4242:AAF4keT0kenForTalkbotEndToEndTests"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(message)s", [token, SECRET]))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        url = f"http://127.0.0.1:8081/bot{token}/getUpdates"
        try:
            raise ConnectionError(f"cannot reach {url}")
        except ConnectionError:
            logger.exception("request to %s failed", url.replace(":", "%3A"))
        logger.warning("secret header was %s", SECRET)
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert token not in written and SECRET not in written and "AAF4keT0ken" not in written
    assert "ConnectionError: cannot reach http://127.0.0.1:8081/bot[redacted]/getUpdates" in written
