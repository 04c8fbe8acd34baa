"""Counting, ranking, the main thing and the gist, as the fourteenth writer asked them (ranks,
round 19): who is quoted or speaks in the article is who it names, the most important thing
or the top of the agenda is the main topics, ranking the topics asks for them, and the answer
then says the article gives no order of importance (it never ranks them)."""

from __future__ import annotations

import pytest

from knowledge.answering.unranked import asks_an_order
from knowledge.i18n import ANSWERS
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        (
            "how many officials does the article quote",
            "how many officials does the article name",
            "en",
        ),
        ("how many people speak in the article", "how many people does the article name", "en"),
        ("list all the officials mentioned", "who are the people mentioned", "en"),
        ("what's this all about, quickly", "what is the article about", "en"),
        ("сколько людей говорят в статье", "сколько людей упоминают в статье", "ru"),
        ("скольких чиновников цитируют", "сколько чиновников упоминают", "ru"),
        ("скількох посадовців цитують", "скільки посадовців згадують", "uk"),
        ("the most important thing they'll discuss?", "the main topic they'll discuss?", "en"),
        ("whats top of the agenda", "main topic", "en"),
        ("самое важное, что они обсудят?", "главная тема?", "ru"),
        ("что на первом месте в повестке", "что главная тема", "ru"),
        ("найголовніше, що вони обговорять?", "головна тема?", "uk"),
        ("rank the topics by importance", "list the topics", "en"),
        ("расставь темы по важности", "перечисли темы", "ru"),
        ("розстав теми за важливістю", "перелічи теми", "uk"),
        ("перечисли по номерам темы", "перечисли темы", "ru"),
    ],
)
def test_the_ask_reads_as_the_plain_question(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what is the most important thing for biden", "en"),
        ("самое важное для Кремля", "ru"),
        ("найважливіше для Байдена", "uk"),
    ],
)
def test_what_matters_most_to_a_side_is_not_the_topics(content, question, lang):
    # A side's priority is its aims, which the article words otherwise: not rephrased.
    index = anew(content, question).index
    assert "@theme" not in index.analyse(question, lang).tokens


def test_officials_are_one_word_in_every_language(content):
    index = anew(content).index
    official = index.analyse("officials", "en").tokens
    assert (
        official
        == index.analyse("чиновники", "ru").tokens
        == index.analyse("посадовці", "uk").tokens
    )


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("rank the topics by importance", "en"),
        ("the most important thing they'll discuss?", "en"),
        ("whats top of the agenda", "en"),
        ("расставь темы по важности", "ru"),
        ("что на первом месте в повестке", "ru"),
        ("розстав теми за важливістю", "uk"),
        ("найголовніше, що вони обговорять?", "uk"),
    ],
)
def test_a_ranking_asked_gets_the_topics_and_says_the_article_ranks_none(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-topics"
    assert ANSWERS("answer.unranked", lang) in answer.notes
    assert ANSWERS("answer.unranked", lang) in answer.text


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what are the topics", "en"), ("какие темы обсудят", "ru"), ("які теми обговорять", "uk")],
)
def test_the_topics_asked_plainly_carry_no_such_note(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-topics"
    assert ANSWERS("answer.unranked", lang) not in answer.notes


def test_an_order_is_asked_in_whole_words():
    assert asks_an_order("Rank the topics BY IMPORTANCE, please")
    assert asks_an_order("що на першому місці?")
    assert not asks_an_order("what are the main topics")
    assert not asks_an_order("the ranking of the topics")  # "rank the" in whole words only
