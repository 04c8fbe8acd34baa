"""Places named by their people in a question about time (data/demonyms.yaml): "for parisians
what time", "алматинцам когда включать", "о котрій для техасців", "Californian time?".

A people counts only in a question about time, and only after "for"/"для", in the dative
alone ("лондонцам во сколько"), before a time word ("Californian time"), or opening the
question ("Almatians what hour"); the people of a side of the talks ("Americans", "россияне")
only after "for"/"для" or before a time word, so "what do the Americans want" stays words.
An adverb of a place's manner ("по-питерски", "по-київськи") is its place adjective."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, Field

from knowledge.i18n import SAFE_LOADER
from knowledge.places import phrases as pt
from knowledge.places import tokens as tk
from knowledge.places.place import Place, PlaceMention
from knowledge.places.resolver import PlaceResolver
from knowledge.places.tokens import Token


class _People(BaseModel):
    place: str
    en: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    uk: list[str] = Field(default_factory=list)
    side: bool = False


class _DemonymFile(BaseModel):
    demonyms: list[_People]
    cues: str
    before: list[str]
    articles: list[str] = Field(default_factory=list)
    time_after: list[str]


class _Table:
    def __init__(self, data: _DemonymFile) -> None:
        self.people: dict[str, _People] = {}
        for entry in data.demonyms:
            for name in (*entry.en, *entry.ru, *entry.uk):
                key = tk.name_key(name)
                other = self.people.setdefault(key, entry)
                if other is not entry and other.place != entry.place:
                    raise ValueError(f"demonym {name!r} names {other.place} and {entry.place}")
        self.longest = max(len(k.split()) for k in self.people)
        self.cues = pt.wordset(data.cues) | pt.TIME_CUES
        self.before = frozenset(data.before)
        self.articles = frozenset(data.articles)
        self.time_after = tuple(tuple(w.split()) for w in data.time_after)


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = resources.files("knowledge.places").joinpath("data", "demonyms.yaml")
    return _Table(_DemonymFile.model_validate(yaml.load(path.read_text("utf-8"), SAFE_LOADER)))


def validate(resolver: PlaceResolver) -> None:
    """Every people's place resolves (tests call this: a misspelt place fails there)."""
    for entry in {id(e): e for e in _table().people.values()}.values():
        if resolver.resolve(entry.place) is None:
            raise ValueError(f"demonyms.yaml: no place {entry.place!r}")


# "по-питерски" → "питерский", "по-київськи" → "київський": the adverb is its adjective's.
_MANNER = re.compile(r"^(\w+?)(ски|ськи|цки|цьки)$")
_ADJECTIVE_END = {"ски": "ский", "ськи": "ський", "цки": "цкий", "цьки": "цький"}


def _english_forms(word: str) -> list[str]:
    forms = [word]
    if word.endswith("'s"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _people_at(tokens: list[Token], i: int) -> tuple[_People, int, bool] | None:
    """The people named from token i, the token after them, and whether it is a dative."""
    table = _table()
    for j in range(min(len(tokens), i + table.longest), i, -1):
        head, last = " ".join(t.norm for t in tokens[i : j - 1]), tokens[j - 1]
        if last.cyrillic:
            forms = [(r.lemma, "datv" in r.cases) for r in tk.readings(last.norm)]
            forms.append((last.norm, False))
        else:
            forms = [(f, False) for f in _english_forms(last.norm)]
        for form, dative in forms:
            entry = table.people.get(f"{head} {form}".strip())
            if entry is not None:
                return entry, j, dative and last.cyrillic
    return None


def _timed(tokens: list[Token], j: int) -> bool:
    words = tuple(t.norm for t in tokens[j:])
    return any(words[: len(w)] == w for w in _table().time_after)


def _asks_time(text: str, tokens: list[Token]) -> bool:
    cues = _table().cues
    return (
        any(t.norm in cues or (t.norm.isdigit() and int(t.norm) <= 24) for t in tokens)
        or bool(pt.TIME_OF_DAY.search(text))
        or pt.hour_at(tokens)
    )


def find(resolver: PlaceResolver, text: str) -> PlaceMention | None:
    """The place a people or a manner adverb in a question about time stands for, or None."""
    tokens = tk.tokenize(text)
    if not _asks_time(text, tokens):
        return None
    for i, token in enumerate(tokens):
        manner = _MANNER.match(token.norm) if i and tokens[i - 1].norm == "по" else None
        if manner:
            place = resolver.resolve(manner.group(1) + _ADJECTIVE_END[manner.group(2)])
            # Only a city's: "по-английски", "по-українськи" name a language.
            if place is not None and place.kind == "city":
                return _mention(text, place, tokens[i - 1].start, token.end)
        found = _people_at(tokens, i)
        if found is None:
            continue
        entry, j, dative = found
        at = i - 1 if i > 1 and tokens[i - 1].norm in _table().articles else i
        before = at > 0 and tokens[at - 1].norm in _table().before
        opening = i == 0 or (i == 1 and tokens[0].norm in ("and", "а", "і", "и"))
        if not (before or _timed(tokens, j) or (not entry.side and (dative or opening))):
            continue
        place = resolver.resolve(entry.place)
        if place is not None:
            start = tokens[at - 1].start if before else token.start
            return _mention(text, place, start, tokens[j - 1].end)
    return None


def _mention(text: str, place: Place, start: int, end: int) -> PlaceMention:
    return PlaceMention(place, start, end, text[start:end])


def warm_up() -> None:
    """Read the data file now: the first question that names no place would (a tenth of a
    second), after the engine's warm-up questions, which all name one."""
    _table()
