"""A place inside a question: found with the span of its phrase, cut out cleanly, and none
found where a question names no place (the resolver fixture is tests/conftest.py's)."""

from __future__ import annotations

import statistics
import time

import pytest

from knowledge.places.resolver import PlaceMention, PlaceResolver

# (a question, the zone key, the mention's text)
QUESTIONS = [
    ("when is the call in New York?", "America/New_York", "in New York"),
    ("во сколько переговоры по Москве?", "Europe/Moscow", "по Москве"),
    ("коли розмова у Нью-Йорку", "America/New_York", "у Нью-Йорку"),
    ("о котрій за київським часом", "Europe/Kyiv", "за київським часом"),
    ("call time EST", "America/New_York", "EST"),
    ("what time is the call in UTC+5:30", "UTC+05:30", "in UTC+5:30"),
    ("I'm in Berlin, when is it for me?", "Europe/Berlin", "I'm in Berlin"),
    ("а в Токио?", "Asia/Tokyo", "в Токио"),
    ("а у Варшаві?", "Europe/Warsaw", "у Варшаві"),
    ("and in Tokyo?", "Asia/Tokyo", "in Tokyo"),
    ("Tokyo?", "Asia/Tokyo", "Tokyo"),
    ("when is it in tokyo", "Asia/Tokyo", "in tokyo"),
    ("во сколько звонок по московскому времени?", "Europe/Moscow", "по московскому времени"),
    ("а лондонское?", "Europe/London", "лондонское"),
    ("когда разговор по времени Нью-Йорка", "America/New_York", "по времени Нью-Йорка"),
    ("когда начало в Нью-Йорке?", "America/New_York", "в Нью-Йорке"),
    ("what time is the call NY time", "America/New_York", "NY time"),
    ("what time is it for me in the US?", "America/New_York", "for me in the US"),
    ("во сколько это в США", "America/New_York", "в США"),
    ("когда созвон на Украине?", "Europe/Kyiv", "на Украине"),
    ("коли дзвінок в Україні", "Europe/Kyiv", "в Україні"),
    ("what time in Japan?", "Asia/Tokyo", "in Japan"),
    ("when is the call, Japan time", "Asia/Tokyo", "Japan time"),
    ("Berlin: when does the call start?", "Europe/Berlin", "Berlin"),
    ("во сколько по Гринвичу?", "GMT", "по Гринвичу"),
    ("звонок в 17:00 мск?", "Europe/Moscow", "мск"),
    ("when is the call in europe/berlin", "Europe/Berlin", "in europe/berlin"),
    ("what time is the call in IST", "Asia/Kolkata", "in IST"),
    ("о котрій розмова за токійським часом?", "Asia/Tokyo", "за токійським часом"),
    ("когда будет звонок в Петербурге?", "Europe/Moscow", "в Петербурге"),
    ("я в Париже, во сколько будет звонок?", "Europe/Paris", "я в Париже"),
    ("Tokyo, the call starts when?", "Asia/Tokyo", "Tokyo"),
    ("во сколько это будет для Нью-Йорка", "America/New_York", "для Нью-Йорка"),
    ("а за київським?", "Europe/Kyiv", "за київським"),
    # "для" too, before a place's adjective alone (phrase_words.yaml).
    ("во сколько звонок для московского?", "Europe/Moscow", "для московского"),
    ("о котрій розмова для київського", "Europe/Kyiv", "для київського"),
    ("час дзвінка за Києвом", "Europe/Kyiv", "за Києвом"),
    (
        "во сколько переговоры по вашингтонскому времени",
        "America/New_York",
        "по вашингтонскому времени",
    ),
    ("when will the first footage appear in kyiv time?", "Europe/Kyiv", "in kyiv time"),
    ("WHAT TIME IS THE CALL IN LA", "America/Los_Angeles", "IN LA"),
    ("CALL TIME EST", "America/New_York", "EST"),
    ("во сколько звонок в Дунгуань?", "Asia/Shanghai", "в Дунгуань"),
    ("uk time for the call?", "Europe/London", "uk time"),
    ("dc time?", "America/New_York", "dc time"),
    ("i watch from jerusalem, when does it begin", "Asia/Jerusalem", "i watch from jerusalem"),
    # Australia's Eastern time is Sydney's, not the US Eastern its last two words name alone.
    ("australia eastern time pls", "Australia/Sydney", "australia eastern time"),
    ("the call in australian eastern time?", "Australia/Sydney", "in australian eastern time"),
]


@pytest.mark.parametrize(("question", "key", "phrase"), QUESTIONS)
def test_a_place_is_found_inside_a_question_with_the_span_of_its_phrase(
    resolver, question, key, phrase
):
    mention = resolver.find(question)
    assert isinstance(mention, PlaceMention), question
    assert mention.place.key == key
    assert mention.text == phrase
    assert question[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(("question", "key", "phrase"), QUESTIONS)
def test_stripping_the_mention_leaves_the_rest_of_the_question_clean(
    resolver, question, key, phrase
):
    mention = resolver.find(question)
    rest = question[: mention.start] + question[mention.end :]
    assert phrase not in rest
    assert resolver.find(rest) is None


def test_a_place_after_in_wins_over_the_time_reckoning_of_the_event():
    resolver = PlaceResolver.default()
    question = "the call is at 17:00 Kyiv time, what is that in Tokyo?"
    assert resolver.find(question).text == "in Tokyo"
    assert resolver.find("what time in Tokyo is 17:00 Kyiv time?").text == "in Tokyo"


@pytest.mark.parametrize(
    "question",
    [
        "when is the call?",
        "во сколько созвон",
        "коли розмова?",
        "what time is it in the article",
        "who announced it",
        "what does Biden want",
        "который час",
        "what time is the call",
        "call time",
        "когда будет время для разговора",
        "там будет Песков?",
        "о котрій годині розмова",
        "Peskov said the call will be at 17:00",
        "what does Biden say about Ukraine",
        "what about NATO expansion to Russia",
        "support for Ukraine",
        "what about the situation at Ukraine's borders",
        "what about Ukraine?",
        "will Biden fly to Geneva?",
        "Байден поедет в Женеву?",
        "расширение НАТО на Украину",
        "у Путина будет время?",
        "what did Washington say about sanctions",
        "Reading the statement, when was it?",
        "Nice, thanks",
        "can you give us time",
        "in time for the talks?",
        "what is said in Russian",
        "на русском, пожалуйста",
        "українською будь ласка",
        "when is the call in the morning?",
        "в котором часу переговоры",
        "позиция Байдена по Украине",
        "у России есть планы на переговоры?",
        "какие последствия для России?",
        "что нужно проверить по женевским пониманиям",
        "когда закрыли дело по московскому делу",
        "when did the Geneva summit start, what hour?",
        "what time is the Moscow call",
        "CAN YOU GIVE US TIME",
        "us time?",
        "i watch from home, when is it?",
    ],
)
def test_a_question_without_a_place_finds_none(resolver, question):
    assert resolver.find(question) is None


def test_finding_a_place_takes_well_under_a_millisecond(resolver):
    questions = [q for q, _, _ in QUESTIONS] + ["when is the call?", "коли розмова?"]
    for question in questions:
        resolver.find(question)  # the first sight of a word fills the caches
    timings = []
    for _ in range(5):
        for question in questions:
            started = time.perf_counter()
            resolver.find(question)
            timings.append(time.perf_counter() - started)
    # Generous against a loaded machine; typical figures are in the report.
    assert statistics.mean(timings) < 0.005
