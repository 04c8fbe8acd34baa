"""A time with its own place, and another place: "17:00 kyiv in london?", "5pm kyiv = what in
NY", "киевские 17:00 — это сколько по Москве?", "17:00 за Києвом це скільки в Лондоні?". The
asker converts the time, not checks it: its hour is the first place's, and no "No." follows
from it not being the second place's. Where the asker states a time in each place ("17ч00 по
киеву это 18ч00 по мск?", "17:00 kyiv = 17:00 london?"), each is held against the event's
time in its own place. The marks between the sides are data (shapes.yaml `conversion_marks`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import pairwise

from knowledge.answering.moments import Claims, claims_in, holds
from knowledge.language.lexicon import Lexicon
from knowledge.language.lexicon_files import shipped_shape_phrases
from knowledge.language.text import normalize
from knowledge.places.resolver import Place, PlaceMention, PlaceResolver

MAX_PLACES = 4  # a conversion names two places; a few more are read and left unsure


@dataclass(frozen=True)
class Conversion:
    """The clocks a question names (one per offset at the event), with the time it states in
    each (None where it states none), and whether a stated time was left to no place."""

    stated: tuple[tuple[Place, Claims | None], ...]
    loose: bool

    def verdict(self, when: datetime) -> bool | None:
        """Yes or no when a time is stated in every clock named (each held in its own);
        None for a conversion asked ("17:00 kyiv in london?") or a time of no clear place."""
        if self.loose or any(claims is None for _, claims in self.stated):
            return None
        held = [holds(claims, [when.astimezone(place.tzinfo)]) for place, claims in self.stated]
        if any(h is None for h in held):
            return None
        return all(held)


@cache
def _marks() -> re.Pattern[str]:
    """Any language's mark: symbols anywhere, words whole."""
    data = shipped_shape_phrases("conversion_marks")
    marks = {m.lower() for ms in data.values() for m in ms}
    alternatives = []
    for mark in sorted(marks, key=len, reverse=True):
        escaped = re.escape(mark)
        alternatives.append(rf"(?<!\w){escaped}(?!\w)" if mark[:1].isalnum() else escaped)
    return re.compile("|".join(alternatives)) if alternatives else re.compile(r"(?!)")


def unknown_at_end(piece: str) -> bool:
    """Whether a "?" ends `piece` as the unknown of a conversion ("5p kyiv = ? canada"), not
    as the end of a question: it stands right after a mark."""
    stripped = piece.rstrip()
    if not stripped.endswith("?"):
        return False
    before = stripped[:-1].rstrip().lower()
    return any(before.endswith(m.group()) for m in _marks().finditer(before))


def conversion_target(resolver: PlaceResolver, text: str) -> PlaceMention | None:
    """The place a notation converts into ("5p kyiv = ? canada", "17h kyiv -> london"): the
    one on the last side of a mark, with no time of its own, where a side before it states
    a time beside a place; None otherwise."""
    sides = _sides(text, [m.start() for m in _marks().finditer(text.lower())])
    if len(sides) < 2:
        return None
    blanked = _without_figures(text)
    start, end = sides[-1]
    if re.search(r"\d", text[start:end]):
        return None
    target = resolver.find(blanked[start:end])
    if target is None or not any(
        re.search(r"\d", text[a:b]) and resolver.find(blanked[a:b]) for a, b in sides[:-1]
    ):
        return None
    return PlaceMention(target.place, target.start + start, target.end + start, target.text)


def _without_figures(text: str) -> str:
    """`text` with each word holding a figure blanked, its span kept: "17:00 kyiv" names
    Kyiv's clock, and the hour is no place's name."""
    return re.sub(r"\S*\d\S*", lambda m: " " * len(m.group()), text)


def conversion_in(
    resolver: PlaceResolver, lexicon: Lexicon, text: str, lang: str, when: datetime
) -> Conversion | None:
    """The conversion a question asks or states, or None where it names fewer than two
    clocks with a time stated beside one of them (then it is read as any other question)."""
    if _offers_a_choice(lexicon, text, lang):
        return None
    cuts = [m.start() for m in _marks().finditer(text.lower())]
    sides = _sides(text, cuts)
    # A place is read on its own side, its time blanked: "17:00 kyiv" names Kyiv's clock.
    blanked = _without_figures(text)
    named = [
        PlaceMention(m.place, m.start + a, m.end + a, m.text)
        for a, b in sides
        for m in sorted(resolver.every_place(blanked[a:b], MAX_PLACES + 1), key=lambda m: m.start)
    ]
    if len(named) == 1 and _from_an_unread_place(text, sides, named[0], lang, lexicon):
        return Conversion((), loose=True)
    if not 2 <= len(named) <= MAX_PLACES:
        return None
    stated: dict[object, tuple[Place, Claims | None]] = {}
    loose = False
    for start, end in sides:
        inside = [m for m in named if start <= (m.start + m.end) // 2 < end]
        pieces = _pieces(text, start, end, inside)
        if pieces is None:  # "kyiv 17:00 london": whose 17:00 is not said
            return Conversion((), loose=True)
        if not inside and _claimed(text[start:end], lang, lexicon):
            loose = True
        for mention, (a, b) in zip(inside, pieces, strict=True):
            claims = _claimed(text[a:b], lang, lexicon)
            offset = when.astimezone(mention.place.tzinfo).utcoffset()
            kept = stated.get(offset)
            if kept is not None and kept[1] is not None and claims is not None:
                loose = loose or kept[1] != claims
            if kept is None or kept[1] is None:
                stated[offset] = (mention.place, claims)
    if len(stated) < 2 or all(claims is None for _, claims in stated.values()):
        return None
    return Conversion(tuple(stated.values()), loose)


def _from_an_unread_place(
    text: str, sides: list[tuple[int, int]], place: PlaceMention, lang: str, lexicon: Lexicon
) -> bool:
    """Whether a time stands on a side before the one place read, which states none: the
    time's own place went unread ("киевские 17:00 — это сколько по Москве?"), so it is no
    claim of the time there."""
    at = next(i for i, (a, b) in enumerate(sides) if a <= (place.start + place.end) // 2 < b)
    a, b = sides[at]
    if _claimed(text[a:b], lang, lexicon):
        return False
    return any(_claimed(text[c:d], lang, lexicon) for c, d in sides[:at])


def _sides(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _pieces(
    text: str, start: int, end: int, inside: list[PlaceMention]
) -> list[tuple[int, int]] | None:
    """Each place's share of its side: the text before the first and after the last are
    theirs; a gap between two goes half to each by words ("what time in london when 17:00
    in kyiv": "17:00" is kyiv's). None where a gap's middle word, no one's, holds a time."""
    if not inside:
        return []
    bounds = [start]
    for left, right in pairwise(inside):
        gap = text[left.end : right.start]
        words = list(re.finditer(r"\S+", gap))
        half = len(words) // 2
        if len(words) % 2 and re.search(r"\d", words[half].group()):
            return None
        cut = left.end + (words[half].start() if half < len(words) else len(gap))
        bounds.append(cut)
    bounds.append(end)
    return [(a, b) for a, b in pairwise(bounds)]


def _claimed(piece: str, lang: str, lexicon: Lexicon) -> Claims | None:
    claims = claims_in(normalize(piece), lang, lexicon.calendar, lexicon.stopwords)
    return claims if claims.hours else None


def _offers_a_choice(lexicon: Lexicon, text: str, lang: str) -> bool:
    """"17:00 kyiv or 17:00 london?" asks which: no "No." for one of them."""
    ors = lexicon.choice.get(lang, frozenset())
    return any(word in ors for word in normalize(text).split())
