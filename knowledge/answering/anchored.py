"""Whether the call is before, after or within an anchor a question places it against ("це до
відкриття біржі в нью-йорку?", "до обіду за києвом?", "встигнуть до вечірніх новин о сьомій
по києву?"): the call's time on the anchor's own clock (Wall Street's is New York's) or the
place asked about, held against the anchor's hours (language/anchors.py, data/anchors.yaml).
Only hours the data or the question gives settle it; else the answer is the time alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from knowledge.answering.moments import claims_in
from knowledge.language.anchors import AFTER, BEFORE, Anchor, placed_in
from knowledge.language.lexicon import Calendar

DAY = 24 * 60


@dataclass(frozen=True)
class Anchored:
    verdict: bool | None  # None: the anchor named, but nothing settles it


def anchored(
    normalized: str,
    lang: str,
    calendar: Calendar,
    stopwords: frozenset[str],
    moments: Sequence[datetime],
) -> Anchored | None:
    """The verdict on the anchor the question names; None when it names none."""
    placed = placed_in(normalized)
    if placed is None:
        return None
    if placed.offered or not moments:  # "до открытия биржи или после": which, not yes or no
        return Anchored(None)
    anchor = placed.anchor
    when = moments[0]
    if anchor.zone:
        when = when.astimezone(ZoneInfo(anchor.zone))
    span = _span(anchor, when, normalized, lang, calendar, stopwords)
    if span is None:
        return Anchored(None)
    start, end = span
    minute = when.hour * 60 + when.minute
    if placed.relation == BEFORE:
        return Anchored(minute < start)
    if placed.relation == AFTER:
        return Anchored(minute >= end)
    return Anchored(minute == start if start == end else start <= minute < end)


def _span(
    anchor: Anchor,
    when: datetime,
    normalized: str,
    lang: str,
    calendar: Calendar,
    stopwords: frozenset[str],
) -> tuple[int, int] | None:
    """The anchor's minutes that day: its own, its opening in the zone asked about, or the
    hour the question gives it within its window ("вечірні новини о сьомій" is 19:00)."""
    if anchor.span is not None:
        return anchor.span
    if anchor.by_zone:
        key = getattr(when.tzinfo, "key", None)
        opening = dict(anchor.by_zone).get(key) if key else None
        return None if opening is None else (opening, opening)
    if anchor.window is None:
        return None
    claims = claims_in(normalized, lang, calendar, stopwords)
    low, high = anchor.window
    said = {
        hour * 60 + (claims.minute or 0)
        for hour in claims.hours
        if low <= hour * 60 + (claims.minute or 0) < high
    }
    if len(said) != 1:
        return None
    moment = said.pop() % DAY
    return moment, moment
