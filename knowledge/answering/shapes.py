"""Question shapes the answer depends on: yes/no questions a fact settles, and "who said
that?" after an answer. The words that mark them are data (knowledge/language/data/words.yaml);
which answer a fact gives to a yes/no question is the fact's own `yes_no`."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from datetime import datetime

from rapidfuzz import fuzz

from knowledge.answering.anchored import anchored
from knowledge.answering.moments import claims_in, holds
from knowledge.language.matcher import FactIndex, Match
from knowledge.language.text import normalize
from knowledge.model import Fact

# A word, and the comma after it if there is one.
_WORD = re.compile(r"(\w+)(\s*,)?")

# A yes/no question and one of a fact's `yes_no` questions this alike ask the same.
SAME_QUESTION = 85


def asks_who_said_it(index: FactIndex, text: str) -> bool:
    """ "Who said that?", "кто это сказал", "за чиїми словами?" in any of the languages."""
    return normalize(text) in index.lexicon.said_that


def verdict_of(
    index: FactIndex,
    fact: Fact,
    text: str,
    lang: str,
    match: Match,
    moments: Sequence[datetime] = (),
    now: datetime | None = None,
    origin: datetime | None = None,
) -> bool | None:
    """Yes or no, when the question is a yes/no one: about the date or time of the event
    (`moments`, where it is asked about first), what the event's time says (a day named
    relative to today by `now`, "past midnight" against the source's `origin`); else what one of
    the fact's `yes_no` questions says that it asks in other words ("is it a video call?" ~
    "is it a videoconference?")."""
    marked = asks_yes_or_no(index, text, lang, match)
    if not marked and not confirms(index, text, lang, match):
        return None
    lexicon = index.lexicon
    # "до обіду за києвом?", "це до відкриття біржі?": the anchor's hours say yes or no, if any.
    anchor = anchored(normalize(text), lang, lexicon.calendar, lexicon.stopwords, moments)
    if anchor is not None:
        return anchor.verdict
    claims = claims_in(normalize(text), lang, lexicon.calendar, lexicon.stopwords)
    if claims.placed or claims.offered:  # "это на Николу или раньше?", "monday or tuesday?"
        return None
    held = holds(claims, moments, now, origin)
    if held is None and (claims.relative is not None or claims.shift is not None):
        # "is it tonight?" with no clock: not "yes" for its likeness to "is it on tuesday?"
        return None
    # A statement put to be checked ("it's just a phone call, right?") is the yes/no
    # question it states ("is it a phone call?").
    if held is not None or not fact.yes_no:
        return held
    tokens = index.analyse(text, lang).tokens
    # "online or offline?" asks which, not whether: "Yes." would answer nothing asked.
    if offers_a_choice(index, text, lang, tokens):
        return None
    asked = " ".join(sorted(tokens))
    best, verdict, best_known = (0.0, 0.0), None, frozenset[str]()
    said: list[tuple[frozenset[str], bool]] = []
    for question_lang, questions in fact.yes_no.items():
        for question, answer in questions.items():
            known_tokens = index.analyse(question, question_lang).tokens
            said.append((frozenset(known_tokens), answer))
            known = " ".join(sorted(known_tokens))
            # Of the questions the asked one contains ("@call" is in "phone @call"), the
            # one that says the most of it: "is it a phone call" over "is it a video call".
            score = (fuzz.token_set_ratio(asked, known), fuzz.ratio(asked, known))
            if score > best:
                best, verdict, best_known = score, answer, frozenset(known_tokens)
    if best[0] < SAME_QUESTION:
        return None
    # A word the best question leaves out that another question answers the other way: "the
    # call in person?" holds "@call" of "is it a video call" (yes), and "in person" (no).
    left = set(tokens) - best_known
    if any(answer != verdict and left & known for known, answer in said):
        return None
    return verdict


def offers_a_choice(index: FactIndex, text: str, lang: str, tokens: Sequence[str]) -> bool:
    """Whether the question offers two things to choose from: "or" between them, as a token
    ("онлайн или очно", Ukrainian "чи" read as "або") or a word with one after it that does
    not close a yes/no question ("online or offline?", not "is it by video or not?")."""
    lexicon = index.lexicon
    ors = lexicon.choice.get(lang, frozenset())
    if any(t in ors for t in tokens[:-1]):
        return True
    words = normalize(text).split()
    closed = lexicon.choice_closed.get(lang, frozenset())
    return any(
        word in ors and words[at + 1] not in closed for at, word in enumerate(words[:-1]) if at > 0
    )


def confirms(index: FactIndex, text: str, lang: str, match: Match) -> bool:
    """A statement put as a question ("dec 7?", "the call is at 5 pm, right?"), asking no
    "when" or "who": a yes/no question about the date or time it names, and only that (a
    bare "biden?" is not asking whether anything is so)."""
    if asks_what(index, text, lang):
        return False
    words = normalize(text).split()
    tagged = bool(words) and words[-1] in index.lexicon.confirming.get(lang, frozenset())
    # "at 6pm kyiv time, right?" says "time" and asks no time.
    asking = index.lexicon.intents - {"@time"}
    return (tagged or text.rstrip().endswith("?")) and not any(t in asking for t in match.tokens)


def asks_yes_or_no(index: FactIndex, text: str, lang: str, match: Match) -> bool:
    words = normalize(text).split()
    markers = index.lexicon.yes_no.get(lang, frozenset())
    if lang == "en":
        return bool(words) and words[0] in markers
    if markers & set(words):
        return True
    if asks_what(index, text, lang):
        return False
    # A concept ("@call", "@weekday") is a thing named; an intent asks "when", "who"...
    intents = index.lexicon.intents
    return text.rstrip().endswith("?") and not any(t in intents for t in match.tokens)


def asks_what(index: FactIndex, text: str, lang: str) -> bool:
    """Whether the question opens with a word asking what ("что было 1 декабря?", after the
    day it names: "1 декабря что было?", after a preposition: "в каком формате?"), not one
    followed by a comma ("что, переговоры 8-го?", a statement put to be checked)."""
    lexicon = index.lexicon
    # Every language's words: a message asked to be answered in another language ("українською:
    # в каком формате?", or under /lang) is read in that one, its words still its own.
    months, after = lexicon.calendar.months, _pooled(lexicon.asks_what_after)
    opened = False  # by a preposition: "в каком формате?", "у якому форматі?"
    for word in _WORD.finditer(text):
        said = word.group(1).lower()
        if said.isdigit() or said in months:
            continue
        if said in after and not opened and not word.group(2):
            opened = True
            continue
        return said in _pooled(lexicon.asks_what) and not word.group(2)
    return False


def _pooled(per_language: Mapping[str, frozenset[str]]) -> Container[str]:
    return _Pooled(tuple(per_language.values()))


class _Pooled(tuple):
    def __contains__(self, word: object) -> bool:
        return any(word in words for words in self)
