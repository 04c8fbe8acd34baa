"""/start, /help and the command menu end to end: greeting, example buttons, every command."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.filters import Command

from bot.app import build_dispatcher
from bot.commands import ADMIN_COMMANDS, COMMANDS
from bot.config import load_settings
from bot.i18n import bot_catalog
from knowledge.model import LANGS
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import FakeBotAPI
from tests.bot_harness import RunningBot, buttons, running_bot
from tests.conftest import CONTENT

SCOPES = ({"type": "default"}, {"type": "all_private_chats"})


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


async def test_start_greets_with_the_call_time_and_example_buttons(tb: RunningBot, engine):
    call = await tb.say("/start")

    assert call.plain.startswith("Hello! I answer questions about the Putin–Biden video call")
    assert "Tuesday, 7 December 2021, 17:00, Kyiv, UTC+2" in call.plain
    offered = buttons(call)
    assert 3 <= len(offered) <= 4
    assert [b["text"] for b in offered] == [s.question for s in engine.examples("en")][:4]
    assert offered[0]["callback_data"] == "q1:a:en:talks-time"


async def test_tapping_an_example_answers_it(tb: RunningBot):
    call = await tb.say("/start")
    answered = await tb.tap(buttons(call)[1]["callback_data"])
    assert answered.plain.startswith("The talks were to be held by video link")
    assert "«проведут переговоры в формате видеосвязи" in answered.plain


async def test_start_speaks_the_client_language(tb: RunningBot):
    call = await tb.say("/start", language_code="uk")
    assert call.plain.startswith("Вітаю!")
    assert "вівторок, 7 грудня 2021\u202fр., 17:00, Київ, UTC+2" in call.plain
    assert buttons(call)[0]["callback_data"] == "q1:a:uk:talks-time"
    answered = await tb.tap(buttons(call)[0]["callback_data"], language_code="uk")
    assert answered.plain.startswith("Переговори були призначені")


async def test_an_unsupported_client_language_gets_english(tb: RunningBot):
    call = await tb.say("/start", language_code="de")
    assert call.plain.startswith("Hello!")


@pytest.mark.parametrize("lang", LANGS)
async def test_help_lists_every_command_and_explains_time_zones(tb: RunningBot, lang: str):
    texts = bot_catalog()
    call = await tb.say("/help", language_code=lang)
    for name in COMMANDS:
        assert f"/{name} — {texts(f'commands.{name}', lang)}" in call.plain
    assert texts("help.zones", lang) in call.plain
    assert "@talkbot_test_bot" in call.plain


async def test_commands_are_registered_for_every_language_and_scope(tb: RunningBot):
    texts = bot_catalog()
    for scope in SCOPES:
        for lang in ("", *LANGS):
            registered = tb.api.commands_for(scope, lang)
            expected = [
                {"command": name, "description": texts(f"commands.{name}", lang or "en")}
                for name in COMMANDS
            ]
            assert registered == expected, (scope, lang)
    descriptions = {tb.api.commands_for(SCOPES[1], lang)[2]["description"] for lang in LANGS}
    assert len(descriptions) == 3  # really translated


async def test_updates_waiting_at_start_are_answered_not_dropped(db_path, engine):
    async with FakeBotAPI() as api:
        waiting = api.push_update(api.text_message("when is the call?"))
        async with running_bot(db_path, engine, api=api):
            [call] = await api.wait_for("sendMessage")
        assert call.plain.startswith("The talks were scheduled")
        assert api.dropped_update_ids == []
        assert waiting in api.confirmed_update_ids or waiting in api.delivered_update_ids
        assert all(not c.params.get("drop_pending_updates") for c in api.calls)


async def test_an_unknown_command_points_to_help(tb: RunningBot):
    call = await tb.say("/weather")
    assert call.plain == "I don't know that command. /help lists what I can do."
    call = await tb.say("/weather", language_code="ru")
    assert call.plain == "Я не знаю такой команды. Что я умею — в /help."


def test_every_command_a_router_handles_is_in_the_command_list(db_path, engine):
    config = load_settings(_env_file=None, bot_token="1:x", database_path=db_path)
    store = FactStore.open(db_path, CONTENT)
    try:
        dp = build_dispatcher(config, store, engine)
    finally:
        store.close()
    handled = {
        command
        for router in dp.chain_tail
        for handler in router.message.handlers
        for flt in handler.filters or []
        if isinstance(flt.callback, Command)
        for command in flt.callback.commands
    }
    # Admin commands are handled twice: for admins, and refused for everyone else.
    assert handled == set(COMMANDS) | set(ADMIN_COMMANDS)
