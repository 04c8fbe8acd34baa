"""OrderedUpdateRunner against the fake Bot API: per-chat order, a global bound, a drain."""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.types import Message, Update

from bot.runtime.lanes import chat_lane
from bot.runtime.ordering import OrderedUpdateRunner
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_helpers import FAST_BACKOFF

StartRunner = Callable[..., Awaitable[asyncio.Task[None]]]


@pytest.fixture
async def start(api: FakeBotAPI, bot: Bot) -> AsyncIterator[StartRunner]:
    """Starts `runner.run_polling(bot)` in a task, returns once it polls, stops it at the end."""
    running: list[tuple[OrderedUpdateRunner, asyncio.Task[None]]] = []

    async def start_runner(runner: OrderedUpdateRunner, **kwargs: Any) -> asyncio.Task[None]:
        kwargs.setdefault("polling_timeout", 1)
        kwargs.setdefault("backoff_config", FAST_BACKOFF)
        polls = len(api.calls_of("getUpdates"))
        task = asyncio.create_task(runner.run_polling(bot, **kwargs))
        running.append((runner, task))
        await api.wait_for("getUpdates", count=polls + 1)
        return task

    yield start_runner
    for runner, task in running:
        if not task.done():
            await runner.stop()
        await asyncio.wait_for(task, 5)


class Tracker:
    """Records, for a handler, how many run at once overall and per chat."""

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self.running_in: dict[int, int] = defaultdict(int)
        self.peak_per_chat = 0
        self.spans: dict[int, list[tuple[float, float]]] = defaultdict(list)

    async def run(self, chat_id: int, work: Awaitable[Any]) -> None:
        self.running += 1
        self.running_in[chat_id] += 1
        self.peak = max(self.peak, self.running)
        self.peak_per_chat = max(self.peak_per_chat, self.running_in[chat_id])
        started = time.monotonic()
        try:
            await work
        finally:
            self.spans[chat_id].append((started, time.monotonic()))
            self.running -= 1
            self.running_in[chat_id] -= 1

    def chats_overlapped(self) -> bool:
        spans = sorted(
            (s, e, chat) for chat, chat_spans in self.spans.items() for s, e in chat_spans
        )
        latest_end, latest_chat = spans[0][1], spans[0][2]
        for start, end, chat in spans[1:]:
            if start < latest_end and chat != latest_chat:
                return True
            if end > latest_end:
                latest_end, latest_chat = end, chat
        return False


async def test_a_burst_is_answered_in_order_per_chat_with_chats_overlapping(
    api: FakeBotAPI, start: StartRunner
) -> None:
    rng = random.Random(20261125)
    tracker = Tracker()
    dp = Dispatcher()

    @dp.message(F.text)
    async def answer(message: Message) -> None:
        async def work() -> None:
            await asyncio.sleep(rng.uniform(0, 0.02))
            await message.answer(f"re {message.text}")

        await tracker.run(message.chat.id, work())

    runner = OrderedUpdateRunner(dp, max_in_flight=16)
    await start(runner)
    chats = [1000 + n for n in range(10)]
    for n in range(200):
        chat = chats[rng.randrange(len(chats))]
        api.push_update(api.text_message(f"{chat}:{n}", user_id=chat))

    await api.wait_for("sendMessage", count=200, timeout=15)

    for chat in chats:
        sent = [text.removeprefix("re ") for text in api.sent_texts(chat)]
        assert sent == sorted(sent, key=lambda text: int(text.split(":")[1])), chat
    assert len(api.sent_texts()) == 200
    assert tracker.peak_per_chat == 1
    assert tracker.chats_overlapped()
    assert 1 < tracker.peak <= 16
    assert runner.peak_in_flight <= 16


async def test_a_large_burst_stays_within_the_task_bound(
    api: FakeBotAPI, start: StartRunner
) -> None:
    release = asyncio.Event()
    handled: list[int] = []
    dp = Dispatcher()

    @dp.message()
    async def hold(message: Message) -> None:
        await release.wait()
        handled.append(message.message_id)

    runner = OrderedUpdateRunner(dp, max_in_flight=64)
    await start(runner)
    total = 3000
    for n in range(total):
        api.push_update(api.text_message(str(n), user_id=1 + n % 500))
    try:
        deadline = time.monotonic() + 5
        while runner.in_flight < 64 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)  # give a runaway poller the chance to take more
        assert runner.in_flight == 64
        assert len(lane_tasks()) == 64  # one per busy lane, never one per update
        # it stopped fetching: Telegram still holds all but one batch and the bound
        assert len(api.pending_updates()) >= total - 64 - 100
    finally:
        release.set()

    deadline = time.monotonic() + 10
    while len(handled) < total and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert len(handled) == total
    assert runner.peak_in_flight == 64
    assert lane_tasks() == []


