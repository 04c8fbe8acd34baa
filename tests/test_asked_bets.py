"""A bet or an argument between two answers (round 23): "спорим, что во вторник? друг говорит
в среду", "мы с коллегой поспорили: 7 или 8 декабря. кто прав?", "my friend says Wednesday, I
say Tuesday". The answer is the event's time, led by which option the article's date matches,
or that none does (talks on Tuesday 7 December 2021, 17:00 Kyiv)."""

from __future__ import annotations

import pytest

from knowledge.answering.bets import bet_asked


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "спорим, что во вторник? друг говорит в среду",
            "Прав тот, кто сказал «вторник» (не среда).",
        ),
        (
            "мы с коллегой поспорили: 7 или 8 декабря. кто прав?",
            "Прав тот, кто сказал «7 декабря» (не 8 декабря).",
        ),
        (
            "жена говорит в понедельник, я говорю во вторник. рассудите",
            "Прав тот, кто сказал «вторник» (не понедельник).",
        ),
        ("my friend says Wednesday, I say Tuesday", "“Tuesday” is right (not Wednesday)."),
        (
            "my friend says Monday, I say Wednesday, who's right?",
            "Neither is right (Monday, Wednesday).",
        ),
        (
            "посперечалися з братом: вівторок чи середа? хто правий",
            "Правий той, хто сказав «вівторок» (не середа).",
        ),
    ],
)
def test_the_option_the_articles_date_matches_is_said_first(engine, question, lead):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.event is not None
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is it on Tuesday or Wednesday?", "en"),  # a choice, but no bet: options.py's
        ("my friend says it's on Tuesday", "en"),  # one side, one option
        ("спорим, что во вторник?", "ru"),  # one option
    ],
)
def test_no_bet_without_two_sides_and_two_options(engine, question, lang):
    assert bet_asked(question, lang, engine.index.lexicon.calendar) is None
