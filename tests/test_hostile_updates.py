"""Issue 15, item 1: an update aiogram's models cannot decode is skipped, logged and counted,
in polling and in the webhook, and the questions after it are answered."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.runtime.updates import SkippedUpdates
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_harness import running_bot, running_webhook

ADMIN = 4242


def older_api_poll(api: FakeBotAPI) -> dict[str, Any]:
    """A forwarded poll as a Bot API server older than aiogram's sends it: no
    allows_revoting, no members_only, options without persistent_id."""
    update = api.text_message("placeholder")
    message = update["message"]
    del message["text"]
    message["poll"] = {
        "id": "5012345678901234567",
        "question": "Will the call take place?",
        "options": [{"text": "yes", "voter_count": 3}, {"text": "no", "voter_count": 1}],
        "total_voter_count": 4,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
    }
    return update


def rejected_object(api: FakeBotAPI) -> dict[str, Any]:
    """A message whose chat id is not a number: no model accepts it."""
    update = api.text_message("when is the call?")
    update["message"]["chat"]["id"] = "not a number"
    return update


async def test_polling_skips_updates_it_cannot_decode_and_answers_the_next_question(
    db_path: Path, engine, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.WARNING, logger="bot.runtime.updates")
    async with running_bot(db_path, engine, ordered=True, overrides={"admin_ids": [ADMIN]}) as run:
        first = run.api.push_update(older_api_poll(run.api))
        second = run.api.push_update(rejected_object(run.api))
        answer = await run.say("when is the call?")
        assert answer.plain.startswith("The talks were scheduled for Tuesday")
        # Both were confirmed to Telegram: a restart would not meet them again.
        await run.api.wait_for("getUpdates", count=len(run.api.calls_of("getUpdates")) + 1)
        assert {first, second} <= set(run.api.confirmed_update_ids)
        skipped = run.dp["skipped_updates"]
        assert skipped.count == 2 and skipped.last_id == second
        stats = await run.send(run.api.text_message("/stats", user_id=ADMIN), "sendPhoto")
    assert "2" in stats.plain and "could not be decoded" in stats.plain
    logged = [r.getMessage() for r in caplog.records if r.name == "bot.runtime.updates"]
    assert len(logged) == 2 and all("cannot be decoded" in line for line in logged)


async def test_the_webhook_answers_an_undecodable_update_200_and_the_next_one_normally(
    db_path: Path, engine
):
    async with running_webhook(db_path, engine) as hooked:
        api, url, headers, dp = hooked.api, hooked.url, hooked.headers, hooked.dp
        bad = [
            {"update_id": 1, **older_api_poll(api)},
            {"update_id": 2, **rejected_object(api)},
        ]
        statuses = []
        async with aiohttp.ClientSession() as http:
            for update in bad:
                async with http.post(url, json=update, headers=headers) as response:
                    statuses.append(response.status)
            async with http.post(url, data=b"{not json", headers=headers) as response:
                statuses.append(response.status)
            good = {"update_id": 3, **api.text_message("when is the call?")}
            async with http.post(url, json=good, headers=headers) as response:
                statuses.append(response.status)
        [answer] = api.calls_of("sendMessage")
    assert statuses == [200, 200, 200, 200]
    assert answer.plain.startswith("The talks were scheduled for Tuesday")
    skipped: SkippedUpdates = dp["skipped_updates"]
    assert skipped.count == 3 and skipped.last_id == 2
