"""/tz, shared locations and /lang end to end, persisted per user in SQLite."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from knowledge.places.geo import ZoneLocator
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import DEFAULT_USER_ID
from tests.bot_harness import GROUP_ID, RunningBot, buttons, running_bot
from tests.conftest import CONTENT

OTHER_USER = 200_002


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


def saved(db_path, user_id: int = DEFAULT_USER_ID):
    """What a fresh connection reads: proof the setting reached the database file."""
    store = FactStore.open(db_path, CONTENT)
    try:
        return store.user_settings(user_id)
    finally:
        store.close()


async def test_tz_without_a_place_explains_and_offers_to_share_location(tb: RunningBot):
    call = await tb.say("/tz")
    assert call.plain.startswith("You have not set a time zone")
    assert "/tz reset" in call.plain
    [[button]] = call.params["reply_markup"]["keyboard"]
    assert button == {"text": "📍 Share location", "request_location": True}


@pytest.mark.parametrize("name", ["Berlin", "Берлин", "Берлін"])
async def test_tz_sets_a_place_named_in_any_language_and_answers_add_its_time(
    tb: RunningBot, db_path, name: str
):
    call = await tb.say(f"/tz {name}")
    assert call.plain == "Time zone set: Berlin (UTC+1 now). Answers now include your own time."
    assert call.params["reply_markup"] == {"remove_keyboard": True}  # the location button
    assert saved(db_path).tz == name

    answer = await tb.say("when is the call?")
    assert "Tuesday, 7 December 2021, 16:00 (UTC+1) — Berlin (your time)" in answer.plain

    shown = await tb.say("/tz")
    assert shown.plain.startswith("Your time zone: Berlin (UTC+1 now).")


async def test_tz_keeps_the_city_named_not_the_zone_city(tb: RunningBot):
    await tb.say("/tz Kharkiv")
    answer = await tb.say("when is the call?")
    assert "17:00 (UTC+2) — Kharkiv (your time)" in answer.plain


async def test_tz_reset_clears_the_zone(tb: RunningBot, db_path):
    await tb.say("/tz Tokyo")
    call = await tb.say("/tz reset")
    assert call.plain.startswith("Time zone cleared.")
    assert saved(db_path).tz is None
    answer = await tb.say("when is the call?")
    assert "(your time)" not in answer.plain


async def test_tz_with_an_unknown_place_says_so_with_suggestions(tb: RunningBot, db_path):
    call = await tb.say("/tz Berlinn", language_code="en")
    assert call.plain.startswith("I don't know the place “Berlinn”. Did you mean: ")
    assert "Berlin" in call.plain
    assert saved(db_path).tz is None


async def test_an_unknown_place_is_quoted_back_escaped(tb: RunningBot):
    call = await tb.say("/tz <b>Narnia</b> & co")
    assert call.ok
    assert call.plain.startswith("I don't know the place “<b>Narnia</b> & co”")
    assert "&lt;b&gt;Narnia&lt;/b&gt; &amp; co" in call.params["text"]


async def test_settings_belong_to_each_user(tb: RunningBot, db_path):
    await tb.say("/tz Tokyo")
    await tb.say("/tz New York", user_id=OTHER_USER)
    assert saved(db_path).tz == "Tokyo"
    assert saved(db_path, OTHER_USER).tz == "New York"


async def test_a_shared_location_sets_the_zone_from_coordinates(tb: RunningBot, db_path):
    call = await tb.send(tb.api.location_message(52.52, 13.40))
    assert call.plain.startswith("Time zone set: Berlin (UTC+1 now).")
    assert call.params["reply_markup"] == {"remove_keyboard": True}
    assert saved(db_path).tz == "Europe/Berlin"
    answer = await tb.say("when is the call?")
    assert "16:00 (UTC+1) — Berlin (your time)" in answer.plain


async def test_a_location_at_sea_gets_its_offset(tb: RunningBot, db_path):
    call = await tb.send(tb.api.location_message(0.0, -30.0))
    assert call.plain.startswith("Time zone set: UTC-02:00")
    answer = await tb.say("when is the call?")
    assert "13:00 (UTC−2)" in answer.plain


def test_zone_locator_finds_zones_offline_and_refuses_impossible_points():
    zones = ZoneLocator()
    assert zones.zone_at(50.45, 30.52) == "Europe/Kyiv"
    assert zones.zone_at(40.71, -74.0) == "America/New_York"
    assert zones.zone_at(91.0, 0.0) is None


async def test_lang_overrides_the_answer_language_and_persists(tb: RunningBot, db_path):
    call = await tb.say("/lang uk")
    assert call.plain == "Тепер я відповідаю українською."
    assert saved(db_path).lang == "uk"

    answer = await tb.say("when is the call?")
    assert answer.plain.startswith("Переговори були призначені")
    hint = await tb.send(tb.api.sticker_message())
    assert hint.plain == "Я читаю лише текст: будь ласка, напишіть запитання."


async def test_lang_auto_answers_in_the_language_of_each_question(tb: RunningBot, db_path):
    await tb.say("/lang ru")
    call = await tb.say("/lang auto")
    assert call.plain == "From now on I answer in the language of each question."
    assert saved(db_path).lang is None
    answer = await tb.say("коли розмова?")
    assert answer.plain.startswith("Переговори були призначені")


async def test_lang_without_a_choice_shows_it_with_buttons_that_set_it(tb: RunningBot, db_path):
    call = await tb.say("/lang")
    assert call.plain.startswith("Answer language: the language of each question.")
    assert [b["callback_data"] for b in buttons(call)] == ["l1:en", "l1:ru", "l1:uk", "l1:auto"]

    confirmed = await tb.tap("l1:ru")
    assert confirmed.plain == "Теперь я отвечаю: по-русски."
    assert saved(db_path).lang == "ru"


async def test_lang_with_an_unknown_language_lists_the_choices(tb: RunningBot, db_path):
    call = await tb.say("/lang klingon")
    assert call.plain.startswith("I don't know the language “klingon”.")
    assert "/lang auto" in call.plain
    assert saved(db_path).lang is None


async def test_tz_in_a_group_answers_without_a_location_button(tb: RunningBot):
    call = await tb.say("/tz", chat_id=GROUP_ID)
    assert call.plain.startswith("You have not set a time zone")
    assert "reply_markup" not in call.params
