"""A route the asker travels on the event's day, "from Kyiv to Tbilisi", "из Киева в
Лондон", "з Києва до Лондона": both ends are places, named in that order, whose clocks a
question about time may ask ("what time is it there and here?").

The words are data (data/phrase_words.yaml: `from_prepositions`, `route_to`)."""

from __future__ import annotations

from knowledge.places import phrases as pt
from knowledge.places.place import PlaceMention
from knowledge.places.resolver import PlaceResolver
from knowledge.places.tokens import Token, readings, tokenize

ROUTE_TO = {
    word: None if cases == "any" else frozenset(cases)
    for word, cases in pt.WORDS["route_to"].items()
}
_LONGEST_NAME = 3  # words: "san francisco", "нью йорк", "ріо де жанейро"
_KINDS = frozenset({"city", "country", "region"})  # a zone or offset is no stop on a route


def route(resolver: PlaceResolver, text: str) -> tuple[PlaceMention, PlaceMention] | None:
    """The route's two ends, where from and where to, each with its preposition, or None."""
    tokens = tokenize(text)
    for k, token in enumerate(tokens):
        if token.norm not in pt.FROM_PREPOSITIONS:
            continue
        origin = _stop(resolver, text, tokens, k)
        if origin is None:
            continue
        j, start = origin
        if j < len(tokens) and tokens[j].norm in ROUTE_TO:
            end = _stop(resolver, text, tokens, j)
            if end is not None:
                return start, end[1]
    return None


def _stop(
    resolver: PlaceResolver, text: str, tokens: list[Token], k: int
) -> tuple[int, PlaceMention] | None:
    """The place named right after the preposition at tokens[k] (its longest name), with the
    index of the token after it; None if no place is named there or in the wrong case."""
    cases = pt.FROM_PREPOSITIONS.get(tokens[k].norm, ROUTE_TO.get(tokens[k].norm))
    for n in range(min(_LONGEST_NAME, len(tokens) - k - 1), 0, -1):
        name = text[tokens[k + 1].start : tokens[k + n].end]
        place = resolver.resolve(name)
        if place is None or place.kind not in _KINDS:
            continue
        if cases is not None and tokens[k + n].cyrillic and not _case_fits(tokens[k + n], cases):
            return None
        start, end = tokens[k].start, tokens[k + n].end
        return k + n + 1, PlaceMention(place, start, end, text[start:end])
    return None


def _case_fits(token: Token, cases: frozenset[str]) -> bool:
    """Whether the name's last word may take one of these cases (an unknown or indeclinable
    name may: "в тбілісі", "в портленд")."""
    known = [r for r in readings(token.norm) if r.known and not r.fixed]
    return not known or any((r.cases | r.uk_cases) & cases for r in known)
