"""Landmarks and people as places in a question about time (data/landmarks.yaml): a building
or a person that stands for a city counts only next to one of its kind's prepositions or
time words, so that a question about what the building's people or the person said keeps
them as words. Names are matched through the ru/uk dictionaries' lemmas, so every case of a
name listed in the nominative counts ("для Пєскова", "у Путинчика", "for Psaki"), and the
answer says whose clock it used ("Psaki: Washington")."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel

from knowledge.i18n import SAFE_LOADER
from knowledge.language.text import read_closely
from knowledge.places import tokens as tk
from knowledge.places.place import PlaceMention
from knowledge.places.resolver import PlaceResolver
from knowledge.places.tokens import Token


class _Kind(BaseModel):
    prepositions: list[str]
    time_words: list[str] = []
    between: list[str] = []  # words that may stand between a preposition and the name


class _Landmark(BaseModel):
    label: str
    city: str
    kind: str
    names: list[str]


class _LandmarkFile(BaseModel):
    kinds: dict[str, _Kind]
    landmarks: list[_Landmark]


Words = tuple[frozenset[str], ...]  # each word's forms: as written and its lemmas


@dataclasses.dataclass(frozen=True)
class _Name:
    words: Words
    city: str
    label: str
    before: tuple[tuple[str, ...], ...]  # preposition phrases, as normalized words
    after: tuple[tuple[str, ...], ...]  # time word phrases
    between: frozenset[str]


def _forms(token: Token, guess: bool = True) -> frozenset[str]:
    return frozenset(form for form, _ in tk.variants(token, guess))


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.norm for t in tk.tokenize(w)) for w in words)


@lru_cache(maxsize=1)
def _names() -> tuple[_Name, ...]:
    path = resources.files("knowledge.places").joinpath("data", "landmarks.yaml")
    data = _LandmarkFile.model_validate(yaml.load(path.read_text("utf-8"), SAFE_LOADER))
    out = []
    for lm in data.landmarks:
        kind = data.kinds[lm.kind]
        between = frozenset(f for w in kind.between for t in tk.tokenize(w) for f in _forms(t))
        before, after = _phrases(kind.prepositions), _phrases(kind.time_words)
        for name in lm.names:
            words = tuple(_forms(t) for t in tk.tokenize(name))
            out.append(_Name(words, lm.city, lm.label, before, after, between))
    return tuple(out)


@lru_cache(maxsize=1)
def _starting() -> dict[str, tuple[int, ...]]:
    """The names each form of a first word may open: a word tries only those, not every
    name (a message may hold hundreds of words)."""
    starting: dict[str, list[int]] = {}
    for at, name in enumerate(_names()):
        for form in name.words[0]:
            starting.setdefault(form, []).append(at)
    return {form: tuple(ats) for form, ats in starting.items()}


def _ends_with(tokens: list[Token], end: int, phrase: tuple[str, ...]) -> bool:
    start = end - len(phrase)
    if start < 0 or end > len(tokens):
        return False
    return all(tokens[start + k].norm == w for k, w in enumerate(phrase))


def _placed(
    tokens: list[Token], forms: list[frozenset[str]], name: _Name, i: int, j: int
) -> int | None:
    """Where the phrase of a name at tokens[i:j] starts (its preposition), or None when none
    of its kind's prepositions stands before it and no time word after it."""
    k = i
    while k > 0 and forms[k - 1] & name.between:
        k -= 1
    for phrase in name.before:
        if _ends_with(tokens, k, phrase):
            return k - len(phrase)
    if any(_ends_with(tokens, j + len(p), p) for p in name.after):
        return i
    return None


def find(resolver: PlaceResolver, text: str) -> PlaceMention | None:
    """The city a landmark or person in `text` stands for, with the phrase, or None. The
    place keeps whose clock it is, so that the answer says which city it used."""
    tokens = tk.tokenize(text)
    guess = read_closely(text)  # a long message's unknown words get no lemmas guessed
    forms = [_forms(t, guess) for t in tokens]
    names, starting = _names(), _starting()
    best: tuple[int, int, int, _Name] | None = None  # start, -length, end, name
    for i in range(len(tokens)):
        opened = {at for form in forms[i] for at in starting.get(form, ())}
        for name in (names[at] for at in sorted(opened)):  # as listed: ties go to the first
            size = len(name.words)
            if i + size > len(tokens):
                continue
            if not all(forms[i + n] & w for n, w in enumerate(name.words)):
                continue
            start = _placed(tokens, forms, name, i, i + size)
            if start is None:
                continue
            timed = [len(p) for p in name.after if _ends_with(tokens, i + size + len(p), p)]
            found = (start, -size, i + size + max(timed, default=0), name)
            if best is None or found[:2] < best[:2]:
                best = found  # the first named, and the longest name there
    place = resolver.resolve(best[3].city) if best else None
    if best is None or place is None:
        return None
    start, _, end, name = best
    at, to = tokens[start].start, tokens[end - 1].end
    return PlaceMention(dataclasses.replace(place, site=name.label), at, to, text[at:to])


def validate(resolver: PlaceResolver) -> None:
    """Every landmark's city resolves (tests call this: a misspelt city fails there)."""
    for name in _names():
        if resolver.resolve(name.city) is None:
            raise ValueError(f"landmarks.yaml: no place {name.city!r}")


def warm_up() -> None:
    """Read the data file and the names' lemmas now: the first question that names no
    place would, after the engine's warm-up questions, which all name one."""
    _starting()
