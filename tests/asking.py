"""Asking the fixture content as a new user would: the fact base without the question's own
wording, so a test reads what a question the base never saw reaches."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS
from knowledge.language.text import normalize
from tests.conftest import AFTER_THE_CALL


def anew(content, *asked: str) -> Engine:
    """An engine whose facts lack these wordings, so each is a question the base never saw;
    it answers with the fact ranked first however unsure (which fact a question reaches is
    what these tests are about)."""
    held = {normalize(q) for q in asked}
    facts = [
        replace(
            fact,
            questions={
                lang: tuple(q for q in qs if normalize(q) not in held)
                for lang, qs in fact.questions.items()
            },
        )
        for fact in content.facts
    ]
    return Engine(
        facts, content.sources, events=content.events, clock=lambda: AFTER_THE_CALL, decision=ALWAYS
    )


def reached(answer) -> str:
    """The fact answered, else the first one offered (a day alone may only offer it)."""
    if answer.fact is not None:
        return answer.fact.id
    return answer.suggestions[0].fact_id if answer.suggestions else ""
