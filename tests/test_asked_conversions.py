"""A time with its own place and another place (round 22): "17:00 kyiv in london?", "5pm
kyiv = what in NY", "киевские 17:00 — это сколько по Москве?" convert the time, so no "No."
follows from it not being the second place's; a time stated in each clock ("17ч00 по киеву
это 18ч00 по мск?") is held against the event's time in its own (converted.py)."""

from __future__ import annotations

import pytest

from knowledge.answering.converted import conversion_target, unknown_at_end
from knowledge.i18n import ANSWERS
from knowledge.language.alone import alone_message
from tests.asking import anew


def _verdict(answer) -> str | None:
    for key in ("answer.yes", "answer.no"):
        if answer.lead.startswith(ANSWERS(key, answer.lang)):
            return key
    return None


def _asked(answer) -> list[str]:
    return [line.place for line in answer.times if line.role == "asked"]


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("17:00 kyiv in london?", "London"),
        ("5pm kyiv = what in London", "London"),
        ("17h kyiv -> london?", "London"),
        ("5p kyiv = ? london", "London"),
        ("17:00 по Киеву это сколько по Москве?", "Москва"),
        ("17:00 за Києвом це скільки в Лондоні?", "Лондон"),
    ],
)
def test_a_time_converted_is_answered_there_with_no_yes_or_no(content, question, place):
    answer = anew(content).ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert _verdict(answer) is None
    assert place in _asked(answer)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("17ч00 по киеву это 18ч00 по мск?", "answer.yes"),
        ("17:00 по Києву це 18:00 по Москві?", "answer.yes"),
        ("is it 15:00 in london when its 17:00 in kyiv?", "answer.yes"),
        ("17:00 kyiv = 17:00 london?", "answer.no"),
        ("is it 16:00 in london when its 17:00 in kyiv?", "answer.no"),
        ("18ч по москве это 16ч по киеву?", "answer.no"),
        ("17:00 за Києвом це 17:00 в Лондоні?", "answer.no"),
    ],
)
def test_a_time_stated_in_each_clock_is_checked_in_each(content, question, verdict):
    answer = anew(content).ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert _verdict(answer) == verdict


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("is it 18:00 in Moscow?", "answer.yes"), ("is it 17:00 in Moscow?", "answer.no")],
)
def test_a_time_in_the_one_place_asked_stays_a_check(content, question, verdict):
    assert _verdict(anew(content).ask(question)) == verdict


def test_a_choice_between_two_clocks_gets_no_no(content):
    assert _verdict(anew(content).ask("17:00 kyiv or 17:00 london?")) is None


def test_a_question_mark_after_a_mark_is_the_unknown():
    assert unknown_at_end("5p kyiv = ?") and unknown_at_end("17h kyiv -> ?")
    assert not unknown_at_end("when is it?") and not unknown_at_end("5p kyiv")


def test_the_target_is_the_place_after_the_mark(engine):
    target = conversion_target(engine.resolver, "5p kyiv = ? london")
    assert target is not None and target.place.names["en"] == "London"
    assert conversion_target(engine.resolver, "london = ?") is None  # no time of its own


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("aus time pls", "Australia"),
        ("oz time?", "Australia"),
        ("what's the time in aus", "Australia"),
    ],
)
def test_a_country_of_several_zones_by_its_short_name(resolver, question, country):
    mention = resolver.find(question)
    assert mention is not None and mention.place.key.startswith(f"{country}/")


def test_oz_in_a_title_is_no_place(resolver):
    assert resolver.find("the wizard of oz") is None


@pytest.mark.parametrize(
    ("message", "reading"),
    [
        ("T-?", "how long until the call"),
        ("T minus?", "how long until the call"),
        ("d-day?", "how long until the call"),
        ("Т-?", "сколько осталось до переговоров"),
        ("день Д?", "сколько осталось до переговоров"),
        ("Т-мінус?", "скільки залишилось до розмови"),
    ],
)
def test_a_countdown_notation_alone_asks_how_long_until_the_call(message, reading):
    assert alone_message(message) == reading


def test_a_countdown_notation_inside_a_question_is_no_reading():
    assert alone_message("T-shirt?") is None and alone_message("d-day landings?") is None


@pytest.mark.parametrize("message", ["T-?", "d-day?", "Т-?", "Т-мінус?"])
def test_a_countdown_notation_reaches_the_calls_time(content, message):
    answer = anew(content).ask(message)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("киевские 17:00 — это сколько по Москве?", None),
        ("18:00 is moscow time?", "answer.yes"),
        ("у 18:00 за Москвою?", "answer.yes"),
    ],
)
def test_a_time_whose_place_went_unread_is_no_claim_there(content, question, verdict):
    assert _verdict(anew(content).ask(question)) == verdict
