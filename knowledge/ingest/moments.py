"""Dates, times of day and zone hints in news text (en, ru, uk), and the year they fall in.

Month and weekday names come from CLDR (Babel); zone phrases ("по Киеву", "МСК",
"за київським часом", "ET", "UTC+3") are found by the patterns of rules.yaml and resolved
by the place resolver, so every zone name it knows works here too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_day_names, get_month_names

from knowledge.ingest.rules import rules
from knowledge.model import LANGS
from knowledge.places import zones
from knowledge.places.resolver import PlaceResolver

_APOSTROPHE = "['’ʼ]"
# The endings a weekday takes after a preposition ("в среду", "у п'ятницю", "во вторник").
_WEEKDAY_ENDINGS = "(?:а|у|ы|е|ю|я|ь|ой|і|и)"
_YEAR_WORDS = r"(?:\s*(?:года|году|г\.|гг\.|року|р\.))?"
_OFFSET_KEY = re.compile(r"^UTC([+-])(\d\d):(\d\d)$")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None = None  # 0 = Monday, as date.weekday(); named in the text
    weekday_text: str = ""


@dataclass(frozen=True)
class ZoneHint:
    key: str  # an IANA zone
    phrase: str  # the words that named it ("по Киеву")
    editor: bool = False  # inside an editor's note "(..., - ред.)"


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    hour: int
    minute: int
    zone: ZoneHint | None = None
    # The editor's conversion that follows: "18:00 (17:00 по Киеву, - ред.)".
    converted: tuple[int, int, ZoneHint] | None = None


def _norm(name: str) -> str:
    return name.casefold().rstrip(".").replace("ʼ", "'").replace("’", "'")


@lru_cache(maxsize=1)
def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for lang in LANGS:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, lang).items():
                    if len(_norm(name)) >= 3:
                        table[_norm(name)] = number
    return table


@lru_cache(maxsize=1)
def _month_pattern() -> str:
    names = sorted(_month_table(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n).replace("'", _APOSTROPHE) for n in names) + r")\.?"


@lru_cache(maxsize=1)
def _weekdays() -> tuple[re.Pattern[str], dict[str, int]]:
    stems: dict[str, int] = {}
    parts = []
    for lang in LANGS:
        for number, name in get_day_names("wide", "format", lang).items():
            name = _norm(name)
            if lang != "en" and name[-1] in "аяуюеь":
                stem = name[:-1]
                parts.append(re.escape(stem).replace("'", _APOSTROPHE) + _WEEKDAY_ENDINGS)
            else:
                stem = name
                parts.append(re.escape(stem).replace("'", _APOSTROPHE) + _WEEKDAY_ENDINGS + "?")
            stems[stem] = number
    pattern = re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)
    return pattern, stems


def _weekday_number(word: str) -> int | None:
    _, stems = _weekdays()
    word = _norm(word)
    for stem, number in sorted(stems.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    return None


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    months = _month_pattern()
    flags = re.IGNORECASE | re.UNICODE
    return (
        re.compile(
            rf"(?<![\d.:])(?P<day>\d{{1,2}})(?:-?(?:го|е|ого|st|nd|rd|th))?\s+(?:of\s+)?"
            rf"(?P<month>{months})(?:,?\s+(?P<year>\d{{4}}){_YEAR_WORDS})?(?![\w])",
            flags,
        ),
        re.compile(
            rf"\b(?P<month>{months})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>\d{{4}}))?",
            flags,
        ),
        re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})(?![\d.])"),
        re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])"),
    )


_TIME_24 = re.compile(r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])")
_TIME_DOTTED = re.compile(
    r"\b(?:в|во|о|об|с|з|до|at|from|until)\s+(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.])",
    re.IGNORECASE,
)
_TIME_12 = re.compile(
    r"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*"
    r"(?P<ampm>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
_TIME_HOURS = re.compile(
    r"\b(?:в|во|о|об|at)\s+(?P<h>[01]?\d|2[0-3])\s+(?:час(?:ов|а)?|годин[иі]?|o'clock)\b",
    re.IGNORECASE,
)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Calendar dates in text[start:end], with a weekday named beside them."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns():
        for m in pattern.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            month = (
                _month_table().get(_norm(m.group("month")))
                if "month" in pattern.groupindex
                else int(m.group("mnum"))
            )
            day = int(m.group("day"))
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            year = int(m.group("year")) if m.group("year") else None
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), day, month, year))
    weekday_pattern, _ = _weekdays()
    result = []
    for date in sorted(found, key=lambda d: d.start):
        near = [
            w
            for w in weekday_pattern.finditer(
                text, max(start, date.start - 25), min(end, date.end + 20)
            )
            if w.end() <= date.start or w.start() >= date.end
        ]
        if near:
            word = min(
                near, key=lambda w: min(abs(w.end() - date.start), abs(w.start() - date.end))
            )
            date = DateMention(
                date.start,
                date.end,
                date.day,
                date.month,
                date.year,
                _weekday_number(word.group()),
                word.group(),
            )
        result.append(date)
    return result


def _iana(place_key: str) -> str | None:
    """An IANA zone for a resolver key; a whole-hour offset becomes Etc/GMT∓N."""
    m = _OFFSET_KEY.match(place_key)
    if m:
        if m.group(3) != "00":
            return None
        hours = int(m.group(2))
        if hours == 0:
            return "UTC"
        # POSIX-style names: Etc/GMT-3 is UTC+3.
        return f"Etc/GMT{'-' if m.group(1) == '+' else '+'}{hours}"
    return place_key if zones.is_known_zone(place_key) else None


def zone_at(text: str, pos: int, end: int) -> tuple[ZoneHint, int] | None:
    """A zone phrase starting at `pos` (spaces, a comma or "(" skipped) and where it ends."""
    while pos < end and text[pos] in " \t,(":
        pos += 1
    best: tuple[str, int] | None = None
    for hint in rules().zone_hints:
        m = hint.match(text, pos, end)
        if m and (best is None or m.end() > best[1]):
            best = (m.group(), m.end())
    if best is None:
        return None
    phrase, stop = best
    place = PlaceResolver.default().resolve(phrase)
    key = _iana(place.key) if place else None
    if key is None:
        return None
    return ZoneHint(key, phrase), stop


def _editor_note(text: str, pos: int, end: int) -> bool:
    """Whether a parenthesis opening near `pos` is an editor's note ("(по Киеву, - ред.)")."""
    opening = text.find("(", pos, min(end, pos + 3))
    if opening < 0:
        return False
    closing = text.find(")", opening, end)
    inside = text[opening : closing if closing >= 0 else end]
    return bool(rules().editor_note.search(inside))


