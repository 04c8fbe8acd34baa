"""A name mixed up ("путин и зеленский будут говорить?", "трамп і путін говорять 7 грудня
так?"): the question asked again with the name as the call's other side, and the answer
led by the correction ("No: the article does not mention “Trump”; it is about the Putin–Biden
video call."), then the fact, cited (knowledge/language/mixups.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.answering.asked_again import AskedAgain
from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.i18n import ANSWERS
from knowledge.language.mixups import mixed_up, mixups, outsider, role_named
from knowledge.language.text import normalize
from knowledge.places.resolver import Place

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine

# A question asked again with its name or post put right is not read for mix-ups again: a
# message of a hundred pairs ("трамп и путин трамп и путин …") was asked a hundred times
# over, one name at a time (over a second for 4,096 characters).
_ASKED_AGAIN = AskedAgain("mixup")


def mixed_up_answer(
    engine: Engine,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """The answer to `text` read with its mixed-up name put right, None when it names no one
    mixed up or the reading answers nothing."""
    if _ASKED_AGAIN.active:
        return None
    data = mixups()
    role = role_named(text, data)
    if role is not None:
        return _role_answer(engine, text, lang, role, user_place, conversation)
    if not any(outsider(word, data) for word in text.split()) and not any(
        outsider(part, data) for word in text.split() for part in word.split("-")
    ):
        return None
    event = engine.main_event
    if event is None or lang not in event.title:
        return None
    index = engine.index
    people = index.lexicon.people

    def person_of(word: str) -> str | None:
        return next((t for t in index.analyse(word, lang).tokens if t in people), None)

    title = event.title[lang]
    sides = [
        (person, word) for word in title.replace("–", " ").split() if (person := person_of(word))
    ]
    mixup = mixed_up(text, sides, person_of, data)
    if mixup is None:
        return None
    answer = _ASKED_AGAIN.ask(engine, mixup.reread, lang, user_place, conversation)
    if not answer.answered:
        return None
    lead = answer.lead
    agreed = ANSWERS("answer.yes", lang)
    if lead.startswith(agreed):  # the date or detail holds; the pair asked does not
        lead = lead[len(agreed) :].lstrip()
    corrected = ANSWERS("answer.mixed_up", lang, name=mixup.name, title=title)
    return replace(answer, lead=f"{corrected} {lead}")


def _role_answer(
    engine: Engine,
    text: str,
    lang: str,
    role: tuple[str, str],
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """ "is Austin the secretary of state?": a question naming one of the article's people and
    a post, and nothing else, answered by that person's fact; "No" first when the fact's text
    names no such post (the post as written, read as the fact's text is)."""
    rest, post = role
    index = engine.index
    tokens = set(index.analyse(rest, lang).tokens)
    people = tokens & index.lexicon.people
    if len(people) != 1 or tokens - people - index.lexicon.intents:
        return None
    answer = _ASKED_AGAIN.ask(engine, rest, lang, user_place, conversation)
    if not answer.answered or answer.fact is None:
        return None
    said = set(index.analyse(answer.fact.text.get(lang, ""), lang).tokens)
    if set(index.analyse(post, lang).tokens) <= said or normalize(post) in normalize(
        answer.fact.text.get(lang, "")
    ):
        return None  # the fact names the post: asked as written, it is weighed as such
    return replace(answer, lead=f"{ANSWERS('answer.no', lang)} {answer.lead}")
