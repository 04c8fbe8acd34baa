"""Whether a name matched in a question stands for a place asked about, and how strongly.

A city, a country, an adjective ("по киевскому") or an abbreviation matched in the words is
judged by what stands around it: a preposition of place or time, a time word, capitals, the
kind of place. "for Christmas" is no island; "поедет в Женеву" is no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge.places import phrases as pt
from knowledge.places import reckoning as rk
from knowledge.places import tokens as tk
from knowledge.places.bare import bare_city_counts, lower_alias
from knowledge.places.index import ANY_CASE, COMMON, UPPER, WEAK, Match
from knowledge.places.place import Place
from knowledge.places.tokens import Token

# Countries and regions are talked about ("support for Texas"), so they need more evidence.
AREAS = frozenset({"country", "region"})


@dataclass(frozen=True)
class Scene:
    """What the whole question says about how to read a name in it."""

    cue: bool  # it asks about time
    ukrainian: bool  # it has Ukrainian letters
    shouted: bool  # it has no lower-case letters
    lowered: bool  # it has no capitals


@dataclass(frozen=True)
class Found:
    place: Place
    start: int
    end: int
    score: tuple[int, int, int]


def judge(
    tokens: list[Token], m: Match, scene: Scene, place: Place, prominent: Callable[[], bool]
) -> Found | None:
    """Whether the names matched at `m` stand for `place` in this question, and how
    strongly: a place asked about, not a word that happens to be one."""
    start, end, prep = pt.phrase_span(tokens, m.i, m.j, named=m.what != "abbreviation")
    timed = prep == "time" or end > pt.name_end(tokens, m.j)[1]
    first = tokens[m.i]
    located = rk.located(prep, m.head, scene.ukrainian, place)
    # "on the Chatham Islands": an island word beside the name says it is one.
    islanded = pt.name_end(tokens, m.j)[0] > m.j or (
        m.i > 0 and tokens[m.i - 1].norm in pt.ISLAND_WORDS
    )
    located = located or (prep in rk.ISLAND_PREPOSITIONS and islanded)
    # Foreign names often go undeclined ("во сколько в Дунгуань?"): a nominative after
    # "в" still counts in a question about time, which "поедет в Женеву" is not.
    uninflected = (
        prep in pt.LOCATION_PREPOSITIONS
        and not located
        and scene.cue
        and m.head is not None
        and m.head.lemma == tokens[m.j - 1].norm
        and "nomn" in m.head.cases
    )
    located = located or uninflected
    capitals = pt.all_upper(tokens, m.i, m.j) and (located or not scene.shouted)
    if m.flags & UPPER and not (capitals or lower_alias(tokens, m, prep, scene.cue, timed)):
        return None
    if m.flags & COMMON and (
        not first.capitalised
        or first.sentence_start
        or not (timed or prep in pt.COUNTRY_PREPOSITIONS)  # "for Christmas" is no island
    ):
        return None
    if m.what == "abbreviation":
        if not (m.ref in ANY_CASE or capitals or m.j - m.i > 1):
            return None
        strength = 3 if located else 2
    elif m.what == "adjective":
        if place.kind in AREAS and not timed:
            return None
        # "по киевскому (времени)" may drop the time word, but "по московскому делу"
        # is about something else.
        reckoned = (
            located
            and prep in pt.ADJECTIVE_RECKONING
            and not (m.j < len(tokens) and tokens[m.j].cyrillic and tk.is_noun(tokens[m.j].norm))
        )
        if not (timed or reckoned or adjective_alone(tokens, m)):
            return None
        strength = 2
    elif place.kind in AREAS:
        reckoned = located and rk.reckoned(tokens, m.i, m.j, prep, scene.cue)
        if not (
            timed
            or reckoned
            or (located and prep in pt.COUNTRY_PREPOSITIONS)
            or _opening_the_hour(tokens, m, prep, scene)
        ):
            return None
        strength = (3 if located else 2) if prep else 1
    elif located or timed:
        if m.flags & WEAK and not (first.capitalised or first.cyrillic):
            return None
        strength = 2 if timed or prep in pt.RECKONING_PREPOSITIONS else 3
    else:
        if not bare_city_counts(tokens, m, prominent(), scene.cue, scene.lowered):
            return None
        strength = 1
    weaker = pt.compared(tokens, m.i) is not None  # "the same as (in) Moscow" yields
    return Found(place, start, end, (strength - weaker, m.j - m.i, m.i))


def adjective_alone(tokens: list[Token], m: Match) -> bool:
    """A neuter adjective ending the sentence stands for "... время": "а лондонское?"."""
    neuter = m.what == "adjective" and m.head is not None and m.head.neuter
    return neuter and (m.j == len(tokens) or tokens[m.j].sentence_start)


def _opening_the_hour(tokens: list[Token], m: Match, prep: str | None, scene: Scene) -> bool:
    """A country or region named bare as the message opens, before a question for its hour
    ("Япония, во сколько?", "Новая Зеландия — сколько там", "а Непал во сколько"): people
    name the place first, as they do a town ("Иваново во сколько"). "Китай когда ответит"
    names no clock: only the hour asked ("во сколько", "сколько там") counts, not "когда"."""
    if prep is not None or m.flags & (WEAK | COMMON) or not scene.cue:
        return False
    if not all(t.norm in pt.FILLERS for t in tokens[: m.i]):
        return False
    return (tokens[m.i].capitalised or scene.lowered) and pt.clock_asked_after(tokens, m.j)
