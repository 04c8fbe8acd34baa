"""Readings that left a right first fact a "did you mean" (round 22, unsure2): the "or"
between two options ("россия или путин", "росія чи путін": words.yaml `choice`, Ukrainian
"чи" read as "або") is no word a fact could use, as English "or" is none, so it is not
counted unexplained; the options themselves still are. Talking about a subject in the talks
to come ("будут ли говорить про войска", "чи говоритимуть про війська") is discussing it
(words.yaml `rephrased`), while what someone said of it ("что Песков говорил про встречу")
stays said."""

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


@pytest.mark.parametrize(
    ("question", "lang", "discussed"),
    [
        ("будут ли говорить про войска у границ Украины?", "ru", "обсуждать"),
        ("поговорят о НАТО?", "ru", "обсудить"),
        ("чи говоритимуть про війська біля кордонів України?", "uk", "обговорювати"),
        ("Байден буде говорить про війська біля кордону?", "uk", "обговорювати"),
    ],
)
def test_talking_about_a_subject_to_come_is_discussing_it(engine, question, lang, discussed):
    tokens = engine.index.analyse(question, lang).tokens
    assert discussed in tokens
    assert not {"говорить", "говорити", "поговорить", "про"} & set(tokens)


def test_what_someone_said_of_it_stays_said(engine):
    tokens = engine.index.analyse("что Песков говорил про встречу", "ru").tokens
    assert "@say" in tokens and "обсуждать" not in tokens
