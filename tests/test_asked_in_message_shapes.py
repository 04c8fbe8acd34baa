"""A message's shape apart from what it asks (knowledge/language/data/shapes.yaml): an
instruction to a chatbot around the ask ("Answer in one word: when?", "списком", "у трьох
пунктах"), one value only ("only the date pls", "тільки дату"), a check of what the asker
understood ("correct me if I'm wrong: ...", "я правильно понял, что ...", "тобто ..."), and
an order asked where the article says what came first ("which came first, the denial or the
confirmation?"). Each is read as the plain question inside it."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        # an instruction's frame
        ("Answer in one word or number: what day is the call?", "what day is the call?", "en"),
        ("summarize the article in two lines", "summarize the article", "en"),
        ("list the topics as bullet points", "list the topics", "en"),
        ("who takes part? names only, nothing else", "who takes part?", "en"),
        ("Reply with the hour only: when do they talk?", "hour: when do they talk?", "en"),
        ("когда звонок, одним числом", "когда звонок", "ru"),
        ("напиши темы разговора списком", "темы разговора", "ru"),
        ("ответь кратко: кто объявил о звонке", "кто объявил о звонке", "ru"),
        ("дай коротку відповідь у трьох пунктах: про що розмова", "про що розмова", "uk"),
        ("хто учасники, списком", "хто учасники", "uk"),
        # one value only
        ("only the time please", "the time please", "en"),
        ("just the date pls, nothing else", "the date", "en"),
        ("тока время по москве пж", "время по москве", "ru"),
        ("мне нужно только время начала", "время начала", "ru"),
        ("тільки дату розмови", "дату розмови", "uk"),
        ("лише час по києву", "час по києву", "uk"),
        # a check of what the asker understood
        ("correct me if I'm wrong: is it a video call?", "is it a video call?", "en"),
        ("just to check, is it a video call?", "is it a video call?", "en"),
        ("я правильно понял, что это видеозвонок?", "это видеозвонок?", "ru"),
        ("поправьте если ошибаюсь, звонок 7 декабря?", "звонок 7 декабря?", "ru"),
        ("тобто це відеодзвінок?", "це відеодзвінок?", "uk"),
        ("я правильно розумію, що це відеодзвінок?", "це відеодзвінок?", "uk"),
        # what an article comes to is its summary, not the talks' outcome
        ("итог статьи коротко", "содержание статьи", "ru"),
        ("Зроби короткий підсумок статті у двох реченнях.", "короткий зміст статті", "uk"),
        # an order the article gives: what came at first
        ("which came first, the denial or the confirmation?", "which at first, the denial?", "en"),
        ("что было раньше: отрицание или подтверждение?", "что было сначала: отрицание?", "ru"),
        ("що було раніше: заперечення чи підтвердження?", "що було спочатку: заперечення?", "uk"),
    ],
)
def test_a_shape_reads_as_the_question_inside_it(content, question, plain, lang):
    index = anew(content, question, plain).index
    asked = set(index.analyse(question, lang).tokens)
    assert asked == set(index.analyse(plain, lang).tokens) or (
        # the order asks name both events; what they ask is what was said at first
        "@atfirst" in asked and "@atfirst" in index.analyse(plain, lang).tokens
    )


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("Answer in one word: what day is the call?", "en", "talks-time"),
        ("only the time please", "en", "talks-time"),
        ("тільки час розмови", "uk", "talks-time"),
        ("я правильно понял, что это видеозвонок?", "ru", "talks-format"),
        ("тобто це відеодзвінок, а не зустріч?", "uk", "talks-format"),
        ("which came first, the denial or the confirmation?", "en", "white-house-denial"),
    ],
)
def test_a_shape_reaches_the_fact_of_its_question(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "lang", "word"),
    [
        # "значит" asks a meaning; "выходит" a release; "раньше" alone how long ago
        ("что значит летальное оружие?", "ru", "значит"),
        ("когда выходит видео?", "ru", "выходит"),
    ],
)
def test_a_word_of_the_ask_is_no_frame(content, question, lang, word):
    index = anew(content).index
    with_it = set(index.analyse(question, lang).tokens)
    without = set(index.analyse(question.replace(word, ""), lang).tokens)
    assert with_it != without


@pytest.mark.parametrize(
    ("message", "question", "lang"),
    [
        (
            "My dad watches the news every day. When is the call between Putin and Biden? I want"
            " to tell him.",
            "When is the call between Putin and Biden?",
            "en",
        ),
        (
            "Я водитель, в политике не разбираюсь. Коллеги на работе спорят. Скажите, когда"
            " будут переговоры Путина и Байдена? Спасибо.",
            "Скажите, когда будут переговоры Путина и Байдена?",
            "ru",
        ),
        (
            "Мій тато каже, що переговори були вчора. Я йому не вірю. Коли переговори Путіна"
            " і Байдена? Хочу йому показати.",
            "Коли переговори Путіна і Байдена?",
            "uk",
        ),
    ],
)
def test_a_story_around_the_question_is_read_by_its_question(content, message, question, lang):
    """The story only dilutes the question: the message is answered as its question is,
    matched as well."""
    engine = anew(content, message, question)
    told = engine.ask(message, lang_hint=lang)
    asked = engine.ask(question, lang_hint=lang)
    assert told.fact is not None and told.fact.id == "talks-time"
    assert told.evidence == asked.evidence


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        # the story names the place whose time is asked
        ("My daughter lives in Toronto. When are the talks?", "en"),
        # the sentence alone asks less than the message ("what hour" of what?)
        ("Saw the headline about the talks on Tuesday. What hour though?", "en"),
    ],
)
def test_a_story_that_carries_the_ask_stays_read_whole(content, message, lang):
    engine = anew(content, message)
    told = engine.ask(message, lang_hint=lang)
    whole = engine.ask_one(message, lang=lang)
    assert told.evidence == whole.evidence and told.fact == whole.fact
