"""The bot's small parts on their own: callback data within 64 bytes, bounded memory."""

from __future__ import annotations

import hashlib

import pytest
from aiogram.filters.callback_data import MAX_CALLBACK_LENGTH
from aiogram.types import Message

from bot.callbacks import (
    Choice,
    DeleteCallback,
    FactAction,
    FactCallback,
    delete_data,
    fact_token,
    resolve,
)
from bot.filters import CommandLike
from bot.keyboards import fact_button
from bot.middlewares import Conversations, InFlight

LONGEST_ID = "a" + "-very-long-fact-id" * 3 + "-x" * 4  # 63 characters, the most allowed


def test_every_shipped_fact_id_fits_in_callback_data_as_it_is(facts):
    for fact in facts:
        assert fact_token(fact.id) == fact.id
        for action in FactAction:
            data = fact_button("q", fact.id, "uk", action).callback_data
            assert data is not None and len(data.encode()) <= MAX_CALLBACK_LENGTH


def test_an_id_too_long_for_64_bytes_travels_as_a_digest_and_comes_back():
    assert len(LONGEST_ID) == 63
    token = fact_token(LONGEST_ID)
    assert token != LONGEST_ID
    data = fact_button("q", LONGEST_ID, "en", FactAction.CALENDAR).callback_data
    assert data is not None and len(data.encode()) <= MAX_CALLBACK_LENGTH
    unpacked = FactCallback.unpack(data)
    assert resolve(unpacked.fact, ["talks-time", LONGEST_ID]) == LONGEST_ID
    assert resolve(unpacked.fact, ["talks-time"]) is None


def test_user_and_admin_buttons_carry_a_long_id_as_the_same_digest_they_always_did():
    # The digest the buttons already sent carry: "#" + blake2s(id, 8 bytes) in hex.
    sent_before = "#" + hashlib.blake2s(LONGEST_ID.encode(), digest_size=8).hexdigest()
    admin = DeleteCallback.unpack(delete_data(Choice.YES, 3, LONGEST_ID))
    assert fact_token(LONGEST_ID) == admin.fact == sent_before
    assert resolve(sent_before, ["talks-time", LONGEST_ID]) == LONGEST_ID


def test_callback_data_is_versioned():
    data = fact_button("q", "talks-time", "ru", FactAction.ANSWER).callback_data
    assert data == "q1:a:ru:talks-time"
    with pytest.raises(ValueError):
        FactCallback.unpack("q0:a:ru:talks-time")


def test_conversations_keep_the_most_recent_users_only():
    conversations = Conversations(capacity=2)
    first = conversations.get(1)
    first.last_fact_id = "talks-time"
    conversations.get(2)
    assert conversations.get(1) is first  # touched again: now the most recent
    conversations.get(3)  # evicts user 2, the least recent
    assert len(conversations) == 2
    assert conversations.get(1).last_fact_id == "talks-time"
    assert conversations.get(2).last_fact_id is None


async def test_in_flight_waits_until_the_last_update_is_done():
    in_flight = InFlight()
    assert await in_flight.wait_idle(0.01)
    in_flight.started(7)
    assert not await in_flight.wait_idle(0.01)
    in_flight.finished()
    assert await in_flight.wait_idle(0.01)
    assert in_flight.last_update_id == 7


@pytest.mark.parametrize(
    ("text", "caption", "passes"),
    [
        ("/help", None, True),
        ("  /tz Berlin", None, True),  # aiogram's Command takes it too
        (None, "/subscribe", True),  # a command written under a photo
        ("when is the call?", None, False),
        ("what does /help do?", None, False),
        (None, None, False),
    ],
)
async def test_command_routers_let_through_every_command_and_no_question(text, caption, passes):
    message = Message.model_validate(
        {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 5, "type": "private"},
            "text": text,
            "caption": caption,
        }
    )
    assert await CommandLike()(message) is passes
