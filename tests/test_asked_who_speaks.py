"""Who speaks: a question asking what one person said, put to a fact that quotes another
("what did Biden say about NATO" of the topics Peskov named), is moved off that fact (the
decision's `shifted`). The fixture's facts are given the speakers the article credits
(`said_by`); beside each case, the questions that must stay."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS, FEATURES
from knowledge.language.lexicon_files import LexiconInvalid, load_lexicon
from knowledge.language.speakers import sides_named, speaker_mismatch, voices
from tests.conftest import AFTER_THE_CALL

PESKOV = "Dmitry Peskov, the Russian president's press secretary"
SAID_BY = {
    "talks-topics": PESKOV,
    "summit-review": PESKOV,
    "psaki-statement": "Jen Psaki, the US president's press secretary",
    "lethal-weapons": "US Defense Secretary Lloyd Austin",
    "austin-view": "US Defense Secretary Lloyd Austin",
    "white-house-confirmation": "the White House",
}
SHIFTED = FEATURES.index("shifted")


def _engine(content, said_by=SAID_BY) -> Engine:
    facts = [
        replace(fact, said_by=dict.fromkeys(("en", "ru", "uk"), said_by[fact.id]))
        if fact.id in said_by
        else fact
        for fact in content.facts
    ]
    return Engine(
        facts, content.sources, events=content.events, clock=lambda: AFTER_THE_CALL, decision=ALWAYS
    )


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what did Putin say about the talks", "en"),
        ("що каже Путін про НАТО", "uk"),
        ("what did Austin say about Geneva", "en"),
        ("что Путин сказал о Женеве", "ru"),
        ("що Остін казав про Женеву", "uk"),
        # A side speaks through its people: the Kremlin's spokesman is not Psaki.
        ("что заявил пресс-секретарь кремля о планах диалога", "ru"),
        ("what did the White House say about Geneva", "en"),
    ],
)
def test_another_speakers_words_are_shifted(content, question, lang):
    match = _engine(content).index.match(question, lang)
    assert match.evidence[SHIFTED] == 1.0
    # Without the speakers the same question is not shifted: the speaker moved it.
    assert _engine(content, said_by={}).index.match(question, lang).evidence[SHIFTED] == 0.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # The fact quotes the person asked.
        ("what did Peskov say about Geneva", "en"),
        ("what did Peskov say about lethal weapons", "en"),
        ("что Остин сказал про дипломатию", "ru"),
        ("what did Psaki say about Geneva", "en"),
        # Someone speaking for the person asked: the speaker is left open.
        ("what did Biden's press secretary say", "en"),
        ("что сказала речница Байдена", "ru"),
        # A fact quoting a side quotes its people.
        ("what did the White House say about the talks", "en"),
    ],
)
def test_the_speakers_own_words_stay(content, question, lang):
    match = _engine(content).index.match(question, lang)
    assert match.best is not None and match.evidence[SHIFTED] == 0.0


def test_a_fact_quoting_nobody_is_not_checked(content):
    # Without `said_by` the article gives the account itself: no speaker to mismatch.
    match = _engine(content, said_by={}).index.match("what did Biden say about NATO", "en")
    assert match.evidence[SHIFTED] == 0.0


def test_speaker_mismatch_reads_people_not_any_token():
    people = {"@biden", "@peskov"}
    kinds = {"@say", "@topic"}
    intents = {"@say", "@topic", "@time"}
    asked = ("@say", "@biden", "@topic", "nato")
    assert speaker_mismatch(asked, frozenset({"@peskov"}), people, kinds, intents, ())
    assert not speaker_mismatch(asked, frozenset({"@biden"}), people, kinds, intents, ())
    assert not speaker_mismatch(asked, None, people, kinds, intents, ())
    assert not speaker_mismatch((*asked, "@time"), frozenset(), people, kinds, intents, ())
    assert not speaker_mismatch((*asked, "team"), frozenset(), people, kinds, intents, {"team"})
    assert not speaker_mismatch(("@biden", "nato"), frozenset(), people, kinds, intents, ())


def test_people_are_the_contents_concepts(tmp_path):
    assert {"@putin", "@biden", "@peskov", "@psaki", "@austin"} <= load_lexicon().people
    path = tmp_path / "lexicon.yaml"
    path.write_text("concepts:\n  '@a': [a]\npeople: ['@b']\n", encoding="utf-8")
    with pytest.raises(LexiconInvalid, match="people"):
        load_lexicon(concepts_path=path)


def test_a_side_speaks_through_its_people():
    sides = (
        (frozenset({"@putin", "@peskov"}), (frozenset({"кремль"}),)),
        (frozenset({"@biden", "@psaki"}), (frozenset({"white", "hous"}),)),
    )
    people = {"@putin", "@peskov", "@biden", "@psaki"}
    kinds = intents = {"@say"}
    assert sides_named(("white", "hous", "@say"), sides) == {"@biden", "@psaki"}
    assert not sides_named(("white", "@say"), sides)
    # A spokesperson of a person named asks that person's side.
    asked = ("@say", "@biden", "секретарь")
    quoted = frozenset({"@peskov"})
    assert speaker_mismatch(asked, quoted, people, kinds, intents, {"секретарь"}, sides)
    assert not speaker_mismatch(
        asked, frozenset({"@psaki"}), people, kinds, intents, {"секретарь"}, sides
    )
    # A said_by naming no person but a side quotes that side's people.
    found = voices(
        {"a": {"en": "the White House"}, "b": {}},
        people,
        lambda text, lang: ["white", "hous"],
        sides,
    )
    assert found == {"a": frozenset({"@biden", "@psaki"})}
