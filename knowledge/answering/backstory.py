"""A message of a few sentences with the asker's story around its question ("My dad says
the talks were yesterday. I don't believe him. What date is the call really? I want to show
him."), read by the sentence that asks when that reading is the same ask, matched better.

The whole message is read first, as ever. Its question sentence is read as well (what
`question_part` picks: the sentences ending in "?", else those with an asking word); when
both readings rank the same fact first and the sentence matches it with the higher score,
the story was only diluting the question, and the sentence's reading is the answer. Where
the sentence alone reaches another fact ("Saw the Peskov headline. What hour though?"), or
matches less well, the story carried the ask, and the whole reading stays. The choice weighs
the matcher's score, never the decision's P, so the decision's fit reads what users get.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.language.text import question_part

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.places.resolver import Place

# Where one sentence ends and the next begins: the story and its question are sentences.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def by_its_sentence(
    engine: Engine,
    whole: Answer,
    text: str,
    lang: str,
    opens: re.Pattern[str],
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer:
    """`whole` (the message read whole), or the reading of the sentence that asks (see the
    module's doc). `opens` finds a question word at a sentence's start: a story sentence
    that opens with one asks something too ("... is this legit? which outlet is it"), and
    then the message is not a story around one question."""
    if not whole.ranked or not whole.evidence or len(_SENTENCE_END.split(text.strip())) < 2:
        return whole
    index = engine.index
    parts = question_part(
        text,
        asking=index.lexicon.asking_words.get(lang, frozenset()),
        idle=lambda sentence: not index.analyse(sentence, lang).tokens,
    )
    if parts is None:
        return whole
    question, rest = parts
    story = [s for s in _SENTENCE_END.split(rest) if s.strip()]
    if not story or any(opens.search(s.strip(" \t,;:-—\"'«»")) for s in story):
        return whole
    if engine.resolver.find(rest) and not engine.resolver.find(question):
        return whole  # "I live in Oslo. When is it?": the story names the place asked
    read = engine.ask_one(question, lang=lang, user_place=user_place, conversation=conversation)
    same = read.ranked and read.ranked[0][0] == whole.ranked[0][0]
    if same and read.evidence and read.evidence[0] > whole.evidence[0]:
        return read
    return whole