def find_times(text: str, start: int = 0, end: int | None = None) -> list[TimeMention]:
    """Times of day in text[start:end], each with the zone named after it, if any."""
    end = len(text) if end is None else end
    raw: list[tuple[int, int, int, int]] = []
    for pattern in (_TIME_12, _TIME_24, _TIME_DOTTED, _TIME_HOURS):
        for m in pattern.finditer(text, start, end):
            if any(m.start("h") < e and s < m.end() for s, e, _, _ in raw):
                continue
            hour = int(m.group("h"))
            minute = int(m.group("m") or 0) if "m" in pattern.groupindex else 0
            if "ampm" in pattern.groupindex:
                hour = hour % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            raw.append((m.start("h"), m.end(), hour, minute))
    raw.sort()
    result: list[TimeMention] = []
    skip_until = -1
    for index, (t_start, t_end, hour, minute) in enumerate(raw):
        if t_start < skip_until:
            continue
        limit = raw[index + 1][0] if index + 1 < len(raw) else end
        editor = _editor_note(text, t_end, end)
        zone = zone_at(text, t_end, limit)
        converted = None
        if zone is None and index + 1 < len(raw):
            # "18:00 (17:00 по Киеву, - ред.)": the next time, in brackets, with its zone.
            n_start, n_end, n_hour, n_minute = raw[index + 1]
            gap = text[t_end:n_start]
            if gap.strip() in ("(", "/", "—", "–", "-", "или", "або", "or"):
                limit_after = raw[index + 2][0] if index + 2 < len(raw) else end
                inner = zone_at(text, n_end, limit_after)
                if inner is not None:
                    hint = ZoneHint(inner[0].key, inner[0].phrase, editor)
                    converted = (n_hour, n_minute, hint)
                    skip_until = n_end
        if zone is not None:
            zone = (ZoneHint(zone[0].key, zone[0].phrase, editor), zone[1])
            if index + 1 < len(raw) and text[zone[1] : raw[index + 1][0]].strip() == "(":
                # "3 p.m. Kyiv time (8 a.m. ET)": the bracketed time is the same moment.
                skip_until = raw[index + 1][1]
        result.append(
            TimeMention(t_start, t_end, hour, minute, zone[0] if zone else None, converted)
        )
    return result


def convert_zone(
    day: dt.date, hour: int, minute: int, known: tuple[int, int, ZoneHint]
) -> str | None:
    """The zone in which hour:minute is the same moment as the known time in its zone."""
    k_hour, k_minute, hint = known
    moment = dt.datetime.combine(day, dt.time(k_hour, k_minute), zones.get_zone(hint.key))
    shift = dt.timedelta(hours=hour - k_hour, minutes=minute - k_minute)
    offset = (moment.utcoffset() or dt.timedelta(0)) + shift
    for name in rules().conversion_zones:
        if name == hint.key:
            continue
        local = dt.datetime.combine(day, dt.time(hour, minute), zones.get_zone(name))
        if local.utcoffset() == offset:
            return name
    minutes = int(offset.total_seconds() // 60)
    if minutes % 60:
        return None
    hours = minutes // 60
    return "UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


@dataclass(frozen=True)
class YearChoice:
    year: int
    how: str  # given | article | weekday | assumed
    others: tuple[int, ...] = ()  # other years the weekday also fits


def choose_year(dates: Iterable[DateMention], given: int | None, today: dt.date) -> YearChoice:
    """The year of the article's dates: given, else one the article states, else the year
    nearest today in which a named weekday falls on its date, else this year."""
    dates = list(dates)
    if given:
        return YearChoice(given, "given")
    stated = [d.year for d in dates if d.year]
    if stated:
        return YearChoice(max(set(stated), key=lambda y: (stated.count(y), y)), "article")
    for date in dates:
        if date.weekday is None:
            continue
        fits = [
            y
            for y in range(today.year - 30, today.year + 31)
            if _valid(y, date.month, date.day)
            and dt.date(y, date.month, date.day).weekday() == date.weekday
        ]
        if fits:
            # Nearest first; of two equally near, the past one (news mostly reports on it).
            fits.sort(key=lambda y: (abs(y - today.year), y > today.year))
            return YearChoice(fits[0], "weekday", tuple(fits[1:3]))
    return YearChoice(today.year, "assumed")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
