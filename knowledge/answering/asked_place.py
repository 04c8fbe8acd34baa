"""What an answer says about the place asked for, which places it does not take, and
whether a place named in a question asks for its clock or is what the question is about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from knowledge.answering import followups
from knowledge.answering.compared_clocks import compared_clocks
from knowledge.answering.converted import conversion_target
from knowledge.answering.own_clock import own_clock_dropped
from knowledge.i18n import ANSWERS
from knowledge.language.clock_words import DAY
from knowledge.language.matcher import FactIndex, Match
from knowledge.language.text import normalize
from knowledge.model import Fact
from knowledge.places import demonyms, landmarks, sites
from knowledge.places.country_zones import main_zones
from knowledge.places.phrases import (
    CLOCK_FOR,
    HOUR_COUNTS,
    RECKONING_PREPOSITIONS,
    clock_asked_before,
    compared,
    time_word_before,
)
from knowledge.places.resolver import Place, PlaceMention, PlaceResolver
from knowledge.places.route import route
from knowledge.places.times import zone_city
from knowledge.places.tokens import Token, tokenize

_CLOCK_KINDS = frozenset({"abbreviation", "offset", "zone"})
MORE_CLOCKS = 2  # places asked beyond the first: "в Варшаве, Праге и Вене"
_TIME_WORD = re.compile(r"\b(time|время|времени|час|часу|часом|годин\w*)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceReading:
    """A question read with the place it names: its match (of the rest, when the place asks
    for a clock), the text matched, whether a place was taken out, and the place asked for."""

    match: Match
    matched: str
    place_named: bool
    asked: Place | None
    mention: PlaceMention | None
    clocks: tuple[Place, ...] = ()  # every place whose clock is asked, in the order named
    compared: bool = False  # the question compares the clocks (compared_clocks.py)


def read_place(
    resolver: PlaceResolver, index: FactIndex, text: str, lang: str, previous: Fact | None
) -> PlaceReading:
    """The question read with or without the place it names: a place whose clock is asked
    ("во сколько в Нью-Йорке", "EST", "how about Rome?" after a timed answer) is taken out
    and kept as the place asked for; one the question is about ("the summit in Geneva")
    stays in the words matched."""
    compare = compared_clocks(resolver, index, text, lang)
    if compare is not None:  # "how many hours between NY and Moscow": each clock, compared
        matched, words, mentions = compare
        named = {m.place.key: m.place for m in mentions}
        first = mentions[0]
        return PlaceReading(matched, words, True, first.place, first, (*named.values(),), True)
    mention = resolver.find(text) or landmarks.find(resolver, text) or demonyms.find(resolver, text)
    if mention and slip_of_a_base_word(index, mention.place, lang):
        mention = None  # "putinn" is the base's Putin, not Putian
    # A site ("at JFK", "на площі Ринок у Львові") says more than its city named beside it.
    site = sites.find(resolver, text)
    if site and (mention is None or mention.place.key == site.place.key):
        mention = site
    travel = route(resolver, text)  # "from Kyiv to Tbilisi": both ends, from first
    mention = travel[0] if travel else mention
    # "5p kyiv = ? canada": the clock a time with its own place is converted into.
    target = None if mention else conversion_target(resolver, text)
    mention = mention or target
    match = index.match(text, lang)
    if not mention:
        own = own_clock_dropped(text)  # "а по моему времени это во сколько": read as a place's
        if own is not None:
            mine = index.match(own, lang, place_named=True)
            if index.lexicon.time_intents & set(mine.tokens):
                return PlaceReading(mine, own, False, None, None)
        return PlaceReading(match, text, False, None, None)
    # "нью-йоркское время" names a place and asks for a time: keep the asking.
    # A clock ("in UTC+5", "EST") is never what a fact is about: it asks for a time.
    clock = mention.place.kind in _CLOCK_KINDS or target is not None
    gap = " time " if clock or _TIME_WORD.search(mention.text) else " "
    without = text[: mention.start] + gap + text[mention.end :]
    if travel:
        to = travel[1]
        without = text[: mention.start] + " " + text[mention.end : to.start] + " " + text[to.end :]
    without = same_clock_dropped(resolver, without, mention.place, event_moments(index))
    without = hour_counted(index, without, lang) or around_asker_dropped(index, without, lang)
    stripped = index.match(without, lang, place_named=True)
    if not clock and talked_about(index, text, mention, lang):
        return PlaceReading(match, text, False, None, mention)
    if (
        clock
        or followups.asks_the_same_event_elsewhere(index, previous, without, lang)
        or place_is_a_zone(index, mention.text, lang, stripped, match)
    ):
        clocks: list[tuple[int, Place]] = []
        if not clock:  # "in Istanbul, GMT+5": a label the place does not keep leaves it unsure
            without, stripped, clocks = more_clocks(resolver, index, text, without, lang, stripped)
        clocks += [(travel[1].start, travel[1].place)] if travel else []
        places: dict[str, Place] = {}  # one clock per zone, in the order named
        for _, place in sorted([(mention.start, mention.place), *clocks], key=lambda c: c[0]):
            places.setdefault(place.key, place)
        return PlaceReading(stripped, without, True, mention.place, mention, (*places.values(),))
    return PlaceReading(match, text, False, None, mention)


def more_clocks(
    resolver: PlaceResolver, index: FactIndex, text: str, without: str, lang: str, stripped: Match
) -> tuple[str, Match, list[tuple[int, Place]]]:
    """A question for the time in two or three places ("paris or warsaw time?", "в варшаве,
    праге сколько будет", "what time in Berlin and Tokyo"): with the first place taken out
    (`without`, read as `stripped`), each further place it names whose clock the question
    still asks, as the first was, is taken out too and kept with where it stands in `text`.
    A place the rest is about ("в Москве переговоры по Украине") stays a word of it."""
    found: list[tuple[int, Place]] = []
    for _ in range(MORE_CLOCKS):
        other = resolver.find(without)
        if other is None or other.place.kind in _CLOCK_KINDS:
            break
        if slip_of_a_base_word(index, other.place, lang):
            break
        if talked_about(index, without, other, lang):
            break
        gap = " time " if _TIME_WORD.search(other.text) else " "
        rest = without[: other.start] + gap + without[other.end :]
        rest_match = index.match(rest, lang, place_named=True)
        timed = index.lexicon.time_intents & set(rest_match.tokens)
        if not (timed and place_is_a_zone(index, other.text, lang, rest_match, stripped)):
            break
        at = text.find(other.text)
        found.append((at if at >= 0 else len(text), other.place))
        without, stripped = rest, rest_match
    return without, stripped, found


def slip_of_a_base_word(index: FactIndex, place: Place, lang: str) -> bool:
    """Whether the words a place was read from as a slip of its name are the fact base's
    own, as written or as its typo reader reads them ("kremlin", "putinn" for Putin), and
    not the place's name itself (a base that knows "London" reads "londn" as London too)."""
    if not place.read_as:
        return False
    analysed = index.analyse(place.read_as, lang)
    if analysed.unknown:
        return False
    names = {index.analyse(name, lang) for name in place.names.values()}
    known = {name.tokens for name in names if not name.unknown and not name.corrected}
    return not analysed.tokens or analysed.tokens not in known


def place_notes(place: Place, lang: str) -> list[str]:
    notes = []
    if place.country:
        country = place.country.get(lang) or place.country.get("en", "")
        if place.elsewhere:  # a region: say which of its clocks was used, and the others
            others = ", ".join(p.get(lang) or p.get("en", "") for p in place.elsewhere)
            notes.append(
                ANSWERS(
                    "place.region_zones",
                    lang,
                    region=country,
                    city=place.label(lang),
                    others=others,
                )
            )
        elif place.kind == "region":  # one clock, named by its city (Crimea: Simferopol)
            notes.append(
                ANSWERS(
                    "place.region_city",
                    lang,
                    region=country,
                    city=place.label(lang),
                    zone=place.key,
                )
            )
        elif main_zones(place.country.get("en", "")):  # its main zones are all shown
            notes.append(
                ANSWERS("place.country_zones", lang, country=country, city=place.label(lang))
            )
        else:
            notes.append(
                ANSWERS("place.country_capital", lang, country=country, city=place.label(lang))
            )
    if place.read_as:
        notes.append(ANSWERS("place.read_as", lang, written=place.read_as, place=place.label(lang)))
    if place.site:
        notes.append(ANSWERS("place.site", lang, written=place.site, place=place.label(lang)))
    if place.other_readings:
        notes.append(
            ANSWERS(
                "place.ambiguous",
                lang,
                abbr=place.names.get("en", place.key),
                reading=zone_city(place.key, lang),
                others=", ".join(place.other_readings),
            )
        )
    return notes


def place_is_a_zone(
    index: FactIndex, place_text: str, lang: str, stripped: Match, whole: Match
) -> bool:
    """Whether a place in the question asks for a time zone or is the question's subject.

    "when is the call in New York?" wants New York's clock; "when was the summit in
    Geneva?" is about Geneva. When the question with and without the place points to
    different facts and the fact base itself talks about that place, the place is the subject.
    A fact without a time has no clock to show there: "will Putin be in Sochi?" is about Sochi.
    A time asked "for" a place ("when is it for Washington", "для Москвы") is its clock.
    """
    if stripped.candidates and index.facts[stripped.candidates[0].fact_id].event is None:
        return False
    reckoned = place_text.split()[0].lower() in CLOCK_FOR
    if reckoned and stripped.candidates and index.lexicon.time_intents & set(stripped.tokens):
        # "when is it for Washington": a time reckoned for a place is its clock, even where
        # the base talks about that place (Washington as the US).
        return True
    if not whole.candidates or not stripped.candidates:
        return bool(stripped.candidates) or not whole.candidates
    if whole.candidates[0].fact_id == stripped.candidates[0].fact_id:
        return True
    if whole.candidates[0].score > stripped.candidates[0].score:
        return False
    return not index.analyse(place_text, lang).tokens or bool(
        index.analyse(place_text, lang).unknown
    )


def around_asker_dropped(index: FactIndex, without: str, lang: str) -> str:
    """The question with its place taken out (`without`), less the people around the asker
    ("my boss", "руководитель", "мій директор у Харкові"), booking it for them and whether
    the day there has turned yet, when it asks for a time or a day: the place's clock is
    asked, and who keeps it does not say which fact. Asking anything else ("what did my
    colleagues in Kyiv say"), they stay words of the question. One who asks for them ("my
    colleague in Kyiv asks") goes with the asking verb first, as the whole question's reading
    drops it, so that the verb is not left without its asker."""
    words = normalize(without).split()
    kept = [w for w in index.lexicon.behalf.dropped(words) if w not in index.lexicon.around_asker]
    if len(kept) == len(words):
        return without
    rest = " ".join(kept)
    if not (index.lexicon.time_intents | {DAY}) & set(index.analyse(rest, lang).tokens):
        return without
    # "токіо: це вже 8 грудня?" stays a question put to be checked, yes or no.
    return f"{rest}?" if without.rstrip().endswith("?") else rest


def same_clock_dropped(
    resolver: PlaceResolver, without: str, place: Place, moments: Iterable[datetime] = ()
) -> str:
    """The question less a second place that keeps the same clock as the one asked for,
    which only says where that one is ("я в Индии сейчас, на Гоа", "я в Польщі, у
    Варшаві", "в UK во сколько, я в Лондоне"), or that it is compared with ("for Minsk,
    the same as Moscow time?", "так само як у Москві"). An offset or zone's label beside a
    place that keeps it at the event's time (`moments`) only says which clock that is ("in
    Istanbul, GMT+3", "в NYC, GMT-5", "во Владивостоке, МСК+7", "EST / GMT-5"). So does a
    person or building that keeps it ("по вашингтонскому времени для Псаки", "for Psaki at
    the White House"). Another stays a word of it."""
    other = resolver.find(without) or landmarks.find(resolver, without)
    if other is None:
        return without
    start, gap = other.start, " "
    if other.place.key != place.key and not same_offset(place, other.place, moments):
        tokens = tokenize(without)
        at = _token_at(tokens, other.start)
        since = compared(tokens, at) if at is not None else None
        if since is None:
            return without
        # "the same as" goes with it; comparing two places' clocks asks the time.
        start, gap = tokens[since].start, " time "
    return without[:start] + gap + without[other.end :]


def same_offset(one: Place, other: Place, moments: Iterable[datetime]) -> bool:
    """Whether a clock named by its offset or label and another place keep the same UTC
    offset at one of the fact base's event times (Istanbul and GMT+3 in December 2021)."""
    if not _CLOCK_KINDS & {one.kind, other.kind}:
        return False  # two places of one offset are two places ("Moscow and Istanbul")
    return any(
        moment.astimezone(one.tzinfo).utcoffset() == moment.astimezone(other.tzinfo).utcoffset()
        for moment in moments
    )


def event_moments(index: FactIndex) -> Iterator[datetime]:
    """The times the fact base's timed facts start at, read only if a clock's label is
    compared with a place (`same_offset`), not for every place question."""
    return (f.event.aware for f in index.facts.values() if f.event)


def hour_counted(index: FactIndex, without: str, lang: str) -> str | None:
    """With a place's clock asked ("по Тбилиси это сколько", "скіки по Києву", "живу в
    Алматы, это сколько у нас"), "how much" asks the hour where nothing else is asked; None
    where the question has no such word or asks something more ("сколько войск в Крыму")."""
    words = normalize(without).split()
    if not HOUR_COUNTS & set(words):
        return None
    # "по-білоруському часу скільки" asks the time once: the gap says "time" already.
    hour = "" if "time" in words else "time"
    timed = " ".join(hour if w in HOUR_COUNTS else w for w in words)
    timed = around_asker_dropped(index, timed, lang)
    tokens = set(index.analyse(timed, lang).tokens)
    return timed if tokens and tokens <= index.lexicon.time_intents else None


def talked_about(index: FactIndex, text: str, mention: PlaceMention, lang: str) -> bool:
    """Whether a country or region after "по"/"за" and a noun, read as a clock only because
    the question asks for the hour somewhere before it ("во сколько переговоры по
    Казахстану"), is one the fact base talks about, and so the talks' topic: "во сколько
    переговоры по Украине". A time word or the hour right before "по" is a clock still."""
    words = mention.text.split()
    if mention.place.kind not in ("country", "region"):
        return False
    if words[0].lower() not in RECKONING_PREPOSITIONS:
        return False
    tokens = tokenize(text)
    at = _token_at(tokens, mention.start)
    if at is None or _TIME_WORD.search(mention.text):
        return False
    if time_word_before(tokens, at + 1) or clock_asked_before(tokens, at + 1):
        return False
    named = index.analyse(" ".join(words[1:]), lang)
    return bool(named.tokens) and not named.unknown


def _token_at(tokens: list[Token], offset: int) -> int | None:
    """The index of the first token at or after a character offset (a place's start)."""
    return next((k for k, token in enumerate(tokens) if token.start >= offset), None)
