"""The asker's own schedule held against the event's start: "I'm busy 4-6pm Berlin, will I
miss it?", "in class in munich till 6 pm, does it start while im sitting there", "в Харькове
с 17 до 19 занят, начало пропущу?", "я в Киеве, в 16:30 у меня созвон на час — наложится на
начало?", "працюю у вроцлаві до четвертої, не пропущу?".

The hours named are a window on the asker's clock: two hours ("4-6pm", "from 4 to 6", "с 17
до 19"), one with a length ("в 16:30 ... на час"), one they are busy until ("till 6", "до
шести") or one alone ("a meeting at 11am"). The question is asked again as when the event
starts there, with the window's words taken out, and the answer says first whether that start
comes before, inside or after the window. The article gives only the start, never a length:
whether the asker misses the whole of it is not said. The words are data
(knowledge/language/data/windows.yaml); the lines are the locales' (`window.*`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.clock_words import month_named, spelt_hours
from knowledge.language.lexicon import Calendar
from knowledge.language.phrase_spans import (
    Phrases,
    data_file,
    phrase_spans,
    section_phrases,
    section_words,
)
from knowledge.language.text import normalize
from knowledge.places.times import babel_locale

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.answering.followups import Conversation
    from knowledge.places.place import Place

DATA = Path(__file__).resolve().parent.parent / "language" / "data" / "windows.yaml"
_DAY = 24 * 60
# An hour of a 12-hour clock with no "am"/"pm" is read in waking hours: "till 6", "at 5",
# "до шести" are the evening's, "at 10", "from 8" the morning's.
_EVENING_UP_TO = 7


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int
    mark: str  # "am", "pm" or "" (none written)


@dataclass(frozen=True)
class Window:
    """The asker's window in minutes of their day: `start` None when only its end is said
    ("till 6"), `end` None for one hour alone ("a meeting at 11am")."""

    start: int | None
    end: int | None
    rest: str  # the question read as when the event starts there


def _data() -> dict[str, Any]:
    return data_file(DATA)


def _phrases(section: str) -> Phrases:
    """A section's phrases in every language as normalised words, the longest first."""
    return section_phrases(DATA, section)


def _words(section: str) -> frozenset[str]:
    return section_words(DATA, section)


@lru_cache(maxsize=1)
def _lengths() -> tuple[tuple[tuple[str, ...], int], ...]:
    found = {
        tuple(normalize(p).split()): minutes
        for table in _data()["lengths"].values()
        for p, minutes in table.items()
    }
    return tuple(sorted(found.items(), key=lambda item: len(item[0]), reverse=True))


@lru_cache(maxsize=1)
def _length_phrases() -> Phrases:
    return Phrases(phrase for phrase, _ in _lengths())


def _clock_at(words: list[str], i: int, calendar: Calendar) -> tuple[Clock, int] | None:
    """The hour `words[i]` begins ("6", "6 pm", "16 30", "шести") and the index after it."""
    word = words[i]
    if word.isdigit() and len(word) <= 2:
        hour = int(word)
    elif word in calendar.hours:
        hour = calendar.hours[word]
    else:
        return None
    if hour > 24:
        return None
    j, minute, mark = i + 1, 0, ""
    if j < len(words) and len(words[j]) == 2 and words[j].isdigit() and int(words[j]) < 60:
        minute, j = int(words[j]), j + 1
    if j < len(words) and words[j] in calendar.afternoon | calendar.morning:
        mark, j = ("pm" if words[j] in calendar.afternoon else "am"), j + 1
    if j < len(words) and month_named(words[j], calendar):
        return None  # "7 декабря" is a day
    return Clock(hour % 24, minute, mark), j


def _minutes(clock: Clock, mark: str) -> int:
    hour = clock.hour
    if mark == "pm" and hour < 12:
        hour += 12
    elif mark == "am" and hour == 12:
        hour = 0
    elif not mark and 1 <= hour <= _EVENING_UP_TO:
        hour += 12
    return hour * 60 + clock.minute


