"""The shape of a message: a numbered or bulleted list of asks gets each answerable item
answered and the others named as not in the article; a message that corrects itself ("when
is it, sorry, I mean in Moscow time") is read as corrected (knowledge/answering/corrected.py,
its markers in knowledge/language/data/shapes.yaml)."""

from __future__ import annotations

import pytest

from knowledge.answering.asks import list_items
from knowledge.answering.corrected import corrected


@pytest.mark.parametrize(
    ("message", "first", "more"),
    [
        (
            "1. topics 2. format 3. who announced it",
            "talks-topics",
            ["talks-format", "talks-announcement"],
        ),
        ("1) when is it 2) who announced it", "talks-time", ["talks-announcement"]),
        ("1. темы 2. формат", "talks-topics", ["talks-format"]),
        ("- коли розмова\n- хто оголосив про розмову", "talks-time", ["talks-announcement"]),
        ("a few questions:\n- when is it\n- what format", "talks-time", ["talks-format"]),
    ],
)  # fmt: skip
def test_each_item_of_a_list_is_an_ask(engine, message, first, more):
    answer = engine.ask(message)

    assert answer.answered and answer.fact is not None and answer.fact.id == first
    assert [m.fact.id for m in answer.more if m.fact] == more
    assert not answer.unanswered


def test_an_item_the_article_does_not_answer_is_named_not_answered(engine):
    answer = engine.ask("1. topics 2. how long will it last 3. format")

    assert answer.fact is not None and answer.fact.id == "talks-topics"
    assert [m.fact.id for m in answer.more if m.fact] == ["talks-format"]
    assert answer.unanswered == ("how long will it last",)
    assert "how long will it last" in answer.text


@pytest.mark.parametrize(
    "message",
    [
        "is the call on 7. december?",
        "when is it? 1 question only",
        "what time is it at 18.00 in Moscow",
        '"diplomacy and leadership" - who said that?',
        "кто сказал - будет видео?",
    ],
)
def test_a_number_or_a_dash_alone_makes_no_list(message):
    assert list_items(message) is None


@pytest.mark.parametrize(
    ("message", "meant"),
    [
        ("when is it, sorry, I mean in Moscow time", "when is it in Moscow time"),
        ("what time is it in Prague, sorry, I mean in Vienna", "what time is it in Vienna"),
        ("what time in London, I mean Berlin?", "what time in Berlin?"),
        ("во сколько в Париже, ой, точнее в Риме", "во сколько в Риме"),
        ("коли, тобто о котрій годині почнуть у києві", "о котрій годині почнуть у києві"),
        ("who is austin, no wait, psaki, who's that", "who is psaki, who's that"),
        ("кто такой Остин, ой, то есть Псаки... нет, всё-таки Остин", "кто такой Остин"),
    ],
)  # fmt: skip
def test_what_follows_a_correction_replaces_what_it_corrects(engine, message, meant):
    assert corrected(engine, message) == meant


@pytest.mark.parametrize(
    "message",
    [
        "тобто вони не зустрінуться?",  # a check of what was understood, no correction
        "то есть украинцев не будет?",
        "они говорят по видео, то есть не встретятся?",  # nothing it can read as replaced
        "when is it, sorry if this is a dumb question",
        "I mean, when is it?",
        "ні Путін, ні Байден не заявлятимуть?",  # neither one nor the other
    ],
)
def test_a_message_that_corrects_nothing_is_read_as_written(engine, message):
    assert corrected(engine, message) == message


def test_a_corrected_place_is_the_place_answered(engine):
    answer = engine.ask("what time is it in Prague, sorry, I mean in Vienna")

    assert answer.answered and answer.fact is not None and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == "Europe/Vienna"
    person = engine.ask("who is austin, no wait, psaki?")
    assert person.fact is not None and person.fact.id == "person-psaki"


@pytest.mark.parametrize(
    ("message", "meant"),
    [
        ("во сколько в Париже, ой, в Риме", "во сколько в Риме"),
        ("who is austin? sorry, psaki", "who is psaki"),
        ("коли у Львові, перепрошую, в Одесі", "коли в Одесі"),
        ("кто такой Остин, ой, а что он сказал?", "кто такой Остин, ой, а что он сказал?"),
        ("when is it, sorry, in Moscow time", "when is it, sorry, in Moscow time"),
    ],
)
def test_a_slip_replaces_a_place_or_a_person_never_the_ask(engine, message, meant):
    assert corrected(engine, message) == meant


def test_a_list_none_of_whose_items_is_answered_is_not_read_whole(engine):
    answer = engine.ask("1) how long will it last 2) will there be a transcript")

    assert not answer.answered
    assert answer.unanswered == ("will there be a transcript",)


def test_an_ask_asked_again_of_she_asks_of_the_person_named_before(engine):
    assert (
        corrected(engine, "what did psaki say, sorry, I mean what did she say about the call")
        == "what did psaki say about the call"
    )
    assert corrected(engine, "кто такой Остин, то есть что он сказал") == "что Остин сказал"
    assert corrected(engine, "who is she, I mean who is he") == "who is he"
