"""Russian as a new writer asks it: everyday verbs and nouns for the call, and framing around
the question. Each pair reads as one question, so the fact one reaches is the fact the other
does. (A clock asked "по" a country is in test_asked_times_and_places.py.)"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        # calling each other, imperfective, is the call as "созвониться" is
        ("когда они созваниваются?", "когда у них звонок?"),
        # a meeting held online is the call; a meeting alone may be Geneva's
        ("какого числа их онлайн-встреча", "какого числа их разговор"),
        ("когда виртуальная встреча президентов", "когда разговор президентов"),
    ],
)
def test_a_russian_word_for_the_call_reads_as_the_call(engine, asked, plain):
    assert engine.index.analyse(asked, "ru").tokens == engine.index.analyse(plain, "ru").tokens


def test_a_meeting_alone_is_not_the_call(engine):
    assert "@call" not in engine.index.analyse("когда встреча в Женеве", "ru").tokens


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        # a newspaper "утка" is a hoax, as "фейк" is
        ("это утка?", "это фейк?"),
        # sitting at one table is meeting in person
        ("они будут за одним столом?", "они будут очно?"),
        ("когда первые изображения", "когда первые кадры"),
    ],
)
def test_a_russian_word_for_what_is_asked_reads_as_its_concept(engine, asked, plain):
    assert engine.index.analyse(asked, "ru").tokens == engine.index.analyse(plain, "ru").tokens


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        # stating, in any tense, is saying; someone's words to quote are what they said
        ("что Песков заявлял про Женеву", "что Песков сказал про Женеву"),
        ("какие слова Пескова про Женеву", "что сказал Песков про Женеву"),
        ("что процитировать из Пескова про Женеву", "что сказал Песков про Женеву"),
    ],
)
def test_stating_and_quoting_in_russian_is_what_was_said(engine, asked, plain):
    def said(question: str) -> set[str]:
        return set(engine.index.analyse(question, "ru").tokens)

    assert said(asked) == said(plain)


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        ("то есть разговор из-за НАТО, так?", "разговор из-за НАТО, так?"),
        ("объясните по-простому эти гарантии безопасности", "эти гарантии безопасности"),
        ("какие слова Пескова процитировать в эфире", "какие слова Пескова процитировать"),
        ("во сколько кадры для вечернего эфира", "во сколько кадры"),
        ("вживую не увидятся получается?", "вживую не увидятся?"),
        # the exact time is the time; yet another hoax is a hoax
        ("точное время начала беседы", "время начала беседы"),
        ("это очередная утка?", "это утка?"),
    ],
)
def test_talk_around_a_russian_question_says_nothing_of_what_it_asks(engine, asked, plain):
    assert engine.index.analyse(asked, "ru").tokens == engine.index.analyse(plain, "ru").tokens


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        # asking someone's name asks who they are
        ("как зовут министра обороны США", "кто министр обороны США"),
        ("когда ожидать кадры", "когда ждать кадры"),
        ("к какому часу кадры", "во сколько кадры"),
    ],
)
def test_a_russian_question_shape_asks_its_kind(engine, asked, plain):
    assert engine.index.analyse(asked, "ru").tokens == engine.index.analyse(plain, "ru").tokens
