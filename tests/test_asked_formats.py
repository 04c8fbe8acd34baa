"""The start in the form asked for (round 19): "give me the ISO 8601 timestamp of the start",
"unix time of the start", "начало в формате ГГГГ-ММ-ДДTЧЧ:ММ", "скільки секунд від 1970
року", "in 24-hour format", "добавь в календарь": the format's name is read as "time" and the
answer carries the value on its own line (ISO 8601 with the offset of the zone asked for,
else the source's; the unix seconds), composed from the fact's event."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.answering.compose import TimeLine
from knowledge.answering.formats import format_lines
from knowledge.language.formats import asked_formats

KYIV_START = datetime(2021, 12, 7, 17, 0, tzinfo=ZoneInfo("Europe/Kyiv"))
UNIX_START = "1638889200"  # 2021-12-07 15:00 UTC


@pytest.mark.parametrize(
    ("text", "lang", "rest", "formats"),
    [
        ("give me the ISO 8601 timestamp of the start", "en", "time of the start", {"iso"}),
        ("format the start as YYYY-MM-DDTHH:MM", "en", "the start time", {"iso"}),
        ("начало в формате ГГГГ-ММ-ДДTЧЧ:ММ с часовым поясом", "ru", "начало время", {"iso"}),
        ("початок у форматі РРРР-ММ-ДДTГГ:ХХ з часовим поясом", "uk", "початок час", {"iso"}),
        ("unix time of the start", "en", "time of the start", {"unix"}),
        ("how many seconds since 1970 when it starts", "en", "time when it starts", {"unix"}),
        ("скільки секунд від 1970 року до початку", "uk", "час до початку", {"unix"}),
        ("moscow start time in 24-hour format pls", "en", "moscow start time", {"clock"}),
        ("о котрій годині за Києвом, в 24-годинному форматі", "uk", "о котрій годині за Києвом",
         {"clock"}),
        ("24h?", "en", "time", {"clock"}),
        ("добавь в календарь", "ru", "время", {"calendar"}),
        ("дай событие для гугл календаря", "ru", "время", {"calendar"}),
        ("створи подію в гугл календарі", "uk", "час", {"calendar"}),
        ("can you add it to my google calendar", "en", "time", {"calendar"}),
        ("можешь добавить это в мой календарь?", "ru", "время ?", {"calendar"}),
        ("send me an ics file", "en", "time", {"calendar"}),
        ("внести в календар розмову", "uk", "час розмову", {"calendar"}),
        ("ISO 8601 and unix time of the start", "en", "time and of the start", {"iso", "unix"}),
    ],
)  # fmt: skip
def test_a_format_asked_for_reads_as_the_time(text, lang, rest, formats):
    asked = asked_formats(text, lang)
    assert asked is not None
    assert (asked.text, set(asked.formats)) == (rest, formats)


@pytest.mark.parametrize(
    "text", ["when is the call", "what's the format of the call", "в каком формате встреча"]
)
def test_a_question_naming_no_format_is_left_alone(text):
    assert asked_formats(text, "en") is None


def test_iso_takes_the_source_zone_and_unix_the_seconds():
    times = (TimeLine(KYIV_START, "Kyiv", "source"),)
    lines = format_lines(times, frozenset({"iso", "unix"}), "en")
    assert [line.text() for line in lines] == [
        "ISO 8601, Kyiv: 2021-12-07T17:00:00+02:00",
        f"Unix time (seconds since 1970, UTC): {UNIX_START}",
    ]


def test_iso_takes_the_zone_asked_for_with_its_winter_offset():
    new_york = KYIV_START.astimezone(ZoneInfo("America/New_York"))
    times = (TimeLine(KYIV_START, "Kyiv", "source"), TimeLine(new_york, "New York", "asked"))
    iso, unix = format_lines(times, frozenset({"iso", "unix"}), "ru")
    assert (iso.label, iso.value) == ("ISO 8601, New York", "2021-12-07T10:00:00-05:00")
    assert unix.value == UNIX_START  # one instant, whatever the zone


def test_the_clock_and_calendar_asks_add_no_line():
    times = (TimeLine(KYIV_START, "Kyiv", "source"),)
    assert format_lines(times, frozenset({"clock", "calendar"}), "uk") == ()
    assert format_lines((), frozenset({"iso"}), "en") == ()


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("give me the ISO 8601 timestamp of the start", "2021-12-07T17:00:00+02:00"),
        ("начало в формате ГГГГ-ММ-ДДTЧЧ:ММ с часовым поясом", "2021-12-07T17:00:00+02:00"),
        ("when does it start in new york, iso 8601", "New York: 2021-12-07T10:00:00-05:00"),
        ("unix time of the start", UNIX_START),
        ("скільки секунд від 1970 року до початку розмови", f"від 1970 року, UTC): {UNIX_START}"),
    ],
)
def test_the_answer_carries_the_value_on_its_own_line(engine, question, line):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.event is not None
    assert any(text.endswith(line) for text in answer.text.splitlines())


@pytest.mark.parametrize(
    "question",
    ["moscow start time in 24-hour format pls", "добавь в календарь", "додай у календар",
     "дай событие для гугл календаря", "створи подію в гугл календарі"],
)  # fmt: skip
def test_clock_and_calendar_asks_get_the_event_time_in_24_hours(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.event is not None and not answer.formats
    assert "17:00" in answer.text and " PM" not in answer.text
