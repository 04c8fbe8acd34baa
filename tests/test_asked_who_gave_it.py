"""Who gave a detail (round 20): "whose" asks who in Russian and Ukrainian as in English
("чия прес-секретарка Псакі", "чей пресс-секретарь Песков"), and a guy asked which is a
person asked who ("which kremlin guy announced the call"; words.yaml `@who`)."""

from __future__ import annotations

import pytest

from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("чия прес-секретарка псакі", "uk"),
        ("чиє це оголошення", "uk"),
        ("чей пресс-секретарь Песков", "ru"),
        ("чья это пресс-секретарь", "ru"),
        ("which kremlin guy said it", "en"),
    ],
)
def test_whose_and_which_guy_ask_who(engine, question, lang):
    assert "@who" in engine.index.analyse(question, lang).tokens


def test_which_guy_reaches_the_person_who_did_it(content):
    asked = "which kremlin guy announced the call"
    assert reached(anew(content, asked).ask(asked, lang_hint="en")) == "talks-announcement"
