"""An order of importance the article never gives: "rank the topics by importance", "the most
important thing they'll discuss?", "что на первом месте в повестке", "розстав теми за
важливістю". The ask is read as the list or the main topics (shapes.yaml `unranked_rephrased`),
and the answer says beside it that the article does not say which matters most, so a reader
does not take the article's order for a ranking. The phrases are data (`unranked` in
knowledge/language/data/shapes.yaml)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.lexicon_files import shipped_shape_phrases
from knowledge.language.text import normalize


@lru_cache(maxsize=1)
def _asks_an_order() -> re.Pattern[str]:
    """Any language's `unranked` phrase as whole words of a normalised message."""
    data = shipped_shape_phrases("unranked")
    phrases = {normalize(p) for ps in data.values() for p in ps if normalize(p)}
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if phrases else re.compile(r"(?!)")


def asks_an_order(text: str) -> bool:
    return _asks_an_order().search(normalize(text)) is not None


def with_unranked_note(answer: Answer, text: str) -> Answer:
    """`answer` with the note that the article ranks nothing, when `text` asks for a ranking
    and is answered; else `answer` itself."""
    if not answer.answered or not asks_an_order(text):
        return answer
    note = ANSWERS("answer.unranked", answer.lang)
    return replace(answer, notes=(*answer.notes, note))
