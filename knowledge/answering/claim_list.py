"""Several claims put to be checked at once: "so it's wednesday at 17:00 kyiv by video,
right?", "разговор 8 декабря по видео, правильно?", "peskov = putin's press guy, psaki =
biden's. all right?". Each claim is asked as its own yes/no question, so the fact that
settles it says whether it holds (the day, the date, the hour in the place named, the format,
who announced it, a person's role, the summit's date). The answer is the first checked
claim's fact, led by "Yes." only when every claim is checked and holds, and by "No: …" naming
the claims that do not hold when any does not; the facts of the other claims follow it
(`Answer.more`), and a claim the article does not settle is named as not found, never called
true. The words are data (knowledge/language/data/claims.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.i18n import ANSWERS
from knowledge.language.alternation import phrase_alternation
from knowledge.language.speakers import SAY
from knowledge.model import LANGS

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.places.resolver import Place

DATA = Path(__file__).resolve().parent.parent / "language" / "data" / "claims.yaml"
# More claims than this are not a list to check one by one but a story; each costs an answer.
MAX_CLAIMS = 6
_EDGE = " \t,;:.!?…—–-="
# A dash, comma or stop before the closing tag ("… — yes?", "…. right?").
_BEFORE_TAG = r"(?:^|[\s,.;:—–-])"


@dataclass(frozen=True)
class Words:
    tag: re.Pattern[str]  # the confirmation closing the message, with what precedes it
    opener: re.Pattern[str]  # a confirm opener or filler at the message's start
    confirm: re.Pattern[str]  # a confirm opener alone: the message asks to confirm
    cut: re.Pattern[str]  # where one claim ends and the next begins
    that: re.Pattern[str]  # a word that only introduces a claim ("..., что это видео")
    negation: re.Pattern[str]  # a claim denied ("not in person")
    correlative: re.Pattern[str]  # "neither ... nor": one claim across the parts
    subject: str


@lru_cache(maxsize=1)
def words() -> dict[str, Words]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    table = {}
    for lang in LANGS:
        tags = phrase_alternation(data["tags"][lang])
        confirm = phrase_alternation(data["confirm_openers"][lang])
        openers = phrase_alternation(
            data["confirm_openers"][lang] + data["fillers"][lang] + data["heard"][lang]
        )
        joiners = phrase_alternation(data["joiners"][lang])
        apart = phrase_alternation(data["apart"][lang])
        table[lang] = Words(
            tag=re.compile(rf"{_BEFORE_TAG}(?:{tags})[\s?!.…]*$", re.IGNORECASE),
            opener=re.compile(rf"^(?:(?:{openers})(?:[\s,:—–-]+|$))+", re.IGNORECASE),
            confirm=re.compile(rf"^(?:{confirm})(?=[\s,:—–-]|$)", re.IGNORECASE),
            # A comma, semicolon, or colon before a space (not 17:00), with a joiner after
            # it; or before a phrase that is a claim of its own ("… 17:00 kyiv by video").
            cut=re.compile(
                rf"\s*[,;]\s*(?:(?:{joiners})\s+)?|:\s+|\s*\n\s*|\s+(?=(?:{apart})(?:[\s,.?!]|$))",
                re.IGNORECASE,
            ),
            that=re.compile(rf"^(?:{phrase_alternation(data['that'][lang])})\s+", re.IGNORECASE),
            negation=re.compile(
                rf"^(?:{phrase_alternation(data['negations'][lang])})(?:\s+|$)", re.IGNORECASE
            ),
            correlative=re.compile(
                rf"^(?:{phrase_alternation(data['correlatives'][lang])})\s", re.IGNORECASE
            ),
            subject=data["subject"][lang],
        )
    return table


def split_claims(text: str, lang: str) -> list[str] | None:
    """The claims of a message put to be checked; None when it is no list of two or more
    (a tag or confirm opener, and two claims)."""
    table = words()[lang]
    stripped = text.strip()
    tagged = table.tag.search(stripped)
    if tagged is None and not table.confirm.search(stripped):
        return None
    body = stripped[: tagged.start()] if tagged else stripped.rstrip(_EDGE)
    body = table.opener.sub("", body.strip(_EDGE))
    parts: list[str] = []
    for part in (p.strip(_EDGE) for p in table.cut.split(body)):
        part = table.that.sub("", part)
        if parts and table.negation.fullmatch(parts[-1]):  # "not" cut from "in person"
            parts[-1] = f"{parts[-1]} {part}"
        elif part and not table.opener.fullmatch(part):
            parts.append(part)
    if sum(bool(table.correlative.match(p)) for p in parts) > 1:
        return None  # "neither Putin nor Biden will say anything": one claim
    return parts if 2 <= len(parts) <= MAX_CLAIMS else None


def verdict_in(answer: Answer) -> bool | None:
    """The "Yes." or "No." the engine put before an answer's fact, if any."""
    for verdict, key in ((True, "answer.yes"), (False, "answer.no")):
        word = ANSWERS(key, answer.lang).rstrip(".")
        if answer.lead.startswith(word) and answer.lead[len(word) : len(word) + 1] in ".:,!":
            return verdict
    return None


