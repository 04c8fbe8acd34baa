"""Messages cut off where they end, pasted twice over, pointing at what the bot cannot see, or
asking the bot what it knows (wave 17): the cut-off last word is read as the known word it
starts (knowledge/language/truncated.py), a double paste once (pasted.py), a pointer at a
link or screenshot as the news (words.yaml's `rephrased`), and a whole message of "is this
real?" or "what do you know about the call?" as what it asks of the article (alone.yaml)."""

from __future__ import annotations

import time

import pytest

from knowledge.language.alone import alone_message
from knowledge.language.pasted import unpasted
from knowledge.language.truncated import StartReader
from tests.asking import anew

SURFACE = {
    "переговоры": "@call",
    "переговоров": "@call",
    "передать": "передать",
    "байден": "@biden",
    "байдена": "@biden",
    "обговорити": "обговорити",
    "обговорять": "обговорити",
    "обговорювати": "обговорювати",
    "call": "@call",
    "case": "case",
    "can": "",
    "really": "",
}


@pytest.mark.parametrize(
    ("start", "token"),
    [
        ("байд", "@biden"),  # every word it starts is Biden
        ("переговор", "@call"),
        ("обгово", "обговорити"),  # two readings of one verb: the commoner one
        ("пере", None),  # starts the talks and "передать": which is not said
        ("ca", None),  # too short to tell: "call", "case", "can"
        ("cal", None),
        ("real", None),  # a stopword's start is no content word
        ("байдена", None),  # a whole word that starts no longer one
        ("zzzz", None),
    ],
)
def test_a_cut_off_word_is_read_only_when_one_word_starts_so(start, token):
    assert StartReader(SURFACE).completed(start) == token


def test_a_start_of_many_words_is_read_cheaply():
    surface = {f"talk{i:05d}": f"t{i}" for i in range(50_000)}
    reader = StartReader(surface)
    began = time.perf_counter()
    for _ in range(1_000):
        assert reader.completed("talk") is None
    assert time.perf_counter() - began < 1.0


@pytest.mark.parametrize(
    ("message", "whole"),
    [
        ("когда разговор путина и байд", "когда разговор путина и байдена"),
        ("what will they discu", "what will they discuss"),  # two letters short: no typo
    ],
)
def test_a_message_cut_off_in_its_last_word_is_read_as_the_whole_word(content, message, whole):
    engine = anew(content, message, whole)
    cut, said = engine.ask(message), engine.ask(whole)
    assert said.fact is not None
    assert cut.fact is not None and cut.fact.id == said.fact.id


def test_only_the_last_word_is_read_as_a_start(engine):
    analysed = engine.index.analyse("байд разговор", "ru")
    assert "@biden" not in analysed.tokens


@pytest.mark.parametrize(
    ("message", "once"),
    [
        ("when's the call when's the call", "when's the call"),
        ("когда звонок? когда звонок?", "когда звонок?"),
        ("коли розмова коли розмова коли розмова", "коли розмова"),
    ],
)
def test_a_message_pasted_twice_is_read_once(message, once):
    assert unpasted(message) == once


@pytest.mark.parametrize("message", ["when when", "talks and talks", "very very big call"])
def test_a_repeated_word_is_no_double_paste(message):
    assert unpasted(message) == message


@pytest.mark.parametrize(
    ("message", "reading"),
    [
        ("What's this about?", "what is the news about"),
        ("is this real?", "is this news real"),
        ("это правда?", "новость фейк"),
        ("це не фейк?", "новина фейк"),
        ("what do you know about the call?", "what is the news about"),
        ("розкажи все що знаєш", "про що новина"),
        ("how do u know all this", "where did you get this"),
    ],
)
def test_a_whole_message_pointing_at_this_asks_of_the_news(message, reading):
    assert alone_message(message) == reading


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        ("is this real?", "white-house-confirmation"),
        ("це не фейк?", "white-house-confirmation"),
        ("how do u know all this", "source-article"),
    ],
)
def test_asking_whether_this_is_real_or_how_the_bot_knows_reaches_its_fact(
    content, message, fact_id
):
    answer = anew(content, message).ask(message)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    "message", ["is this real life?", "what's this song?", "what do you know about cooking?"]
)
def test_this_with_a_thing_of_its_own_is_still_declined(engine, message):
    assert alone_message(message) is None
    assert engine.ask(message).fact is None
