"""A date asked in another calendar ("яка дата за юліанським календарем", "по старому стилю
это какое число", "какая дата по хиджре", "what's the date in the hebrew calendar"): the
question is read without the calendar's words, and its answer, where it is a timed fact's,
says first that day's date in that calendar, computed: the Julian by convertdate, the Hijri
by hijridate (Umm al-Qura, Saudi Arabia's official reckoning), the Hebrew by pyluach.
The calendars' words are data (knowledge/language/data/calendars.yaml); the sentences and
month names are in the locales (`calendar.*`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date
from convertdate import julian
from hijridate import Gregorian
from pyluach import dates as hebrew_dates
from pyluach import hebrewcal

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.text import normalize
from knowledge.model import LANGS

DATA = Path(__file__).resolve().parent.parent / "language" / "data" / "calendars.yaml"
ANSWERED = ("julian", "hijri", "hebrew")  # "gregorian" only says which the asker has
_WORD = re.compile(r"[\w'ʼ’-]+")


@dataclass(frozen=True)
class CalendarAsked:
    kind: str  # "julian", "hijri", "hebrew"
    rest: str  # the question without the calendars' words


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=len(LANGS))
def _last_words(lang: str) -> tuple[str, ...]:
    """The last word of each calendar's phrases in `lang`: a message with none of them names
    no calendar, and is not tried phrase by phrase."""
    phrases = [start for table in _data()["calendars"].values() for start in table.get(lang, [])]
    return tuple({normalize(start).split()[-1] for start in phrases})


def calendar_asked(text: str, lang: str) -> CalendarAsked | None:
    """The calendar a question asks the date in, and its words taken out; None if none (or
    two answered ones: "julian or hebrew?" is left as written)."""
    data = _data()
    words = [(m.start(), m.end(), normalize(m.group())) for m in _WORD.finditer(text)]
    # Every calendar's phrase ends in a word one of the message's words starts with.
    if not any(w.startswith(_last_words(lang)) for _, _, w in words):
        return None
    named: set[int] = set()
    kinds: set[str] = set()
    for kind, table in data["calendars"].items():
        for start in table.get(lang, []):
            parts = normalize(start).split()
            for i in range(len(words) - len(parts) + 1):
                said = [w for _, _, w in words[i : i + len(parts)]]
                if said[:-1] == parts[:-1] and said[-1].startswith(parts[-1]):
                    named.update(range(i, i + len(parts)))
                    kinds.add(kind)
    answered = [kind for kind in ANSWERED if kind in kinds]
    if len(answered) != 1:
        return None
    around = set(normalize(data["with_name"].get(lang, "")).split())
    cut = set(named)
    for i in sorted(named):  # "за юліанським календарем": the words around the name go too
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(words) and k not in cut and words[k][2] in around:
                cut.add(k)
                k += step
    rest, at = [], 0
    for i in sorted(cut):
        rest.append(text[at : words[i][0]])
        at = words[i][1]
    rest.append(text[at:])
    return CalendarAsked(answered[0], " ".join("".join(rest).split()))


def in_calendar(answer: Answer, kind: str) -> Answer:
    """The answer with its day in the calendar asked said first: the day where the question
    asks about it, else the source's. An answer with no time is left as it is."""
    asked = [line.moment for line in answer.times if line.role == "asked"]
    source = [line.moment for line in answer.times if line.role == "source"]
    moments = asked or source
    if not moments:
        return answer
    said, lead, lang = calendar_line(kind, moments[0], answer.lang), answer.lead, answer.lang
    for verdict in (ANSWERS("answer.yes", lang), ANSWERS("answer.no", lang)):
        if lead.startswith(f"{verdict} "):  # "Так." on the day claimed stays first
            return replace(answer, lead=f"{verdict} {said} {lead.removeprefix(verdict + ' ')}")
    return replace(answer, lead=f"{said} {lead}")


def calendar_line(kind: str, when: datetime, lang: str) -> str:
    """ "By the Julian calendar (old style), that day is 24 November 2021."; the Hijri and
    Hebrew days begin at sunset, which the evening after says."""
    day = when.date()
    if kind == "julian":
        year, month, number = julian.from_gregorian(day.year, day.month, day.day)
        return ANSWERS(
            "calendar.julian", lang, date=format_date(date(year, month, number), "d MMMM y", lang)
        )
    return ANSWERS(
        f"calendar.{kind}", lang, date=_lunar(kind, day, lang),
        next=_lunar(kind, day + timedelta(days=1), lang),
    )  # fmt: skip


def _lunar(kind: str, day: date, lang: str) -> str:
    if kind == "hijri":
        year, month, number = Gregorian(day.year, day.month, day.day).to_hijri().datetuple()
        names = ANSWERS("calendar.hijri_months", lang).split("|")
        return ANSWERS("calendar.hijri_date", lang, day=number, month=names[month - 1], year=year)
    found = hebrew_dates.GregorianDate(day.year, day.month, day.day).to_heb()
    year, month, number = found.year, found.month, found.day
    # Months from Nisan (1); Adar is 12 in a common year, Adar I and Adar II (12, 13) in a
    # leap one, named after the twelve (the 13th and 14th names).
    names = ANSWERS("calendar.hebrew_months", lang).split("|")
    leap = month >= 12 and hebrewcal.Year(year).leap
    name = names[month] if leap else names[month - 1]
    return ANSWERS("calendar.hebrew_date", lang, day=number, month=name, year=year)
