"""Messages to the bot itself ("who are you?", "кто тебя написал?", "з ким я розмовляю?") get
its introduction, in the message's language, with the questions it can answer: not a fact
their words happen to match ("хто тебе написав" reads like who wrote the article), and not
"the article doesn't say". Questions with the same words about the article still reach it."""

from __future__ import annotations

import pytest

from knowledge.language.about_bot import addressed_to_bot
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "opening"),
    [
        ("who are you?", "en", "I'm a bot, not a person"),
        ("Who made you", "en", "I'm a bot, not a person"),
        ("ok but who programmed you?", "en", "I'm a bot, not a person"),
        ("are you a bot?", "en", "I'm a bot, not a person"),
        ("what can you do", "en", "I'm a bot, not a person"),
        ("кто ты такой?", "ru", "Я бот, а не человек"),
        ("ты бот?", "ru", "Я бот, а не человек"),
        ("кто тебя создал", "ru", "Я бот, а не человек"),
        ("а кто вас написал?", "ru", "Я бот, а не человек"),
        ("с кем я разговариваю", "ru", "Я бот, а не человек"),
        ("что ты умеешь?", "ru", "Я бот, а не человек"),
        ("хто ти?", "uk", "Я бот, а не людина"),
        ("хто тебе написав", "uk", "Я бот, а не людина"),
        ("хто тебе створив?", "uk", "Я бот, а не людина"),
        ("з ким я розмовляю?", "uk", "Я бот, а не людина"),
        ("з ким я спілкуюсь", "uk", "Я бот, а не людина"),
    ],
)
def test_a_message_to_the_bot_gets_its_introduction_and_what_to_ask(
    content, question, lang, opening
):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.status == "about_bot" and not answer.answered
    assert answer.lang == lang and answer.lead.startswith(opening)
    assert answer.fact is None and not answer.citations
    assert [s.fact_id for s in answer.suggestions][:2] == ["talks-time", "talks-format"]


@pytest.mark.parametrize(
    "question",
    [
        "who wrote the article",
        "who is Peskov",
        "what do you know about the call",
        "what can they discuss",
        "с кем будет говорить Путин",
        "кто написал статью",
        "хто написав новину",
        "з ким розмовлятиме Байден",
        "who are you going to ask about the call, Peskov?",
    ],
)
def test_questions_about_the_article_with_the_same_words_are_not_to_the_bot(question):
    assert not addressed_to_bot(question)


@pytest.mark.parametrize(
    "question", ["ты вообще живой?", "ти взагалі живий, боте?", "are you still there?"]
)
def test_whether_anyone_is_there_is_a_message_to_the_bot(question):
    assert addressed_to_bot(question)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("формат який? ти взагалі живий, боте?", "talks-format"),
        ("какой формат? ты вообще живой?", "talks-format"),
        ("а ти впевнений? о котрій розмова?", "talks-time"),
        ("ты уверен? во сколько переговоры?", "talks-time"),
    ],
)
def test_a_remark_on_the_bot_beside_an_ask_leaves_the_ask_answered(engine, question, fact):
    # As in a group chat (wave 12): the remark asks nothing of its own.
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == fact
    assert not answer.unanswered


def test_a_remark_alone_is_not_a_sentence_set_aside():
    from knowledge.language.about_bot import about_bot

    assert about_bot().without_remarks("are you sure?") == "are you sure?"
    assert about_bot().without_remarks("ты уверен? когда?") == "когда?"


@pytest.mark.parametrize(
    ("remark", "lang", "opening"),
    [
        ("are you sure?", "en", "That is what the article reports."),
        ("а ти впевнений, боте?", "uk", "Так повідомляє стаття."),
        ("ты уверен?", "ru", "Так сообщает статья."),
    ],
)
def test_a_remark_doubting_the_last_answer_gets_its_warrant(engine, remark, lang, opening):
    from knowledge.answering.followups import Conversation

    conversation = Conversation()
    first = engine.ask("when are the talks?", conversation=conversation)
    assert first.answered
    doubted = engine.ask(remark, lang=lang, conversation=conversation)
    assert doubted.answered and doubted.fact == first.fact
    assert doubted.lead == opening  # the time is the article's own report: no one named
    assert [c.quote for c in doubted.citations] == [c.quote for c in first.citations]
