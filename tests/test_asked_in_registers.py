"""Questions in a register of their own (round 21): a teen's hedges ("ngl", "lowkey", "fr",
"or nah", "лол", "типа"), a message opening as if it went on from an earlier one ("also,",
"и кстати", "а ще"), "who dat" and "what's that about" after a topic named first, and an
office's words ("ETA", a "sync", "колл", "мітинг", "дедлайн", "озвучил", footage that
"drops") are read as the plain words they stand for (shapes.yaml `styles`,
`styles_rephrased`; the call's office words in lexicon.yaml). Opinions the article cannot
give stay declined."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("said", "plain", "lang"),
    [
        ("ngl who's psaki", "who's psaki", "en"),
        ("lowkey when do the first clips drop", "when do the first clips come out", "en"),
        ("security guarantees: what's that about fr", "security guarantees: what is it", "en"),
        ("nato: on the agenda or nah", "nato: on the agenda", "en"),
        ("peskov — who dat", "peskov — who is that", "en"),
        ("White House denial — what was that about", "White House denial — what was it", "en"),
        ("also, the source?", "the source?", "en"),
        ("ETA on the call?", "when is the call?", "en"),
        ("first footage ETA?", "first footage when?", "en"),
        ("коли дроп перших кадрів лол", "коли публікація перших кадрів", "uk"),
        ("и кстати Остин — это кто", "Остин — это кто", "ru"),
        ("а ще Остін — це хто?", "Остін — це хто?", "uk"),
        ("до речі, джерело яке?", "джерело яке?", "uk"),
        ("типа кто озвучил дату", "кто объявил дату", "ru"),
        ("хто озвучив дату", "хто оголосив дату", "uk"),
        ("дедлайн по часу який, о котрій починають?", "час який, о котрій починають?", "uk"),
        ("нашо Кремлю ця розмова здалася", "нашо Кремлю ця розмова знадобилася", "uk"),
        ("ради чего Кремлю разговор", "зачем Кремлю разговор", "ru"),
        ("заради чого ця розмова", "навіщо ця розмова", "uk"),
        ("to what end do they talk", "what for do they talk", "en"),
    ],
)
def test_a_register_reads_as_the_plain_words(engine, said, plain, lang):
    assert engine.index.analyse(said, lang).tokens == engine.index.analyse(plain, lang).tokens


@pytest.mark.parametrize(
    ("office", "plain", "lang"),
    [
        ("when is the putin-biden sync", "when is the putin-biden call", "en"),
        ("а после колла они что-то скажут", "а после звонка они что-то скажут", "ru"),
        ("мітинг о котрій стартує", "розмова о котрій стартує", "uk"),
    ],
)
def test_an_office_word_for_the_call_is_the_call(engine, office, plain, lang):
    assert engine.index.analyse(office, lang).tokens == engine.index.analyse(plain, lang).tokens


def test_for_what_beside_another_ask_is_no_purpose_of_the_talks(engine):
    # "гарантии от кого и для чего" asks what the guarantees are for, not why the talks
    tokens = engine.index.analyse("гарантии от кого и для чего", "ru").tokens
    assert "@whatfor" not in tokens
    assert "@whatfor" in engine.index.analyse("ради чего эти переговоры", "ru").tokens


def test_a_drop_is_a_release_only_beside_footage(engine):
    # a side may drop a demand: "drop" is read as coming out only after a footage word
    tokens = engine.index.analyse("will russia drop its demands", "en").tokens
    plain = engine.index.analyse("will russia come out its demands", "en").tokens
    assert tokens != plain


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("ETA on the putin-biden sync?", "en", "talks-time"),
        ("lowkey when do the first clips drop", "en", "talks-footage"),
        ("White House denial — what was that about", "en", "white-house-denial"),
        ("ngl who's psaki", "en", "person-psaki"),
        ("а ще Остін — це хто?", "uk", "person-austin"),
        ("ради чего Кремлю понадобился разговор", "ru", "moscow-motives"),
        ("от кого ждать итогов с российской стороны", "ru", "russia-position"),
        ("according to whom are they talking on the 7th", "en", "talks-announcement"),
        ("со слов кого известно про 7 декабря", "ru", "talks-announcement"),
        ("зі слів кого відомо про 7 грудня", "uk", "talks-announcement"),
        # alone, "according to whom" is not rephrased: it asks for the article's source
        ("according to whom?", "en", "source-article"),
        ("від кого чекати підсумків з російського боку", "uk", "russia-position"),
    ],
)
def test_a_register_reaches_the_fact(content, question, lang, fact):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("ngl do you think it'll work out?", "en"),
        ("lowkey will Putin back down?", "en"),
        ("лол, как ты думаешь, договорятся?", "ru"),
    ],
)
def test_an_opinion_in_a_register_stays_declined(engine, question, lang):
    assert engine.ask(question, lang_hint=lang).status == "declined"
