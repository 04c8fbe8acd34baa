"""In Telegram as in `chat` and `ask`: "/ask QUESTION" is the question (not an unknown
command), and a request for the answer's language is the reply's language, over /lang too."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from talkbot.testing.fakeapi import BOT_USERNAME
from tests.bot_harness import GROUP_ID, RunningBot, running_bot

UNKNOWN = "I don't know that command. /help lists what I can do."


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


@pytest.mark.parametrize(
    ("message", "lead"),
    [
        ("/ask when is the call?", "The talks were scheduled"),
        ("/ask время по киеву", "Переговоры были назначены"),
        ("/q коли переговори", "Переговори були призначені"),
        ("<p>when do putin and biden talk?</p>", "The talks were scheduled"),
    ],
)
async def test_an_ask_command_or_markup_is_answered_as_its_question(tb: RunningBot, message, lead):
    call = await tb.say(message)
    assert call.plain.startswith(lead)


async def test_an_ask_command_alone_is_still_an_unknown_command(tb: RunningBot):
    call = await tb.say("/ask")
    assert call.plain == UNKNOWN


async def test_an_ask_command_to_the_bot_by_name_is_answered_in_a_group(tb: RunningBot):
    call = await tb.say(f"/ask@{BOT_USERNAME} when is the call?", chat_id=GROUP_ID)
    assert call.plain.startswith("The talks were scheduled")


async def test_the_reply_is_in_the_language_asked_for(tb: RunningBot):
    call = await tb.say("answer in English: когда созвон?", language_code="ru")
    assert call.plain.startswith("The talks were scheduled")
    await tb.say("/lang ru")
    call = await tb.say("відповідай англійською: коли розмова?")
    assert call.plain.startswith("The talks were scheduled")


async def test_a_request_alone_repeats_the_last_answer_in_that_language(tb: RunningBot):
    await tb.say("когда переговоры?", language_code="ru")
    call = await tb.say("in English please", language_code="ru")
    assert call.plain.startswith("The talks were scheduled")
    call = await tb.say("українською", language_code="ru")
    assert call.plain.startswith("Переговори були призначені")
