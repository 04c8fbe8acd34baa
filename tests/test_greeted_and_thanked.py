"""A message of courtesies alone ("hello", "добрий день, шановний боте", "thanks!", "спасибо
большое, до свидания") is answered in kind, in its own language: a greeting with a greeting
and the bot's introduction, thanks or a goodbye with "you're welcome" and questions to ask.
Neither is a refusal ("the article doesn't say that"), and neither is an answer from the
article. A courtesy around a question leaves the question to be asked as before."""

from __future__ import annotations

import pytest

from knowledge.language.courtesy import courtesy_of
from knowledge.language.lexicon_files import load_lexicon


@pytest.mark.parametrize(
    ("message", "lang", "opening"),
    [
        ("hello", "en", "Hello! I'm a bot, not a person"),
        ("Hi there, dear bot!", "en", "Hello! I'm a bot, not a person"),
        ("Good morning!", "en", "Hello! I'm a bot, not a person"),
        ("привет!", "ru", "Здравствуйте! Я бот, а не человек"),
        ("Добрый день, уважаемый бот", "ru", "Здравствуйте! Я бот, а не человек"),
        ("добрий день", "uk", "Вітаю! Я бот, а не людина"),
        ("Привіт, боте!", "uk", "Вітаю! Я бот, а не людина"),
    ],
)
def test_a_greeting_alone_is_greeted_with_the_introduction(engine, message, lang, opening):
    answer = engine.ask(message, lang_hint=lang)
    assert answer.status == "about_bot" and not answer.answered and answer.fact is None
    assert answer.lang == lang and answer.lead.startswith(opening)
    assert [s.fact_id for s in answer.suggestions][:2] == ["talks-time", "talks-format"]


@pytest.mark.parametrize(
    ("message", "lang", "opening"),
    [
        ("thanks", "en", "You're welcome! Ask me more about"),
        ("Thank you so much. Kind regards", "en", "You're welcome! Ask me more about"),
        ("ok thanks, bye", "en", "You're welcome! Ask me more about"),
        ("спасибо большое", "ru", "Пожалуйста! Спрашивайте ещё о"),
        ("Спасибо, до свидания!", "ru", "Пожалуйста! Спрашивайте ещё о"),
        ("дякую!", "uk", "Будь ласка! Питайте ще про"),
        ("Привіт! Дякую Вам. З повагою", "uk", "Будь ласка! Питайте ще про"),
    ],
)
def test_thanks_or_a_goodbye_alone_gets_you_are_welcome(engine, message, lang, opening):
    answer = engine.ask(message, lang_hint=lang)
    assert answer.status == "about_bot" and not answer.answered and answer.fact is None
    assert answer.lang == lang and answer.lead.startswith(opening)
    assert "I'm a bot" not in answer.lead and "Я бот" not in answer.lead
    assert [s.fact_id for s in answer.suggestions][:2] == ["talks-time", "talks-format"]


@pytest.mark.parametrize(
    "message",
    [
        "hello, when is the call?",
        "Thanks! When is the call?",
        "привет, когда переговоры?",
        "спасибо, а когда переговоры?",
        "добрий день, коли розмова?",
        "дякую, коли розмова?",
    ],
)
def test_a_courtesy_with_a_question_leaves_the_question_asked(engine, message):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("message", "lang", "opening"),
    [
        ("ok", "en", "Glad to help! Ask me more about"),
        ("ok, got it", "en", "Glad to help! Ask me more about"),
        ("понятно, спасибо", "ru", "Пожалуйста! Спрашивайте ещё о"),
        ("ясно", "ru", "Рад помочь! Спрашивайте ещё о"),
        ("зрозуміло", "uk", "Радий допомогти! Питайте ще про"),
        ("привіт, ок", "uk", "Вітаю! Я бот, а не людина"),
    ],
)
def test_ok_alone_after_an_answer_is_acknowledged_not_refused(engine, message, lang, opening):
    # Before: "ok" was a word that changes nothing, so "ok" alone was asked of the article.
    answer = engine.ask(message, lang_hint=lang)
    assert answer.status == "about_bot" and not answer.answered and answer.fact is None
    assert answer.lang == lang and answer.lead.startswith(opening)


def test_an_acknowledgement_word_inside_an_ask_is_still_read():
    # Greetings and thanks are set aside around an ask; "clear" or "good" is no courtesy there.
    set_aside = {phrase for phrase, intent in load_lexicon().intent_phrases if not intent}
    assert {"thank you", "hello"} <= set_aside
    assert not {"clear", "good", "ok got it"} & set_aside
    assert courtesy_of("is it clear who started it", load_lexicon().courtesies) is None


@pytest.mark.parametrize(
    "message",
    ["please", "bye Biden", "hello Peskov", "спасибо Байдену", "дякую Пєскову"],
)
def test_a_courtesy_with_a_word_of_its_own_is_not_courtesies_alone(message):
    assert courtesy_of(message, load_lexicon().courtesies) is None
