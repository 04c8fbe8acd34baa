"""The start in a form asked for, in Telegram (round 19): the value goes out as code (one tap
copies it), and "добавь в календарь", "створи подію в гугл календарі" are answered with the
time and the button that sends the event's .ics file."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from icalendar import Calendar

from tests.bot_harness import RunningBot, buttons, running_bot, sent_entities


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


async def test_the_iso_value_goes_out_as_code_on_its_own_line(tb: RunningBot):
    call = await tb.say("give me the ISO 8601 timestamp of the start")
    assert "ISO 8601, Kyiv: 2021-12-07T17:00:00+02:00" in call.plain.splitlines()
    codes = [e for e in sent_entities(call) if e["type"] == "code"]
    assert len(codes) == 1


async def test_a_format_line_is_not_taken_from_the_same_fact_said_before(tb: RunningBot):
    # Replies are rendered once per distinct answer: the format's line is part of it.
    plain = await tb.say("when is the call?")
    asked = await tb.say("unix time of the start")
    assert "1638889200" not in plain.plain
    assert "Unix time (seconds since 1970, UTC): 1638889200" in asked.plain.splitlines()


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("добавь в календарь", "📅 Добавить в календарь"),
        ("дай событие для гугл календаря", "📅 Добавить в календарь"),
        ("створи подію в гугл календарі", "📅 Додати в календар"),
    ],
)
async def test_a_calendar_ask_gets_the_calendar_file(tb: RunningBot, question, label):
    call = await tb.say(question)
    assert "17:00" in call.plain
    button, _notify = buttons(call)
    assert button["text"] == label
    sent = await tb.tap(button["callback_data"], method="sendDocument")
    [event] = Calendar.from_ical(sent.files["document"].content).walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Kyiv"
