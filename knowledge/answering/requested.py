"""Actions the bot cannot do, asked beside (or instead of) a question: "remind me 10 min
before, when is it again", "нагадай за 10 хвилин, а о котрій воно", "постав будильник на
початок, коли це", a bare "remind me". The bot sets no reminders and sends no alerts (its only
messages unasked are a followed fact's changes), so the ask inside is answered as it stands
(the action and how long before it are taken out) and one line says what the bot cannot do
and what it can: a calendar file of the call, whose own reminder the user sets. A message that
asks nothing else is no decline of a question: the line is the whole answer.

"remind me" also asks to be told again ("remind me, who is Peskov?"): followed by a question
word (`actions_recall`) it is that, and no action. The words are data (shapes.yaml)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.alternation import phrase_alternation
from knowledge.language.lexicon_files import shipped_shape_phrases


def _alternation(section: str) -> str:
    data = shipped_shape_phrases(section)
    return phrase_alternation(p for ps in data.values() for p in ps) or r"(?!)"


@lru_cache(maxsize=1)
def _action() -> re.Pattern[str]:
    """An action phrase as whole words, with how long before it if said; "remind me" and its
    like not followed by a question word: "remind me when it is" is "tell me again"."""
    count = rf"(?:\d+|{_alternation('action_counts')})"
    lead = (
        rf"(?:[\s,]+(?:за\s+|in\s+)?(?:{count}\s*)?(?:{_alternation('action_units')})(?!\w)"
        rf"(?:\s+(?:{_alternation('action_before')})(?!\w))?)?"
    )
    recall = rf"(?![\s,:;-]*(?:{_alternation('actions_recall')})(?!\w))"
    remind = rf"(?:{_alternation('actions_remind')})(?!\w){recall}"
    said = rf"(?<!\w)(?:(?:{_alternation('actions')})(?!\w)|{remind})"
    return re.compile(rf"{said}{lead}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _booked() -> re.Pattern[str]:
    """A booking phrase opening the message ("set an alarm for the call"): an action, but
    its words stay, as they ask when (words.yaml's @when)."""
    return re.compile(rf"^\W*(?:{_alternation('actions_opening')})(?!\w)", re.IGNORECASE)


def without_action(text: str) -> tuple[str, bool]:
    """`text` without the actions it asks for and how long before them, and whether it asked
    any; a message that is nothing but the action is left whole (its words read as nothing)."""
    rest, count = _action().subn(" ", text)
    if not count:
        return text, _booked().search(text) is not None
    return (rest if re.search(r"\w", rest) else text), True


def with_action_note(answer: Answer) -> Answer:
    """`answer` to a message that asked for an action, with the line that the bot cannot do
    it: a note beside an answer, or, when nothing in it was answered, the lead itself (the
    suggestions stay)."""
    if answer.status == "declined" and not answer.more:
        lead = ANSWERS("answer.no_action_alone", answer.lang)
        if answer.suggestions:  # the facts offered instead follow, as after a decline
            lead = f"{lead} {ANSWERS('answer.declined_offer', answer.lang)}"
        return replace(answer, lead=lead)
    return replace(answer, notes=(*answer.notes, ANSWERS("answer.no_action", answer.lang)))
