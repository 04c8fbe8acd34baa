"""A message that asks two things ("when is it and who announced it?", "повестка и формат?")
gets both answers: the first ask's is the answer, the other's follows it (`Answer.more`); an
ask the bot cannot answer is named, not guessed; one ask with "and" in it stays one ask."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from knowledge.answering.asks import split_asks
from knowledge.answering.engine import Conversation
from knowledge.i18n import ANSWERS
from tests.bot_harness import RunningBot, running_bot


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        ("when is it and who announced it?", "talks-time", "talks-announcement"),
        ("date + who confirmed?", "talks-time", "white-house-confirmation"),
        ("date of the call + who confirmed it?", "talks-time", "white-house-confirmation"),
        ("what is the format? and what will they discuss?", "talks-format", "talks-topics"),
        ("I'm in Oslo, when is it and who announced it?", "talks-time", "talks-announcement"),
        ("повестка и формат?", "talks-topics", "talks-format"),
        ("Когда переговоры и откуда эта информация?", "talks-time", "source-article"),
        ("какой формат? а что будут обсуждать?", "talks-format", "talks-topics"),
        ("коли розмова і хто її підтвердив?", "talks-time", "white-house-confirmation"),
        ("який формат? і що обговорюватимуть?", "talks-format", "talks-topics"),
    ],
)
def test_each_ask_gets_its_answer_the_first_ask_first(engine, message, first, second):
    answer = engine.ask(message)

    assert answer.answered and answer.fact.id == first
    assert [more.fact.id for more in answer.more] == [second]
    assert not answer.unanswered
    assert answer.more[0].lead in answer.text  # shown after the first, with its quotes
    assert answer.more[0].citations[0].quote in answer.text


def test_the_asks_keep_the_message_language_and_the_place_it_names(engine):
    answer = engine.ask("who announced it and when is it in Tokyo?")
    assert answer.fact.id == "talks-announcement"
    [time] = answer.more
    assert time.fact.id == "talks-time" and time.place and "Tokyo" in time.text
    assert engine.ask("I'm in Oslo, when is it and who announced it?").place.key == "Europe/Oslo"
    assert {a.lang for a in (answer, *answer.more)} == {"en"}
    ukrainian = engine.ask("який формат? і що обговорюватимуть?")
    assert {a.lang for a in (ukrainian, *ukrainian.more)} == {"uk"}


@pytest.mark.parametrize(
    "message",
    [
        "when do Putin and Biden talk",
        "когда будут говорить Путин и Байден?",
        "коли говоритимуть Путін і Байден?",
        "when is it in Kyiv and in London?",  # one time ask, for two places
        "Putin and Biden?",
        "Putin and Biden, when do they talk?",  # the names are whom the ask is about
        "Путин и Байден, когда созвон?",
        "geneva was in june, wasn't it? which day",  # "which day" asks about Geneva
        "будут проверять, как выполняются договорённости из женевы?",  # a clause, not an ask
        "американці ж казали, що ніякої розмови не буде",
        "it's on tuesday, right?",  # a statement put as a question
        "виступлять путін і байден за підсумками?",
    ],
)
def test_one_ask_with_and_in_it_stays_one_ask(engine, message):
    assert split_asks(engine, message, engine.ask(message).lang) is None
    whole, one = engine.ask(message), engine.ask_one(message)
    assert (whole.status, whole.fact, whole.more) == (one.status, one.fact, ())


@pytest.mark.parametrize(
    ("message", "lead", "unanswered", "note"),
    [
        (
            "when is the call and how long will it last?",
            "The talks were scheduled",
            "how long will it last",
            "I could not find the answer to “how long will it last” in the article.",
        ),
        (
            "когда звонок и сколько он продлится?",
            "Переговоры были назначены",
            "сколько он продлится",
            "Ответа на «сколько он продлится» в статье я не нашёл.",
        ),
        (
            "коли розмова і скільки вона триватиме?",
            "Переговори були призначені",
            "скільки вона триватиме",
            "Відповіді на «скільки вона триватиме» у статті я не знайшов.",
        ),
    ],
)
def test_an_ask_the_bot_cannot_answer_is_named_not_guessed(engine, message, lead, unanswered, note):
    answer = engine.ask(message)

    assert answer.answered and answer.fact.id == "talks-time" and not answer.more
    assert answer.lead.startswith(lead)
    assert answer.unanswered == (unanswered,)
    assert answer.text.endswith(note)


@pytest.mark.parametrize(
    "message",
    [
        "when is it and who said that?",
        "когда переговоры и кто это сказал?",
        "коли розмова і хто це сказав?",
    ],
)
def test_who_said_it_after_an_ask_asks_who_said_what_it_asks(engine, message):
    answer = engine.ask(message)

    assert answer.fact.id == "talks-time"
    [said] = answer.more
    who = said.fact.said_by.get(answer.lang)
    expected = (
        ANSWERS("answer.said_by", answer.lang, who=who)
        if who
        else ANSWERS("answer.said_by_unknown", answer.lang)
    )
    assert said.fact.id == "talks-time" and said.lead == expected


def test_when_the_first_ask_is_not_answered_the_answered_one_leads(engine):
    answer = engine.ask("how long will it last? and who announced it?")

    assert answer.fact.id == "talks-announcement" and not answer.more
    assert answer.unanswered == ("how long will it last",)


def test_a_follow_up_refers_to_the_last_answer(engine):
    conversation = Conversation()
    engine.ask("who announced it and what is the format?", conversation=conversation)
    assert conversation.last_fact_id == "talks-format"


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


async def test_telegram_sends_both_answers_in_one_message_each_cited(tb: RunningBot):
    call = await tb.say("коли розмова і хто її підтвердив?", language_code="uk")

    assert call.ok and call.params["parse_mode"] == "HTML"
    assert call.plain.startswith("Переговори були призначені")
    first = call.plain.index("«дискуссия Путина и Байдена состоится 7 декабря в 17:00")
    second = call.plain.index("Білий дім")
    assert first < second  # the second answer after the first's quote
    assert call.params["text"].count("<blockquote>") >= 3


async def test_telegram_names_the_ask_it_cannot_answer_escaped(tb: RunningBot):
    # Tags are read away as markup (knowledge/language/wrapped.py); "<3" & co. are no tags.
    call = await tb.say("when is the call and how long will it <3 & last?")

    assert call.plain.startswith("The talks were scheduled")
    assert "I could not find the answer to “how long will it <3 & last”" in call.plain
    assert "it &lt;3 &amp; last" in call.params["text"]


async def test_telegram_follow_up_after_two_answers_refers_to_the_last(tb: RunningBot):
    await tb.say("what is the format and when is it?")
    call = await tb.say("and in Tokyo?")
    assert "(UTC+9) — Tokyo" in call.plain


@pytest.mark.parametrize(
    ("ask", "then", "lang", "note"),
    [
        ("what is the format? ", "who announced it? ", "en", "Your message asks 3 more things"),
        ("какой формат? ", "кто это объявил? ", "ru", "В сообщении есть ещё вопросы (3)"),
        ("який формат? ", "хто це оголосив? ", "uk", "У повідомленні є ще запитання (3)"),
    ],
)
def test_many_asks_answer_the_first_few_and_count_the_rest(engine, ask, then, lang, note):
    # Seven asks in one message: the first four are asked, the other three only counted, so
    # one message never costs more than a few answers nor fills several replies.
    many = engine.ask(ask + then * 6, lang_hint=lang)
    asked = 1 + len(many.more) + len(many.unanswered)
    assert many.answered and asked <= 4 and many.asks_left == 3
    assert note in many.text
