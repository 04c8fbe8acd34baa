"""A post asked "of what" ("Остин министр чего?", "Austin is minister of what?") and a
person's title ("what's Psaki's title") ask the person's post, as "what's his job" does
(`rephrased` in words.yaml); the article's own title stays no fact's."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("lang", "question", "plain", "fact_id"),
    [
        ("ru", "Остин министр чего?", "какая должность у Остина?", "person-austin"),
        ("uk", "Остін міністр чого?", "яка посада в Остіна?", "person-austin"),
        ("en", "Austin is minister of what?", "what job does Austin have?", "person-austin"),
        ("ru", "Псаки секретарь чего", "какая должность у Псаки", "person-psaki"),
        ("en", "what's Psaki's title", "what's Psaki's job", "person-psaki"),
        ("en", "whats austins title", "whats austins job", "person-austin"),
        ("en", "what is Austin's job title", "what is Austin's job", "person-austin"),
    ],
)
def test_a_post_asked_of_what_asks_the_post(content, lang, question, plain, fact_id):
    engine = anew(content, question)
    asked = set(engine.index.analyse(question, lang).tokens)
    assert "@job" in asked
    assert asked == set(engine.index.analyse(plain, lang).tokens)
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


def test_the_articles_title_is_not_a_post(engine):
    assert "@job" not in engine.index.analyse("what is the title of the article", "en").tokens
    assert "@job" not in engine.index.analyse("what's the article's title", "en").tokens
