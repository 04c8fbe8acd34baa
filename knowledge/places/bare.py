"""When a place's name standing alone, with no preposition or time word, is the place a
question about time asks for ("Tokyo, when is it?", "варшава о котрій")."""

from __future__ import annotations

from knowledge.places import phrases as pt
from knowledge.places.index import COMMON, WEAK, Match
from knowledge.places.tokens import Token


def bare_city_counts(
    tokens: list[Token], m: Match, prominent: bool, cue: bool, lowered: bool
) -> bool:
    """A prominent city named bare counts in a question about time when written with a
    capital ("Tokyo, when is it?") or, in a message typed all in lower case, where capitals
    prove nothing, as its first word ("варшава о котрій", "минск тоже в 18?"); never an
    ordinary word or a name known only from GeoNames' alternates, nor a name qualifying the
    next word ("the Geneva summit"). A lesser city counts bare only opening the message, as
    people name their own town before asking ("Иваново во сколько", "КРЕМЕНЧУК О КОТРІЙ")."""
    first = tokens[m.i]
    if m.flags & (WEAK | COMMON) or not cue or not (prominent or m.i == 0):
        return False
    if not (first.capitalised or (lowered and m.i == 0)):
        return False
    return not pt.attributive(tokens, m.j)


def lower_alias(tokens: list[Token], m: Match, prep: str | None, cue: bool, timed: bool) -> bool:
    """ "what time in dc", "в ny", "uk time": an alias kept for capitals ("DC", "NY") typed
    in lower case still counts after "in"/"в" or before a time word in a question about
    time, unless it is a word ("us")."""
    return (
        cue
        and (prep in pt.COUNTRY_PREPOSITIONS or timed)
        and m.j - m.i == 1
        and tokens[m.i].norm not in pt.LOWER_CASE_WORDS
    )
