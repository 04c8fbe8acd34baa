"""Stopping the bot in the middle of a burst loses nothing and repeats nothing.

`python -m bot run` polls the fake Bot API while 500 questions from 100 users arrive at once;
SIGTERM comes when about a third are answered.  Every update the fake saw confirmed must have
its answer, nothing may be answered twice, and the exit code is 0.  A second run then answers
exactly the rest.  Each user asks five questions, the throttle's burst, so none is dropped.

The runner's slots are also what a drain waits for, so the last tests here check that a chat
flooding the bot holds only its share of them (`max_per_lane`) and the others go on, and
that such a flood, drained slowly, still counts as one for the throttle.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot, Dispatcher, F
from aiogram.types import Message

from bot.i18n import client_lang
from bot.runtime.lanes import BEYOND_FACTOR
from bot.runtime.ordering import OrderedUpdateRunner
from bot.runtime.throttling import ThrottlingMiddleware
from knowledge.answering.engine import Engine
from knowledge.model import LANGS
from talkbot.testing.fakeapi import Call, FakeBotAPI
from talkbot.testing.process import bot_env, start_bot, stop_bot
from tests.bot_helpers import FAST_BACKOFF
from tests.conftest import CONTENT

USERS = 100
FLOODER, FLOOD = 7, 20
PER_USER = 5  # the throttle's burst: all of a user's questions may come at once


@dataclass(frozen=True)
class Question:
    user_id: int
    step: int  # its place among the user's questions
    text: str
    language_code: str
    lead: str  # what the answer must start with: the fact's text in the user's language


def five_questions_per_language(engine: Engine) -> dict[str, list[tuple[str, str]]]:
    """(question, answer lead) pairs, five per language, each about a different fact, so
    that a chat's answers tell which of its questions they answer."""
    found: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    for fact in engine.facts.values():
        for lang in LANGS:
            question = fact.questions[lang][0]
            answer = engine.ask(question, lang_hint=lang)
            if answer.answered and answer.fact is fact and len(found[lang]) < PER_USER:
                found[lang].append((question, answer.lead))
    assert all(len(pairs) == PER_USER for pairs in found.values())
    return found


def burst(engine: Engine) -> list[Question]:
    """Every user's five questions, interleaved the way a busy moment mixes them."""
    pairs = five_questions_per_language(engine)
    per_user = []
    for n in range(USERS):
        code = ("en", "ru", "uk", "ru-RU", "uk")[n % 5]
        lang = client_lang(code)
        per_user.append(
            [
                Question(500_000 + n, step, text, code, lead)
                for step, (text, lead) in enumerate(pairs[lang])
            ]
        )
    return [questions[step] for step in range(PER_USER) for questions in per_user]


def answers_by_chat(api: FakeBotAPI) -> dict[int, list[str]]:
    chats: dict[int, list[str]] = defaultdict(list)
    for call in api.calls_of("sendMessage"):
        if call.ok:
            chats[call.params["chat_id"]].append(call.plain or "")
    return chats


def check_answers(questions: list[Question], chats: dict[int, list[str]]) -> set[int]:
    """Each chat's answers answer its first questions, in order, each once; returns the
    (user, step) keys answered, as update-independent ids: user * 10 + step."""
    asked: dict[int, list[Question]] = defaultdict(list)
    for question in questions:
        asked[question.user_id].append(question)
    answered = set()
    for user_id, texts in chats.items():
        mine = sorted(asked[user_id], key=lambda q: q.step)
        assert len(texts) <= len(mine), f"user {user_id} got {len(texts)} answers to {len(mine)}"
        for question, text in zip(mine, texts, strict=False):
            assert text.startswith(question.lead), (user_id, question.step, text[:60])
            answered.add(question.user_id * 10 + question.step)
    return answered


async def wait_until(condition: Callable[[], bool], timeout: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.02)


def ok_answers(api: FakeBotAPI) -> int:
    return sum(call.ok for call in api.calls_of("sendMessage"))


