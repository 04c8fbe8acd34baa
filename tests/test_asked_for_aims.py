"""What one side wants, in Russian and Ukrainian as in English: a side named by its country
is that country ("чего хочет американская сторона" is "чего хочет США"), and one side wanting
or meaning to discuss something asks its aims ("что хочет обсудить Вашингтон"), where many
wanting to ("что хотят обсудить президенты") still ask the topics."""

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
