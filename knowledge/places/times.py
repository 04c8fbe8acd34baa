"""Rendering moments for people: localized dates (Babel/CLDR), UTC offsets, city names, tense.

All arithmetic is zoneinfo's (DST-correct for the date in question); this module only says
the result in the reader's language.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache

from babel.dates import format_date, format_time, format_timedelta, get_timezone_location

from knowledge.places.zones import get_zone

# en_GB: day before month and a 24-hour clock, like the source and most readers outside the US.
BABEL_LOCALES = {"en": "en_GB", "ru": "ru", "uk": "uk"}


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, "en_GB")


def format_moment(moment: datetime, lang: str) -> str:
    """'Tuesday, 7 December 2021, 17:00' / 'вторник, 7 декабря 2021 г., 17:00'."""
    locale = babel_locale(lang)
    date = format_date(moment, "full", locale=locale)
    return f"{date}, {format_time(moment, 'HH:mm', locale=locale)}"


def day_period(moment: datetime, lang: str) -> str:
    """The hour on a 12-hour clock with its part of the day, CLDR's day periods: '6 in the
    evening' / '6 вечера' / '6 вечора', '12 midnight' / '12 полночь'."""
    return format_time(moment, "h BBBB", locale=babel_locale(lang))


def utc_offset(moment: datetime) -> str:
    """'UTC+2', 'UTC+5:30', 'UTC−5' (a real minus sign), 'UTC' for zero."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# Babel's lookup walks its locale data on each call (~25 µs); an answer with times asks for
# two or three cities, and zones and languages are few.
@lru_cache(maxsize=512)
def zone_city(zone_key: str, lang: str) -> str:
    """The CLDR exemplar city of an IANA zone in the reader's language ('Киев', 'Нью-Йорк')."""
    try:
        return get_timezone_location(
            get_zone(zone_key), locale=babel_locale(lang), return_city=True
        )
    except (KeyError, LookupError):
        return zone_key


def relative(moment: datetime, now: datetime, lang: str) -> str:
    """'5 years ago' / 'через 3 дня', for saying an event is past or still to come."""
    return format_timedelta(
        moment - now, add_direction=True, granularity="minute", locale=babel_locale(lang)
    )


def utc_now() -> datetime:
    return datetime.now(UTC)
