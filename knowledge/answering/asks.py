"""A message that asks two things ("when is it and who announced it?", "повестка и формат?",
"коли розмова? і хто її підтвердив?") asked part by part, so that each ask gets its answer.

The first ask's answer is the main one (what one-answer readers, the decision's fit among
them, go on reading); the other asks' answers travel in `Answer.more`. A part the bot cannot
answer is named in `Answer.unanswered` rather than guessed; when the first part is the one
not answered, the first answered part leads. A message none of whose parts is answered is
answered whole, as before. The words that join and open asks are data
(knowledge/language/data/asks.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from knowledge.answering.claim_list import checked_claims
from knowledge.answering.compose import Answer
from knowledge.answering.converted import unknown_at_end
from knowledge.answering.followups import Conversation
from knowledge.answering.shapes import asks_who_said_it
from knowledge.language.about_bot import about_bot
from knowledge.language.alternation import phrase_alternation
from knowledge.language.text import clean, detect_language, normalize
from knowledge.model import LANGS

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.places.resolver import Place

DATA = Path(__file__).resolve().parent.parent / "language" / "data" / "asks.yaml"
# A fragment ask ("повестка", "date of the call") reads as a word or two, written in at most
# four; longer opener-less text is context.
FRAGMENT_WORDS = 2
FRAGMENT_SPAN = 4
# Asks answered from one message; the rest are named by count, not asked: a message of
# a hundred asks would otherwise cost a hundred answers and fill several replies.
MAX_ASKS = 4
_QUESTION_END = re.compile(r"(?<=\?)\s+")
_EDGE = " \t,;:+&?!.…"


@dataclass(frozen=True)
class Words:
    cut: re.Pattern[str]  # a joiner (or ; + &) before an opener: where one ask ends
    split: re.Pattern[str]  # a joiner between two fragment asks
    opens: re.Pattern[str]  # an opener at a part's start
    asking: re.Pattern[str]  # a question word anywhere: the first ask may open later
    joined: re.Pattern[str]  # a joiner at a part's start
    pointing: re.Pattern[str]  # a part of question words and where to find it ("what website?")


@lru_cache(maxsize=1)
def words() -> dict[str, Words]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    table = {}
    for lang in LANGS:
        joiners = phrase_alternation(data["joiners"][lang])
        pairs = phrase_alternation(data["fragment_joiners"][lang])
        asking = rf"(?:{phrase_alternation(data['openers'][lang])})(?=[\s?!.,]|$)"
        either = data["openers"][lang] + data["yes_no"][lang]
        opener = rf"(?:{phrase_alternation(either)})(?=[\s?!.,]|$)"
        marks = "[,;+&]" if lang in data["comma_opens"] else "[;+&]"
        pointing = phrase_alternation(data["openers"][lang] + data["pointers"][lang])
        table[lang] = Words(
            cut=re.compile(
                rf"\s*(?:{marks}\s*(?:(?:{joiners})\s+)?|,?\s+(?:{joiners})\s+)(?={opener})",
                re.IGNORECASE,
            ),
            split=re.compile(rf"\s*{marks}\s*|\s+(?:{pairs})\s+", re.IGNORECASE),
            opens=re.compile(rf"^(?:(?:{joiners})\s+)?{opener}", re.IGNORECASE),
            asking=re.compile(rf"(?:^|\s){asking}", re.IGNORECASE),
            joined=re.compile(rf"^(?:{joiners})\s+", re.IGNORECASE),
            pointing=re.compile(rf"^(?:(?:{pointing})(?:\s+|$))+$", re.IGNORECASE),
        )
    return table


def split_asks(engine: Engine, text: str, lang: str) -> list[str] | None:
    """The asks of a message, each with the context before it; None when it asks one thing."""
    table = words()[lang]
    pieces: list[tuple[str, str]] = []  # (what joins it to the piece before, the piece)
    listed = list_items(text)
    if listed is None:
        sentences = _pieces(_QUESTION_END, text.strip(), " ")
        for at in range(len(sentences) - 1, 0, -1):  # "5p kyiv = ? canada": one ask
            if unknown_at_end(sentences[at - 1][1]):
                joint, piece = sentences.pop(at)
                sentences[at - 1] = (sentences[at - 1][0], f"{sentences[at - 1][1]}{joint}{piece}")
        for sentence in sentences:
            cut = _pieces(table.cut, sentence[1], sentence[0])
            if len(cut) == 1 and not table.opens.search(sentence[1].strip(_EDGE)):
                cut = _fragments(engine, table, sentence, lang) or cut
            pieces.extend(cut)
    else:
        preamble, items = listed
        pieces = [(" ", piece) for piece in (preamble, *items) if piece.strip(_EDGE)]
    if len(pieces) < 2:
        return None
    own: list[bool] = []
    for _, piece in pieces:  # context before the first ask is no ask: the first ask is after it
        asks = _asks(engine, table, piece, lang, first=not any(own))
        if listed is not None and piece in listed[1]:
            asks = asks or _known(engine, piece, lang)  # an item asks by its place in a list
        elif listed is not None:  # the words before a list ask only with a question word
            asks = bool(table.asking.search(piece.strip(_EDGE)))
        own.append(asks)
    if sum(own) < 2:
        return None
    # Context and a part that asks only its question words stay with the ask before them
    # (or, before the first ask, with the ask after them), joined as they were written.
    asks: list[str] = []
    pending = ""
    for (joint, piece), is_ask in zip(pieces, own, strict=True):
        if is_ask:
            asks.append(f"{pending}{joint}{piece}" if pending else piece)
            pending = ""
        elif asks:
            asks[-1] = f"{asks[-1]}{joint}{piece}"
        else:
            pending = f"{pending}{joint}{piece}" if pending else piece
    return [ask.strip() for ask in asks]


@lru_cache(maxsize=1)
def _list_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A numbered item's mark ("1)", "2.") and a bulleted line's ("- ", "• ")."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    closers = "|".join(re.escape(c) for c in data["list_numbers"])
    bullets = "|".join(re.escape(b) for b in data["list_bullets"])
    return (
        re.compile(rf"(?:^|(?<=[\s:;,]))(\d{{1,2}})(?:{closers})(?=\s)"),
        re.compile(rf"^[ \t]*(?:{bullets})[ \t]+", re.MULTILINE),
    )


def list_items(text: str) -> tuple[str, list[str]] | None:
    """The text before a list and the list's items: items numbered from 1 in order ("1) when
    2) who 3) format"), or two lines or more opened by a bullet ("- коли\n- хто"); None when
    `text` is no list."""
    numbered, bulleted = _list_marks()
    marks, expected = [], 1
    for found in numbered.finditer(text):
        if int(found.group(1)) == expected:
            marks.append(found)
            expected += 1
    if len(marks) < 2:
        marks = list(bulleted.finditer(text))
        if len(marks) < 2:
            return None
    ends = [found.start() for found in marks[1:]] + [len(text)]
    items = [text[found.end() : end].strip() for found, end in zip(marks, ends, strict=True)]
    return text[: marks[0].start()], items


def _known(engine: Engine, piece: str, lang: str) -> bool:
    """Whether `piece` says anything the fact base knows (a list's item asks by its place)."""
    index = engine.index
    tokens = index.match(piece.strip(_EDGE), lang).tokens
    return any(index.knows(t) or t in index.lexicon.intents for t in tokens)


def _pieces(pattern: re.Pattern[str], text: str, joint: str) -> list[tuple[str, str]]:
    """`text` cut where `pattern` matches, each piece with the text that joined it (the
    first with `joint`); pieces of nothing but punctuation are left out."""
    pieces, start, before = [], 0, joint
    for found in pattern.finditer(text):
        if found.start() > start:
            pieces.append((before, text[start : found.start()]))
            before, start = found.group(), found.end()
    pieces.append((before, text[start:]))
    return [(j, p) for j, p in pieces if p.strip(_EDGE)]


def _fragments(
    engine: Engine, table: Words, sentence: tuple[str, str], lang: str
) -> list[tuple[str, str]] | None:
    """ "повестка и формат?", "date + who confirmed": short asks joined, each read alone."""
    pieces = _pieces(table.split, sentence[1], sentence[0])
    if len(pieces) < 2 or any(len(p.split()) > FRAGMENT_WORDS for _, p in pieces):
        return None
    confirming = engine.index.lexicon.confirming.get(lang, frozenset())
    if any(normalize(p) in confirming for _, p in pieces):
        return None  # "it's on tuesday, right?" asks one thing
    if not sentence[1].rstrip().endswith("?") or any(
        p.strip()[:1].isupper() for _, p in pieces[1:]
    ):
        return None  # "Putin and Biden?" names two people; it asks one thing of them
    return pieces if all(_fragment(engine, p, lang) for _, p in pieces) else None


def _fragment(engine: Engine, piece: str, lang: str) -> bool:
    """A word or two the fact base knows, naming no place: "формат", "date of the call"."""
    if len(piece.split()) > FRAGMENT_SPAN or engine.resolver.find(piece):
        return False
    index = engine.index
    tokens = index.match(piece.strip(_EDGE), lang).tokens
    return 0 < len(tokens) <= FRAGMENT_WORDS and all(
        index.knows(t) or t in index.lexicon.intents for t in tokens
    )


def _names_only(engine: Engine, piece: str, lang: str) -> bool:
    """Whether `piece` only names the content's people ("Putin and Joe", "Вова с Джо")."""
    people = engine.index.lexicon.people
    tokens = engine.index.match(piece.strip(_EDGE), lang).tokens
    return bool(tokens) and all(t in people for t in tokens)


def _asks(engine: Engine, table: Words, piece: str, lang: str, *, first: bool) -> bool:
    """Whether `piece` asks something of its own: it opens with a question word (anywhere,
    for the first part) or is a known fragment, and a later part asks more than its question
    words ("which day" after "geneva was in june?" asks about Geneva) and more than where to
    find it ("what website?" after "where can I watch it")."""
    bare = table.joined.sub("", piece.strip(_EDGE))
    if not bare:
        return False
    if not first and asks_who_said_it(engine.index, bare):
        return True  # "... and who said so?": who said what the part before it asks
    if not first and table.pointing.match(f"{normalize(bare)} "):
        return False  # "..., what website?": where to find what the part before it asks
    opens = bool(table.opens.search(bare) or (first and table.asking.search(bare)))
    if not opens and not _fragment(engine, bare, lang):
        return False
    if not opens and _names_only(engine, bare, lang):
        return False  # "Putin and Joe, when do they talk?": whom the ask after it is about
    if first:
        return True
    tokens = engine.index.match(bare, lang).tokens
    return any(t not in engine.index.lexicon.intents for t in tokens)


def ask_all(
    engine: Engine,
    question: str,
    *,
    lang: str | None,
    lang_hint: str | None,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer:
    """`question` answered ask by ask (see the module's doc), else whole."""
    # Lines kept apart: a list's bullets open lines ("- коли\n- хто").
    question = about_bot().without_remarks(question)  # "ти взагалі живий, боте?" beside an ask
    text = "\n".join(clean(line) for line in question.splitlines()).strip()
    whole_lang = lang or detect_language(text, lang_hint)
    # "wednesday, 17:00, by video, right?": each claim checked, not asked apart or whole
    checked = checked_claims(engine, text, whole_lang, user_place, conversation) if text else None
    if checked is not None:
        return checked
    parts = split_asks(engine, text, whole_lang) if text else None
    if parts is None:  # its language is read once, here
        return engine.ask_one(
            question, lang=whole_lang, lang_hint=lang_hint, user_place=user_place,
            conversation=conversation,
        )  # fmt: skip
    asks_left = max(len(parts) - MAX_ASKS, 0)
    parts = parts[:MAX_ASKS]
    before = conversation.last_fact_id if conversation else None
    answers: list[Answer] = []
    for part in parts:
        # Each part reads the message's past alone; "who said so?" the part before it.
        said = (
            answers and answers[-1].fact and asks_who_said_it(engine.index, _bare(part, whole_lang))
        )
        talk = Conversation(last_fact_id=answers[-1].fact.id if said else before)
        answer = engine.ask_one(part, lang=whole_lang, user_place=user_place, conversation=talk)
        answers.append(_placed(engine, answer, part, text, whole_lang, user_place, before))
    shown: list[Answer] = []
    unanswered: list[str] = []
    for part, answer in zip(parts, answers, strict=True):
        if not answer.answered:
            unanswered.append(_bare(part, whole_lang))
        elif answer.fact and all((a.fact, a.lead) != (answer.fact, answer.lead) for a in shown):
            shown.append(answer)
    if not shown and list_items(text) is not None:
        # A list read whole is its items' words run together: no ask of its own to answer.
        return replace(answers[0], unanswered=tuple(unanswered[1:]), asks_left=asks_left)
    if not shown:
        return engine.ask_one(
            question, lang=lang, lang_hint=lang_hint, user_place=user_place,
            conversation=conversation,
        )  # fmt: skip
    if conversation is not None:
        # A follow-up refers to the last answer shown: "who said that?" after two answers.
        conversation.last_fact_id = shown[-1].fact.id if shown[-1].fact else before
    main, *more = shown
    return replace(main, more=tuple(more), unanswered=tuple(unanswered), asks_left=asks_left)


def points_back(question: str, before: str, lang: str) -> bool:
    """Whether `question` asks only where to find what `before` asks ("where can I watch the
    first pictures, what website?"): question words and where-to-find words, after an ask."""
    table = words()[lang]
    bare = _bare(question, lang)
    return (
        bool(bare)
        and bool(table.pointing.match(f"{normalize(bare)} "))
        and bool(table.asking.search(before.strip(_EDGE)))
    )


def _bare(part: str, lang: str) -> str:
    """A part as its own question: without the joiner before it and the punctuation around."""
    return words()[lang].joined.sub("", part.strip(_EDGE))


def _placed(
    engine: Engine,
    answer: Answer,
    part: str,
    text: str,
    lang: str,
    user_place: Place | None,
    before: str | None,
) -> Answer:
    """A time asked in one part where another part names the place: "who announced it and
    when is it? I'm in Oslo" reads the time in Oslo."""
    if not answer.answered or answer.fact is None or answer.fact.event is None or answer.place:
        return answer
    mention = engine.resolver.find(text)
    if mention is None or engine.resolver.find(part):
        return answer
    there = f"{part.rstrip(_EDGE)} {mention.text}?"
    talk = Conversation(last_fact_id=before)
    placed = engine.ask_one(there, lang=lang, user_place=user_place, conversation=talk)
    return placed if placed.answered and placed.fact == answer.fact else answer
