"""Slips of well-known places' names read as the places, and the words never read so."""

from __future__ import annotations

import pytest

from knowledge.places.resolver import PlaceResolver


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.default()


# (question, zone, the place's English label, the words read as it)
SLIPS = [
    ("wat time in londn", "Europe/London", "London", "londn"),
    ("what tim in berln", "Europe/Berlin", "Berlin", "berln"),
    ("call time in pariss", "Europe/Paris", "Paris", "pariss"),
    ("when is it in tokio", "Asia/Tokyo", "Tokyo", "tokio"),  # a swap of letters is one slip
    ("when is the call in nu york", "America/New_York", "New York", "nu york"),
    ("toronot time?", "America/Toronto", "Toronto", "toronot"),
    ("во сколько в Масскве", "Europe/Moscow", "Moscow", "Масскве"),  # as it sounds
    ("котра година у Варшвві", "Europe/Warsaw", "Warsaw", "Варшвві"),
    ("коли в Лондонне?", "Europe/London", "London", "Лондонне"),
]


@pytest.mark.parametrize(("question", "zone", "label", "written"), SLIPS)
def test_a_slip_of_a_well_known_name_is_read_as_the_place(resolver, question, zone, label, written):
    mention = resolver.find(question)
    assert mention is not None, question
    assert (mention.place.key, mention.place.names["en"]) == (zone, label)
    assert mention.place.read_as == written
    assert written in mention.text


@pytest.mark.parametrize(
    "question",
    [
        # Real words of the language, after a place preposition.
        "во сколько в итоге?",
        "когда по словам Пескова",
        "коли в грудні",
        "во сколько у меня?",
        "what time in general",
        "when in time",
        # A capital in a question about time is where people's names stand.
        "When will Putin and Biden talk?",
        "WHAT TIME DO PUTIN AND BIDEN TALK",
        # Too short to tell from another word, and no well-known city near.
        "what time in rom",
        "when in zzyzx",
        # Where no place stands.
        "londn is where?",
    ],
)
def test_real_words_and_names_out_of_place_are_not_slips(resolver, question):
    mention = resolver.find(question)
    assert mention is None or not mention.place.read_as, (question, mention)


def test_a_slip_is_only_a_fallback(resolver):
    # A known place in the question is taken as it is; nothing is read as a slip.
    mention = resolver.find("when in Berlin, berln?")
    assert mention.place.names["en"] == "Berlin" and mention.place.read_as == ""
    assert resolver.resolve("londn") is None or not resolver.resolve("londn").read_as


def test_an_answer_names_the_place_it_read_a_slip_as(engine):
    for question, place, note in (
        ("wat time in londn", "London", "I read “londn” as London."),
        ("во сколько переговоры в Масскве?", "Москва", "Я понял «Масскве» как Москва."),
        ("котра година розмови у Варшвві?", "Варшава", "Я зрозумів «Варшвві» як Варшава."),
    ):
        answer = engine.ask(question)
        assert answer.fact is not None and answer.fact.id == "talks-time", question
        assert place in [t.place for t in answer.times if t.role == "asked"], question
        assert note in answer.notes


def test_a_slip_of_a_word_of_the_fact_base_is_the_base_word(engine):
    # "putinn" misses Putian (China) by one letter, but the base reads it as Putin.
    for question in ("time in putinn", "who speaks for Putin after the call"):
        answer = engine.ask(question)
        assert all(t.place != "Putian" for t in answer.times), question
        assert not any("Putian" in note for note in answer.notes), question


def test_warming_up_builds_the_slip_finder_a_question_naming_no_place_would_build():
    # Engine.warm_up calls it: the first question naming no place had built it (~0.2 s).
    fresh = PlaceResolver()
    assert fresh.warm_up()
    mention = fresh.find("wat time in londn")
    assert mention is not None and mention.place.key == "Europe/London"
