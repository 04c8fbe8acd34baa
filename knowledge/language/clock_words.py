"""Dates and hours as people write them, read as what they ask: a day of the month as the
date asked about ("7th", "dec 8", "восьмого числа" → @day), an hour in words or figures as
the time asked about ("at five", "5 pm", "17:00", "1700hrs" → @time), a holiday after a word
that places a day by it as a day named ("на Николу" → @weekday). The words are the lexicon's
calendar (data/words.yaml); reading.py reads every question through `clock_read`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.language.lexicon import Calendar
from knowledge.language.minute_words import minutes_read
from knowledge.language.text import CYRILLIC, reduce_word

# An hour the question names ("at 5", "17:00", "пять вечера") asks about a time: which
# hour is the event's to say (knowledge/answering/moments.py), as a weekday's is.
HOUR = "@time"


# Four figures that may be an hour in military time ("1700", "0930", "1800h").
_MILITARY = re.compile(r"([01]\d|2[0-3])([0-5]\d)([a-z]*)")


def military_hours(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with an hour in military time as its hour and minutes ("1700 hrs",
    "1800h" → "17 00"): before a word of `military`, after a word of `at` ("в 1700 по
    Києву"), or on the hour or half hour ending the question ("it's what, 1800?"); a year
    (1900-2099) only before a word of `military`, and four figures otherwise stay a number."""
    if not calendar.military or not any(len(w) >= 4 and w[:4].isdigit() for w in words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        found = _MILITARY.fullmatch(words[i])
        if found is None or (found[3] and found[3] not in calendar.military):
            out.append(words[i])
            i += 1
            continue
        hour, minute, suffix = found.groups()
        after = words[i + 1] if i + 1 < len(words) else ""
        marked = bool(suffix) or after in calendar.military
        yearlike = hour in ("19", "20")
        bare = i + 1 == len(words) and minute in ("00", "30")
        if marked or (not yearlike and ((i and words[i - 1] in calendar.at) or bare)):
            out += [hour.lstrip("0") or "0", minute]
            i += 2 if after in calendar.military and not suffix else 1
        else:
            out.append(words[i])
            i += 1
    return out


# An hour with no minutes after its mark ("17h", "17 ч.") is read only from 13: "2 h",
# "через 5 ч" more often count hours than name one.
_MARKED_ALONE = range(13, 24)


def marked_hours(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with an hour written with its mark as its hour and minutes: "17 h
    00", "17 ч 00" → "17 00"; "17 h", "17 ч" → "17 00" for an afternoon hour (13-23)."""
    marks = calendar.hour_marks
    if not marks or not any(word in marks for word in words):
        return words
    out: list[str] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        hour = int(before) if before.isdigit() and len(before) <= 2 else None
        if word not in marks or hour is None or hour > 23:
            out.append(word)
        elif len(after) == 2 and after.isdigit() and int(after) < 60:
            continue  # "17 h 00": the minutes follow
        elif hour in _MARKED_ALONE:
            out.append("00")
        else:
            out.append(word)
    return out


def spelt_hours(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with an hour written in words as its number where it stands for an
    hour: after "at", "о" ("at five", "о п'ятій") or before "pm", "вечера" ("пять вечера"),
    unless the word after is one it counts ("в двух словах": `counted`); noon and midnight
    as "12 00" and "0 00" wherever they stand ("12 noon" too); an hour in military time or
    with its mark as its hour and minutes ("1700 hrs": `military_hours`; "17h00":
    `marked_hours`), and one with minutes in words ("a quarter to six" → "5 45":
    minute_words.py)."""
    words = minutes_read(military_hours(marked_hours(words, calendar), calendar), calendar)
    hours, at = calendar.hours, calendar.at
    named = calendar.named_hours
    if not any(word in hours or word in named for word in words):
        return words
    after_hour = calendar.afternoon | calendar.morning | calendar.on_the_hour
    out: list[str] = []
    for i, word in enumerate(words):
        if word in named:
            if out and out[-1].isdigit():
                out.pop()  # "12 noon" is noon, not 12:12
            out += [str(named[word]), "00"]
        elif (
            word in hours
            and ((i and words[i - 1] in at) or (i + 1 < len(words) and words[i + 1] in after_hour))
            and not (i + 1 < len(words) and words[i + 1] in calendar.counted)
        ):
            out.append(str(hours[word]))
        else:
            out.append(word)
    return out


@dataclass(frozen=True)
class Hour:
    """An hour a question names: the hours it may be ("at 5" is 5 or 17), its minute, and
    how many words it takes (the number, and "pm" or the minutes after it)."""

    hours: frozenset[int]
    minute: int | None
    width: int


def hour_named(words: list[str], i: int, calendar: Calendar) -> Hour | None:
    """The hour `words[i]` names, if it is one: "5 pm", "5 утра", "17 00", "at 5"."""
    word = words[i]
    if not (word.isdigit() and len(word) <= 2):
        return None
    number = int(word)
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    if after in calendar.afternoon and 1 <= number <= 12:
        return Hour(frozenset({number % 12 + 12}), None, 2)
    if after in calendar.morning and number <= 12:
        return Hour(frozenset({number % 12}), None, 2)
    if after.isdigit() and len(after) == 2 and int(after) < 60 and number <= 24:
        return Hour(frozenset({number}), int(after), 2)
    if (before in calendar.at or after in calendar.on_the_hour) and number <= 24:
        return Hour(frozenset({number, number + 12} if 1 <= number < 12 else {number}), None, 1)
    return None


# A day of the month the question names ("dec 8", "8th", "восьмого числа") asks about a
# date: which day is the event's to say (knowledge/answering/moments.py), as an hour's is.
DAY = "@day"


def month_named(word: str, calendar: Calendar) -> bool:
    """Whether a normalised word is a month's name in any of its forms ("декабря", "грудня")."""
    if not word or word.isdigit():
        return False
    if word in calendar.months:
        return True
    langs = ("ru", "uk") if CYRILLIC.search(word) else ("en",)
    return any(calendar.month_by_base(reduce_word(word, lang)) for lang in langs)


@dataclass(frozen=True)
class Day:
    """A day of the month a question names, and how many words it takes ("8 числа": two)."""

    day: int
    width: int


def day_named(words: list[str], i: int, calendar: Calendar) -> Day | None:
    """The day `words[i]` names, if it is one: a number with its ordinal ending or beside a
    month ("8th", "dec 8"), or a day in words beside a month, before "числа" or ending the
    question ("восьмого декабря", "восьмого числа", "розмова шостого?")."""
    word = words[i]
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    if word.isdigit() and len(word) <= 2:
        number = int(word)
    elif word in calendar.days:
        number = calendar.days[word]
    else:
        return None
    if not 1 <= number <= 31:
        return None
    if after in calendar.ordinal:
        return Day(number, 2)
    beside_a_month = month_named(after, calendar) or month_named(before, calendar)
    if beside_a_month or (not word.isdigit() and i + 1 == len(words)):
        return Day(number, 1)
    return None


WEEKDAY = "@weekday"  # a day named: which day the event is


def clock_read(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with dates and times read as what they ask: a day of the month as
    the date asked about ("7th", "dec 8", "восьмого числа" → @day), an hour in words as its
    number ("at five" → 5), an hour as the time asked about ("5 pm", "17:00", "at 5" →
    @time)."""
    words = spelt_hours(words, calendar)
    out: list[str] = []
    i = 0
    while i < len(words):
        day = day_named(words, i, calendar)
        if day is not None:
            out.append(DAY)
            i += day.width
            continue
        hour = hour_named(words, i, calendar)
        if hour is not None:
            out.append(HOUR)
            i += hour.width
            continue
        out.append(words[i])
        i += 1
    return days_placed(out, calendar)


def days_placed(words: list[str], calendar: Calendar) -> list[str]:
    """Without the words that place a day against a named one ("после хануки или до?",
    "це перший вівторок грудня чи другий"): the day named is what is asked; and without
    the "2" texted for "to" before a relative day ("is it 2nite?")."""
    words = [WEEKDAY if _placed_holiday(words, i, calendar) else w for i, w in enumerate(words)]
    named = [
        i
        for i, word in enumerate(words)
        if word in calendar.weekdays or word in calendar.relative_days or word == WEEKDAY
    ]
    if not named:
        return words
    texted = {i - 1 for i in named if i and words[i - 1] in calendar.texted_to}
    return [
        word
        for i, word in enumerate(words)
        if i not in texted and word not in calendar.day_relations
    ]


def _placed_holiday(words: list[str], i: int, calendar: Calendar) -> bool:
    """Whether a holiday's name stands after a word that places a day by it ("на Николу",
    "до католического рождества"; the holiday's other words between)."""
    if words[i] not in calendar.holidays:
        return False
    j = i - 1
    while j >= 0 and words[j] in calendar.holidays:
        j -= 1
    return j >= 0 and words[j] in calendar.holiday_placers
