"""RetryMiddleware against the fake Bot API: what is retried, what is not, and for how long."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import Message

from bot.app import RedactingFormatter
from bot.runtime.resilience import RetryMiddleware, describe_error, redact
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_helpers import FAST_BACKOFF, fake_api_bot

MakeBot = Callable[..., Bot]


class FakeTime:
    """A clock that only moves when the code under test sleeps, so no test really waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def retrying_bot(api: FakeBotAPI, middleware: RetryMiddleware) -> Bot:
    bot = fake_api_bot(api)
    bot.session.middleware(middleware)
    return bot


@pytest.fixture
async def make_bot(api: FakeBotAPI, fake_time: FakeTime) -> AsyncIterator[MakeBot]:
    """Bots with a RetryMiddleware on fake time and no jitter (`rng` always 0)."""
    bots: list[Bot] = []

    def make(**options: float) -> Bot:
        middleware = RetryMiddleware(
            sleep=fake_time.sleep, clock=fake_time.clock, rng=lambda: 0.0, **options
        )
        bots.append(retrying_bot(api, middleware))
        return bots[-1]

    yield make
    for bot in bots:
        await bot.session.close()


async def test_a_429_is_waited_out_and_the_message_delivered_once(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    api.fail_next("sendMessage", 429, retry_after=1)

    sent = await make_bot().send_message(7, "hello")

    assert sent.text == "hello"
    assert api.sent_texts(7) == ["hello"]
    assert [call.error_code for call in api.calls_of("sendMessage")] == [429, None]
    assert fake_time.sleeps == [1.0]


async def test_server_errors_are_retried_with_doubling_backoff(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    api.fail_next("sendMessage", 500, times=3)

    await make_bot(base_delay=0.5).send_message(7, "after three failures")

    assert api.sent_texts(7) == ["after three failures"]
    assert len(api.calls_of("sendMessage")) == 4
    # equal jitter with rng()=0 keeps the fixed half: 0.5/2, 1.0/2, 2.0/2
    assert fake_time.sleeps == [0.25, 0.5, 1.0]


async def test_a_dropped_connection_is_retried(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    api.drop_next("sendMessage")

    await make_bot().send_message(7, "kept")

    assert [call.dropped for call in api.calls_of("sendMessage")] == [True, False]
    assert api.sent_texts(7) == ["kept"]
    assert len(fake_time.sleeps) == 1


async def test_a_bad_request_or_a_block_is_not_retried(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    bot = make_bot()
    api.fail_next("sendMessage", 400)
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(7, "bad")
    api.fail_next("sendMessage", 403)
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(7, "blocked")

    assert len(api.calls_of("sendMessage")) == 2
    assert fake_time.sleeps == []


async def test_exceeding_max_tries_raises_the_last_error(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    api.fail_next("sendMessage", 500, times=10)

    with pytest.raises(TelegramServerError):
        await make_bot(max_tries=3).send_message(7, "never")

    assert len(api.calls_of("sendMessage")) == 3
    assert len(fake_time.sleeps) == 2


async def test_the_total_wait_stays_within_its_bound(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    bot = make_bot(max_tries=10, max_total_wait=2.0, base_delay=1.0)
    api.fail_next("sendMessage", 500, times=3)
    with pytest.raises(TelegramServerError):
        await bot.send_message(7, "slowly failing")
    # 0.5 + 1.0 fit in 2 s; the next pause (2.0) would not, so it gives up instead of waiting
    assert fake_time.sleeps == [0.5, 1.0]

    api.clear()
    api.fail_next("sendMessage", 429, retry_after=5, times=1)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(7, "flood control longer than the budget")
    assert len(api.calls_of("sendMessage")) == 1
    assert fake_time.sleeps == [0.5, 1.0]


async def test_get_updates_is_left_to_the_polling_loop(
    api: FakeBotAPI, make_bot: MakeBot, fake_time: FakeTime
) -> None:
    api.fail_next("getUpdates", 500)

    with pytest.raises(TelegramServerError):
        await make_bot().get_updates(timeout=0)

    assert len(api.calls_of("getUpdates")) == 1
    assert fake_time.sleeps == []


async def test_retries_are_logged_as_warnings_without_the_token(
    api: FakeBotAPI, make_bot: MakeBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.runtime.resilience")
    api.drop_next("sendMessage")
    api.fail_next("sendMessage", 429, retry_after=1)

    await make_bot().send_message(7, "logged")

    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert all(record.levelno == logging.WARNING for record in caplog.records)
    assert all("sendMessage" in message for message in messages)
    assert not any(api.token in message for message in messages)


def test_redaction_removes_the_token_even_inside_a_url() -> None:
    token = "123456:AAF4keT0kenForTalkbotEndToEndTests_x"
    error = TelegramServerError(
        method=None,  # type: ignore[arg-type]
        message=f"InvalidURL: https://api.telegram.org/bot{token}/sendMessage\nmore",
    )

    assert token not in describe_error(error)
    assert describe_error(error).startswith("TelegramServerError: InvalidURL: ")
    assert redact(f"bot{token}/getMe", token) == "bot[redacted]/getMe"


async def test_polling_survives_an_outage_without_losing_or_repeating_updates(
    api: FakeBotAPI,
) -> None:
    """Polling backs off on its own; answers caught in the outage are resent by the middleware."""
    bot = retrying_bot(
        api, RetryMiddleware(max_tries=100, max_total_wait=10.0, base_delay=0.05, max_delay=0.2)
    )
    dp = Dispatcher()
    slow_started = asyncio.Event()

    @dp.message(F.text == "slow")
    async def slow(message: Message) -> None:
        slow_started.set()
        await asyncio.sleep(0.3)  # the outage begins meanwhile
        await message.answer("slow done")

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"echo {message.text}")

    polling = asyncio.create_task(
        dp.start_polling(bot, handle_signals=False, polling_timeout=1, backoff_config=FAST_BACKOFF)
    )
    try:
        api.push_update(api.text_message("before", user_id=1))
        await api.wait_for("sendMessage", predicate=lambda call: call.ok)
        api.push_update(api.text_message("slow", user_id=2))
        await asyncio.wait_for(slow_started.wait(), 5)

        api.outage(True)
        for n in range(3):
            api.push_update(api.text_message(f"during {n}", user_id=3))
        await api.wait_for("getUpdates", count=3, predicate=lambda call: call.error_code == 502)
        await api.wait_for("sendMessage", predicate=lambda call: call.error_code == 502)
        await asyncio.sleep(0.5)
        api.outage(False)

        api.push_update(api.text_message("after", user_id=4))
        await api.wait_for("sendMessage", count=6, predicate=lambda call: call.ok)
        await api.wait_for("getUpdates", predicate=lambda call: call.params.get("offset") == 7)
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 5)

    during = [f"echo during {n}" for n in range(3)]
    assert sorted(api.sent_texts()) == sorted(["echo before", "slow done", *during, "echo after"])
    assert api.confirmed_update_ids == [1, 2, 3, 4, 5, 6]
    assert len(api.delivered_update_ids) == len(set(api.delivered_update_ids)) == 6


def test_the_one_redactor_blanks_a_url_quoted_token_and_any_token_shaped_text() -> None:
    token = "4242:AAF4keT0kenForTalkbotEndToEndTests"
    quoted = token.replace(":", "%3A")
    assert redact(f"GET /bot{quoted}/getMe", token) == "GET /bot[redacted]/getMe"
    other = "98765:ZZF4keT0kenOfAnotherBotEntirely12345"  # never configured, still blanked
    formatter = RedactingFormatter("%(message)s", [token])
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "seen %s", (other,), None)
    assert formatter.format(record) == "seen [redacted]"
