"""The lexicon's calendar (words.yaml `calendar`): weekdays, months, hours and their
spelled forms, parts of the day, holidays and the words of a countdown, read and checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.language.lexicon import Calendar
from knowledge.language.lexicon_checks import (
    LexiconInvalid,
    phrases_per_language,
    texts_per_language,
)
from knowledge.language.minute_words import MinutePhrases, load_minute_phrases
from knowledge.language.text import normalize
from knowledge.model import LANGS


def read_calendar(data: Any, path: Path) -> Calendar:
    data = data or {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: calendar: expected a mapping")

    def names(section: str, count: int, first: int) -> dict[str, int]:
        table = data.get(section) or {}
        ok = isinstance(table, dict) and not set(table) - set(LANGS)
        if not ok or not all(
            isinstance(forms, list)
            and len(forms) == count
            and all(isinstance(f, str) for f in forms)
            for forms in table.values()
        ):
            raise LexiconInvalid(
                f"{path.name}: calendar: {section}: expected {count} names per language"
            )
        return {
            normalize(form): number
            for forms in table.values()
            for number, text in enumerate(forms, start=first)
            for form in text.split()
        }

    def phrases(section: str) -> tuple[str, ...]:
        table = phrases_per_language(data.get(section), path, f"calendar: {section}")
        found = {normalize(p) for ps in table.values() for p in ps}
        return tuple(sorted(found, key=lambda p: (-len(p), p)))  # longest first

    def words(section: str) -> frozenset[str]:
        texts = texts_per_language(data.get(section), path, f"calendar: {section}")
        return frozenset(w for text in texts.values() for w in normalize(text).split())

    spans = data.get("day_part_hours") or []
    if not (
        isinstance(spans, list)
        and all(
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(h, int) and 0 <= h < 24 for h in span)
            for span in spans
        )
    ):
        raise LexiconInvalid(f"{path.name}: calendar: day_part_hours: expected [from, to] hours")
    part_hours = [
        frozenset(h % 24 for h in range(start, end if end > start else end + 24))
        for start, end in spans
    ]
    parts = names("day_parts", len(part_hours), 0) if part_hours else {}

    months = names("months", 12, 1)
    month_first = data.get("month_first") or []
    if not isinstance(month_first, list) or not set(month_first) <= set(LANGS):
        raise LexiconInvalid(f"{path.name}: calendar: month_first: expected a list of languages")
    # A short form is the start of its month's full name, the first form ("бер" of "березень").
    named = [normalize(t).split() for forms in (data.get("months") or {}).values() for t in forms]
    return Calendar(
        weekdays=names("weekdays", 7, 0),
        months=months,
        abbreviations=frozenset(
            form for full, *short in named for form in short if full.startswith(form)
        ),
        lookalikes=words("month_lookalikes"),
        month_first=frozenset(month_first),
        hours={**names("hours", 12, 1), **names("late_hours", 8, 13)},
        days=names("days", 20, 1),
        at=words("at"),
        afternoon=words("afternoon"),
        morning=words("morning"),
        ordinal=words("ordinal"),
        military=words("military") if data.get("military") else frozenset(),
        hour_marks=words("hour_marks") if data.get("hour_marks") else frozenset(),
        roman_months=_roman_months(data.get("roman_months"), path),
        day_parts={form: part_hours[number] for form, number in parts.items()},
        named_hours={form: (12, 0)[n] for form, n in names("named_hours", 2, 0).items()}
        if data.get("named_hours")
        else {},
        counted=words("counted"),
        # today, tomorrow, yesterday: 0, 1, -1 days from the clock's
        relative_days={
            form: (0, 1, -1)[n] for form, n in names("relative_days", 3, 0).items()
        },
        on_the_hour=words("on_the_hour") if data.get("on_the_hour") else frozenset(),
        holidays=words("holidays") if data.get("holidays") else frozenset(),
        holiday_placers=words("holiday_placers") if data.get("holiday_placers") else frozenset(),
        day_relations=words("day_relations") if data.get("day_relations") else frozenset(),
        texted_to=words("texted_to") if data.get("texted_to") else frozenset(),
        weekday_ordinals=names("weekday_ordinals", 5, 1) if data.get("weekday_ordinals") else {},
        now=phrases("now"),
        countdown=phrases("countdown"),
        now_hour_words=words("now_hour_words") if data.get("now_hour_words") else frozenset(),
        minute_phrases=_minute_phrases(data.get("minute_phrases"), path),
        hour_forms=names("hour_forms", 12, 1) if data.get("hour_forms") else {},
        day_shifts=_day_shifts(data.get("day_shifts"), path),
    )


def _roman_months(data: Any, path: Path) -> dict[str, int]:
    """`roman_months`: the twelve months in Roman numerals, January first."""
    if data is None:
        return {}
    if not (isinstance(data, list) and len(data) == 12 and all(isinstance(r, str) for r in data)):
        raise LexiconInvalid(f"{path.name}: calendar: roman_months: expected twelve numerals")
    return {numeral.casefold(): number for number, numeral in enumerate(data, start=1)}


def _day_shifts(data: Any, path: Path) -> tuple[tuple[str, int], ...]:
    """`day_shifts`: per language, [phrases of the same day, phrases of the next day]."""
    table = data or {}
    if not isinstance(table, dict) or set(table) - set(LANGS):
        raise LexiconInvalid(f"{path.name}: calendar: day_shifts: expected phrases per language")
    found: dict[str, int] = {}
    for kinds in table.values():
        if not (isinstance(kinds, list) and len(kinds) == 2):
            raise LexiconInvalid(f"{path.name}: calendar: day_shifts: expected two lists")
        for shift, phrases in enumerate(kinds):
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise LexiconInvalid(f"{path.name}: calendar: day_shifts: expected phrases")
            found.update({normalize(p): shift for p in phrases})
    return tuple(sorted(found.items(), key=lambda item: (-len(item[0]), item[0])))


def _minute_phrases(data: Any, path: Path) -> MinutePhrases:
    try:
        return load_minute_phrases(data)
    except ValueError as exc:
        raise LexiconInvalid(f"{path.name}: calendar: {exc}") from None
