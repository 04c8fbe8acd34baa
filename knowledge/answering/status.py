"""A status check of the call answered as the article can answer it ("is it still on?", "was it
moved to wednesday?", "не перенесли?", "зустрічі не буде, а по відео теж ні?"): the call's
time, for a meeting heard to be off its format, for a denial heard ("White House denies phone
talks... so is the call off?") the confirmation that followed it, with a line saying the
article was written before the call and reports no change (knowledge/language/status.py
reads the ask).

Only the fact that settles the plain ask may answer it: a status check read as "when is the
call" that matches another fact, or none, is left to be read as written (declined)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from knowledge.answering.asked_again import AskedAgain
from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.i18n import ANSWERS
from knowledge.language.status import (
    CONFIRMED,
    FORMAT,
    TIME,
    asks_apart,
    status_asked,
    status_words,
)
from knowledge.places.resolver import Place

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.language.matcher import FactIndex
    from knowledge.model import Fact

# The reading is asked again through the engine: it is not read for a status again.
_ASKED_AGAIN = AskedAgain("status")

# The fact that settles each plain ask ("when is the call", in each language), kept with the
# version of the fact base (an admin's edit makes a new index, and so asks again): it was
# asked through the engine on every status check.
_SETTLING: WeakKeyDictionary[FactIndex, dict[tuple[str, str], Fact | None]] = WeakKeyDictionary()


def _settling(engine: Engine, plain: str, lang: str) -> Fact | None:
    index = engine.index
    kept = _SETTLING.setdefault(index, {})
    if (plain, lang) in kept:
        return kept[plain, lang]
    fact = _ASKED_AGAIN.ask(engine, plain, lang, None, None).fact
    if engine.index is index:  # not kept when the base was reloaded while it was asked
        kept[plain, lang] = fact
    return fact


def status_answer(
    engine: Engine,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """The answer to a status check of the call, None when `text` is none or its reading is
    not answered by the fact that answers the plain ask."""
    if _ASKED_AGAIN.active:
        return None
    words = status_words()
    asked = status_asked(text, lang, words)
    if asked is None or asks_apart(engine.index.analyse(asked.read, lang).tokens, words):
        return None
    plain = {FORMAT: words.format_ask, CONFIRMED: words.confirm_ask}.get(asked.kind, words.ask)
    plain = plain[lang]
    settling = _settling(engine, plain, lang)
    answer = _ASKED_AGAIN.ask(engine, asked.text, lang, user_place, conversation)
    if not answer.answered or answer.fact is None or settling is None:
        return None
    if answer.fact.id != settling.id:
        return None
    lead = answer.lead
    if asked.kind != TIME:
        # The reading's "Yes." ("did the White House confirm it?") is no answer to "is it
        # off?"; only a day claimed for the move is checked ("moved to wednesday?": "No.").
        for verdict in (ANSWERS("answer.yes", lang), ANSWERS("answer.no", lang)):
            lead = lead[len(verdict) :].lstrip() if lead.startswith(verdict) else lead
    note = ANSWERS("answer.status", lang)
    return replace(answer, lead=lead, notes=(*answer.notes, note))
