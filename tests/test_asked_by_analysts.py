"""An analyst's words for what the article names (the lexicon's concepts): the readout,
tracks and talking points, the principals and the first persons, a bilateral contact."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("what are the tracks?", "en", "talks-topics"),
        ("talking points?", "en", "talks-topics"),
        ("какие треки?", "ru", "talks-topics"),
        ("які треки?", "uk", "talks-topics"),
        ("who are the principals?", "en", "talks-participants"),
        ("кто первые лица?", "ru", "talks-participants"),
        ("хто перші особи?", "uk", "talks-participants"),
        ("when is the contact?", "en", "talks-time"),
        ("когда контакт?", "ru", "talks-time"),
        ("коли контакт?", "uk", "talks-time"),
        ("who issues the readout?", "en", "russia-position"),
        ("кто даст ридаут?", "ru", "russia-position"),
        ("хто дасть рідаут?", "uk", "russia-position"),
    ],
)
def test_an_analysts_word_reaches_the_fact_of_the_thing_it_names(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id