async def test_sigterm_mid_burst_answers_every_confirmed_update_once_and_a_restart_the_rest(
    tmp_path: Path, engine: Engine
):
    questions = burst(engine)
    log_path = tmp_path / "bot.log"
    async with FakeBotAPI() as api:
        env = bot_env(api, tmp_path, content=CONTENT)
        process = await start_bot(env, log_path)
        try:
            await api.wait_for("getUpdates", timeout=90)
            key_of = {
                api.push_update(
                    api.text_message(q.text, user_id=q.user_id, language_code=q.language_code)
                ): q.user_id * 10 + q.step
                for q in questions
            }
            await wait_until(lambda: ok_answers(api) >= 150, timeout=30)
            first_code = await stop_bot(process)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()

        first_answers = answers_by_chat(api)
        answered = check_answers(questions, first_answers)
        confirmed = {key_of[update_id] for update_id in api.confirmed_update_ids}
        left = len(api.pending_updates())

        process = await start_bot(env, log_path)
        try:
            # The restart's start-up (imports, the engine) counts against this wait too, as
            # the first start's does not: on a loaded machine it alone has taken 20 s.
            await wait_until(lambda: ok_answers(api) >= len(questions), timeout=90)
            await asyncio.sleep(0.3)  # a duplicate would arrive now
            second_code = await stop_bot(process)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        all_answers = answers_by_chat(api)
        pending_at_the_end = api.pending_updates()
        every_id_confirmed = sorted(api.confirmed_update_ids) == sorted(key_of)

    logged = log_path.read_text()
    assert first_code == 0, logged[-3000:]
    assert second_code == 0, logged[-3000:]
    # Stopped mid-burst: part answered and confirmed, the rest still with Telegram.
    assert 150 <= len(answered) < len(questions) and left > 0
    assert confirmed <= answered  # nothing confirmed without its answer...
    assert answered <= confirmed  # ...and nothing answered left to be answered again
    # The second run answered exactly the rest: five answers per chat in all, in order.
    assert check_answers(questions, all_answers) == set(key_of.values())
    assert all(len(texts) == PER_USER for texts in all_answers.values())
    assert len(all_answers) == USERS
    assert every_id_confirmed and pending_at_the_end == []
    assert logged.count("Received SIGTERM signal") == 2
    assert "Traceback" not in logged and " ERROR " not in logged
    assert api.token not in logged


async def test_a_flooding_chat_holds_only_its_share_of_slots_and_a_stop_still_drains_it(
    api: FakeBotAPI, bot: Bot
):
    others = range(100, 110)
    dp = Dispatcher()
    handled: list[tuple[int, str]] = []

    @dp.message(F.text)
    async def answer(message: Message) -> None:
        if message.chat.id == FLOODER:
            await asyncio.sleep(0.05)  # what the throttle's notice and the first answers cost
        handled.append((message.chat.id, message.text or ""))
        await message.answer(f"re {message.text}")

    runner = OrderedUpdateRunner(dp, max_in_flight=8, max_per_lane=2)
    task = asyncio.create_task(
        runner.run_polling(bot, polling_timeout=1, backoff_config=FAST_BACKOFF)
    )
    try:
        await api.wait_for("getUpdates")
        flood_ids = [
            api.push_update(api.text_message(f"f{n}", user_id=FLOODER)) for n in range(FLOOD)
        ]
        for chat in others:
            api.push_update(api.text_message(f"o{chat}", user_id=chat))

        # Without a share the flood would hold every slot, and the others would get one
        # only as the flood's lane freed them, one per 50 ms.
        replies = await api.wait_for(
            "sendMessage", count=len(others), timeout=2, predicate=lambda c: not is_flood(c)
        )
        flood_answered_meanwhile = sum(chat == FLOODER for chat, _ in handled)
        assert runner.peak_in_flight <= (1 + BEYOND_FACTOR) * runner.max_in_flight
    finally:
        await runner.stop()
        await asyncio.wait_for(task, 5)

    assert len(replies) == len(others)
    # Without a share the others waited for 13 of the flood's answers (FLOOD - 8 + 1).
    assert flood_answered_meanwhile <= 2
    # The stop drained the flood, queued beyond its share or not, in order, and confirmed it.
    assert [text for chat, text in handled if chat == FLOODER] == [f"f{n}" for n in range(FLOOD)]
    assert set(flood_ids) <= set(api.confirmed_update_ids)
    assert runner.in_flight == 0


def is_flood(call: Call) -> bool:
    return call.params.get("chat_id") == FLOODER


async def test_a_flood_queued_behind_slow_replies_still_counts_as_one_flood(
    api: FakeBotAPI, bot: Bot
):
    """The throttle judges a message by when the runner received it, not by when its
    lane got to it: answers slower than the bucket refills must not let a flood through."""
    dp = Dispatcher()
    # 4 messages a second after a burst of 2; each answer takes longer than a refill.
    dp.update.outer_middleware(ThrottlingMiddleware(lambda _: "slow down", rate=4, per=1, burst=2))

    @dp.message(F.text)
    async def answer(message: Message) -> None:
        await asyncio.sleep(0.3)
        await message.answer(f"re {message.text}")

    runner = OrderedUpdateRunner(dp, max_in_flight=16, max_per_lane=4)
    task = asyncio.create_task(
        runner.run_polling(bot, polling_timeout=1, backoff_config=FAST_BACKOFF)
    )
    try:
        await api.wait_for("getUpdates")
        for n in range(10):
            api.push_update(api.text_message(f"f{n}", user_id=FLOODER))
        await asyncio.sleep(0.1)
    finally:
        await runner.stop()  # drains: every message is handled (or dropped) before this returns
        await asyncio.wait_for(task, 10)

    assert api.sent_texts(FLOODER) == ["re f0", "re f1", "slow down"]
