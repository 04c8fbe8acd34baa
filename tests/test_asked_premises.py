"""A detail put to be checked ("Geneva was in July?", "пресс-конференция будет, правильно
понимаю?"): the fact that settles it answers, "No" first where its days say otherwise."""

from __future__ import annotations

import pytest

from knowledge.i18n import ANSWERS
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("there will be a press conference after, right?", "en", "no-joint-statements"),
        ("пресс-конференция после будет, правильно понимаю?", "ru", "no-joint-statements"),
        ("пресконференція після буде, правильно розумію?", "uk", "no-joint-statements"),
        ("the Kremlin press service presents Russia's position, yeah?", "en", "russia-position"),
    ],
)
def test_a_closing_tag_leaves_the_statement_to_its_fact(content, question, lang, fact_id):
    # The tag asks whether, not about what: the statement without it reads the same.
    plain = question.rsplit(",", 1)[0] + "?"
    engine = anew(content, question, plain)
    tagged, untagged = engine.ask(question, lang_hint=lang), engine.ask(plain, lang_hint=lang)
    assert tagged.fact is not None and tagged.fact.id == fact_id
    assert tagged.evidence == untagged.evidence


@pytest.mark.parametrize(
    ("question", "lang", "verdict"),
    [
        ("the Geneva summit was in July, right?", "en", "answer.no"),
        ("саммит в Женеве был в июле?", "ru", "answer.no"),
        ("саміт у Женеві був у липні?", "uk", "answer.no"),
        ("was the Geneva summit in June?", "en", "answer.yes"),
        ("саммит в Женеве был 16 июня?", "ru", "answer.yes"),
    ],
)
def test_an_undated_fact_says_yes_or_no_to_a_day_by_the_days_it_gives(
    content, question, lang, verdict
):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "summit-in-geneva"
    assert answer.lead.startswith(ANSWERS(verdict, lang))
