"""Flood protection: the token bucket on its own, then the middleware through the fake Bot API."""

from __future__ import annotations

import asyncio
import math
import time

from aiogram import Bot, Dispatcher, F
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.types import CallbackQuery, Message

from bot.runtime.throttling import ThrottlingMiddleware, TokenBucketLimiter, Verdict
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_helpers import FAST_BACKOFF, PlainHTTPSession

HTML_DEFAULT = DefaultBotProperties(parse_mode=ParseMode.HTML)
NOTICES = {"uk": "Не так швидко, будь ласка.", "en": "Please slow down a little."}


def notice(language_code: str | None) -> str:
    return NOTICES.get(language_code or "", NOTICES["en"])


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_is_allowed_then_one_notice_then_silence() -> None:
    limiter = TokenBucketLimiter(rate=10, per=10.0, burst=5, clock=FakeClock())

    verdicts = [limiter.hit("ann") for _ in range(8)]

    assert verdicts == [Verdict.ALLOW] * 5 + [Verdict.NOTIFY, Verdict.DROP, Verdict.DROP]


def test_tokens_come_back_at_the_rate_without_a_second_notice() -> None:
    clock = FakeClock()
    limiter = TokenBucketLimiter(rate=10, per=10.0, burst=5, clock=clock)
    for _ in range(6):
        limiter.hit("ann")

    clock.now = 1.0  # one token back
    assert [limiter.hit("ann") for _ in range(2)] == [Verdict.ALLOW, Verdict.DROP]


def test_a_user_who_calmed_down_gets_a_new_notice_for_a_new_flood() -> None:
    clock = FakeClock()
    limiter = TokenBucketLimiter(rate=10, per=10.0, burst=5, clock=clock)
    for _ in range(6):
        limiter.hit("ann")

    clock.now = 5.0  # the bucket is full again
    verdicts = [limiter.hit("ann") for _ in range(6)]

    assert verdicts == [Verdict.ALLOW] * 5 + [Verdict.NOTIFY]


def test_users_have_separate_buckets_and_memory_stays_bounded() -> None:
    limiter = TokenBucketLimiter(rate=1, per=1.0, burst=1, clock=FakeClock(), max_tracked=100)
    assert [limiter.hit("ann"), limiter.hit("ann"), limiter.hit("bob")] == [
        Verdict.ALLOW,
        Verdict.NOTIFY,
        Verdict.ALLOW,
    ]

    for user in range(1000):
        limiter.hit(user)
    assert len(limiter) == 100


async def test_a_flooding_user_gets_the_limit_and_one_notice_while_others_get_all(
    api: FakeBotAPI, bot: Bot
) -> None:
    # "10 per 10 s, burst 5" on a time scale 4x faster: 20 messages in 0.5 s instead of 2 s
    rate, per, burst = 10, 2.5, 5
    dp = Dispatcher()
    dp.message.outer_middleware(ThrottlingMiddleware(notice, rate=rate, per=per, burst=burst))

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"re {message.text}")

    # handled one by one, so the offset confirming the last update means all were handled
    polling = asyncio.create_task(
        dp.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=False,
            polling_timeout=1,
            backoff_config=FAST_BACKOFF,
            handle_as_tasks=False,
        )
    )
    try:
        await api.wait_for("getUpdates")
        flooder, calm = 11, 22
        started = time.monotonic()
        for n in range(20):
            api.push_update(api.text_message(f"flood {n}", user_id=flooder, language_code="uk"))
            if n % 4 == 0:
                api.push_update(api.text_message(f"calm {n}", user_id=calm))
            await asyncio.sleep(0.025)
        await api.wait_for("getUpdates", predicate=lambda call: call.params.get("offset") == 26)
        elapsed = time.monotonic() - started
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 5)

    to_flooder = api.sent_texts(flooder)
    notices = [text for text in to_flooder if text == NOTICES["uk"]]
    answers = [text for text in to_flooder if text.startswith("re ")]
    assert len(notices) == 1
    assert burst <= len(answers) <= burst + math.ceil(elapsed * rate / per)
    assert len(to_flooder) == len(answers) + 1
    assert api.sent_texts(calm) == [f"re calm {n}" for n in range(0, 20, 4)]


async def test_exempt_users_are_never_limited(api: FakeBotAPI, bot: Bot) -> None:
    dp = Dispatcher()
    dp.message.outer_middleware(ThrottlingMiddleware(notice, burst=1, exempt_ids={7}))
    handled: list[str] = []

    @dp.message(F.text)
    async def record(message: Message) -> None:
        handled.append(message.text or "")

    for n in range(3):
        await dp.feed_raw_update(bot, {"update_id": n + 1, **api.text_message(f"admin {n}", 7)})
    for n in range(3):
        await dp.feed_raw_update(bot, {"update_id": n + 4, **api.text_message(f"user {n}", 8)})

    assert handled == ["admin 0", "admin 1", "admin 2", "user 0"]
    # the notice went to the private chat of the flooding user, in English by default
    assert api.sent_texts(8) == [NOTICES["en"]]


async def test_on_whole_updates_presses_share_the_messages_bucket_and_the_notice_is_plain_text(
    api: FakeBotAPI,
) -> None:
    # the lead's Bot parses HTML by default; the notice must not be parsed as markup
    bot = Bot(api.token, session=PlainHTTPSession(api=api.server), default=HTML_DEFAULT)
    dp = Dispatcher()
    dp.update.outer_middleware(ThrottlingMiddleware(lambda _: "Slow down <3", burst=1))
    handled: list[str] = []

    @dp.message()
    async def on_message(message: Message) -> None:
        handled.append(f"message {message.text}")

    @dp.callback_query()
    async def on_callback(query: CallbackQuery) -> None:
        handled.append(f"callback {query.data}")

    updates = [
        api.text_message("one", 8),
        api.callback_query("a", 8),
        api.text_message("two", 8),
        api.callback_query("b", 8),
        api.text_message("three", 8),
    ]
    try:
        for update_id, update in enumerate(updates, 1):
            await dp.feed_raw_update(bot, {"update_id": update_id, **update})
    finally:
        await bot.session.close()

    # A button press takes a token as a message does (issue 15): after "one", "a" earns the
    # notice, as the pressed button's alert, and the rest are dropped.
    assert handled == ["message one"]
    [notice_call] = api.calls_of("answerCallbackQuery")
    assert notice_call.ok and notice_call.params["text"] == "Slow down <3"
    assert api.calls_of("sendMessage") == []
