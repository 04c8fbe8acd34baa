"""Dates and times a yes/no question puts forward ("is it on monday?", "dec 7?", "в 17:00?",
"5pm?"), held against the time of the event that answers it: the event's own time says yes
or no, not how alike the question is to one the fact says yes to ("is it on monday?" reads
like "is it on tuesday?"). The names are data (words.yaml `calendar`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from knowledge.language.clock_words import day_named, hour_named, spelt_hours
from knowledge.language.lexicon import Calendar
from knowledge.language.text import reduce_word


@dataclass(frozen=True)
class Claims:
    weekdays: frozenset[int] = frozenset()
    day: int | None = None
    month: int | None = None
    hours: frozenset[int] = frozenset()  # "at 5" could be 5 or 17
    minute: int | None = None
    # "tonight", "завтра": days from the asker's today (0, 1, -1)
    relative: int | None = None
    # "the second tuesday": which of the month's weekdays (1-4, 5 the last)
    nth: int | None = None
    # A day placed against a holiday or another day ("на Николу или раньше?", "first
    # tuesday or second?"): no plain yes or no.
    placed: bool = False
    # Two days, weekdays, months or hours named ("monday or tuesday?", "(a) 1 December (b) 7
    # December"): the asker offers a choice, which no "yes" answers.
    offered: bool = False
    # "past midnight", "already the next day": days after the source's date (0 or 1) the
    # date where the question asks about it is claimed to be.
    shift: int | None = None

    def __bool__(self) -> bool:
        return bool(self.weekdays or self.day or self.month or self.hours) or (
            self.relative is not None or self.shift is not None
        )


def claims_in(normalized: str, lang: str, calendar: Calendar, stopwords: frozenset[str]) -> Claims:
    """The date and time a question names; none for "monday or tuesday?" (it asks which)."""
    normalized, shift = _day_shift(normalized, calendar)
    words = spelt_hours(normalized.split(), calendar)

    def named(word: str, table: Mapping[str, int]) -> int | None:
        for form in (word, reduce_word(word, lang)):
            if form in table:
                return table[form]
        return None

    weekdays: set[int] = set()
    months: dict[int, int] = {}
    for i, word in enumerate(words):
        weekday = named(word, calendar.weekdays)
        if weekday is not None:
            weekdays.add(weekday)
        month = calendar.months.get(word)
        if month is None:
            month = calendar.month_by_base(reduce_word(word, lang))
        if month is not None:
            months[i] = month
    minute = None
    days: set[int] = set()
    hours: frozenset[int] = frozenset()
    said_hours = 0
    for i in range(len(words)):
        named_day = day_named(words, i, calendar)
        if named_day is not None:
            days.add(named_day.day)
            continue
        hour = hour_named(words, i, calendar)
        if hour is not None:
            hours, said_hours = hour.hours, said_hours + 1
            if hour.minute is not None:
                minute = hour.minute
    relative = {calendar.relative_days[word] for word in words if word in calendar.relative_days}
    nths = calendar.weekday_ordinals
    ordinals = {nths[word] for word in words if word in nths}
    placed = len(ordinals) > 1 or any(
        word in calendar.holidays
        or (word in calendar.day_relations and word not in nths)
        for word in words
    )
    parts = {calendar.day_parts[word] for word in words if word in calendar.day_parts}
    if not hours and len(parts) == 1:
        hours = next(iter(parts))  # "у нас уже ночь будет?": the night's hours
    # "may" beside no number is the verb, not the month.
    month_claims = {
        month
        for i, month in months.items()
        if (words[i] not in stopwords and words[i] not in calendar.lookalikes)
        or any(0 <= j < len(words) and words[j].isdigit() for j in (i - 1, i + 1))
    }
    return Claims(
        weekdays=frozenset(weekdays) if len(weekdays) == 1 else frozenset(),
        # "still the 7th or already the 8th?" asks which, as two weekdays do.
        day=next(iter(days)) if len(days) == 1 else None,
        month=next(iter(month_claims)) if len(month_claims) == 1 else None,
        hours=hours,
        minute=minute,
        # "today or tomorrow?" asks which
        relative=next(iter(relative)) if len(relative) == 1 else None,
        nth=next(iter(ordinals)) if len(ordinals) == 1 and len(weekdays) == 1 else None,
        placed=placed,
        offered=max(len(weekdays), len(days), len(month_claims), len(relative), said_hours) > 1,
        shift=shift,
    )


def _day_shift(normalized: str, calendar: Calendar) -> tuple[str, int | None]:
    """The text less the day-shift phrase it names ("past midnight": its "midnight" is no
    hour claimed), and the shift (None where none, or two that differ)."""
    padded, shifts = f" {normalized} ", set()
    for phrase, shift in calendar.day_shifts:
        if f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", " ")
            shifts.add(shift)
    return padded.strip(), next(iter(shifts)) if len(shifts) == 1 else None


def holds(
    claims: Claims,
    moments: Sequence[datetime],
    now: datetime | None = None,
    origin: datetime | None = None,
) -> bool | None:
    """Whether the named date and time is the event's: its date where it is asked about (the
    first moment), its hour in any of the zones the answer speaks of; a day named relative
    to today ("is it tonight?") by `now` there; "past midnight" by the source's date
    (`origin`); None if none named (or a relative day and no clock, a shift and no origin)."""
    if not claims or not moments:
        return None
    when = moments[0]
    if claims.shift is not None:
        if origin is None:
            return None
        if (when.date() - origin.date()).days != claims.shift:
            return False
    if claims.relative is not None:
        if now is None:
            return None
        today = now.astimezone(when.tzinfo).date()
        if when.date() != today + timedelta(days=claims.relative):
            return False
    if claims.weekdays and when.weekday() not in claims.weekdays:
        return False
    if claims.nth is not None and claims.nth != _nth_weekday(when):
        return False
    if claims.day is not None and when.day != claims.day:
        return False
    if claims.month is not None and when.month != claims.month:
        return False
    if claims.hours:
        return any(
            m.hour in claims.hours and (claims.minute is None or m.minute == claims.minute)
            for m in moments
        )
    return True


def _nth_weekday(when: datetime) -> int:
    """Which of its month's weekdays a day is, 1-4, or 5 where it is the month's last."""
    if (when + timedelta(days=7)).month != when.month:
        return 5
    return (when.day - 1) // 7 + 1
