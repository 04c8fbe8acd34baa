"""What the bot offers when it gives no fact: its introduction ("who are you?", a greeting,
thanks) with the main event's questions, and a question it is unsure of or declines, with the
facts it ranked or those questions."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.answering.compose import Answer, Suggestion, representative_question
from knowledge.i18n import ANSWERS
from knowledge.language.courtesy import ACKNOWLEDGED, CLOSING
from knowledge.language.matcher import FactIndex, Match


def introduction(
    about: dict[str, str], offers: list[Suggestion], lang: str, courtesy: str | None = None
) -> Answer:
    """What the bot is and what it answers (`about`: the main event's subject and topics),
    with its questions to offer: the answer to "who are you?", "кто тебя создал?", not a fact.
    A greeting is greeted first; thanks or a goodbye get "you're welcome", "ok" "glad to
    help", and the offer alone."""
    key = {CLOSING: "answer.welcome", ACKNOWLEDGED: "answer.noted"}.get(
        courtesy or "", "answer.about_bot"
    )
    lead = ANSWERS(key, lang, **about) if about["subject"] else ""
    lead = lead or ANSWERS("answer.ask", lang)
    if courtesy is not None and key == "answer.about_bot":
        lead = f"{ANSWERS('answer.greeting', lang)} {lead}"
    return Answer(status="about_bot", lang=lang, lead=lead, suggestions=tuple(offers))


def not_answered(
    index: FactIndex, match: Match, lang: str, examples: Callable[[], list[Suggestion]]
) -> Answer:
    """Unsure, with the facts ranked to offer; or declined, with `examples` (the main event's
    questions) to offer."""
    ranked = tuple((c.fact_id, c.score) for c in match.candidates)
    if match.candidates:
        suggestions = tuple(
            Suggestion(c.fact_id, representative_question(index.facts[c.fact_id], lang), c.score)
            for c in match.candidates
        )
        return Answer(
            status="unsure",
            lang=lang,
            lead=ANSWERS("answer.unsure", lang),
            suggestions=suggestions,
            ranked=ranked,
            evidence=match.evidence,
        )
    offers = tuple(examples())
    lead = ANSWERS("answer.declined", lang)
    if offers:
        lead = f"{lead} {ANSWERS('answer.declined_offer', lang)}"
    return Answer(
        status="declined",
        lang=lang,
        lead=lead,
        suggestions=offers,
        ranked=ranked,
        evidence=match.evidence,
    )
