"""A message written as a small letter: a greeting, an apology, a request frame, thanks and a
sign-off around a plain ask. The courtesies say nothing about which fact is wanted, so they
do not count against the match; a message that is only courtesies asks nothing of the
article (it is answered in kind: tests/test_greeted_and_thanked.py)."""

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
    assert answer.status == "about_bot" and answer.fact is None and not answer.answered


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("Tell me when the call is. I live in Toronto.", "Toronto"),
        (
            "Kindly let me know the time of the call. My daughter lives in Toronto. Regards, Mary",
            "Toronto",
        ),
        ("Скажите время разговора. Я живу в Торонто. С уважением, Ольга", "Торонто"),
        ("Повідомте час розмови. Я живу в Торонто. З повагою, Олена", "Торонто"),
    ],
)
def test_without_a_question_mark_the_sentence_that_asks_is_asked(engine, message, place):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"
    assert [t.place for t in answer.times if t.role == "asked"] == [place]


@pytest.mark.parametrize(
    "message",
    [
        "Please tell me when the call is. My son serves in the army.",
        "Подскажите, когда переговоры. Мой сын служит в армии.",
        "Підкажіть, коли розмова. Чоловік служить біля кордону.",
    ],
)
def test_context_after_the_ask_does_not_count_against_it(engine, message):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "message",
    [
        "Good afternoon. I am a pensioner in Oslo. What will they discuss? Thanks. Regards, Ivan",
        "Здравствуйте. Я пенсионерка из Харькова. О чём будут говорить? Спасибо. С уважением, Нина",
        "Добрий день. Я вчителька з Полтави. Про що говоритимуть? Дякую. З повагою, Ганна",
    ],
)
def test_a_letter_of_greeting_context_ask_and_sign_off_is_asked_by_its_ask(engine, message):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-topics"


@pytest.mark.parametrize(
    "message",
    [
        "Good afternoon. I would be grateful if you could tell me when the call is. Regards.",
        "Dear bot, if it is not too much trouble, when is the call? Thanks for your time.",
        "Я была бы признательна, если бы Вы подсказали, когда переговоры. С уважением.",
        "Простите, если спрашиваю глупость, но когда переговоры? Спасибо за терпение.",
        "Буду вдячна, якщо підкажете, коли розмова. З повагою.",
        "Шановний боте, будьте такі люб'язні, підкажіть, коли розмова. Дякую за ваш час.",
    ],
)
def test_gratitude_before_an_if_is_no_condition(engine, message):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"