def lane_tasks() -> list[asyncio.Task[Any]]:
    return [
        task
        for task in asyncio.all_tasks()
        if task.get_coro().__qualname__ == "LaneRunner._work"  # type: ignore[union-attr]
    ]


async def test_stop_drains_every_fetched_update_and_confirms_them(
    api: FakeBotAPI, start: StartRunner
) -> None:
    dp = Dispatcher()
    events: list[str] = []

    @dp.message(F.text)
    async def slow(message: Message) -> None:
        await asyncio.sleep(0.1)
        await message.answer(f"re {message.text}")

    @dp.shutdown()
    async def on_shutdown() -> None:
        events.append(f"shutdown after {len(api.sent_texts())} answers")

    runner = OrderedUpdateRunner(dp, max_in_flight=64)
    await start(runner)
    ids = [api.push_update(api.text_message(f"m{n}", user_id=1 + n % 4)) for n in range(20)]
    await api.wait_for("getUpdates", predicate=lambda call: call.params.get("offset") == 21)
    assert len(api.sent_texts()) < 20  # five per chat take half a second

    await runner.stop()

    assert sorted(api.sent_texts()) == sorted(f"re m{n}" for n in range(20))
    assert events == ["shutdown after 20 answers"]
    assert api.confirmed_update_ids == ids
    assert runner.in_flight == 0


async def test_a_stop_mid_batch_confirms_only_what_was_handled(
    api: FakeBotAPI, bot: Bot, start: StartRunner
) -> None:
    dp = Dispatcher()
    first_started = asyncio.Event()

    @dp.message(F.text)
    async def slow(message: Message) -> None:
        first_started.set()
        await asyncio.sleep(0.2)
        await message.answer(f"re {message.text}")

    runner = OrderedUpdateRunner(dp, max_in_flight=1)  # the 2nd update waits for the 1st
    await start(runner)
    for n in range(3):
        api.push_update(api.text_message(f"m{n}", user_id=1 + n))
    await asyncio.wait_for(first_started.wait(), 5)

    await runner.stop()

    assert api.sent_texts() == ["re m0"]
    assert api.confirmed_update_ids == [1]
    assert [update["update_id"] for update in api.pending_updates()] == [2, 3]

    # the next run picks up exactly the rest
    await start(OrderedUpdateRunner(dp))
    await api.wait_for("sendMessage", count=3)
    assert sorted(api.sent_texts()) == ["re m0", "re m1", "re m2"]


async def test_a_drain_timeout_abandons_stuck_updates_without_confirming_them(
    api: FakeBotAPI, start: StartRunner
) -> None:
    dp = Dispatcher()
    stuck = asyncio.Event()

    @dp.message(F.text == "stuck")
    async def never_ends(message: Message) -> None:
        stuck.set()
        await asyncio.Event().wait()

    runner = OrderedUpdateRunner(dp, max_in_flight=1)
    task = await start(runner, drain_timeout=0.2)
    api.push_update(api.text_message("stuck"))
    api.push_update(api.text_message("later"))
    await asyncio.wait_for(stuck.wait(), 5)
    assert not await runner.drain(timeout=0.05)

    await runner.stop()

    assert task.done() and runner.in_flight == 0
    assert api.confirmed_update_ids == []  # both come again after a restart


async def test_polling_goes_on_after_an_outage(api: FakeBotAPI, start: StartRunner) -> None:
    dp = Dispatcher()

    @dp.message(F.text)
    async def echo(message: Message, greeting: str) -> None:
        await message.answer(f"{greeting} {message.text}")

    await start(OrderedUpdateRunner(dp), greeting="hi")
    api.outage(True)
    api.push_update(api.text_message("during"))
    await api.wait_for("getUpdates", count=3, predicate=lambda call: call.error_code == 502)
    api.outage(False)

    await api.wait_for("sendMessage")
    assert api.sent_texts() == ["hi during"]
    assert api.delivered_update_ids == [1]


def test_updates_without_a_chat_share_their_users_lane(api: FakeBotAPI) -> None:
    def parse(update_id: int, data: dict[str, Any]) -> Update:
        return Update.model_validate({"update_id": update_id, **data})

    private = parse(1, api.text_message("hi", user_id=5))
    group = parse(2, api.text_message("hi", user_id=5, chat_id=-100200))
    inline = parse(3, api.inline_query("when", user_id=5))
    nobody = parse(4, {})  # as a poll update would be: no chat, no user

    assert chat_lane(private) == chat_lane(inline) == 5
    assert chat_lane(group) == -100200
    assert chat_lane(nobody) == ("update", 4)
