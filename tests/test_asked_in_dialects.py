"""Questions in western-Ukrainian (Galician) and southern, Odesa-style speech, and doubting
ones: a dialect's word is read as the standard one it stands for, or as filler where it says
nothing about which fact is wanted ("ся" standing apart, "ади", "фест", Odesa "мине"); "за
шо" about talking is "о чем"/"про що"; the modal "має" is no month ("мая"); "разве",
"неужели", "хіба" and "невже" doubt what follows without changing what is asked; and "в
двух словах" (how much of an answer is wanted) is no clock time, "в два"."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("said", "standard", "lang"),
    [
        (
            "скажите мине, какого числа они будут говорить",
            "скажите, какого числа они будут говорить",
            "ru",
        ),
        ("за шо они будут разговаривать", "о чем они будут разговаривать", "ru"),
        ("за шо вони будуть говорити", "про що вони будуть говорити", "uk"),
        ("най дадуть вже зброю", "нехай дадуть вже зброю", "uk"),
        ("коли то ся почне", "коли то почне", "uk"),
        ("шо вони будуть обговорювати, ади", "шо вони будуть обговорювати", "uk"),
        ("о котрій то буде, фест цікаво", "о котрій то буде, цікаво", "uk"),
        ("коли має бути розмова", "коли бути розмова", "uk"),
        ("разве переговоры будут?", "переговоры будут?", "ru"),
        ("неужели Байден согласился?", "Байден согласился?", "ru"),
        ("хіба розмова буде?", "розмова буде?", "uk"),
        ("невже Кремль підтвердив?", "Кремль підтвердив?", "uk"),
        ("котрого то числа вони мають ся говорити", "якого числа вони говорити", "uk"),
        ("которого числа разговор", "какого числа разговор", "ru"),
    ],
)
def test_a_dialect_word_reads_as_the_standard(engine, said, standard, lang):
    assert engine.index.analyse(said, lang).tokens == engine.index.analyse(standard, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang"),
    [("за шо они будут разговаривать", "ru"), ("за шо вони будуть говорити", "uk")],
)
def test_about_what_in_odesa_speech_asks_the_topics(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-topics"


def test_the_modal_has_is_no_month(engine):
    tokens = engine.index.analyse("коли має бути розмова", "uk").tokens
    assert not any(token.startswith("@ma") for token in tokens)


@pytest.mark.parametrize(
    ("framed", "plain", "lang"),
    [
        ("в двух словах, о чем переговоры", "о чем переговоры", "ru"),
        ("в двух предложениях: кто объявил", "кто объявил", "ru"),
        ("в двох реченнях, про що розмова", "про що розмова", "uk"),
    ],
)
def test_how_many_words_wanted_is_no_hour(engine, framed, plain, lang):
    assert engine.index.analyse(framed, lang).tokens == engine.index.analyse(plain, lang).tokens


def test_an_hour_in_words_is_still_an_hour(engine):
    assert "@time" in engine.index.analyse("переговоры в два?", "ru").tokens
