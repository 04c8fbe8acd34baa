"""Stylized text, a voice assistant's wake words and spoken hesitation (wave 16) read as the
plain question inside: letters NFKC leaves alone, stress marks, words spelled letter by letter
(knowledge/language/stylized.py), digits typed for letters (knowledge/language/leet.py), wake
words among the greetings and hesitation among the stopwords and filler (data/words.yaml,
data/shapes.yaml)."""

from __future__ import annotations

import time

import pytest

from knowledge.answering.rereading import unleeted_message
from knowledge.language.leet import digits_as_letters
from knowledge.language.stylized import joined_spelling
from knowledge.language.text import clean, normalize
from tests.asking import anew


@pytest.mark.parametrize(
    ("styled", "plain"),
    [
        ("ᴡʜᴇɴ is the call", "when is the call"),
        ("🅦🅗🅔🅝 is the call", "when is the call"),
        ("𝐰𝐡𝐞𝐧 𝑖𝑠 ⓣⓗⓔ call", "when is the call"),
        ("Ｐｕｔｉｎ ｘ Ｂｉｄｅｎ", "putin x biden"),
        ("во ско́лько разгово́р", "во сколько разговор"),
        ("коли́ розмо́ва президе́нтів", "коли розмова президентів"),
        ("w̷̢h̸e̵n̶ is the call", "when is the call"),
        ("when\u2800is\u3164the call", "when is the call"),
        ("к о г д а  б ы л а  Ж е н е в а", "когда была женева"),
        ("о  к о т р і й  р о з м о в а", "о котрій розмова"),
        ("w h a t  t i m e  i s  i t", "what time is it"),
    ],
)
def test_stylized_text_normalises_to_its_plain_words(styled, plain):
    assert normalize(styled) == plain


@pytest.mark.parametrize(
    "text",
    [
        "а я в Киеве, когда разговор?",  # one-letter words in a row are words
        "a b c",
        "option a or b",
        "17:00 on 7.12.2021, G7",
        "й ї",
    ],
)
def test_text_that_is_not_spelled_out_keeps_its_words(text):
    assert joined_spelling(text) == text


def test_letters_nfkc_composes_keep_their_marks():
    assert clean("и\u0306 е\u0308 і\u0308") == "й ё ї"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("wh4t t1m3 d0 th3y st4rt th3 c4ll", "what time do they start the call"),
        ("к0ли дзв1н0к", "коли дзвінок"),
        ("к0гда разг0в0р", "когда разговор"),
        # numbers, and words a digit belongs to, stay as written
        ("G7 at 17:00 on 7.12.2021", "G7 at 17:00 on 7.12.2021"),
        ("5pm 1st 24h 10am 3rd", "5pm 1st 24h 10am 3rd"),
        ("в 17ч 7-го декабря", "в 17ч 7-го декабря"),
    ],
)
def test_digits_typed_for_letters_read_as_known_words(engine, typed, read):
    assert unleeted_message(engine, typed) == read


def test_a_digit_is_read_as_a_letter_only_when_the_word_then_is_known():
    assert digits_as_letters("c4ll x4y", lambda word, _: word == "call") == "call x4y"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("Hey Siri what time is the call", "talks-time"),
        ("Okay Google, when do Putin and Biden talk?", "talks-time"),
        ("Alexa, ask the news bot whether Putin and Biden meet face to face", "talks-format"),
        ("Алиса, когда созвон Путина и Байдена?", "talks-time"),
        ("Окей Гугл, когда переговоры?", "talks-time"),
        ("Сірі, коли розмова Путіна з Байденом?", "talks-time"),
        ("слухай, боте, коли розмова?", "talks-time"),
        ("ChatGPT, между кем переговоры?", "talks-participants"),
        ("ну типа, э-э, какие темы там, короче", "talks-topics"),
        ("ну это самое, когда там они созваниваются", "talks-time"),
        ("ну шо там, значить, коли вони говорять", "talks-time"),
        ("um, what topics, like, erm, will they discuss or something?", "talks-topics"),
        ("т е м ы  р а з г о в о р а", "talks-topics"),
        ("коли́ розмо́ва президе́нтів", "talks-time"),
        ("wh3n 1s th3 c4ll", "talks-time"),
    ],
)
def test_a_stylized_or_spoken_question_reaches_its_fact(content, question, fact_id):
    answer = anew(content, question).ask(question)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        "Alexa, play music",
        "Алиса, включи музыку",
        "Hey Siri, what's the weather",
        # a hesitation sound is a stopword, and a typo's target: none a real word is a slip from
        "Siri, call mom",
        "call era",
    ],
)
def test_an_assistant_asked_something_else_is_declined(engine, question):
    answer = engine.ask(question)
    assert answer.fact is None and answer.status == "declined"


@pytest.mark.parametrize("question", ["Alexa", "Hey Siri", "Окей Гугл"])
def test_a_wake_word_alone_is_answered_as_a_greeting(engine, question):
    assert engine.ask(question).status == "about_bot"


@pytest.mark.parametrize(
    "unit", ["к о г д а  ", "a b c d e f g h 1 ", "а́", "e̷̢̛", "ᴡʜᴇɴ ", "wh4t ", "ну типа э-э "]
)
def test_a_flood_of_stylized_text_stays_fast(engine, unit):
    text = (unit * (4096 // len(unit) + 1))[:4096]
    engine.ask("hello")
    start = time.perf_counter()
    normalize(text)
    unleeted_message(engine, text[:300])
    assert time.perf_counter() - start < 0.2
