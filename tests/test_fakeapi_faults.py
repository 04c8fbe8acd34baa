"""The fake Bot API's faults: queued errors and drops, errors on a share of calls, outages,
flood limits, listeners, and the report of a wait that timed out."""

from __future__ import annotations

import contextlib

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from talkbot.testing.fakeapi import (
    BOT_ID,
    Call,
    FakeBotAPI,
)
from tests.conftest import StartPolling
from tests.fakeapi_support import echo_dispatcher, make_bot

# --------------------------------------------------------------------------- faults


async def test_fail_next_retry_after(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", 429, retry_after=1)

    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1, "first")
    assert caught.value.retry_after == 1
    second = await bot.send_message(1, "second")

    failed, ok = api.calls_of("sendMessage")
    assert failed.failed and failed.error_code == 429
    assert failed.description == "Too Many Requests: retry after 1"
    assert ok.ok and second.message_id == 1  # the failed call created no message


async def test_fail_next_server_error_and_drop(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("getMe", 500, times=2)
    api.drop_next("sendMessage")

    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.get_me()
    assert (await bot.get_me()).id == BOT_ID
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(1, "lost")
    assert (await bot.send_message(1, "kept")).text == "kept"
    assert [c.dropped for c in api.calls_of("sendMessage")] == [True, False]


async def test_outage_fails_everything_and_recovers(api: FakeBotAPI, bot: Bot) -> None:
    file_id = api.add_file(b"data", "d.txt")
    api.outage(True)
    with pytest.raises(TelegramServerError, match="Bad Gateway"):
        await bot.get_me()
    with pytest.raises(TelegramServerError):
        await bot.send_message(1, "x")
    with pytest.raises(TelegramServerError):
        await bot.get_updates(timeout=0)

    api.outage(False)
    assert (await bot.get_me()).id == BOT_ID
    assert (await bot.download(file_id)).read() == b"data"  # type: ignore[union-attr]
    assert [call.error_code for call in api.calls if call.failed] == [502, 502, 502]


async def test_polling_survives_outage(
    api: FakeBotAPI, bot: Bot, start_polling: StartPolling
) -> None:
    await start_polling(echo_dispatcher())
    api.outage(True)
    api.push_update(api.text_message("during outage"))
    await api.wait_for("getUpdates", count=2, predicate=lambda c: c.error_code == 502)
    api.outage(False)

    [reply] = await api.wait_for("sendMessage")
    assert reply.ok and reply.params["text"] == "during outage"


async def test_flood_limit(api: FakeBotAPI, bot: Bot) -> None:
    api.flood_limit(per_chat_per_second=1, global_per_second=30)

    await bot.send_message(1, "a")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(1, "b")
    assert caught.value.retry_after == 1
    await bot.send_message(2, "other chat is fine")

    api.flood_limit(enabled=False)
    await bot.send_message(1, "limits off")
    assert [c.ok for c in api.calls_of("sendMessage")] == [True, False, True, True]


async def test_wait_for_timeout_lists_calls(api: FakeBotAPI, bot: Bot) -> None:
    await bot.send_message(1, "something else")

    with pytest.raises(AssertionError) as caught:
        await api.wait_for("sendDocument", timeout=0.2)
    report = str(caught.value)
    assert "sendDocument" in report and "got 0" in report
    assert "sendMessage(chat_id=1, text='something else') -> ok" in report

    matching: list[Call] = await api.wait_for("sendMessage", predicate=lambda c: c.ok)
    assert len(matching) == 1
    api.clear()
    assert api.calls == []


async def test_fail_share_fails_every_call_of_its_method_at_share_one(
    api: FakeBotAPI, bot: Bot
) -> None:
    api.fail_share("sendMessage", 1.0)

    for _ in range(3):
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(1, "x")
        assert caught.value.retry_after == 1
    assert (await bot.get_me()).id == BOT_ID
    assert api.share_failures == 3

    api.fail_share("sendMessage", 0)
    assert (await bot.send_message(1, "now")).text == "now"


async def test_fail_share_draws_the_same_calls_for_the_same_seed() -> None:
    async def failed_calls(seed: int) -> list[bool]:
        async with FakeBotAPI() as server:
            server.fail_share("sendMessage", 0.5, 500, seed=seed)
            client = make_bot(server)
            try:
                for n in range(20):
                    with contextlib.suppress(TelegramServerError):
                        await client.send_message(1, f"m{n}")
            finally:
                await client.session.close()
            return [call.failed for call in server.calls_of("sendMessage")]

    first, again = await failed_calls(seed=5), await failed_calls(seed=5)
    assert first == again
    assert 0 < sum(first) < 20


async def test_listeners_see_every_answered_call_once(api: FakeBotAPI, bot: Bot) -> None:
    seen: list[tuple[str, bool]] = []
    api.add_listener(lambda call: seen.append((call.method, call.ok)))
    api.fail_next("sendMessage", 400)

    with pytest.raises(TelegramBadRequest):
        await bot.send_message(1, "refused")
    await bot.send_message(1, "sent")
    await bot.get_me()

    assert seen == [("sendMessage", False), ("sendMessage", True), ("getMe", True)]
