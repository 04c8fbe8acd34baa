"""What one side wants, in Russian and Ukrainian as in English: a side named by its country
is that country ("чего хочет американская сторона" is "чего хочет США"), and one side wanting
or meaning to discuss something asks its aims ("что хочет обсудить Вашингтон"), where many
wanting to ("что хотят обсудить президенты") still ask the topics. A side's need is its want
("что нужно Кремлю"), whom or what it wants it from is the call ("от Байдена"), how it will
act is what it will do ("как поступят американцы")."""

from __future__ import annotations

import pytest

from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("чего хочет американская сторона", "чего хочет США", "ru"),
        ("какая цель у американской стороны", "какая цель у США", "ru"),
        ("чого хоче американська сторона", "чого хоче США", "uk"),
        ("яка мета американської сторони", "яка мета США", "uk"),
        ("что хочет обсудить Вашингтон", "чего хочет Вашингтон", "ru"),
        ("що хоче обговорити Вашингтон", "чого хоче Вашингтон", "uk"),
        ("що має намір обговорити Байден", "чого хоче Байден", "uk"),
    ],
)
def test_one_sides_aims_read_as_what_it_wants(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("что хотят обсудить президенты", "ru", "talks-topics"),
        ("що хочуть обговорити президенти", "uk", "talks-topics"),
    ],
)
def test_both_sides_wanting_to_discuss_still_reach_the_topics(content, question, lang, fact_id):
    assert reached(anew(content, question).ask(question, lang_hint=lang)) == fact_id


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        # A side's need is its want.
        ("что нужно Кремлю", "что Кремль хочет", "ru"),
        ("что Путину надо", "что Путин хочет", "ru"),
        ("що треба Путіну", "що Путін хоче", "uk"),
        ("що Кремлю потрібно", "що Кремль хоче", "uk"),
        # Whom, or what, a side wants it from is the call and its other side.
        ("чего Путин хочет от Байдена", "чего Путин хочет", "ru"),
        ("чего Кремль хочет от этих переговоров", "чего Кремль хочет", "ru"),
        ("чого Путін хоче від Байдена", "чого Путін хоче", "uk"),
        ("чого Кремль хоче від цієї розмови", "чого Кремль хоче", "uk"),
        # How a side will act is what it will do; a case is a case.
        ("как поступят американцы", "что сделают американцы", "ru"),
        ("як вчинять американці", "що зроблять американці", "uk"),
        ("якщо росіяни полізуть", "якщо росіяни нападуть", "uk"),
        ("позиция США на случай вторжения", "позиция США в случае вторжения", "ru"),
        ("что обещают Штаты в случае атаки", "что обещают Штаты в случае нападения", "ru"),
        ("США підтримають Київ у разі атаки", "США підтримають Київ у разі нападу", "uk"),
        # Explaining the need for the talks is giving reasons for them.
        ("чем в Кремле объясняют необходимость переговоров",
         "чем в Кремле называют причины переговоров", "ru"),
        ("чим у Кремлі пояснюють потребу в переговорах",
         "чим у Кремлі називають причини переговорах", "uk"),
    ],
)
def test_a_sides_need_and_its_acts_read_as_plain_asks(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [("мне нужно узнать время", "ru"), ("мені треба знати час", "uk")],
)
def test_the_askers_own_need_is_no_sides_aim(content, question, lang):
    assert "@aim" not in anew(content, question).index.analyse(question, lang).tokens
