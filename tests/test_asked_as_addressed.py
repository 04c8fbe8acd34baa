"""A message put to one of the article's people, to the bot in a role, or in an official's words
(knowledge/language/addressed.py, data/addressed.yaml): the frame is read away and "you" is
the one addressed, so the ask inside is answered as if asked plainly; what the article does
not say stays declined, and the bot never plays the role."""

from __future__ import annotations

import pytest

from knowledge.language.addressed import unaddressed


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # a vocative: "you" is the one addressed; a post alone is the one the rest leaves out
        ("Mr President, when's your call with Biden?", "when's Putin call with Biden?"),
        (
            "Mr President, will you bring up Ukraine with Biden?",
            "will Putin bring up Ukraine with Biden?",
        ),
        (
            "Jen, is it true? did you guys confirm the 7th?",
            "is it true? did the white house confirm the 7th?",
        ),
        ("господин Остин, ваше мнение о переговорах?", "Остин мнение о переговорах?"),
        ("Госпожа Псаки, что вы говорили о переговорах?", "что Псаки говорила о переговорах?"),
        ("Джо, что скажете Путину?", "что Байден скажет Путину?"),
        ("пане Байдене, ви піднімете питання України?", "Байден підніме питання України?"),
        ("пане Остіне, летальна зброя буде?", "летальна зброя буде?"),
        # a verb of the second person is read as of the third; the past only after "вы"/"ви"
        (
            "Дмитрий Сергеевич, что именно собираетесь проверять по Женеве?",
            "что именно Песков собирается проверять по Женеве?",
        ),
        ("пані Псакі, що ви говорили про переговори?", "що Псакі говорила про переговори?"),
        ("Джо, что говорили в Женеве?", "Джо, что говорили в Женеве?"),
        ("when's your call with Biden, Mr President?", "when's Putin call with Biden ?"),
        # a role the bot is asked to play: the frame goes; a person named in it is "you"
        (
            "pretend you're Peskov: which day are you announcing?",
            "which day are Peskov announcing?",
        ),
        (
            "pretend you're a news anchor and tell me why moscow wanted these talks",
            "tell me why moscow wanted these talks",
        ),
        ("представь, что ты диктор новостей: зачитай темы переговоров", "зачитай темы переговоров"),
        ("как историк из 2050 года, скажи, что было в повестке", "скажи, что было в повестке"),
        ("уяви, що ти вчитель історії: хто такий Остін?", "хто такий Остін?"),
        # an official's request opening the ask
        (
            "Kindly specify the format of the upcoming engagement.",
            "the format of the upcoming engagement.",
        ),
        (
            "Прошу сообщить, на какой встрече настаивала Россия",
            "на какой встрече настаивала Россия",
        ),
        ("Просимо повідомити дату переговорів.", "дату переговорів."),
    ],
)
def test_the_frame_goes_and_you_is_the_one_addressed(message, read):
    assert unaddressed(message) == read


@pytest.mark.parametrize(
    "message",
    [
        # names listed or asked about are no address: nothing there speaks to them
        "Putin, Biden: when do they talk?",
        "Jen Psaki, who is she?",
        # "как" opens an ask, not a role, unless a role follows it
        "как прошли переговоры, скажи",
        # a role with no end of its frame near is no frame
        "pretend you're reading the article from the very start to the end what happens",
        "when is the call?",
        # "you" alone is the bot, asked as usual
        "що ти знаєш про розмову путіна і байдена",
        "что ты знаешь о переговорах, скажи",
    ],
)
def test_a_message_without_such_a_frame_is_left_as_it_is(message):
    assert unaddressed(message) == message


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("Jen, is it true? did you guys confirm the 7th?", "white-house-confirmation"),
        ("господин Остин, ваше мнение о переговорах?", "austin-view"),
        ("пане Остіне, летальна зброя буде?", "lethal-weapons"),
        ("Пані Псакі, о котрій це буде за Києвом?", "talks-time"),
        ("пане Байдене, коли у вас розмова з путіним?", "talks-time"),
        (
            "pretend you're a news anchor and tell me why moscow wanted these talks",
            "moscow-motives",
        ),
        ("как историк из 2050 года, скажи, что было в повестке того разговора", "talks-topics"),
        ("Kindly specify the format of the upcoming engagement.", "talks-format"),
    ],
)
def test_the_framed_ask_is_answered_as_the_plain_one(engine, message, fact):
    answer = engine.ask(message)
    assert answer.status == "answered" and answer.fact is not None and answer.fact.id == fact


@pytest.mark.parametrize(
    ("message", "lang"),
    [("пані Псакі, не перенесли?", "uk"), ("госпожа Псаки, не перенесли?", "ru")],
)
def test_the_frame_says_the_language_the_ask_alone_leaves_open(engine, message, lang):
    assert engine.ask(message).lang == lang


@pytest.mark.parametrize(
    "message",
    [
        "Mr President, how old are you?",
        "pretend you're Peskov: what's your salary?",
        "представь, что ты Песков: сколько ты зарабатываешь?",
    ],
)
def test_what_the_article_does_not_say_stays_declined(engine, message):
    assert engine.ask(message).fact is None


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        # a newsreader's "read out" asks what is read; "this article" is the one cited
        ("зачитай темы переговоров", "темы переговоров", "ru"),
        ("озвучьте темы переговоров", "темы переговоров", "ru"),
        ("зачитайте теми переговорів", "теми переговорів", "uk"),
        ("read out the topics of the talks", "the topics of the talks", "en"),
        ("хто такий Остін у цій статті", "хто такий Остін", "uk"),
        ("кто такой Остин в этой статье", "кто такой Остин", "ru"),
    ],
)
def test_a_reading_out_or_this_article_is_read_as_the_plain_ask(engine, question, plain, lang):
    index = engine.index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)
