"""A message read out of what it is wrapped in (markup, JSON, an "/ask" command, a letter's
greeting and signature: knowledge/language/wrapped.py) and with its request for a language
("answer in English: ...": knowledge/language/answer_language.py) taken as the language to
answer in. A request alone ("in English please", "на русском") asks for the last answer
again in that language, or, with none yet, for the bot's introduction in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.answering import followups
from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.language.answer_language import requested_language
from knowledge.language.wrapped import unwrapped
from knowledge.places.resolver import Place

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine


def read_wrapped(
    engine: Engine,
    question: str,
    lang: str | None,
    user_place: Place | None,
    conversation: Conversation | None,
) -> tuple[str, str | None, Answer | None]:
    """The question to read, the language to answer in, and the answer when the message
    only asked for a language."""
    question = unwrapped(question, engine.index.lexicon.courtesies)
    request = requested_language(question)
    if request is None:
        return question, lang, None
    if request.text:
        return request.text, request.lang, None
    previous = followups.last_fact(engine.index, conversation)
    if previous is None:
        return question, request.lang, engine.introduction(request.lang)
    again = engine.answer_fact(
        previous.id, lang=request.lang, user_place=user_place, conversation=conversation
    )
    return question, request.lang, again or engine.introduction(request.lang)
