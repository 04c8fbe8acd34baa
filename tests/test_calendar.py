"""The .ics file for an event fact: the right zone, title, description and source."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from knowledge.answering.calendar import calendar_file_name, event_calendar

STAMP = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def parsed(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def only_event(calendar: Calendar):
    [event] = calendar.walk("VEVENT")
    return event


def test_call_starts_at_17_00_in_kyiv_with_its_zone_defined(facts_by_id, sources):
    calendar = parsed(event_calendar(facts_by_id["talks-time"], sources, "en", stamp=STAMP))
    event = only_event(calendar)
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Kyiv"
    assert start.dt.replace(tzinfo=None) == datetime(2021, 12, 7, 17, 0)
    assert start.dt.astimezone(UTC) == datetime(2021, 12, 7, 15, 0, tzinfo=UTC)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Kyiv"]


def test_event_carries_title_fact_and_cited_source(facts_by_id, sources):
    event = only_event(
        parsed(event_calendar(facts_by_id["talks-time"], sources, "en", stamp=STAMP))
    )
    assert str(event["SUMMARY"]) == "Putin–Biden video call"
    description = str(event["DESCRIPTION"])
    assert facts_by_id["talks-time"].text["en"] in description
    assert "дискуссия Путина и Байдена состоится 7 декабря в 17:00" in description
    assert "Glavred, citing RIA Novosti, paragraph 2" in description


def test_title_and_description_follow_the_reader_language(facts_by_id, sources):
    event = only_event(
        parsed(event_calendar(facts_by_id["talks-time"], sources, "uk", stamp=STAMP))
    )
    assert str(event["SUMMARY"]) == "Відеоперемовини Путіна і Байдена"
    assert "з посиланням на РІА Новини" in str(event["DESCRIPTION"])


def test_an_event_in_moscow_time_keeps_its_own_zone(facts_by_id, sources):
    calendar = parsed(event_calendar(facts_by_id["talks-footage"], sources, "ru", stamp=STAMP))
    start = only_event(calendar)["DTSTART"]
    assert start.params["TZID"] == "Europe/Moscow"
    assert start.dt.astimezone(UTC) == datetime(2021, 12, 7, 15, 0, tzinfo=UTC)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]


def test_uid_is_stable_so_a_second_import_updates_the_same_entry(facts_by_id, sources):
    first = only_event(
        parsed(event_calendar(facts_by_id["talks-time"], sources, "en", stamp=STAMP))
    )
    again = only_event(parsed(event_calendar(facts_by_id["talks-time"], sources, "ru")))
    assert first["UID"] == again["UID"]
    assert first["DTSTAMP"].dt == STAMP


def test_no_end_time_is_invented(facts_by_id, sources):
    event = only_event(
        parsed(event_calendar(facts_by_id["talks-time"], sources, "en", stamp=STAMP))
    )
    assert "DTEND" not in event and "DURATION" not in event


def test_a_fact_without_an_event_has_no_calendar(facts_by_id, sources):
    with pytest.raises(ValueError, match="no event"):
        event_calendar(facts_by_id["talks-format"], sources, "en")


def test_file_is_named_after_the_fact(facts_by_id):
    assert calendar_file_name(facts_by_id["talks-time"]) == "talks-time.ics"


@pytest.fixture(scope="module")
def facts_by_id(facts):
    return {fact.id: fact for fact in facts}
