"""The time asked for a place wrapped in the asker's own words (issue 10, round 11): the people
around the asker who keep that place's clock, and booking it in a calendar or a reminder."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "city"),
    [
        ("my boss is in Toronto, what time is the talk for him", "Toronto"),
        ("руководитель в Кейптауне, во сколько ему звонок", "Кейптаун"),
        ("мои коллеги в Стамбуле, во сколько переговоры?", "Стамбул"),
        ("мій директор у Харкові, о котрій йому розмова", "Харків"),
        ("колеги в Сінгапурі, о котрій розмова?", "Сінгапур"),
    ],
)
def test_a_person_around_the_asker_in_a_place_asks_that_places_time(engine, question, city):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert any(line.role == "asked" and city in line.place for line in answer.times)


def test_the_people_stay_words_of_a_question_that_asks_no_time(engine):
    assert not engine.ask("what did my colleagues in Kyiv say").answered


@pytest.mark.parametrize(
    "question",
    [
        "what time do I put in the calendar",
        "set a reminder for the talks",
        "поставить напоминание на переговоры",
        "внести в календар розмову",
    ],
)
def test_booking_it_in_a_calendar_or_a_reminder_asks_when(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("question", "city"),
    [
        ("talks time toronto", "Toronto"),
        ("переговоры время москва", "Москва"),
        ("розмова час київ", "Київ"),
    ],
)
def test_keywords_with_the_time_word_before_the_place_ask_its_time(engine, question, city):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert any(city in line.place for line in answer.times if line.role in ("asked", "source"))


def test_a_time_word_before_a_place_mid_sentence_names_no_clock(engine):
    assert engine.resolver.find("в какое время москва объявила") is None


@pytest.mark.parametrize("question", ["переговоры декабрь число", "розмова грудень число"])
def test_the_date_as_a_bare_noun_in_keywords_asks_when(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
