"""A place given by its coordinates (knowledge/places/coordinates.py): with hemispheres in
English, Russian or Ukrainian notation, or as a bare pair of decimals, the call's time is
shown in the zone at that point; two clock times or dates written alike are no point."""

from __future__ import annotations

import pytest

from knowledge.places.coordinates import points


@pytest.mark.parametrize(
    ("question", "lang", "zone"),
    [
        ("what time at 40.7N 74W?", "en", "America/New_York"),
        ("im at 40.71, -74.00. when do i tune in", "en", "America/New_York"),
        ("41.88N 87.63W, what time is the call", "en", "America/Chicago"),
        ("32.08, 34.78 — во сколько стартует разговор", "ru", "Asia/Jerusalem"),
        ("55.75 с.ш. 37.62 в.д., во сколько переговоры", "ru", "Europe/Moscow"),
        ("43.65 пн.ш. 79.38 зх.д. — о котрій розмова", "uk", "America/Toronto"),
    ],
)
def test_the_time_is_shown_in_the_zone_at_the_point(engine, question, lang, zone):
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    "text",
    ["at 17.00, 18.30 kyiv time", "7.12, 8.12", "17:00, 18:00", "2 presidents, 1 call"],
)
def test_clock_times_and_dates_are_no_point(text):
    assert list(points(text)) == []


def test_a_southern_and_western_point_is_negative():
    [(_, _, lat, lon)] = points("33.87 S 151.21 E")
    assert (lat, lon) == (-33.87, 151.21)
    [(_, _, lat, lon)] = points("34.6 ю.ш. 58.4 з.д.")
    assert (lat, lon) == (-34.6, -58.4)
