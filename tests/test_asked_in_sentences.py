"""A message of several sentences, context before the question ("My daughter lives in
Toronto. What time is it for her?"): declined as a whole, it is asked by its question alone,
at the place its other sentences name."""

from __future__ import annotations

import re

import pytest

from knowledge.language.text import question_part


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("I live in Oslo. When is it?", ("When is it?", "I live in Oslo.")),
        ("Hi! Is it on Tuesday? My boss asks.", ("Is it on Tuesday?", "Hi! My boss asks.")),
        ("Слушай, я на работе. Когда созвон", ("Когда созвон", "Слушай, я на работе.")),
        ("When is the call?", None),  # one sentence: nothing to leave out
        ("Is it today? At what time?", None),  # every sentence asks
        ("when is the call", None),
    ],
)
def test_the_question_is_the_sentences_that_ask_else_the_last(message, parts):
    assert question_part(message) == parts


OPENERS = frozenset({"what", "when", "how", "who"})


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("For my lecture: how did he put it?", ("how did he put it?", "For my lecture:")),
        (
            "my son is in Oslo, what time is it for him?",
            ("what time is it for him?", "my son is in Oslo,"),
        ),
        ("i watch from Oslo, when it begin", ("when it begin", "i watch from Oslo,")),
        ("the call is at five, right?", None),  # no question word after the comma
        ("Putin, Biden, who else?", ("who else?", "Putin, Biden,")),
    ],
)
def test_context_before_a_colon_or_a_comma_and_a_question_word_is_a_sentence(message, parts):
    assert question_part(message, OPENERS) == parts


def test_without_question_words_a_comma_ends_no_context():
    assert question_part("my son is in Oslo, what time is it for him?") is None


@pytest.mark.parametrize(
    "message",
    [
        "I'm writing a seminar on the summit for my students and got lost. When is the call?",
        "Внук попросил узнать, а я в этом не разбираюсь. Когда переговоры?",
        "Я на роботі, часу обмаль. Коли розмова?",
        "I run the evening news desk: when is the call?",
    ],
)
def test_context_before_the_question_is_left_out_when_the_whole_is_declined(engine, message):
    context = re.split(r"(?<=[.:])\s", message)[0]
    assert not engine.ask(context).answered  # the context asks nothing
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("My daughter lives in Toronto and wants to watch. What time will it be?", "Toronto"),
        ("Мы с женой сейчас в Берлине. Во сколько начало?", "Берлин"),
        ("my daughter is in Toronto, what time will it be there for her?", "Toronto"),
    ],
)
def test_the_time_is_given_where_the_context_names_a_place(engine, message, place):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"
    assert [t.place for t in answer.times if t.role == "asked"] == [place]


def test_a_place_in_the_context_does_not_move_an_untimed_answer(engine):
    answer = engine.ask("I live in Toronto. What topics will they discuss?")
    assert answer.answered and answer.fact.id == "talks-topics"
    assert not [t for t in answer.times if t.role == "asked"]


def test_a_question_the_base_cannot_answer_stays_declined_after_its_context(engine):
    answer = engine.ask("I watched the news yesterday. Is Putin ill?")
    assert not answer.answered


ASKING = frozenset({"when", "tell"})


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("Tell me the time. I live in Oslo.", ("Tell me the time.", "I live in Oslo.")),
        ("I live in Oslo. The time", ("The time", "I live in Oslo.")),  # none asks: the last
        ("Tell me the time. When is it", ("When is it", "Tell me the time.")),  # as before
        ("Thanks! When is it. Regards", ("When is it.", "")),  # courtesies set aside
        ("Thanks! Regards", None),
    ],
)
def test_without_a_question_mark_the_sentences_with_an_asking_word_ask(message, parts):
    idle = {"Thanks!", "Regards", "Regards."}.__contains__
    assert question_part(message, asking=ASKING, idle=idle) == parts
