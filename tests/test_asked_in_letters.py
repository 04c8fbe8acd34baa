"""A message written as a small letter: a greeting, an apology, a request frame, thanks and a
sign-off around a plain ask. The courtesies say nothing about which fact is wanted, so they
do not count against the match; a message that is only courtesies still asks nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "message",
    [
        "Good afternoon, dear bot! Could you kindly tell me when the call is?",
        "Hello there. Sorry to bother you, but when is the call?",
        "Good evening! Please tell me when the call is. Many thanks in advance.",
        "Dear Sir or Madam, I would like to know when the call is. Best regards.",
        "Здравствуйте, уважаемый бот! Простите за беспокойство, когда переговоры?",
        "Не откажите в любезности подсказать, когда переговоры. Заранее спасибо!",
        "когда переговоры? Большое спасибо заранее",
        "Доброго дня, шановний боте! Вибачте, що турбую, коли розмова?",
        "Вибачте, якщо питаю дурницю, але коли розмова?",
        "коли розмова? Наперед дуже дякую!",
    ],
)
def test_a_polite_letter_is_asked_by_its_ask(engine, message):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "message",
    [
        "hello",
        "Good morning!",
        "Thank you so much. Kind regards",
        "привет",
        "Спасибо большое!",
        "Заранее спасибо!",
        "добрий день",
        "Дякую Вам. З повагою",
    ],
)
def test_a_message_of_courtesies_alone_asks_nothing(engine, message):
    answer = engine.ask(message)
    assert answer.status == "declined" and answer.fact is None
