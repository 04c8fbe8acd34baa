"""Words quoted from the article (round 18, the thirteenth writer's kinds): a fragment in
quote marks, asked who said it or why it is in quotes ("кто сказал "для дипломатии и
лидерства"", "почему "расширение" в кавычках", "why is "expansion" in quotes"), is looked up
in the facts' quotes and answers, and the question decided among the facts that hold it."""

from __future__ import annotations

import pytest

from knowledge.answering.quoted import fragments, owners
from knowledge.language.decision import FEATURES
from tests.asking import anew, reached


def test_fragments_are_what_quote_marks_hold():
    assert fragments('кто сказал "для дипломатии и лидерства" и о чем') == [
        "для дипломатии и лидерства"
    ]
    assert fragments("«Пробежаться, посмотреть» — это кто?") == ["пробежаться посмотреть"]
    assert fragments("why is “expansion” in quotes") == ["expansion"]
    assert fragments('who said "ok"') == []  # too short to be a quotation
    assert fragments("when is the call") == []


def test_owners_are_the_facts_quoting_it(engine):
    index = engine.index
    # Word for word in the article's quote, at the start of a word ("расширение" is in the
    # quote as it is, and in another fact's only as "расширения").
    assert owners(index, "расширение") == {"talks-topics"}
    # Misquoted, each word found apart ("дипломатию", "лидерство").
    assert owners(index, "дипломатию и лидерство") == {"austin-view"}
    # The English of an answer when no quote holds it.
    assert owners(index, "diplomacy and leadership") == {"austin-view"}
    assert owners(index, "red lines") == frozenset()


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ('кто назвал переговоры возможностью "для дипломатии и лидерства"', "ru", "austin-view"),
        ('"diplomacy and leadership" - who said that?', "en", "austin-view"),
        ('хто назвав переговори можливістю "для дипломатії та лідерства"', "uk", "austin-view"),
        ('почему "расширение" в кавычках', "ru", "talks-topics"),
        ('чому "розширення" в лапках', "uk", "talks-topics"),
        ('why is "expansion" in quotes', "en", "talks-topics"),
    ],
)
def test_a_quoted_fragment_reaches_the_fact_quoting_it(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang=lang)
    assert reached(answer) == fact_id
    # The fact was chosen among those holding the words quoted, as among those giving an hour.
    assert answer.evidence[FEATURES.index("time_owned")] == 1.0


def test_a_quote_no_fact_holds_changes_nothing(content):
    engine = anew(content)
    asked, plain = (
        engine.ask('who said "red lines"?', lang="en"),
        engine.ask("who said red lines?", lang="en"),
    )
    assert asked.evidence == plain.evidence
