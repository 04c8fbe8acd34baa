"""Speakers of neighbouring languages (Polish, German, Spanish, Belarusian, Bulgarian, Kazakh)
mixing their question words and their spellings of names into English, Russian or Ukrainian
("wann is the call", "калі размова прэзідэнтаў?", "кой е Остін?"), and Russian or Ukrainian
typed in volapuk, Latin with figures for the letters Latin lacks ("4to", "Va6ington")."""

from __future__ import annotations

import pytest

from knowledge.language.neighbours import read_neighbours


@pytest.mark.parametrize(
    ("message", "read"),
    [
        ("o której godzinie in Kyiv is the call?", "what time in Kyiv is the call?"),
        ("a qué hora en Moscú is the call", "what time in Moscú is the call"),
        ("wann is the call?", "when is the call?"),
        ("wer ist Psaki?", "who is Psaki?"),
        # the phrase's script is not the message's: the rest of it says Russian
        ("quién es эта Псаки?", "кто эта Псаки?"),
        ("калі размова прэзідэнтаў?", "коли розмова президентаў?"),
        ("аб чым будзе размова Пуціна і Байдэна?", "про що буде розмова Путіна і Байдена?"),
        ("сағат нешеде в Алматы будет разговор?", "во сколько в Алматы будет разговор?"),
        ("кой е Остін?", "хто Остін?"),
    ],
)
def test_a_neighbours_words_are_read_as_ours(message, read):
    assert read_neighbours(message) == read


@pytest.mark.parametrize(
    "message",
    [
        "when is the call",
        # "калі" is a Ukrainian word too: read only where it opens the message, or beside
        # another word of its language
        "а калі?",
        # "па" is a Russian word: nothing Belarusian beside it
        "это как па в балете",
        # nor "будзе" inside a message with nothing Belarusian in it
        "а будзе так",
    ],
)
def test_words_of_ours_stay_as_typed(message):
    assert read_neighbours(message) == message


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("wann is the call?", "talks-time"),
        ("o której godzinie in Kyiv is the call?", "talks-time"),
        ("a qué hora en Moscú is the call", "talks-time"),
        ("калі размова Пуціна і Байдэна?", "talks-time"),
        ("қашан розмова Путіна і Байдена?", "talks-time"),
        ("сағат нешеде в Алматы будет разговор?", "talks-time"),
        ("кой е Остін?", "person-austin"),
        ("quién es эта Псаки?", "person-psaki"),
    ],
)
def test_a_question_in_a_neighbours_words_is_answered(engine, message, fact):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == fact


@pytest.mark.parametrize(
    ("message", "lang"),
    [("vo skolko v Va6ingtone budet?", "ru"), ("pro 6o budut' hovoryty?", "uk")],
)
def test_volapuk_figures_are_read_as_the_letters_they_stand_for(engine, message, lang):
    answer = engine.ask(message, lang_hint=lang)
    assert answer.answered and answer.lang == lang
    assert answer.fact.id == ("talks-time" if "skolko" in message else "talks-topics")


def test_a_figure_in_a_word_that_reads_as_no_word_stays_a_figure(engine):
    read = engine.index.lexicon.transliterated("v 4pm", "ru", known=lambda word: False)
    assert read == "в 4пм"
    assert engine.index.lexicon.transliterated("4to", "ru", known=lambda w: w == "что") == "что"
