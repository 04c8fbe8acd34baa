"""The people's names as they are heard and typed (the content's lexicon): "пескофф",
"байдан", "путен", "bayden", "poutine" are the people the right spelling names, in every
form the reading reduces them to, and a word that only looks like one stays itself."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "lang", "person"),
    [
        ("что сказал пескофф", "ru", "@peskov"),
        ("що сказав пєскофф", "uk", "@peskov"),
        ("когда говорил байдан", "ru", "@biden"),
        ("разговор с байданом", "ru", "@biden"),
        ("що казав байдєн", "uk", "@biden"),
        ("что сказал путен", "ru", "@putin"),
        ("що казав путєн", "uk", "@putin"),
        ("what did bayden say", "en", "@biden"),
        ("what did poutine say", "en", "@putin"),
        ("что сказала псаки", "ru", "@psaki"),
        ("що сказав остін", "uk", "@austin"),
    ],
)
def test_a_misspelt_name_names_the_person(engine, question, lang, person):
    assert person in engine.index.analyse(question, lang).tokens


def test_a_word_near_a_name_is_not_the_name(engine):
    # "путем" (by way of) is one letter from "путен" and stays a word of its own.
    assert "@putin" not in engine.index.analyse("путем переговоров", "ru").tokens
