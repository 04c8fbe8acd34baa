"""Ukrainian as the fourth writer typed it (issue 10, round 9): words and shapes the earlier
writers used little. Each is asked of the fact base without that exact wording, as a new
user's question would be."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("на чому наполягав Кремль?", "moscow-insisted"),
        ("у чому полягала ініціатива Путіна щодо гарантій?", "security-guarantees-initiative"),
    ],
)
def test_chomu_after_a_preposition_is_what_not_why(content, question, fact):
    engine = anew(content, question)
    assert "@why" not in engine.index.analyse(question, "uk").tokens
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == fact


def test_the_reason_in_chomu_still_asks_why(engine):
    assert "@why" in engine.index.analyse("у чому причина розмови", "uk").tokens
