"""Dates written in figures ("1.12", "07.12.2021", "12/7", ISO "2021-12-07") read as a day
and a month, not as the clock time 1:12: each is spelt out as its day and its month's name
before the question is read, so the readers of days and months (reading.py, dated.py, moments.py)
meet it as they meet "1 December". A clock time stays one: with a colon ("17:00"), where
the second number cannot be a month ("17.00", "5.30"), after a word of `at` ("в 5.30", "at
1.12") or before one of `afternoon`, `morning` ("1.12 pm")."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.language.lexicon import Calendar

# Two or three numbers joined by one kind of separator, not inside a longer run of figures
# ("UTC+5.30", "1.5.2.3") nor a decimal with one figure after the point ("1.5 hours").
_NUMERIC = re.compile(
    r"(?<![\d.,:/+\-−])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d]|[.,:/]\d)"
)
# An ISO date ("2021-12-07"): year, month, day, one way only.
_ISO = re.compile(r"(?<![\d.,:/+\-−])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d]|[.,:/\-]\d)")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_WORD_AFTER = re.compile(r"^\W*(\w+)")

@lru_cache(maxsize=4)
def _roman_pattern(numerals: frozenset[str]) -> re.Pattern[str]:
    """A day's number, a dot, slash or dash, and a month in Roman numerals ("1.XII")."""
    alternatives = "|".join(sorted(numerals, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,:/])(\d{{1,2}})[./-]({alternatives})(?!\w|\.\w)", re.IGNORECASE)


def spell_dates(text: str, lang: str, calendar: Calendar) -> str:
    """The text with every date in figures spelt as "day month [year]"; clock times and
    numbers that cannot be a date left as written."""
    if calendar.roman_months:
        text = _roman_spelt(text, calendar)
    if not calendar.months or not (_NUMERIC.search(text) or _ISO.search(text)):
        return text
    names: dict[int, str] = {}
    for form, number in calendar.months.items():
        names.setdefault(number, form)

    def iso(found: re.Match[str]) -> str:
        year, month, day = (int(part) for part in found.groups())
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return found.group(0)
        return f"{day} {names[month]} {year}"

    text = _ISO.sub(iso, text)

    def spelt(found: re.Match[str]) -> str:
        first, sep, second, year = found.groups()
        if sep == "." and not year and len(second) < 2:
            return found.group(0)  # "1.5 hours"
        if sep == "." and not year and _a_clock(text, found, calendar):
            return found.group(0)
        month_first = sep == "/" and lang in calendar.month_first
        day_month = _day_month(int(first), int(second), slash=sep == "/", month_first=month_first)
        if day_month is None:
            return found.group(0)
        day, month = day_month
        if year and len(year) == 2:
            year = f"20{year}"  # "7.12.21": a lone "21" beside a month would read as a day
        return " ".join(filter(None, (str(day), names[month], year)))

    return _NUMERIC.sub(spelt, text)


def _roman_spelt(text: str, calendar: Calendar) -> str:
    """The text with "1.XII", "16.VI" spelt as "1 December", "16 June"."""
    if not any(ch.isdigit() for ch in text):
        return text
    pattern = _roman_pattern(frozenset(calendar.roman_months))
    names: dict[int, str] = {}
    for form, number in calendar.months.items():
        names.setdefault(number, form)

    def spelt(found: re.Match[str]) -> str:
        if len(found[2]) == 1 and found[2].islower():
            return found.group(0)  # "3.x", "1.v": a version, not March or May
        day, numeral = int(found[1]), calendar.roman_months[found[2].casefold()]
        return f"{day} {names[numeral]}" if 1 <= day <= 31 else found.group(0)

    return pattern.sub(spelt, text)


def _a_clock(text: str, found: re.Match[str], calendar: Calendar) -> bool:
    """Whether the words around a "1.12" say it is a time: "at 1.12", "1.12 pm"."""
    before = _WORD_BEFORE.search(text[: found.start()])
    after = _WORD_AFTER.search(text[found.end() :])
    return bool(
        (before and before.group(1).lower() in calendar.at)
        or (after and after.group(1).lower() in calendar.afternoon | calendar.morning)
    )


def _day_month(
    first: int, second: int, *, slash: bool, month_first: bool
) -> tuple[int, int] | None:
    """Day and month from two numbers: dots are day first everywhere; a slash in the order
    the question's language writes it (`month_first`: words.yaml calendar), else the other
    when only that one is a date ("25/12" in English, "12/25" in Russian); None when neither
    is a date."""
    as_written, swapped = (first, second), (second, first)
    if not slash:
        orders: tuple[tuple[int, int], ...] = (as_written,)
    elif month_first:
        orders = (swapped, as_written)
    else:
        orders = (as_written, swapped)
    return next(((d, m) for d, m in orders if 1 <= d <= 31 and 1 <= m <= 12), None)
