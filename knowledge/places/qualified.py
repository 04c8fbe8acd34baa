"""A town told apart by the region or country named after it: "Portland, Maine", "Bozeman
MT", "Portland (Maine)", "Камышин Волгоградской области", "у Саскатуні, Канада".

The region decides the clock when the town the index knows by that name keeps another one
(the index's Portland is Oregon's; "Portland, Maine" keeps Maine's clock): a wrong hour there
is a confident wrong answer. Where they agree, the town is the place and the region only
confirms it, so the whole phrase is the place's. Postal codes of states and provinces
(data/region_codes.yaml) count only right after a town.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge.language.text import in_any_dictionary
from knowledge.places import phrases as pt
from knowledge.places.index import Match
from knowledge.places.judging import Found, Scene
from knowledge.places.place import Place
from knowledge.places.tokens import Token

_DATA = yaml.safe_load(
    (Path(__file__).parent / "data" / "region_codes.yaml").read_text("utf-8")
)
CODES: dict[str, tuple[str, ...]] = {
    code: tuple(names) if isinstance(names, list) else (names,)
    for code, names in _DATA["codes"].items()
}
CODE_WORDS = frozenset(_DATA["words"])
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# What may stand between a town and its region: "Portland, Maine", "Portland (Maine".
_GAP = frozenset(" ,(")
# Instants a clock is compared at: both halves of the year, and the call's day.
_INSTANTS = tuple(
    datetime.datetime(2021, month, day, 15, tzinfo=datetime.UTC)
    for month, day in ((1, 15), (7, 15), (12, 7))
)


@lru_cache(maxsize=4096)
def same_clock(a: Place, b: Place) -> bool:
    za, zb = a.tzinfo, b.tzinfo
    return all(t.astimezone(za).utcoffset() == t.astimezone(zb).utcoffset() for t in _INSTANTS)


def qualified(
    text: str,
    tokens: list[Token],
    matches: list[Match],
    scene: Scene,
    place_of: Callable[[Match], Place],
    judged: Callable[[Match], Found | None],
    resolve: Callable[[str], Place | None],
) -> list[Found]:
    """Each town or city followed by a region, a country or a state's code, read as one
    place: the town where its clock is the region's, else the region's."""
    out = []
    # A longer name starting at a town's word is that name: "Baja California" is no town
    # Baja (Hungary) in California, "Центральный Калимантан" no town Tsentralny.
    reach: dict[int, int] = {}
    for m in matches:
        reach[m.i] = max(reach.get(m.i, 0), m.j)
    for town in matches:
        if town.what != "name" or town.j >= len(tokens) or place_of(town).kind != "city":
            continue
        if reach[town.i] > town.j:
            continue
        if not set(text[tokens[town.j - 1].end : tokens[town.j].start]) <= _GAP:
            continue
        areas, end = _qualifiers(tokens, town, matches, scene, place_of, resolve)
        if not areas:
            continue
        place = _choose(place_of(town), areas)
        found = judged(town)
        if found is None and not scene.cue:
            continue  # "Portland, Maine" alone is a place; in other words, only about time
        start = found.start if found else pt.phrase_span(tokens, town.i, town.j)[0]
        strength = found.score[0] if found else 2
        out.append(Found(place, start, end, (strength, end - start, town.i)))
    if scene.cue:
        out += _unknown_towns(text, tokens, matches, scene, place_of)
    return out


def _unknown_towns(
    text: str,
    tokens: list[Token],
    matches: list[Match],
    scene: Scene,
    place_of: Callable[[Match], Place],
) -> list[Found]:
    """A town the index does not know, after a preposition and before its region ("in
    Whitefish, Montana", "в Новохопёрске Воронежской области"): the region's clock, the
    town's words read as part of the place. One or two words, written as a name."""
    covered = {k for m in matches for k in range(m.i, m.j)}
    out = []
    for area in matches:
        if area.what != "name" or place_of(area).kind != "region":
            continue
        for size in (1, 2):
            i = area.i - size
            if i < 1 or covered & set(range(i, area.i)):
                continue
            if tokens[i - 1].norm not in pt.LOCATION_PREPOSITIONS:
                continue
            words = tokens[i : area.i]
            if not all(_name_like(t, scene) for t in words):
                continue
            if any(POSSESSIVE.search(t.text) for t in words):
                continue  # "in Biden's Delaware home" names a man, not a town
            pairs = zip(tokens[i - 1 : area.i], tokens[i : area.i + 1], strict=True)
            if not all(set(text[a.end : b.start]) <= _GAP for a, b in pairs):
                continue
            start, end, _ = pt.phrase_span(tokens, i, area.j)
            out.append(Found(place_of(area), start, end, (3, end - start, i)))
            break
    return out


def _qualifiers(
    tokens: list[Token],
    town: Match,
    matches: list[Match],
    scene: Scene,
    place_of: Callable[[Match], Place],
    resolve: Callable[[str], Place | None],
) -> tuple[list[Place], int]:
    after = [
        m
        for m in matches
        if m.i == town.j
        and m.what == "name"
        and place_of(m).kind in ("region", "country")
        # "в тбілісі того дня" is Tbilisi on that day, not Tbilisi in Togo
        and (tokens[m.i].capitalised or not in_any_dictionary(tokens[m.i].norm))
    ]
    if after:
        longest = max(after, key=lambda m: m.j)
        return [place_of(longest)], pt.phrase_span(tokens, longest.i, longest.j)[1]
    word = tokens[town.j]
    code = word.text.upper()
    written = word.text.isupper() or (scene.lowered and word.norm not in CODE_WORDS)
    if code not in CODES or not written:
        return [], 0
    areas = [p for name in CODES[code] if (p := resolve(name)) and p.kind == "region"]
    return areas, pt.phrase_span(tokens, town.j, town.j + 1)[1]


def _name_like(token: Token, scene: Scene) -> bool:
    """A word that may be a town's name: written with a capital inside the sentence, or in a
    message typed all in lower case, a word no dictionary knows ("новохопёрске")."""
    if token.capitalised and not token.sentence_start and not scene.shouted:
        return True
    return scene.lowered and not in_any_dictionary(token.norm)


def _choose(town: Place, areas: list[Place]) -> Place:
    if any(same_clock(town, area) for area in areas):
        return town
    if len(areas) > 1:
        return town  # a code two countries share: the town's own clock, as before
    area = areas[0]
    if area.kind == "country" and area.country is not None:
        return town  # a country of several clocks: the town named keeps its own
    return area
