"""Issue 15, item 8: forged callback data (30-digit numbers, wrong shapes, unknown values) from
an admin or anyone else gets "this button is out of date", never the generic apology."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.i18n import bot_catalog
from tests.admin_support import admin_bot
from tests.bot_harness import RunningBot
from tests.curation_support import ADMIN_A

HUGE = "9" * 30
OUT_OF_DATE = bot_catalog()("fallback.button_out_of_date", "en")
APOLOGY = bot_catalog()("fallback.error", "en")

FORGED = [
    f"a1p:{HUGE}:",  # /facts paging
    "a1p:-5:",
    f"a1d:y:{HUGE}:talks-time",  # /del confirmation with a version
    f"a1d:y:-{HUGE}:talks-time",
    f"a1u:a:{HUGE}:talks-time",  # /unanswered attach with a handle
    f"a1u:d:{HUGE}:",
    "a1u:z:1:talks-time",  # an action that never existed
    "a1d:y:1",  # a field short
    "q1:c:en",
    "q1:x:en:talks-time",
    "q1:c:en:talks-time:extra",
    "l1:fr",
    "n1:en",
    "zz:" + HUGE,
    HUGE,
]


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


@pytest.mark.parametrize("user", ["admin", "user"])
async def test_forged_buttons_are_out_of_date_for_admins_and_users_alike(tb: RunningBot, user: str):
    for n, data in enumerate(FORGED):
        # Admins are never throttled; users press once each, so no flood limit is in play.
        user_id = ADMIN_A if user == "admin" else 100_001 + n
        before = len(tb.api.calls_of("answerCallbackQuery"))
        tb.api.push_update(tb.api.callback_query(data, user_id=user_id))
        [answer] = (await tb.api.wait_for("answerCallbackQuery", count=before + 1))[before:]
        text = answer.params.get("text")
        if user == "user" and data.startswith("a1"):
            assert text == "Sorry, that is for the bot's admins only.", data
        else:
            assert text == OUT_OF_DATE, data
        assert answer.ok, data
    assert APOLOGY not in tb.api.sent_texts()
    assert tb.store.audit.history() == []
