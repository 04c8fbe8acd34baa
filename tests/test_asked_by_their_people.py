"""A place named by its people, by the manner of its people or by a nickname, in a question
about time (wave 13): "for parisians what time", "алматинцам когда включать", "о котрій для
техасців", "по-питерски во сколько", "а у дедушки Джо сколько времени" (demonyms.yaml,
landmarks.yaml)."""

from __future__ import annotations

import pytest

from knowledge.places import demonyms
from knowledge.places.resolver import PlaceResolver


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("for parisians what time", "Europe/Paris"),
        ("Almatians what hour do we watch", "Asia/Almaty"),
        ("what time for Texans", "America/Chicago"),
        ("Californian time?", "America/Los_Angeles"),
        ("во сколько для парижан", "Europe/Paris"),
        ("алматинцам когда включать", "Asia/Almaty"),  # a dative alone
        ("а лондонцам во сколько смотреть", "Europe/London"),
        ("для москвичей это 17 или 18?", "Europe/Moscow"),
        ("о котрій для техасців", "America/Chicago"),
        ("о котрій для лондонців", "Europe/London"),
        ("для сіетлців це ранок?", "America/Los_Angeles"),
        ("what time is it for Americans", "America/New_York"),  # a country's answer today
        ("по-питерски во сколько", "Europe/Moscow"),  # a manner adverb: its adjective
        ("по-алматински во сколько", "Asia/Almaty"),
    ],
)
def test_a_people_in_a_question_about_time_is_their_place(question, zone):
    mention = demonyms.find(PlaceResolver.default(), question)
    assert mention is not None and mention.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        "what do the Americans want",  # a side, and no time asked
        "что хотят россияне",
        "when will the Americans answer",  # a side counts only after "for" or before "time"
        "когда ответят американцам",
        "what did the parisians say",  # no time asked
        "как это по-английски, во сколько",  # a language, not a city's manner
    ],
)
def test_a_people_talked_about_is_no_place(question):
    assert demonyms.find(PlaceResolver.default(), question) is None


def test_every_people_names_a_known_place():
    demonyms.validate(PlaceResolver.default())


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("for parisians what time", "Europe/Paris"),
        ("алматинцам когда включать", "Asia/Almaty"),
        ("о котрій для техасців", "America/Chicago"),
        ("по-питерски во сколько", "Europe/Moscow"),
        ("что по времени для Белого дома", "America/New_York"),
        ("а у дедушки Джо сколько времени будет", "America/New_York"),
        ("а в дідуся Джо котра година буде", "America/New_York"),
    ],
)
def test_the_clock_of_a_people_or_a_nickname_is_answered(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


def test_a_nickname_talked_about_is_no_clock(engine):
    assert engine.ask("what does the Kremlin want").place is None


@pytest.mark.parametrize("question", ["who speaks for the kremlin after the talks"])
def test_the_kremlin_spoken_for_is_no_clock(engine, question):
    assert engine.ask(question).place is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("moscow locals what time", "Europe/Moscow"),
        ("St Petersburg folks what time", "Europe/Moscow"),
    ],
)
def test_a_bare_city_before_a_word_for_its_people_is_the_city(question, zone):
    # The word for the people does not make the city an attribute ("the Geneva summit").
    mention = PlaceResolver.default().find(question)
    assert mention is not None and mention.place.key == zone
