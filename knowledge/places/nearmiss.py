"""Near misses of well-known places' names: "londn", "tokio", "nu york", "в Масскве".

A word (or two) that no dictionary and no place name knows, standing where a place does
(after a place preposition or before a time word), is read as the well-known city whose
name it misses by a slip: OSA distance (a swap of two letters is one edit) of one edit for
names of up to 7 letters, two up to 11, three beyond, from the same first letter, as the
fact base's own typo reader allows; in Cyrillic, also a name that sounds the same. The
resolver then judges the reading as it would the name itself, and the answer says what it
read. Whether the words are the fact base's own ("putinn", "kremlin") only the engine
knows: it drops such a reading (knowledge.answering.asked_place).

Well-known: a city the index counts prominent (a capital, a zone's exemplar city or a city
of 1,000,000 people or more) with at least WELL_KNOWN_POPULATION people. Only those are
asked about with a typo often enough to be worth the risk; the floor keeps out the
exemplar villages of remote zones (Thule, Longyearbyen), whose short names would take
slips of other words, while keeping small capitals (Bern, Reykjavik, Tallinn).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.language.text import CYRILLIC, in_dictionary
from knowledge.language.typos import allowed_edits
from knowledge.places import phrases as pt
from knowledge.places.index import Index
from knowledge.places.tokens import Token, name_key, variants

WELL_KNOWN_POPULATION = 100_000
# Shorter slips are too often other words ("rom", "kiev" is a name already).
MIN_LETTERS = 5
# English words the resolver itself reads around places: never a slip of a name.
_PHRASE_WORDS = (
    (pt.TIME_CUES | pt.TIME_AFTER | pt.FILLERS | pt.FOLLOWERS | pt.PEOPLE)
    | frozenset(pt.LOCATION_PREPOSITIONS)
    | frozenset(pt.FROM_PREPOSITIONS)
)


# Russian and Ukrainian spell as they hear: an unstressed "о" written "а", a letter doubled
# or not ("Масква", "Масскве"). Names that sound alike are a slip apart, whatever the letters.
_SOUNDS = str.maketrans("оэёыі", "аееии")
_DOUBLE = re.compile(r"(.)\1+")


def sound(form: str) -> str:
    return _DOUBLE.sub(r"\1", form.translate(_SOUNDS))


@dataclass(frozen=True)
class NearMiss:
    i: int  # token span of the slip
    j: int
    row: int  # the place's row in the index


class NearMisses:
    """Well-known cities' names in each script, by first letter, for reading slips."""

    def __init__(self, index: Index) -> None:
        self._by_first: dict[str, list[str]] = defaultdict(list)
        self._rows: dict[str, int] = {}
        self._sounds: dict[str, str] = {}  # a Cyrillic name's sound → its key
        self._population: dict[str, int] = {}
        population = self._population
        for number in range(index.row_count):
            row = index.row(number)
            if row.kind != "city" or not row.prominent or row.population < WELL_KNOWN_POPULATION:
                continue
            for label in dict.fromkeys(row.labels):
                key = name_key(label)
                # Two cities of one name: the more populous is the one meant.
                if key and row.population > population.get(key, -1):
                    if key not in population:
                        self._by_first[key[0]].append(key)
                    population[key] = row.population
                    self._rows[key] = number
                    if CYRILLIC.search(key):
                        self._sounds[sound(key)] = key

    def find(self, tokens: list[Token], covered: set[int]) -> list[NearMiss]:
        """Slips of well-known names among the tokens; `covered`: tokens of known names,
        which may end a two-word slip ("nu york") but are no slip themselves."""
        out = []
        for i in range(len(tokens)):
            for j in (i + 1, i + 2):
                span = tokens[i:j]
                if len(span) < j - i or any(t.norm.isdigit() for t in span):
                    break
                if not self._slot(tokens, i, j):
                    continue
                if not any(k not in covered and self._unknown(tokens[k]) for k in range(i, j)):
                    continue
                row = self._nearest(span)
                if row is not None:
                    out.append(NearMiss(i, j, row))
                    break
        return out

    def _slot(self, tokens: list[Token], i: int, j: int) -> bool:
        """Whether tokens[i:j] stand where a place does: after a place preposition or before
        a time word. A capital in a question about time is not enough: that is where
        people's names stand ("When will Putin talk?" is no slip of Putian)."""
        before = tokens[i - 1].norm if i else ""
        after = tokens[j].norm if j < len(tokens) else ""
        return before in pt.LOCATION_PREPOSITIONS or after in pt.TIME_AFTER

    def _unknown(self, token: Token) -> bool:
        word = token.norm
        if token.cyrillic:
            return not (in_dictionary(word, "ru") or in_dictionary(word, "uk"))
        return word not in _PHRASE_WORDS

    def _forms(self, span: list[Token]) -> set[str]:
        """The span as written and, for Cyrillic, with its last word's case ending taken
        back to a nominative ("масскве" → "масква")."""
        head = " ".join(t.norm for t in span[:-1])
        last = span[-1]
        forms = {last.norm}
        if last.cyrillic:
            forms |= {form for form, _ in variants(last)}
        return {f"{head} {form}".strip() for form in forms}

    def _nearest(self, span: list[Token]) -> int | None:
        best: tuple[int, int, int] | None = None  # (distance, -population, row)
        for form in self._forms(span):
            if len(form.replace(" ", "")) < MIN_LETTERS:
                continue
            heard = self._sounds.get(sound(form)) if CYRILLIC.search(form) else None
            if heard is not None and heard != form:
                found = (1, -self._population[heard], self._rows[heard])
                best = min(best, found) if best else found
            pool = self._by_first.get(form[0], ())
            limit = allowed_edits(len(form) + 1)
            for key, distance, _ in process.extract(
                form, pool, scorer=OSA.distance, score_cutoff=limit, limit=4
            ):
                if 0 < distance <= allowed_edits(max(len(form), len(key))):
                    # Equally near, the more populous city is the likelier meant.
                    found = (int(distance), -self._population[key], self._rows[key])
                    best = min(best, found) if best else found
        return best[2] if best else None