def _without_verdict(answer: Answer) -> str:
    lead = answer.lead
    for key in ("answer.yes", "answer.no"):
        said = ANSWERS(key, answer.lang)
        if lead.startswith(said + " "):
            return lead[len(said) + 1 :]
    return lead


def checked_claims(
    engine: Engine,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """The answer to a list of claims put to be checked (see the module's doc); None when
    `text` is no such list or none of its claims is answered."""
    claims = split_claims(text, lang)
    # A part of no word the fact base reads ("it's" before "by phone") claims nothing.
    claims = [c for c in claims or () if engine.index.analyse(c, lang).tokens]
    if len(claims) < 2:
        return None
    table = words()[lang]
    before = conversation.last_fact_id if conversation else None
    checked: list[tuple[str, Answer, bool | None]] = []  # a claim, its answer, whether it holds
    unchecked: list[str] = []
    for claim in claims:
        said = table.negation.sub("", claim)  # "not in person": whether "in person" holds
        said = who_it_is(engine, said, lang) or said
        answer = _asked(engine, f"{said}?", lang, user_place, before)
        if not answer.answered:
            # "by video": what the list is about, asked with the subject named
            answer = _asked(engine, f"{table.subject} {said}?", lang, user_place, before)
        if answer.answered and answer.fact is not None:
            verdict = verdict_in(answer)
            denied = said != claim and verdict is not None
            checked.append((claim, answer, (not verdict) if denied else verdict))
        else:
            unchecked.append(claim)
    if not checked:
        return None
    wrong = [claim for claim, _, verdict in checked if verdict is False]
    if wrong:
        listed = ANSWERS("answer.claims_joiner", lang).join(wrong)
        said_first = ANSWERS("answer.claims_wrong", lang, claims=listed)
    elif not unchecked and all(verdict is True for _, _, verdict in checked):
        said_first = ANSWERS("answer.yes", lang)
    else:
        said_first = ""  # a claim not checked is never called true
    # Each fact once, after the verdict on its own claims: "No." if one of them does not hold.
    answers: dict[str, Answer] = {}
    held: dict[str, list[bool | None]] = {}
    for _, answer, verdict in checked:
        fact_id = answer.fact.id if answer.fact else ""
        answers.setdefault(fact_id, answer)
        held.setdefault(fact_id, []).append(verdict)
    main_id, *more_ids = answers
    main = answers[main_id]
    lead = f"{said_first} {_without_verdict(main)}".strip()
    more = tuple(replace(answers[i], lead=_with_verdict(answers[i], held[i])) for i in more_ids)
    if conversation is not None:
        conversation.last_fact_id = main_id or before
    return replace(main, lead=lead, more=more, unanswered=tuple(unchecked))


def who_it_is(engine: Engine, claim: str, lang: str) -> str | None:
    """ "psaki is the white house press secretary", "Пєсков з Кремля": a claim of who a
    person is, asked as the person's own fact asks it ("who is Psaki"); None for any other
    claim. A claim of who someone is names a person, says nothing the person's fact does not
    (its text and questions: "press secretary", "White House", "Biden's"), and names no
    place and no saying: "peskov wants to review it" or "psaki said they knew nothing" is
    what a quote settles, and "putin in sochi" where he is. Its role is shown, never called
    true: the person's fact has no yes or no to give."""
    index = engine.index
    tokens = set(index.analyse(claim, lang).tokens)
    named = tokens & index.lexicon.people
    if not named or SAY in tokens or engine.resolver.find(claim):
        return None
    for person in sorted(named):
        for fact in index.facts.values():
            asked = fact.questions.get(lang, ())
            own = next(
                (q for q in asked if set(index.analyse(q, lang).tokens) == {"@who", person}),
                None,
            )
            if own is None:
                continue
            said = [fact.text.get(lang, ""), *asked]
            vocabulary = {t for text in said for t in index.analyse(text, lang).tokens}
            if len(tokens) > 1 and tokens <= vocabulary | {"@who"}:
                return own
    return None


def _with_verdict(answer: Answer, verdicts: list[bool | None]) -> str:
    """The fact led by the verdict on the claims it checks, if each was settled."""
    body = _without_verdict(answer)
    if False in verdicts:
        return f"{ANSWERS('answer.no', answer.lang)} {body}"
    if verdicts and all(verdict is True for verdict in verdicts):
        return f"{ANSWERS('answer.yes', answer.lang)} {body}"
    return body


def _asked(
    engine: Engine, question: str, lang: str, user_place: Place | None, before: str | None
) -> Answer:
    # Each claim reads the message's past alone, not the claim before it.
    talk = Conversation(last_fact_id=before)
    return engine.ask_one(question, lang=lang, user_place=user_place, conversation=talk)
