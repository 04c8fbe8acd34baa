"""Times and small readings of round 19's second pass (words2): minutes in words before an
hour ("a quarter to six", "без четверти шесть", "о пів на шосту") read as the hour and
minutes they name and checked as "5:45" is, never confirmed wrong; a message of only
"коротко", "briefly", "tldr" read as an ask for the article in short; "в итоге" before what
someone said asks what was said."""

from __future__ import annotations

import pytest

from knowledge.answering.moments import claims_in
from knowledge.language.alone import alone_message
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.minute_words import load_minute_phrases, minutes_read
from knowledge.language.text import normalize
from tests.asking import anew, reached

NO = ("No.", "Нет.", "Ні.")
YES = ("Yes.", "Да.", "Так.")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("is it at a quarter to six kyiv time", "is it at 5 45 kyiv time"),
        ("half past five", "5 30"),
        ("a quarter past 10", "10 15"),
        ("без четверти шесть по киеву", "5 45 по киеву"),
        ("без четверти шесть вечера", "17 45"),
        ("в полшестого", "в 5 30"),
        ("четверть шестого утра", "5 15"),
        ("о пів на шосту", "5 30"),
        ("за чверть п'ята", "4 45"),
        # A span is no time: "from five to six"; a minute phrase before no hour stays.
        ("from five to six", "from five to six"),
        ("пів години", "пів години"),
    ],
)
def test_minutes_in_words_are_read_as_the_hour_and_minutes(text, read):
    assert " ".join(minutes_read(normalize(text).split(), shipped_lexicon().calendar)) == read


@pytest.mark.parametrize(
    ("question", "lang", "hours", "minute"),
    [
        ("без четверти шесть?", "ru", {5}, 45),
        ("без четверти шесть вечера?", "ru", {17}, 45),
        ("at half past five pm?", "en", {17}, 30),
    ],
)
def test_a_spelt_time_is_a_claim_of_its_minutes(question, lang, hours, minute):
    lexicon = shipped_lexicon()
    claims = claims_in(normalize(question), lang, lexicon.calendar, lexicon.stopwords)
    assert (set(claims.hours), claims.minute) == (hours, minute)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is it at a quarter to six Kyiv time?", "en"),
        ("are the talks at half past five kyiv time?", "en"),
        ("переговоры без четверти шесть по Киеву?", "ru"),
        ("переговоры в пол шестого вечера по Киеву?", "ru"),
        ("розмова о пів на шосту за Києвом?", "uk"),
        ("розмова за чверть п'ята за Києвом?", "uk"),
    ],
)
def test_a_wrong_spelt_time_is_never_confirmed(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(NO)


def test_minute_phrases_are_checked_when_loaded():
    with pytest.raises(ValueError, match="expected minutes"):
        load_minute_phrases({"quarter": {"en": ["quarter to"]}})
    with pytest.raises(ValueError, match="expected phrases"):
        load_minute_phrases({"-15": {"xx": ["quarter to"]}})


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Коротко?", "краткое содержание"),
        ("tl;dr", "short summary"),
        ("стисло", "короткий зміст"),
        ("перекажи коротко", "короткий зміст"),
        # Around a question, it says how to answer: no reading of its own.
        ("коротко: когда звонок?", None),
        ("What's his reaction? Briefly.", None),
    ],
)
def test_a_brevity_word_alone_asks_for_the_article_in_short(text, read):
    assert alone_message(text) == read


def test_a_brevity_word_around_a_question_leaves_the_question(content):
    question = "коротко: когда переговоры?"
    assert reached(anew(content, question).ask(question, lang_hint="ru")) == "talks-time"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("в итоге что заявили в Белом доме?", "ru"),
        ("в підсумку що заявили в Білому домі?", "uk"),
        ("белый дом подтвердил в итоге?", "ru"),
        ("коротше, білий дім зрештою погодився?", "uk"),
    ],
)
def test_in_the_end_before_what_was_said_asks_what_was_said(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert reached(answer) == "white-house-confirmation"


@pytest.mark.parametrize("question", ["что в итоге решили?", "ну что в итоге?"])
def test_the_outcome_asked_in_the_end_is_still_declined(engine, question):
    assert engine.ask(question, lang_hint="ru").fact is None
