"""What the admin end-to-end tests share: the real bot with two admins, polling the fake Bot
API, on an engine of its own (admin writes reload it, so never the session's engine)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from knowledge.answering.engine import Engine
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import Call
from tests.bot_harness import RunningBot, buttons, running_bot
from tests.conftest import AFTER_THE_CALL, CONTENT, DECISION
from tests.curation_support import ADMIN_A, ADMIN_B

ADMINS = frozenset({ADMIN_A, ADMIN_B})
USER = 100_001  # the fake's default user: not an admin


@asynccontextmanager
async def admin_bot(db_path: Path, **options: Any) -> AsyncIterator[RunningBot]:
    store = FactStore.open(db_path, CONTENT)
    try:
        engine = Engine(
            store.facts(),
            store.sources(),
            events=store.events(),
            clock=lambda: AFTER_THE_CALL,
            decision=DECISION,
        )
    finally:
        store.close()
    async with running_bot(db_path, engine, overrides={"admin_ids": ADMINS}, **options) as tb:
        yield tb


async def admin_says(tb: RunningBot, text: str, admin: int = ADMIN_A, **kwargs: Any) -> Call:
    return await tb.say(text, user_id=admin, **kwargs)


async def replies(tb: RunningBot, text: str, count: int, user_id: int = ADMIN_A) -> list[Call]:
    """Every sendMessage a message causes, when it causes several."""
    return await tb.api.send_and_wait(tb.api.text_message(text, user_id=user_id), count=count)


async def press(
    tb: RunningBot, call: Call, index: int, method: str, user_id: int = ADMIN_A
) -> Call:
    """Press button `index` of the message `call` sent; the call it causes."""
    data = buttons(call)[index]["callback_data"]
    message_id = call.result["message_id"]
    return await tb.tap(data, method, user_id=user_id, message_id=message_id)


def button_texts(call: Call) -> list[str]:
    return [button["text"] for button in buttons(call)]
