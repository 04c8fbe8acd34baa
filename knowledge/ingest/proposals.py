"""An article → fact proposals: one per fact-bearing clause, with kind, time and drafts.

The mechanical part of curating a new article; every proposal carries the notes an admin
must check (an inferred year, a zone taken from context). Nothing here writes anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from knowledge.i18n import ANSWERS
from knowledge.ingest import drafting
from knowledge.ingest.moments import (
    DateMention,
    TimeMention,
    YearChoice,
    choose_year,
    convert_zone,
    find_dates,
    find_times,
)
from knowledge.ingest.rules import rules
from knowledge.ingest.segments import Clause, clauses
from knowledge.language.text import detect_language
from knowledge.model import LANGS, TIME_FORMAT
from knowledge.places.times import babel_locale

MAX_BYTES = 1_000_000
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_OUR_LETTERS = re.compile(r"[A-Za-z\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", re.UNICODE)


class IngestError(Exception):
    """An article that cannot be read; `key` names its message in knowledge/locales."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        return ANSWERS(f"ingest.error.{self.key}", lang, **self.params)


@dataclass(frozen=True)
class Note:
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return ANSWERS(f"ingest.note.{self.key}", lang, **_localized(self.params, lang))


def _localized(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """Dates and weekday numbers said in the reader's language."""
    from babel.dates import format_date

    said = {}
    for name, value in params.items():
        if isinstance(value, dt.date):
            value = format_date(value, "long", locale=babel_locale(lang))
        elif name in ("said", "actual", "weekday") and isinstance(value, int):
            value = weekday_name(value, lang)
        said[name] = value
    return said


@dataclass
class Proposal:
    quote: str  # verbatim: article[start:end]
    start: int
    end: int
    paragraph: int
    kind: str
    event: dict[str, str] | None = None  # {"start": "YYYY-MM-DD HH:MM", "zone": IANA}
    questions: dict[str, list[str]] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    def to_json(self, note_lang: str = "en") -> dict[str, Any]:
        return {
            "quote": self.quote,
            "kind": self.kind,
            "event": self.event,
            "questions": self.questions,
            "text": self.text,
            "notes": [n.render(note_lang) for n in self.notes],
        }


@dataclass
class Proposals:
    lang: str
    year: YearChoice
    publisher_zone: str
    items: list[Proposal]


def decode_article(data: bytes) -> str:
    """The text of an uploaded article, or IngestError (binary, empty, too large)."""
    if len(data) >= MAX_BYTES:
        raise IngestError("too_large", limit="1 MB")
    if b"\x00" in data:
        raise IngestError("binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError("binary") from None
    check_article(text)
    return text


def check_article(text: str) -> None:
    if len(text.encode("utf-8")) >= MAX_BYTES:
        raise IngestError("too_large", limit="1 MB")
    if not text.strip():
        raise IngestError("empty")
    controls = sum(1 for ch in text if not ch.isprintable() and ch not in "\n\r\t")
    if controls > max(3, len(text) // 100):
        raise IngestError("binary")


def article_language(text: str) -> str:
    """en, ru or uk; IngestError when the text is in none of them."""
    letters = _LETTERS.findall(text)
    if not letters:
        raise IngestError("language")
    lang = detect_language(text[:20_000])
    words = [w.casefold() for w in _WORD.findall(text[:20_000])]
    common = rules().common_words[lang]
    share = sum(w in common for w in words) / max(len(words), 1)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)
    if lang in ("ru", "uk"):
        script_ok = cyrillic > 0.5
    else:
        accented = sum(not ch.isascii() for ch in letters) / len(letters)
        script_ok = accented < rules().max_accented_share_en
    if share < rules().min_common_share or not script_ok:
        raise IngestError("language")
    return lang


def propose(
    article: str,
    lang: str | None = None,
    year: int | None = None,
    publisher_zone: str | None = None,
    today: dt.date | None = None,
) -> Proposals:
    """Proposals for every fact-bearing clause; IngestError for an unreadable article."""
    check_article(article)
    if lang is not None and lang not in LANGS:
        raise IngestError("language")
    parts = clauses(article)
    if not parts:
        raise IngestError("nothing" if _OUR_LETTERS.search(article) else "language")
    # Checked even when the language is given: German declared "en" is still German.
    detected = article_language(article)
    lang = lang or detected
    today = today or dt.date.today()
    dates = {id(c): find_dates(article, c.start, c.end) for c in parts}
    times = {id(c): find_times(article, c.start, c.end) for c in parts}
    all_dates = [d for c in parts for d in dates[id(c)]]
    year_choice = choose_year(all_dates, year, today)
    zone, zone_note = _publisher_zone(
        publisher_zone, [t for c in parts for t in times[id(c)]], lang
    )
    reader = _Reader(article, lang, year_choice, zone, zone_note, all_dates)
    items: list[Proposal] = []
    for clause in parts:
        items.extend(reader.read(clause, dates[id(clause)], times[id(clause)]))
    return Proposals(lang, year_choice, zone, items)


def _publisher_zone(given: str | None, times: list[TimeMention], lang: str) -> tuple[str, Note]:
    if given:
        return given, Note("zone_publisher_given", {"zone": given})
    editors = [t.zone for t in times if t.zone and t.zone.editor]
    editors += [t.converted[2] for t in times if t.converted and t.converted[2].editor]
    if editors:
        hint = Counter(h.key for h in editors).most_common(1)[0][0]
        phrase = next(h.phrase for h in editors if h.key == hint)
        return hint, Note("zone_publisher_editor", {"zone": hint, "phrase": phrase})
    zone = rules().default_zone[lang]
    return zone, Note("zone_publisher_default", {"zone": zone, "lang": lang})


class _Reader:
    """Turns clauses into proposals, remembering the date the last timed event had."""

    def __init__(
        self,
        article: str,
        lang: str,
        year: YearChoice,
        zone: str,
        zone_note: Note,
        all_dates: list[DateMention],
    ) -> None:
        self.article, self.lang, self.year = article, lang, year
        self.zone, self.zone_note = zone, zone_note
        self.event_date: DateMention | None = None
        counts = Counter((d.month, d.day) for d in all_dates)
        self.common_date = (
            next(d for d in all_dates if (d.month, d.day) == counts.most_common(1)[0][0])
            if all_dates
            else None
        )

    def read(
        self, clause: Clause, dates: list[DateMention], times: list[TimeMention]
    ) -> list[Proposal]:
        if clause.role == "attribution":
            return [self._draft(clause, "attribution")]
        if times:
            return [self._timed(clause, dates, times)]
        kind = _kind(clause.text)
        found = []
        if kind is None:
            kind = "date" if dates else "statement"
        if kind == "date" and dates:
            found.append(self._dated(clause, clause.start, clause.end, dates[0]))
        else:
            found.append(self._draft(clause, kind))
            # A date named with its weekday fixes the day: its own, narrow proposal.
            for date in dates:
                if date.weekday is not None:
                    start = min(date.start, self._weekday_start(clause, date))
                    found.append(self._dated(clause, start, date.end, date))
        return found

    def _weekday_start(self, clause: Clause, date: DateMention) -> int:
        position = self.article.rfind(date.weekday_text, clause.start, date.start)
        if position < 0:
            return date.start
        # "во вторник, 7 декабря": take the preposition too.
        before = self.article[clause.start : position].rstrip()
        last = before.rsplit(" ", 1)[-1]
        if last.casefold() in ("в", "во", "у", "on", "в", "this", "next"):
            return position - (len(self.article[clause.start : position]) - len(before)) - len(last)
        return position

    def _day(self, date: DateMention) -> tuple[dt.date | None, list[Note]]:
        notes: list[Note] = []
        year = date.year or self.year.year
        try:
            day = dt.date(year, date.month, date.day)
        except ValueError:
            return None, [Note("bad_date", {"date": f"{date.day}.{date.month}.{year}"})]
        if not date.year:
            notes.append(self._year_note(day))
        if date.weekday is not None:
            if day.weekday() != date.weekday:
                notes.append(
                    Note(
                        "weekday_mismatch",
                        {"said": date.weekday, "day": day, "actual": day.weekday()},
                    )
                )
            else:
                notes.append(Note("weekday_ok", {"day": day, "weekday": day.weekday()}))
        return day, notes

    def _year_note(self, day: dt.date) -> Note:
        how = self.year.how
        others = ", ".join(str(y) for y in self.year.others)
        return Note(f"year_{how}", {"year": day.year, "others": others or "-"})

    def _timed(
        self, clause: Clause, dates: list[DateMention], times: list[TimeMention]
    ) -> Proposal:
        time = times[0]
        notes: list[Note] = []
        date = next((d for d in dates if d.start < time.start), dates[0] if dates else None)
        if date is None:
            date = self.event_date or self.common_date
            if date is not None:
                text = self.article[date.start : date.end].rstrip(".")
                notes.append(Note("date_elsewhere", {"date": text}))
        proposal = self._draft(clause, "event-time")
        if date is None:
            proposal.notes.append(Note("no_date"))
            return proposal
        self.event_date = date
        day, day_notes = self._day(date)
        notes += day_notes
        if day is None:
            proposal.notes += notes
            return proposal
        if time.zone is not None:
            zone = time.zone.key
            notes.append(Note("zone_named", {"phrase": time.zone.phrase, "zone": zone}))
        elif time.converted is not None:
            inferred = convert_zone(day, time.hour, time.minute, time.converted)
            hour, minute, hint = time.converted
            if inferred is None:
                zone = hint.key
                notes.append(Note("zone_unknown_conversion", {"phrase": hint.phrase}))
                time = TimeMention(time.start, time.end, hour, minute, hint)
            else:
                zone = inferred
                notes.append(
                    Note(
                        "zone_converted",
                        {"time": f"{hour:02d}:{minute:02d}", "phrase": hint.phrase, "zone": zone},
                    )
                )
        else:
            zone = self.zone
            notes.append(self.zone_note)
        if len(times) > 1:
            others = ", ".join(f"{t.hour:02d}:{t.minute:02d}" for t in times[1:])
            notes.append(Note("several_times", {"times": others}))
        moment = dt.datetime.combine(day, dt.time(time.hour, time.minute))
        proposal = self._draft(clause, "event-time", moment=moment, zone=zone, day=day)
        proposal.event = {"start": moment.strftime(TIME_FORMAT), "zone": zone}
        proposal.notes = notes
        return proposal

    def _dated(self, clause: Clause, start: int, end: int, date: DateMention) -> Proposal:
        while end > start and self.article[end - 1] in ".,;: ":
            end -= 1
        day, notes = self._day(date)
        part = Clause(
            start,
            end,
            self.article[start:end],
            clause.paragraph,
            clause.sentence_start,
            clause.sentence_end,
        )
        proposal = self._draft(part, "date", day=day, context=clause.text)
        proposal.notes = notes
        return proposal

    def _draft(
        self,
        clause: Clause,
        kind: str,
        moment: dt.datetime | None = None,
        zone: str | None = None,
        day: dt.date | None = None,
        context: str | None = None,
    ) -> Proposal:
        questions, text = drafting.fill(kind, clause.text, self.lang, moment, zone, day, context)
        return Proposal(
            clause.text,
            clause.start,
            clause.end,
            clause.paragraph,
            kind,
            questions=questions,
            text=text,
        )


def _kind(text: str) -> str | None:
    for kind, pattern in rules().kinds:
        if pattern.search(text):
            return kind
    return None


def weekday_name(number: int, lang: str) -> str:
    from babel.dates import get_day_names

    return get_day_names("wide", "format", babel_locale(lang))[number]
