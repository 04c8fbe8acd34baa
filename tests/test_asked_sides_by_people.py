"""A side named by its people ("русские", "росіяни") is the side, striving and counting on
are wanting, and the capital's older English spelling ("Kiev") is the "Kyiv" the facts write."""

from __future__ import annotations

import pytest

from tests.asking import anew

MOSCOWS_AIMS = {"security-guarantees-initiative", "moscow-motives"}


@pytest.mark.parametrize(
    ("question", "lang"),
    [("чего хотят русские", "ru"), ("чого прагнуть росіяни", "uk"), ("чого хочуть росіяни", "uk")],
)
def test_a_side_named_by_its_people_asks_its_aims(content, question, lang):
    engine = anew(content, question)
    assert set(engine.index.analyse(question, lang).tokens) == {"@aim", "@rossiya"}
    assert engine.ask(question, lang_hint=lang).fact.id in MOSCOWS_AIMS


@pytest.mark.parametrize("question", ["is washington giving kiev more lethal arms", "kiev arms?"])
def test_kiev_is_the_capital_the_facts_write(content, question):
    engine = anew(content, question)
    assert "kiev" not in engine.index.analyse(question, "en").tokens
    assert engine.ask(question, lang_hint="en").fact.id == "lethal-weapons"
