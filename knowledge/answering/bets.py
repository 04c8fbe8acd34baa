"""A bet or an argument between two answers: "спорим, что во вторник? друг говорит в среду",
"мы с коллегой поспорили: 7 или 8 декабря. кто прав?", "жена говорит в понедельник, я говорю
во вторник. рассудите", "my friend says Wednesday, I say Tuesday". The days named are the
options; the question is asked again as when the event is, and the answer says first which of
the options the article's date matches, or that none does. The frames are data
(knowledge/language/data/bets.yaml); the lines are the locales' (`bet.*`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import get_day_names

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.lexicon import Calendar
from knowledge.language.phrase_spans import Phrases, data_file, phrase_spans, section_phrases
from knowledge.language.text import normalize, reduce_word
from knowledge.places.times import babel_locale

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.answering.followups import Conversation
    from knowledge.places.place import Place

DATA = Path(__file__).resolve().parent.parent / "language" / "data" / "bets.yaml"
_SHORTEST_WEEKDAY = 4  # "вт", "ср", "mon" are too often something else to be an option


@dataclass(frozen=True)
class Option:
    said: str  # "Tuesday", "среда", "8 декабря"
    weekday: int | None = None
    day: int | None = None
    month: int | None = None

    def holds(self, when: datetime) -> bool:
        if self.weekday is not None:
            return when.weekday() == self.weekday
        return when.day == self.day and (self.month is None or when.month == self.month)


@dataclass(frozen=True)
class Bet:
    options: tuple[Option, ...]
    rest: str  # the question read as when the event is


def _data() -> dict[str, Any]:
    return data_file(DATA)


def _phrases(section: str) -> Phrases:
    return section_phrases(DATA, section)


def _weekday(word: str, lang: str, calendar: Calendar) -> int | None:
    if len(word) < _SHORTEST_WEEKDAY:
        return None
    for form in (word, reduce_word(word, lang)):
        if form in calendar.weekdays:
            return calendar.weekdays[form]
    return None


def _month(word: str, lang: str, calendar: Calendar) -> int | None:
    if word.isdigit():
        return None
    return calendar.months.get(word) or calendar.month_by_base(reduce_word(word, lang))


def _options(words: list[str], lang: str, calendar: Calendar) -> list[tuple[Option, int]]:
    """Each weekday named, and each day of the month when one month is named ("7 или 8
    декабря": the 7th and the 8th), with the index of its word."""
    found: list[tuple[Option, int]] = []
    months = {i: m for i, w in enumerate(words) if (m := _month(w, lang, calendar))}
    month = next(iter(months.values())) if len(set(months.values())) == 1 else None
    month_word = words[next(iter(months))] if month else ""
    for i, word in enumerate(words):
        weekday = _weekday(word, lang, calendar)
        if weekday is not None:  # its name, not the case it stands in ("в среду": "среда")
            named = get_day_names("wide", locale=babel_locale(lang))[weekday]
            found.append((Option(named, weekday=weekday), i))
        elif month and word.isdigit() and 1 <= int(word) <= 31:
            found.append((Option(f"{word} {month_word}", day=int(word), month=month), i))
    return found


def bet_asked(text: str, lang: str, calendar: Calendar) -> Bet | None:
    """The options a bet or an argument puts, with the question read without its frame;
    None when the message is no bet, or names fewer than two different options."""
    words = normalize(text).split()
    frames, says = phrase_spans(words, _phrases("frames")), phrase_spans(words, _phrases("says"))
    if not frames and len(says) < 2:
        return None
    found = _options(words, lang, calendar)
    options: list[Option] = []
    for option, _ in found:
        if all((o.weekday, o.day) != (option.weekday, option.day) for o in options):
            options.append(option)
    if len(options) < 2:
        return None
    dropped = {k for i, j in frames + says for k in range(i, j)} | {i for _, i in found}
    kept = [w for k, w in enumerate(words) if k not in dropped and not _month(w, lang, calendar)]
    return Bet(tuple(options), " ".join([_data()["when"][lang][0], *kept]))


def by_bet(
    engine: Engine,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """The answer to a bet: when the event is, led by which option it matches; None when
    the message is no bet, or its reading asks no event's time."""
    bet = bet_asked(text, lang, engine.index.lexicon.calendar)
    if bet is None:
        return None
    for ask in (bet.rest, *_data()["when"][lang]):
        answer = engine.ask_one(ask, lang=lang, user_place=user_place, conversation=conversation)
        if answer.answered and answer.fact is not None:
            break  # a fact with no time ("who confirmed it, Saturday or Sunday?"): below
        if answer.ranked and engine.facts[answer.ranked[0][0]].event is None:
            return None  # the words lean to a fact with no time: not read as the start
    else:
        return None
    if answer.fact.event is None:
        return None
    line = next((t for t in answer.times if t.role == "asked"), None)
    line = line or next((t for t in answer.times if t.role == "source"), None)
    if line is None:
        return None
    right = [o for o in bet.options if o.holds(line.moment)]
    wrong = [o for o in bet.options if not o.holds(line.moment)]
    quoted = ", ".join(o.said for o in wrong)
    if len(right) == 1:
        lead = ANSWERS("bet.right", lang, right=right[0].said, wrong=quoted)
    elif not right:
        lead = ANSWERS("bet.neither", lang, options=quoted)
    else:
        return answer
    return replace(answer, lead=f"{lead} {answer.lead}")
