"""The time asked for a place wrapped in the asker's own words (issue 10, round 11): the people
around the asker who keep that place's clock, and booking it in a calendar or a reminder."""

from __future__ import annotations

import pytest

from knowledge.answering.moments import claims_in


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


@pytest.mark.parametrize(
    "question",
    [
        "booking a hold for my director in Kharkiv, what time are the talks?",
        "бронирую окно для начальницы в Гонолулу, во сколько начнутся переговоры?",
        "забронюю слот для керівниці у Гонолулу, о котрій почнеться розмова?",
    ],
)
def test_booking_the_time_for_someone_in_a_place_asks_that_places_time(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert any(line.role == "asked" for line in answer.times)


def test_whether_the_day_has_turned_in_a_place_is_its_date_there_not_a_yes(engine):
    answer = engine.ask("is it still the 7th in Seoul or already the 8th?")
    assert answer.fact is not None and answer.fact.id == "talks-time"
    seoul = next(line.moment for line in answer.times if line.role == "asked")
    assert seoul.day == 8
    assert not answer.lead.startswith(("Yes", "No"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("still the 7th or already the 8th", "en"),
        ("ещё 7-е или уже 8-е", "ru"),
        ("ще 7-го чи 8-го", "uk"),
    ],
)
def test_two_days_named_claim_neither(engine, text, lang):
    lexicon = engine.index.lexicon
    assert claims_in(text, lang, lexicon.calendar, lexicon.stopwords).day is None
