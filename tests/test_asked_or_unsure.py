"""Readings that left a right first fact a "did you mean" (round 22, unsure2): the "or"
between two options ("россия или путин", "росія чи путін": words.yaml `choice`, Ukrainian
"чи" read as "або") is no word a fact could use, as English "or" is none, so it is not
counted unexplained; the options themselves still are."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES

UNEXPLAINED = FEATURES.index("unexplained_share")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("кто настаивал на встрече, россия или путин", "ru"),
        ("хто хотів зустрічі, росія чи путін", "uk"),
        ("хто наполягав на зустрічі, москва або кремль", "uk"),
    ],
)
def test_the_or_between_options_is_not_unexplained(engine, question, lang):
    match = engine.index.match(question, lang)
    assert match.candidates[0].fact_id == "moscow-insisted"
    assert {"или", "або"} & set(match.tokens)
    assert match.evidence[UNEXPLAINED] == 0.0


def test_an_option_the_fact_never_uses_still_is(engine):
    match = engine.index.match("кто настаивал на встрече, россия или сша", "ru")
    assert match.candidates[0].fact_id == "moscow-insisted"
    assert match.evidence[UNEXPLAINED] == pytest.approx(1 / 6)
