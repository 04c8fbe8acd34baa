"""A question that compares the clocks of two or three places for an event ("how many hours
between NY and Moscow for it?", "is it earlier in Tokyo than in Seoul when the call starts?",
"на сколько часов Минск отличается от Киева", "на скільки годин Нью-Йорк відстає від
Москви"): each place's clock is asked, and the answer says first how far apart they are
and which is ahead, or that they keep the same hour.

The comparing words are data (knowledge/places/data/phrase_words.yaml: `clock_compare`,
`clock_compare_alone`, `compare_time_words`, `compare_links`); the answer's words are in the
locales (`compare.*`)."""

from __future__ import annotations

from datetime import datetime

from knowledge.i18n import ANSWERS
from knowledge.language.matcher import FactIndex, Match
from knowledge.model import Fact
from knowledge.places import phrases as pt
from knowledge.places.place import Place, PlaceMention
from knowledge.places.resolver import PlaceResolver
from knowledge.places.tokens import Token, tokenize

_COMPARE = sorted(pt._phrases("clock_compare"), key=len, reverse=True)
_ALONE = sorted(pt._phrases("clock_compare_alone"), key=len, reverse=True)
_TIME_WORDS = pt.TIME_CUES | pt.TIME_AFTER | pt.wordset(pt.WORDS["compare_time_words"])
_CLOCK_WORDS = pt.TIME_AFTER | pt.wordset(pt.WORDS["compare_time_words"])
_LINKS = pt.wordset(pt.WORDS["compare_links"])
_MOST = 3  # places compared: "Kyiv, Minsk and Moscow"
_LONGEST_NAME = 3  # words of a bare name: "нью йорк", "san francisco"


def compared_clocks(
    resolver: PlaceResolver, index: FactIndex, text: str, lang: str
) -> tuple[Match, str, list[PlaceMention]] | None:
    """The question read as comparing two or three places' clocks: its match with the
    places and the comparing words taken out (a time asked in their stead), the text
    matched, and the places in the order named; None if it compares no clocks."""
    tokens = tokenize(text)
    spans = _spans(tokens, _COMPARE)
    if not spans:
        return None
    if not _spans(tokens, _ALONE) and not {t.norm for t in tokens} & _TIME_WORDS:
        return None  # "the difference between Russia and Ukraine" compares no clocks
    mentions = _places(resolver, text, tokens, spans)
    if len({m.place.key for m in mentions}) < 2:
        return None
    cut = sorted([(m.start, m.end) for m in mentions] + [_chars(tokens, s) for s in spans])
    rest, at = [], 0
    for start, end in cut:
        if start < at:
            continue
        rest.append(_unlinked(text[at:start]))
        at = end
    rest.append(text[at:])
    words = " ".join(part for part in rest).split()
    # "time" stands for them all: "clock", "hours", "годину" would only blur the match.
    kept = [w for w in words if w.lower().strip(",.?!") not in _CLOCK_WORDS]
    without = " ".join(["time", *kept])
    match = index.match(without, lang, place_named=True)
    top = match.candidates[0] if match.candidates else None
    if top is None or index.facts[top.fact_id].event is None:
        return None
    if not index.lexicon.time_intents & set(match.tokens):
        return None
    return match, without, sorted(mentions, key=lambda m: m.start)


def comparison(fact: Fact, clocks: tuple[Place, ...], lang: str) -> str:
    """How far apart the places' clocks are at the fact's time, each against the first
    named: "The difference is 8 hours, Moscow ahead: Moscow 18:00, Washington 10:00."."""
    if fact.event is None or len(clocks) < 2:
        return ""
    start = fact.event.aware
    first = clocks[0]
    lines = []
    for other in clocks[1:]:
        one, two = start.astimezone(first.tzinfo), start.astimezone(other.tzinfo)
        minutes = _offset_minutes(one) - _offset_minutes(two)
        names = {
            "first": first.label(lang),
            "second": other.label(lang),
            "first_time": f"{one:%H:%M}",
            "second_time": f"{two:%H:%M}",
        }
        if minutes == 0:
            lines.append(ANSWERS("compare.same", lang, time=names["first_time"], **names))
            continue
        hours = abs(minutes) / 60
        count = int(hours) if hours.is_integer() else hours
        ahead = names["first"] if minutes > 0 else names["second"]
        lines.append(ANSWERS("compare.apart", lang, count=count, ahead=ahead, **names))
    return " ".join(lines)


def _offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


def _spans(tokens: list[Token], phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The token spans of the phrases found, longest first, none overlapping."""
    found: list[tuple[int, int]] = []
    for words in phrases:
        for k in range(len(tokens) - len(words) + 1):
            if pt.words_at(tokens, k, words) and all(
                k + len(words) <= i or j <= k for i, j in found
            ):
                found.append((k, k + len(words)))
    return found


def _chars(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    return tokens[span[0]].start, tokens[span[1] - 1].end


def _unlinked(part: str) -> str:
    """A stretch between places and comparing words less the links between them."""
    return " ".join(w for w in part.split() if w.lower().strip(",.?!") not in _LINKS)


def _places(
    resolver: PlaceResolver, text: str, tokens: list[Token], spans: list[tuple[int, int]]
) -> list[PlaceMention]:
    """The places named, as the resolver finds them, then bare city names beside a link
    ("between NY and Moscow", "tokyo vs seoul", "між Києвом і Москвою")."""
    found: list[PlaceMention] = []
    blanked = text
    for _ in range(_MOST):
        mention = resolver.find(blanked)
        if mention is None or mention.place.kind in ("abbreviation", "offset", "zone"):
            break
        found.append(mention)
        blanked = _blank(blanked, mention.start, mention.end)
    compared = {k for i, j in spans for k in range(i, j)}
    k = 0
    while k < len(tokens) and len(found) < _MOST:
        token = tokens[k]
        beside = (k > 0 and tokens[k - 1].norm in _LINKS) or (
            k + 1 < len(tokens) and tokens[k + 1].norm in _LINKS
        )
        free = token.norm not in _LINKS | _TIME_WORDS and k not in compared
        taken = any(m.start <= token.start < m.end for m in found)
        mention = _bare(resolver, text, tokens, k) if beside and free and not taken else None
        if mention is None:
            k += 1
            continue
        found.append(mention)
        k = next((n for n in range(k, len(tokens)) if tokens[n].start >= mention.end), len(tokens))
    return found


def _bare(resolver: PlaceResolver, text: str, tokens: list[Token], k: int) -> PlaceMention | None:
    for n in range(min(_LONGEST_NAME, len(tokens) - k), 0, -1):
        if any(t.norm in _LINKS for t in tokens[k : k + n]):
            continue
        start, end = tokens[k].start, tokens[k + n - 1].end
        place = resolver.resolve(text[start:end])
        if place is not None and place.kind == "city":
            return PlaceMention(place, start, end, text[start:end])
    return None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]
