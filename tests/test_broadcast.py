"""Broadcaster against the fake Bot API with Telegram's flood limits switched on."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter, defaultdict
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError, TelegramServerError

from bot.runtime.broadcast import Broadcaster, Delivery, DeliveryId
from bot.runtime.resilience import RetryMiddleware
from talkbot.testing.fakeapi import FakeBotAPI


class Outcomes:
    """What the broadcaster reported, as a store would record it."""

    def __init__(self) -> None:
        self.sent: list[DeliveryId] = []
        self.failed: list[tuple[DeliveryId, type[BaseException]]] = []

    async def on_sent(self, notification_id: DeliveryId) -> None:
        self.sent.append(notification_id)

    def on_failed(self, notification: Delivery[str], error: BaseException) -> None:
        self.failed.append((notification.id, type(error)))


def make_broadcaster(bot: Bot, outcomes: Outcomes, **options: Any) -> Broadcaster[str]:
    async def send(chat_id: int, text: str) -> None:
        await bot.send_message(chat_id, text)

    return Broadcaster(send, outcomes.on_sent, on_failed=outcomes.on_failed, **options)


async def test_a_hundred_notifications_to_forty_chats_are_paced_without_loss_or_429(
    api: FakeBotAPI, bot: Bot
) -> None:
    api.flood_limit(per_chat_per_second=1, global_per_second=30)
    outcomes = Outcomes()
    notifications = [Delivery(f"n{n}", 500 + n % 40, f"news {n}") for n in range(100)]

    async with make_broadcaster(bot, outcomes) as broadcaster:
        assert all(broadcaster.enqueue(notification) for notification in notifications)

    calls = api.calls_of("sendMessage")
    assert [call.error_code for call in calls if call.failed] == []
    texts = [call.params["text"] for call in calls]
    assert Counter(texts) == Counter(f"news {n}" for n in range(100))  # none lost, none twice
    assert sorted(outcomes.sent) == sorted(n.id for n in notifications)
    assert outcomes.failed == []
    arrivals: dict[int, list[float]] = defaultdict(list)
    for call in calls:
        arrivals[call.params["chat_id"]].append(call.at)
    for chat_id, times in arrivals.items():
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        assert all(gap >= 1.0 for gap in gaps), (chat_id, gaps)
        # in the order enqueued
        numbers = [int(text.split()[1]) for text in api.sent_texts(chat_id)]
        assert numbers == sorted(numbers)


async def test_a_429_is_waited_out_and_the_notification_sent_once(
    api: FakeBotAPI, bot: Bot
) -> None:
    api.fail_next("sendMessage", 429, retry_after=1)
    outcomes = Outcomes()
    started = time.monotonic()

    async with make_broadcaster(bot, outcomes) as broadcaster:
        for n in range(3):
            broadcaster.enqueue(Delivery(f"n{n}", 600 + n, f"news {n}"))

    assert time.monotonic() - started >= 1.0
    assert sorted(api.sent_texts()) == ["news 0", "news 1", "news 2"]
    assert sorted(outcomes.sent) == ["n0", "n1", "n2"]
    assert [call.error_code for call in api.calls_of("sendMessage")].count(429) == 1


async def test_a_blocked_chat_is_marked_undeliverable_and_never_retried(
    api: FakeBotAPI, bot: Bot
) -> None:
    api.fail_next("sendMessage", 403)
    outcomes = Outcomes()

    async with make_broadcaster(bot, outcomes) as broadcaster:
        for n in range(3):
            broadcaster.enqueue(Delivery(f"blocked {n}", 700, f"news {n}"))
        broadcaster.enqueue(Delivery("other", 701, "news for another chat"))

    assert outcomes.failed == [(f"blocked {n}", TelegramForbiddenError) for n in range(3)]
    assert outcomes.sent == ["other"]
    assert [call.params["chat_id"] for call in api.calls_of("sendMessage")] == [700, 701]


async def test_server_errors_are_retried_by_the_session_alone(api: FakeBotAPI, bot: Bot) -> None:
    """The bot's session retries 5xx (RetryMiddleware); the broadcaster does not retry on top
    of it, so a failure that outlasts the session's budget costs no further calls."""
    api.fail_next("sendMessage", 500)
    outcomes = Outcomes()
    async with make_broadcaster(bot, outcomes) as broadcaster:
        broadcaster.enqueue(Delivery("doomed", 801, "never"))
    assert outcomes.failed == [("doomed", TelegramServerError)]
    assert len(api.calls_of("sendMessage")) == 1

    bot.session.middleware(RetryMiddleware(max_tries=5, base_delay=0.01, max_delay=0.02))
    api.fail_next("sendMessage", 500)
    outcomes = Outcomes()
    async with make_broadcaster(bot, outcomes) as broadcaster:
        broadcaster.enqueue(Delivery("flaky", 800, "eventually"))
    assert outcomes.sent == ["flaky"]
    assert [call.ok for call in api.calls_of("sendMessage")] == [False, False, True]


async def test_the_same_notification_id_is_never_sent_twice(api: FakeBotAPI, bot: Bot) -> None:
    outcomes = Outcomes()

    async with make_broadcaster(bot, outcomes) as broadcaster:
        broadcaster.enqueue(Delivery("n1", 900, "first"))
        assert not broadcaster.enqueue(Delivery("n1", 900, "first again"))
        assert not broadcaster.enqueue(Delivery("n1", 901, "elsewhere"))
    async with make_broadcaster(bot, outcomes, already_sent={"n1"}) as restarted:
        assert not restarted.enqueue(Delivery("n1", 900, "after a restart"))

    assert api.sent_texts() == ["first"]
    assert outcomes.sent == ["n1"]


async def test_close_with_a_timeout_returns_the_unsent_for_persisting(
    api: FakeBotAPI, bot: Bot
) -> None:
    outcomes = Outcomes()
    broadcaster = make_broadcaster(bot, outcomes)
    broadcaster.start()
    notifications = [Delivery(f"n{n}", 950, f"news {n}") for n in range(5)]
    for notification in notifications:
        broadcaster.enqueue(notification)

    unsent = await broadcaster.close(timeout=0.3)
    assert not broadcaster.enqueue(Delivery("late", 951, "too late"))
    await asyncio.sleep(0.1)

    assert outcomes.sent == ["n0"]  # one chat, one a second
    assert unsent == notifications[1:]
    assert api.sent_texts() == ["news 0"]
    assert broadcaster.pending == 0
