"""Clocks named as people in the trade name them (round 15): a place with the offset or
zone it keeps ("in Istanbul, GMT+3"), "Zulu", "за Гринвічем", a spelt zone with its country
after it ("по восточному времени США"), and hours in military time ("1700 hrs")."""

from __future__ import annotations

import pytest

from knowledge.language.clock_words import military_hours
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.places.resolver import PlaceResolver
from tests.asking import anew
from tests.test_asked_days import reached


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("when does it start in Istanbul, GMT+3", "Europe/Istanbul"),
        ("what time in california, UTC-8", "America/Los_Angeles"),
        ("у нас во Владивостоке это во сколько, МСК+7", "Asia/Vladivostok"),
        ("в NYC о котрій, GMT-5", "America/New_York"),
        ("call time in EST / GMT-5", "America/New_York"),
        ("по тихоокеанскому времени когда, UTC-8", "America/Los_Angeles"),
    ],
)
def test_an_offset_a_place_keeps_only_says_which_clock_it_is(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        # Istanbul keeps UTC+3 and California UTC-8 in December: the two clocks disagree.
        "when does it start in Istanbul, GMT+5",
        "what time in california, UTC-7",
    ],
)
def test_an_offset_the_place_does_not_keep_is_not_dropped(engine, question):
    answer = engine.ask(question)
    assert not answer.answered


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("в Zulu скільки буде", "UTC"),
        ("what time is the call in zulu", "UTC"),
        ("а за Гринвічем?", "GMT"),
        ("по восточному времени сша во сколько?", "America/New_York"),
        ("по тихоокеанскому времени США?", "America/Los_Angeles"),
        ("за тихоокеанським часом США коли розмова", "America/Los_Angeles"),
    ],
)
def test_trade_names_of_zones_are_their_clocks(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("kyiv time 1700 hrs", "kyiv time 17 00"),
        ("what time in kyiv 1700h", "what time in kyiv 17 00"),
        ("в 1700 по києву так", "в 17 00 по києву так"),
        ("so in мск it's what 1800", "so in мск it's what 18 00"),
        ("at 2000 hours", "at 20 00"),
        ("at 0930", "at 9 30"),
        # A year stays a year; four figures that are no hour, or stand alone, stay a number.
        ("в 2021 году", "в 2021 году"),
        ("what happened in 2014", "what happened in 2014"),
        ("1700 troops there", "1700 troops there"),
        ("at 1765", "at 1765"),
        ("the 1800 mark", "the 1800 mark"),
    ],
)
def test_four_figures_are_a_military_hour_only_where_they_stand_for_one(words, read):
    calendar = shipped_lexicon().calendar
    assert " ".join(military_hours(words.split(), calendar)) == read


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("в 1700 по Києву, так?", "uk", "Так."),
        ("в 1800 по Києву, так?", "uk", "Ні."),
        ("so in MSK it's what, 1800?", "en", "Yes."),
        ("kyiv time for the call, 1700 hrs?", "en", ""),
    ],
)
def test_an_hour_in_military_time_is_checked_as_the_hour(content, question, lang, lead):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.answered and reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)


def test_zulu_is_utc_and_a_stray_offset_word_is_no_place():
    resolver = PlaceResolver.default()
    assert resolver.resolve("Zulu").key == "UTC"
    assert resolver.find("what did the kremlin say about it") is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        # Typed all in lower case, capitals prove nothing: a well-known city opening the
        # message of a question about time is its place, as "Варшава о котрій" is.
        ("варшава о котрій", "Europe/Warsaw"),
        ("токио во сколько", "Asia/Tokyo"),
        # A clock's face asks the hour there.
        ("а в ашдоде это сколько будет на часах", "Asia/Jerusalem"),
    ],
)
def test_a_lower_case_city_opening_a_question_about_time_is_its_place(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        "путин когда",  # a person, no city
        "what time does the match start, geneva",  # not the first word
        "варшава Когда",  # a capital elsewhere: the message is not typed in lower case
    ],
)
def test_a_lower_case_name_counts_only_opening_a_message_typed_in_lower_case(question):
    assert PlaceResolver.default().find(question) is None
