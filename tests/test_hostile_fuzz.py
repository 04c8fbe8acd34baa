"""Issue 15, the general rule: random and truncated Telegram objects, fed to the dispatcher
(`feed_raw_update`) and to the polling runner, are skipped or answered, never stall polling,
and never reach the generic apology.

The apology is for real bugs; what may reach it here is only a call the Bot API refused
(a TelegramAPIError for a chat a real server never names, such as chat id 0), never an
exception of the bot's own code. Derandomized like tests/test_fuzz.py (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import copy
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.app import build_dispatcher
from bot.callbacks import FactAction, FactCallback, LangCallback, LangChoice
from bot.runtime.throttling import TokenBucketLimiter
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_harness import ZONES, RunningBot, running_bot, settings_for
from tests.conftest import CONTENT

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BATCHES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_BUILDER = FakeBotAPI()
BASES: list[dict[str, Any]] = [
    _BUILDER.text_message("when is the call?"),
    _BUILDER.text_message("/start"),
    _BUILDER.text_message("/tz Berlin", language_code="uk"),
    _BUILDER.text_message("/subscribe talks-time"),
    _BUILDER.text_message("@talkbot when is it?", chat_id=-100_777, chat_type="supergroup"),
    _BUILDER.callback_query(
        FactCallback(action=FactAction.CALENDAR, lang="en", fact="talks-time").pack()
    ),
    _BUILDER.callback_query(
        FactCallback(action=FactAction.ANSWER, lang="ru", fact="talks-format").pack()
    ),
    _BUILDER.callback_query("n1:en:talks-time"),
    _BUILDER.callback_query(LangCallback(choice=LangChoice.UK).pack()),
    _BUILDER.inline_query("when is the call"),
    _BUILDER.location_message(50.45, 30.52),
    _BUILDER.sticker_message(),
]

LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.sampled_from(["", "/", "q1:c:en:", "a1p:" + "9" * 30 + ":", "<b>", "private"]),
)
JSON_VALUE = st.recursive(
    LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _slots(value: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) in a JSON value, depth first."""
    if isinstance(value, dict):
        for key in list(value):
            yield value, key
            yield from _slots(value[key])
    elif isinstance(value, list):
        for index in range(len(value)):
            yield value, index
            yield from _slots(value[index])


@st.composite
def telegram_objects(draw: st.DrawFn) -> dict[str, Any]:
    """A real update's content with a few parts dropped, replaced or truncated."""
    update = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        slots = list(_slots(update))
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        action = draw(st.sampled_from(["drop", "replace", "truncate"]))
        if action == "drop" and isinstance(container, dict):
            del container[key]
        elif action == "truncate" and isinstance(container[key], str | list):
            container[key] = container[key][: draw(st.integers(0, 3))]
        else:
            container[key] = draw(JSON_VALUE)
    return update


class ApologyWatch(logging.Handler):
    """Collects the exceptions that reached the generic apology (bot.handlers.fallback)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.failures: list[BaseException] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            self.failures.append(record.exc_info[1])

    def bugs(self) -> list[BaseException]:
        return [e for e in self.failures if not isinstance(e, TelegramAPIError)]


@pytest.fixture
def apology_watch() -> Iterator[ApologyWatch]:
    watch = ApologyWatch()
    logger = logging.getLogger("bot.handlers.fallback")
    logger.addHandler(watch)
    try:
        yield watch
    finally:
        logger.removeHandler(watch)


@pytest.fixture
async def dispatcher(api: FakeBotAPI, bot: Bot, db_path: Path, engine) -> AsyncIterator[Dispatcher]:
    from knowledge.storage.store import FactStore

    store = FactStore.open(db_path, CONTENT)
    dp = build_dispatcher(settings_for(api, db_path), store, engine, zones=ZONES)
    # Many examples come from the same user: the flood limit would drop most of them unread.
    dp["throttle"].limiter = TokenBucketLimiter(rate=10**6, per=1, burst=10**6)
    yield dp
    store.close()


@FUZZ
@given(raw=telegram_objects(), update_id=st.integers(1, 10**9))
async def test_any_telegram_object_fed_to_the_dispatcher_is_skipped_or_handled(
    dispatcher: Dispatcher, bot: Bot, apology_watch: ApologyWatch, raw: dict, update_id: int
):
    # A ValidationError is an undecodable update: what polling and the webhook skip
    # (bot.runtime.updates); anything else escaping the dispatcher fails the test.
    with contextlib.suppress(ValidationError):
        await dispatcher.feed_raw_update(bot, {"update_id": update_id, **raw})
    assert apology_watch.bugs() == []


@pytest.fixture
async def polling(db_path: Path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine, ordered=True) as run:
        run.dp["throttle"].limiter = TokenBucketLimiter(rate=10**6, per=1, burst=10**6)
        yield run


@BATCHES
@given(batch=st.lists(telegram_objects(), min_size=1, max_size=12))
async def test_the_polling_runner_passes_any_batch_and_answers_the_question_after_it(
    polling: RunningBot, apology_watch: ApologyWatch, batch: list[dict]
):
    api = polling.api
    ids = [api.push_update(raw) for raw in batch]
    [answer] = await api.send_and_wait(
        api.text_message("when is the call?", user_id=777_777),
        predicate=lambda call: call.params.get("chat_id") == 777_777,
    )
    assert answer.plain.startswith("The talks were scheduled for Tuesday")
    # Every update of the batch was taken and confirmed with the next poll: none is left at
    # the head of Telegram's queue.
    await api.wait_for("getUpdates", count=len(api.calls_of("getUpdates")) + 1)
    assert not set(ids) & {update["update_id"] for update in api.pending_updates()}
    assert apology_watch.bugs() == []
