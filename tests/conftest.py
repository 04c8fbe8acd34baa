"""Shared fixtures: the tests' own content (tests/data/content/, two events), an engine on a
fixed clock, a fresh database seeded from that content."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from hypothesis import settings

from knowledge.answering.engine import Engine
from knowledge.language.decision import DecisionModel, ModelInvalid
from knowledge.places.resolver import PlaceResolver
from knowledge.places.zones import use_bundled_zones
from knowledge.storage.content import Content, content_decision, load_content
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_helpers import FAST_BACKOFF, fake_api_bot

# The property-based tests draw the same examples on every run ("ci"), so the suite passes or
# fails on the code, never on the draw; `make fuzz` ("explore") draws new ones to hunt for bugs.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# As the applications do at start (talkbot.cli.main): zones from the tzdata package only.
use_bundled_zones()

# "Today" for tests that speak of tense: after the call, as the real today is.
AFTER_THE_CALL = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
BEFORE_THE_CALL = datetime(2021, 12, 4, 9, 0, tzinfo=UTC)

StartPolling = Callable[..., Awaitable[asyncio.Task[None]]]


# The content every test runs on, never the shipped one (which curators edit): the call
# copied with its ids renamed (talks-time, talks-format...) and a screening in Warsaw.
CONTENT = Path(__file__).parent / "data" / "content"
MAIN_EVENT = "video-talks"
SECOND_EVENT = "warsaw-screening"


def _own_decision() -> DecisionModel:
    """The content's own decision (decision.yaml there), never the shipped fit, which every
    refit changes: an engine on this content is built with it, as the bot and the command
    line build theirs from their content directory."""
    try:
        return content_decision(CONTENT)
    except ModelInvalid as invalid:
        raise ModelInvalid(
            f"tests/data/content/{invalid}; after a feature is added or removed, copy the "
            "refitted knowledge/language/data/decision.yaml there and read which tests change"
        ) from None


DECISION = _own_decision()


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(CONTENT)


@pytest.fixture(scope="session")
def sources(content):
    return content.sources


@pytest.fixture(scope="session")
def facts(content):
    return content.facts


@pytest.fixture(scope="session")
def events(content):
    return content.events


@pytest.fixture(scope="session")
def engine(facts, sources, events) -> Engine:
    return Engine(facts, sources, events=events, clock=lambda: AFTER_THE_CALL, decision=DECISION)


@pytest.fixture(scope="session")
def resolver() -> PlaceResolver:
    """The shipped gazetteer's resolver (places are not fixture content)."""
    return PlaceResolver.default()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "talkbot.db"


@pytest.fixture
def store(db_path: Path):
    opened = FactStore.open(db_path, CONTENT)
    yield opened
    opened.close()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """A fake Bot API server on 127.0.0.1 for one test."""
    async with FakeBotAPI() as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    """A real aiogram Bot talking to that server."""
    client = fake_api_bot(api)
    yield client
    await client.session.close()


@pytest.fixture
async def start_polling(api: FakeBotAPI, bot: Bot) -> AsyncIterator[StartPolling]:
    """Starts ``dp.start_polling(bot)`` in a task and returns once it polls; stops every
    started dispatcher cleanly at teardown."""
    running: list[tuple[Dispatcher, asyncio.Task[None]]] = []

    async def start(dp: Dispatcher, **kwargs: Any) -> asyncio.Task[None]:
        kwargs.setdefault("polling_timeout", 1)
        kwargs.setdefault("backoff_config", FAST_BACKOFF)
        polls = len(api.calls_of("getUpdates"))
        task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, **kwargs))
        running.append((dp, task))
        await api.wait_for("getUpdates", count=polls + 1)
        return task

    yield start
    for dp, task in running:
        if not task.done():
            await dp.stop_polling()
        await asyncio.wait_for(task, 5)

