"""A question that compares the clocks of two or three places for an event ("how many hours
between NY and Moscow for it?", "is it earlier in Tokyo than in Seoul when the call starts?",
"на сколько часов Минск отличается от Киева", "на скільки годин Нью-Йорк відстає від
Москви"): each place's clock is asked, and the answer says first how far apart they are
and which is ahead, or that they keep the same hour.

The comparing words are data (knowledge/places/data/phrase_words.yaml: `clock_compare`,
`clock_compare_alone`, `compare_time_words`, `compare_links`); the answer's words are in the
locales (`compare.*`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.matcher import FactIndex, Match
from knowledge.model import Fact
from knowledge.places import phrases as pt
from knowledge.places.place import Place, PlaceMention
from knowledge.places.resolver import PlaceResolver
from knowledge.places.tokens import Token, tokenize

_COMPARE = sorted(pt.phrases_of("clock_compare"), key=len, reverse=True)
_ALONE = sorted(pt.phrases_of("clock_compare_alone"), key=len, reverse=True)
_TIME_WORDS = pt.TIME_CUES | pt.TIME_AFTER | pt.wordset(pt.WORDS["compare_time_words"])
_CLOCK_WORDS = pt.TIME_AFTER | pt.wordset(pt.WORDS["compare_time_words"])
_LINKS = pt.wordset(pt.WORDS["compare_links"])
_CLAIMS = {
    kind: sorted((tuple(p.split()) for p in phrases), key=len, reverse=True)
    for kind, phrases in pt.WORDS["compare_claims"].items()
}
_CLAIMED = ("later", "earlier", "same", "different")
_ASKS = pt.wordset(pt.WORDS["compare_asks"])
_NOT_NAMES = _TIME_WORDS | frozenset(pt.LOCATION_PREPOSITIONS) | frozenset(pt.FROM_PREPOSITIONS)
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
    # "3 hours later": the hours claimed go with the comparing words
    spans = [(i - 1 if i and tokens[i - 1].norm.isdigit() else i, j) for i, j in spans]
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
    bare = [w.lower().strip(",.?!") for w in words]
    kept = [  # "2 hours later": the hours claimed go with their word
        w
        for k, w in enumerate(words)
        if bare[k] not in _CLOCK_WORDS
        and not (bare[k].isdigit() and k + 1 < len(words) and bare[k + 1] in _CLOCK_WORDS)
    ]
    without = " ".join(["time", *kept])
    match = index.match(without, lang, place_named=True)
    top = match.candidates[0] if match.candidates else None
    if top is None or index.facts[top.fact_id].event is None:
        return None
    if not index.lexicon.time_intents & set(match.tokens):
        return None
    return match, without, sorted(mentions, key=lambda m: m.start)


def compared_answer(answer: Answer, fact: Fact, clocks: tuple[Place, ...], text: str) -> Answer:
    """The answer with how far apart the clocks are said first, after "Yes."/"No." where
    the question checks a claim about them ("в Москві на годину пізніше, ніж у Києві?")."""
    lang, lead = answer.lang, answer.lead
    for word in (ANSWERS("answer.yes", lang), ANSWERS("answer.no", lang)):
        lead = lead.removeprefix(f"{word} ")  # a verdict on the words, not on the clocks
    verdict = claim_verdict(fact, clocks, text)
    said = [ANSWERS("answer.yes" if verdict else "answer.no", lang)] if verdict is not None else []
    said += [comparison(fact, clocks, lang), lead]
    return replace(answer, lead=" ".join(part for part in said if part))


def claim_verdict(fact: Fact, clocks: tuple[Place, ...], text: str) -> bool | None:
    """Whether the claim a question makes about the clocks holds: the first place named
    against each other one ("later", "the same hour", "an hour later"); None where it
    asks which or how much, or makes no claim."""
    tokens = tokenize(text)
    if fact.event is None or len(clocks) < 2 or {t.norm for t in tokens} & _ASKS:
        return None
    start = fact.event.aware
    first, *others = (_offset_minutes(start.astimezone(p.tzinfo)) for p in clocks)
    gaps = [first - other for other in others]
    kinds = [kind for kind in _CLAIMED if _spans(tokens, _CLAIMS[kind])]
    amount = _amount(tokens)
    if not kinds and amount is not None:
        kinds = ["different"]  # "на годину різниця між Києвом і Москвою?"
    if len(kinds) != 1:
        return None
    holds = {
        "later": all(gap > 0 for gap in gaps),
        "earlier": all(gap < 0 for gap in gaps),
        "same": all(gap == 0 for gap in gaps),
        "different": all(gap != 0 for gap in gaps),
    }[kinds[0]]
    if amount is not None and kinds[0] != "same":
        holds = holds and all(abs(gap) == amount for gap in gaps)
    return holds


def _amount(tokens: list[Token]) -> int | None:
    """The difference claimed, in minutes: "an hour", "на годину", "2 hours"; else None."""
    if _spans(tokens, _CLAIMS["one_hour"]):
        return 60
    for k, token in enumerate(tokens[:-1]):
        if token.norm.isdigit() and tokens[k + 1].norm in _CLOCK_WORDS and int(token.norm) < 24:
            return int(token.norm) * 60
    return None


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
    norms = {t.norm for t in tokens}
    for words in phrases:
        if words[0] not in norms:
            continue  # most questions hold no comparing word: a set lookup spares the scan
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
    for mention in resolver.every_place(text, _MOST):
        if mention.place.kind in ("abbreviation", "offset", "zone"):
            break
        if any(w not in _NOT_NAMES for w in mention.text.lower().split()):
            found.append(mention)  # "на час" is no place, "moscow time" is
    compared = {k for i, j in spans for k in range(i, j)}
    k = 0
    while k < len(tokens) and len(found) < _MOST:
        token = tokens[k]
        beside = any(0 <= n < len(tokens) and tokens[n].norm in _LINKS for n in (k - 1, k + 1))
        # "Moscow (3 hours) ahead", "Минск отличается", "Нью-Йорк відстає"
        n = k + 1
        while n < len(tokens) and (tokens[n].norm.isdigit() or tokens[n].norm in _CLOCK_WORDS):
            n += 1
        beside = beside or n in compared
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
        if any(t.norm in _LINKS | _TIME_WORDS for t in tokens[k : k + n]):
            continue
        start, end = tokens[k].start, tokens[k + n - 1].end
        place = resolver.resolve(text[start:end])
        if place is not None and place.kind == "city":
            return PlaceMention(place, start, end, text[start:end])
    return None

