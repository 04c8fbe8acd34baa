"""A learner's Russian or Ukrainian around the question ("я не понимать, когда разговор") is
filler, and "с кем"/"з ким" with a verb of talking asks whom someone talks with (the
participants), while "говорит" alone still asks what someone says."""

from __future__ import annotations

import pytest

from knowledge.language.lexicon_files import LexiconInvalid, load_lexicon


@pytest.mark.parametrize(
    "question",
    [
        "я не понимать, когда разговор",  # a learner's infinitive for "понимаю"
        "я хотеть знать когда разговор",
        "мой русский плохой, когда разговор?",
        "я не розуміти, коли розмова",
        "моя українська погана, коли розмова?",
    ],
)
def test_a_learners_words_around_the_question_are_filler(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "question",
    [
        "с кем говорит путин",  # "говорит" alone asks what someone says
        "с кем говорил путин",
        "с кем общается путин",
        "с кем беседует путин",
        "з ким спілкується путін",
        "з ким розмовляє путін",
    ],
)
def test_with_whom_and_a_verb_of_talking_asks_the_participants(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-participants"


@pytest.mark.parametrize("question", ["кто это говорит?", "а кто это говорит"])
def test_who_is_saying_this_still_asks_the_source(engine, question):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "source-article"


def test_a_rephrasing_must_be_a_pair(tmp_path):
    words = tmp_path / "words.yaml"
    words.write_text("rephrased:\n  ru: [[с кем говорит]]\n", encoding="utf-8")
    with pytest.raises(LexiconInvalid, match="rephrased"):
        load_lexicon(words, None)


@pytest.mark.parametrize(
    ("lang", "asked", "plain"),
    [
        ("ru", "какой число разговор будет?", "какое число разговор будет?"),
        ("uk", "який число розмова президентів?", "яке число розмова президентів?"),
    ],
)
def test_a_learners_gender_slip_still_asks_the_date(engine, lang, asked, plain):
    assert engine.index.analyse(asked, lang).tokens == engine.index.analyse(plain, lang).tokens
    assert "@when" in engine.index.analyse(asked, lang).tokens
