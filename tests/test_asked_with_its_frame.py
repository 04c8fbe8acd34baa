"""An exasperated or rhetorical asker ("seriously WHEN is it", "скільки можна чекати, коли вже
та розмова"): the annoyance is a frame (knowledge/language/data/shapes.yaml), the ask inside
it is what is read. A media seeker asking for a record the article does not name (a
transcript, a recording, the radio: `@record` in words.yaml) is declined. A message of
several sentences is read by its question sentence at either depth, one reading
(knowledge/answering/rereading.py `by_its_question`): each ask of a message too."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("seriously WHEN is the call", "WHEN is the call", "en"),
        ("I've asked three times, when is the call", "when is the call", "en"),
        ("for the last time, what time is the call", "what time is the call", "en"),
        ("ok when is it, I keep reading about it and nobody says", "ok when is it", "en"),
        ("come on, who confirmed the call", "who confirmed the call", "en"),
        ("сколько можно ждать, когда созвон", "когда созвон", "ru"),
        ("ну скажите уже, кто подтвердил звонок", "кто подтвердил звонок", "ru"),
        ("я уже третий раз спрашиваю, когда переговоры", "когда переговоры", "ru"),
        ("скільки можна чекати, коли вже та розмова", "коли вже та розмова", "uk"),
        ("коли вони нарешті поговорять?!", "коли вони поговорять?!", "uk"),
        ("та скажіть вже, хто підтвердив розмову", "хто підтвердив розмову", "uk"),
    ],
)
def test_annoyance_is_a_frame_around_the_ask(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is there a transcript of the talks", "en"),
        ("where can I read the full text of the conversation", "en"),
        ("can I hear it on the radio", "en"),
        ("будет ли стенограмма разговора", "ru"),
        ("будет ли запись разговора", "ru"),
        ("чи буде запис розмови", "uk"),
        ("де послухати розмову", "uk"),
    ],
)
def test_a_record_the_article_does_not_name_is_declined(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        # the article's own source and the first footage stay
        ("where can I read the full article", "en", "source-article"),
        ("когда выложат видео переговоров", "ru", "talks-footage"),
    ],
)
def test_the_article_and_its_footage_are_no_record(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("message", "question", "lang"),
    [
        (
            "My dad watches the news every day. When is the call between Putin and Biden? And"
            " who announced it?",
            "When is the call between Putin and Biden?",
            "en",
        ),
        (
            "Мій тато каже, що переговори були вчора. Я йому не вірю. Коли переговори Путіна"
            " і Байдена? І хто про це оголосив?",
            "Коли переговори Путіна і Байдена?",
            "uk",
        ),
    ],
)
def test_each_ask_of_a_message_is_read_by_its_question_sentence(content, message, question, lang):
    """The story before the first of two asks only dilutes it: that ask is answered as its
    question sentence is, as a message of one ask is."""
    engine = anew(content, message, question)
    told = engine.ask(message, lang_hint=lang)
    asked = engine.ask(question, lang_hint=lang)
    assert told.more, "two asks, two answers"
    assert told.fact is not None and told.fact.id == "talks-time"
    assert told.evidence == asked.evidence


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        # the story alone reaches the announcement as well as "is this legit?" reaches the
        # confirmation: it is what "this" asks of, no story around the question
        ("Announcement of the talks. is this legit?", "en"),
    ],
)
def test_a_story_that_asks_on_its_own_stays_read_whole(content, message, lang):
    engine = anew(content, message)
    told = engine.ask(message, lang_hint=lang)
    question = engine.ask("is this legit?", lang_hint=lang)
    assert told.fact is not None and told.evidence != question.evidence
