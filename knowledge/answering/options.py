"""Lettered options a quiz question offers ("is the call on (a) 1 December (b) 7 December (c)
16 June?"), held against the event's time: each is a claim the asker puts forward, so the
answer is never "Yes" to the question for its likeness to "is it on 7 december"; where every
option names a date, weekday or hour and exactly one holds, the answer names that one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from knowledge.answering.moments import claims_in, holds
from knowledge.i18n import ANSWERS
from knowledge.language.lexicon import Lexicon
from knowledge.language.quiz import options_in
from knowledge.language.text import normalize


def option_lead(
    text: str, lang: str, lexicon: Lexicon, moments: Sequence[datetime]
) -> str | None:
    """"The right option is (b)." when one option alone holds; "" when the question offers
    options but the event's time settles none or more than one (no verdict then); None when
    it offers none."""
    options = options_in(text)
    if not options:
        return None
    verdicts = [
        holds(claims_in(normalize(said), lang, lexicon.calendar, lexicon.stopwords), moments)
        for _, said in options
    ]
    if None in verdicts or verdicts.count(True) != 1:
        return ""
    right = options[verdicts.index(True)][0]
    return ANSWERS("answer.option", lang, option=right)
