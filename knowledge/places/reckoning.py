"""Whether a state, region or island after its preposition is the place whose clock is
asked, beyond "in"/"в" before it: a time word or a question for the hour before "по"/"за"
("время по Калифорнии", "во сколько по Израилю"), a region named with its administrative
unit after "по" in a question about time ("во сколько переговоры по Московской области":
no talks are about an oblast), a country after "по" in a question for the hour ("во сколько
переговоры по Казахстану", unless the fact base talks about it), and an island after "on"
("when is it on Easter Island").

The words are data (data/phrase_words.yaml); the phrases around them are in phrases.py.
"""

from __future__ import annotations

from knowledge.places import phrases as pt
from knowledge.places import tokens as tk
from knowledge.places.place import Place
from knowledge.places.tokens import Reading, Token

# "области", "краю", "штату", "воєводства": a region so named is a place, never a topic.
UNITS = pt.wordset(pt.WORDS["administrative_units"])
# "on Bali", "on Easter Island": "on" counts before an island only ("talks on Ukraine").
ISLAND_PREPOSITIONS = pt.wordset(pt.WORDS["island_prepositions"])
_ISLANDS = frozenset(tk.name_key(name) for name in pt.WORDS["islands"])
_ISLAND_WORDS = frozenset({"island", "islands", "isle", "isles"})


def located(prep: str | None, head: Reading | None, ukrainian: bool, place: Place) -> bool:
    """Whether the preposition before a name makes it where the asker means: it governs the
    case the name takes, and "on" stands before an island."""
    if prep is None or prep == "time":
        return False
    if prep in ISLAND_PREPOSITIONS:
        return island(place)
    return pt.case_fits(prep, head, ukrainian)


def island(place: Place) -> bool:
    if place.kind == "country":  # "sanctions on Cyprus" is what they are on
        return False
    key = tk.name_key(place.names.get("en", ""))
    return key in _ISLANDS or key.rsplit(" ", 1)[-1] in _ISLAND_WORDS


def reckoned(tokens: list[Token], i: int, j: int, prep: str | None, cue: bool) -> bool:
    """Whether a located state, region or island at tokens[i:j] asks for its clock (a
    country "in" or "в" does anyway)."""
    if pt.time_word_before(tokens, i) or pt.clock_asked_before(tokens, i):
        return True
    if prep in ISLAND_PREPOSITIONS:
        return True
    if prep in pt.RECKONING_PREPOSITIONS and pt.clock_asked_after(tokens, j):
        return True  # "по Непалу во сколько": the hour asked after the place
    if prep in pt.RECKONING_PREPOSITIONS and pt.clock_asked_earlier(tokens, i - 1):
        # "во сколько переговоры по Казахстану": the clock, unless the fact base talks
        # about that country ("по Украине": knowledge/answering/asked_place.py decides).
        return True
    return cue and prep in pt.RECKONING_PREPOSITIONS and any(_unit(t) for t in tokens[i:j])


def _unit(token: Token) -> bool:
    if token.norm in UNITS:
        return True
    return token.cyrillic and any(r.lemma in UNITS for r in tk.readings(token.norm))
