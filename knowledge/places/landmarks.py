"""Landmarks as places in a question about time (data/landmarks.yaml): a building that
stands for its city counts only next to a preposition or a time word, so that a question
about what the building's people said keeps it as words."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel

from knowledge.i18n import SAFE_LOADER
from knowledge.places.place import PlaceMention
from knowledge.places.resolver import PlaceResolver


class _Landmark(BaseModel):
    names: list[str]
    city: str
    prepositions: list[str]
    time_words: list[str]


class _LandmarkFile(BaseModel):
    landmarks: list[_Landmark]


def _alternatives(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    path = resources.files("knowledge.places").joinpath("data", "landmarks.yaml")
    data = _LandmarkFile.model_validate(yaml.load(path.read_text("utf-8"), SAFE_LOADER))
    out = []
    for lm in data.landmarks:
        names = _alternatives(lm.names)
        before, after = _alternatives(lm.prepositions), _alternatives(lm.time_words)
        named = rf"(?:the\s+)?(?:{names})"
        pattern = rf"\b(?:(?:{before})\s+{named}|{named}\s+(?:{after}))\b"
        out.append((re.compile(pattern, re.IGNORECASE), lm.city))
    return tuple(out)


def find(resolver: PlaceResolver, text: str) -> PlaceMention | None:
    """The city a landmark in `text` stands for, with the landmark's phrase, or None."""
    for pattern, city in _patterns():
        found = pattern.search(text)
        place = resolver.resolve(city) if found else None
        if found and place is not None:
            return PlaceMention(place, found.start(), found.end(), found.group(0))
    return None


def warm_up() -> None:
    """Read the data file now: the first question that names no place would (a tenth of a
    second), after the engine's warm-up questions, which all name one."""
    _patterns()