def window_asked(text: str, lang: str, calendar: Calendar) -> Window | None:
    """The asker's window a question names, with the question read without it; None when
    it names none (no hour, or no word of being busy or of missing the start)."""
    words = spelt_hours(normalize(text).split(), calendar)
    cues = phrase_spans(words, _phrases("busy")) + phrase_spans(words, _phrases("asks"))
    if not cues:
        return None
    lengths = dict(_lengths())
    length_spans = phrase_spans(words, _length_phrases())
    markers = _words("until") | _words("from") | _words("to") | calendar.at
    dropped = {k for i, j in cues + length_spans for k in range(i, j)}
    clocks: list[tuple[Clock, int, int]] = []  # the clock, its first word, the word after
    i = 0
    while i < len(words):
        found = None if i in dropped else _clock_at(words, i, calendar)
        if found is None:
            i += 1
            continue
        clock, after = found
        before = words[i - 1] if i else ""
        named = before in markers or after - i > 1
        follows = after < len(words) and _clock_at(words, after, calendar) is not None
        if named or follows:  # "4" alone counts nothing; "4-6pm", "at 4", "4 pm" are hours
            clocks.append((clock, i - (before in markers), after))
        i = after
    if not clocks or len(clocks) > 2:
        return None
    first = clocks[0]
    dropped |= {k for _, i, j in clocks for k in range(i, j)}
    if len(clocks) == 2:
        (one, _, _), (two, _, _) = clocks
        shared = two.mark if not one.mark and one.hour % 12 <= two.hour % 12 else one.mark
        start, end = _minutes(one, shared), _minutes(two, two.mark)
        if end <= start and not two.mark and two.hour < 12:
            end += 12 * 60
    elif words[first[1]] in _words("until"):
        start, end = None, _minutes(first[0], first[0].mark)
    else:
        start = _minutes(first[0], first[0].mark)
        length = next((lengths[tuple(words[i:j])] for i, j in length_spans if i >= first[2]), 0)
        end = (start + length) % _DAY if length else None
    kept = [w for k, w in enumerate(words) if k not in dropped]
    return Window(start, end, " ".join([_data()["when"][lang], *kept]))


def by_window(
    engine: Engine,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """The answer to a question about the asker's window: when the event starts there, led
    by where that start falls in the window; None when the question names no window, or its
    reading asks no event's time."""
    window = window_asked(text, lang, engine.index.lexicon.calendar)
    if window is None:
        return None
    answer = _start_asked(engine, window, text, lang, user_place, conversation)
    if answer is None:
        return None
    line = next((t for t in answer.times if t.role in ("asked", "user")), None)
    place = answer.place
    if line is None and place is not None:  # "я в Киеве": the source's own clock
        line = next((t for t in answer.times if str(t.moment.tzinfo) == place.key), None)
    if line is None:  # no place named nor set: the window's clock is unknown
        return answer
    day = format_date(line.moment, "EEEE, d MMMM", locale=babel_locale(lang))
    start = line.moment.hour * 60 + line.moment.minute
    lead = window_line(window, start, line.place, day, lang)
    note = ANSWERS("window.no_length", lang)
    return replace(answer, lead=f"{lead} {answer.lead}", notes=(*answer.notes, note))


def _start_asked(
    engine: Engine,
    window: Window,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """When the event starts, asked with the question's other words, else with its place
    alone: what keeps the asker ("a dentist appt", "in class") names nothing in the article,
    and read with the rest it may tip the match away from the start."""
    asks = [window.rest]
    mention = engine.resolver.find(text)
    if mention is not None:
        asks.append(f"{_data()['when'][lang]} {mention.text}")
    for ask in asks:
        answer = engine.ask_one(ask, lang=lang, user_place=user_place, conversation=conversation)
        if answer.answered and answer.fact is not None:
            # a fact with no time ("will I miss the announcement?"): no start to hold
            return answer if answer.fact.event is not None else None
        if answer.ranked and engine.facts[answer.ranked[0][0]].event is None:
            return None  # the words lean to a fact with no time: not read as the start
    return None


def _said(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def window_line(window: Window, start: int, place: str, day: str, lang: str) -> str:
    """Where the event's start (minutes of the asker's day, at `place` on `day`) falls in
    the window."""
    begins, ends = window.start, window.end
    shown = [_said(m) for m in (begins, ends) if m is not None]
    span = "–".join(shown)
    if ends is not None and start == ends:  # "till 6" and it starts at 6: as they are free
        key = "at_end"
    elif begins is None and ends is not None:
        key = "busy_till" if start < ends else "free_by"
    elif begins is not None and (start == begins and ends is None):
        key = "same"
    elif begins is not None and ends is not None and _inside(begins, ends, start):
        key = "inside"
    else:
        key = "before" if begins is not None and start < begins else "after"
    return ANSWERS(f"window.{key}", lang, start=_said(start), span=span, place=place, day=day)


def _inside(begins: int, ends: int, start: int) -> bool:
    """Whether `start` falls in [begins, ends), a window past midnight too ("22 to 2")."""
    return begins <= start < ends if begins < ends else (start >= begins or start < ends)
