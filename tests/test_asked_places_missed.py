"""Places read as no place before round 23: "when is it in frankfurt" (GeoNames names it
Frankfurt am Main: colloquial.yaml), "по уральскому времени сколько будет" (the Urals' clock
is Yekaterinburg's: adjectives.yaml), and words around a place that name nothing ("berlin
time, quick", "what time over there in moscow", "ми з родиною в Торонто": words.yaml filler)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("when is it in frankfurt", "Europe/Berlin"),
        ("по уральскому времени сколько будет", "Asia/Yekaterinburg"),
        ("за уральським часом о котрій", "Asia/Yekaterinburg"),
    ],
)
def test_the_place_is_found(resolver, question, zone):
    mention = resolver.find(question)
    assert mention is not None and mention.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        "berlin time, quick",
        "what time over there in moscow",
        "ми з родиною в Торонто, о котрій нам вмикати",
        "when is it in frankfurt",
    ],
)
def test_the_time_there_is_answered(engine, question):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert any(line.role == "asked" for line in answer.times)
