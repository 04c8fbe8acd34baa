"""Days a question names that are another event's ("what did Putin say on 1 December", "что
было в июне"): the reading keeps only that a date was asked, so any day would go to the
main event's time. Which fact a day belongs to is the content's to say: the days its answer
text names and its event's date. The names of days and months are data (words.yaml
`calendar`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from weakref import WeakKeyDictionary

from knowledge.answering.shapes import asks_yes_or_no, confirms
from knowledge.language.clock_words import day_named, hour_named, spelt_hours
from knowledge.language.lexicon import Calendar
from knowledge.language.matcher import Candidate, FactIndex, Match
from knowledge.language.text import CYRILLIC, normalize, reduce_word
from knowledge.model import Fact

# A day of a month; either part may be unsaid ("the 1st", "in June").
Day = tuple[int | None, int | None]


@dataclass(frozen=True)
class _BaseDays:
    """Every fact's days and the facts with an event, read once per version of the base."""

    of: Mapping[str, frozenset[Day]]
    with_event: tuple[Fact, ...]
    # Every fact's hours of the day, (hour, minute), as its texts and its event name them.
    hours: Mapping[str, frozenset[tuple[int, int]]] = field(default_factory=dict)


# An index is one immutable version of the base, so what its facts say of days is read once
# per index, not per dated question: reading every fact's three texts per question cost a
# 10,000-fact base about two seconds.
_READ: WeakKeyDictionary[FactIndex, _BaseDays] = WeakKeyDictionary()


def base_days(index: FactIndex) -> _BaseDays:
    """What the index's facts say of days, read on first use and kept with the index."""
    read = _READ.get(index)
    if read is None:
        calendar, stopwords = index.lexicon.calendar, index.lexicon.stopwords
        read = _BaseDays(
            of={fid: frozenset(days_of(f, calendar, stopwords)) for fid, f in index.facts.items()},
            with_event=tuple(f for f in index.facts.values() if f.event is not None),
            hours={fid: frozenset(hours_of(f, calendar)) for fid, f in index.facts.items()},
        )
        _READ[index] = read
    return read


def _month(word: str, calendar: Calendar) -> int | None:
    if not word or word.isdigit():
        return None
    if word in calendar.months:
        return calendar.months[word]
    langs = ("ru", "uk") if CYRILLIC.search(word) else ("en",)
    for lang in langs:
        month = calendar.month_by_base(reduce_word(word, lang))
        if month is not None:
            return month
    return None


def days_in(text: str, calendar: Calendar, stopwords: frozenset[str]) -> set[Day]:
    """Every day a text names, with its month when one stands beside it ("1 December", "16
    червня"), and every month named alone ("in November")."""
    words = normalize(text).split()
    months = {i: m for i, word in enumerate(words) if (m := _month(word, calendar)) is not None}
    found: set[Day] = set()
    beside: set[int] = set()
    for i in range(len(words)):
        named = day_named(words, i, calendar)
        if named is None:
            continue
        at = next((j for j in (i + named.width, i - 1) if j in months), None)
        if at is not None:
            beside.add(at)
        found.add((named.day, months.get(at) if at is not None else None))
    # "may" with no number beside it is the verb, not the month; "лист" a letter.
    alone = stopwords | calendar.lookalikes
    found |= {(None, m) for i, m in months.items() if i not in beside and words[i] not in alone}
    return found


def gives(fact_days: Iterable[Day], asked: Day) -> bool:
    """Whether a fact's days include the one asked: its day and month where the question
    says them."""
    day, month = asked
    return any(
        (day is None or day == d) and (month is None or month == m) and (d or m)
        for d, m in fact_days
    )


def days_of(fact: Fact, calendar: Calendar, stopwords: frozenset[str]) -> set[Day]:
    """The days a fact gives: in its answer's text, any language, and its event's date."""
    found: set[Day] = set()
    for text in fact.text.values():
        found |= days_in(text, calendar, stopwords)
    if fact.event is not None:
        found.add((fact.event.start.day, fact.event.start.month))
    return found


def owners(days_of_facts: Mapping[str, frozenset[Day]], asked: set[Day]) -> set[str]:
    """The facts that give every day the question names."""
    return {fid for fid, days in days_of_facts.items() if all(gives(days, day) for day in asked)}


def top_of(match: Match) -> Candidate | None:
    """The ranking's first fact: the best one, or the first candidate where the decision was
    unsure of it."""
    return match.best or (match.candidates[0] if match.candidates else None)


def hours_in(text: str, calendar: Calendar) -> list[tuple[frozenset[int], int | None]]:
    """Every hour of the day a text names ("18:00", "6 pm", "в 18:00"): the hours it may be
    and its minute."""
    words = spelt_hours(normalize(text).split(), calendar)
    found = []
    for i in range(len(words)):
        named = hour_named(words, i, calendar)
        if named is not None:
            found.append((named.hours, named.minute))
    return found


def hours_of(fact: Fact, calendar: Calendar) -> set[tuple[int, int]]:
    """The hours a fact gives: in its answer's text, any language, and its event's start."""
    found = {
        (hour, minute or 0)
        for text in fact.text.values()
        for hours, minute in hours_in(text, calendar)
        if len(hours) == 1
        for hour in hours
    }
    if fact.event is not None:
        found.add((fact.event.start.hour, fact.event.start.minute))
    return found


def hour_gives(
    fact_hours: Iterable[tuple[int, int]], asked: tuple[frozenset[int], int | None]
) -> bool:
    hours, minute = asked
    return any(h in hours and (minute is None or minute == m) for h, m in fact_hours)


def at_its_hour(index: FactIndex, match: Match, text: str, lang: str) -> Match:
    """The match decided again among the facts whose text names the hour the question names,
    when the best one's does not ("what's the 18:00 in the article?" is the first footage's
    18:00, not the call's 17:00 Kyiv time). Only for a question with no place in it (a place
    asks the hour converted there), opening with "what" ("что за 18:00 в статье") and asking
    no time besides, that puts nothing to be checked."""
    top = top_of(match)
    if top is None:
        return match
    lexicon = index.lexicon
    asked = hours_in(text, lexicon.calendar)
    words = normalize(text).split()
    timed = sum(token in lexicon.time_intents for token in match.tokens)
    if (
        not asked
        or words[0].split("'")[0].removesuffix("s") not in lexicon.asks_what.get(lang, ())
        or timed > len(asked)  # a time is asked as well ("what time is the call, 18:00?")
        or asks_yes_or_no(index, text, lang, match)
        or confirms(index, text, lang, match)
    ):
        return match
    hours = base_days(index).hours
    if any(hour_gives(hours[top.fact_id], one) for one in asked):
        return match
    ids = {fid for fid, own in hours.items() if all(hour_gives(own, one) for one in asked)}
    if not ids:
        # "what's the 19:00 in the article?": an hour no fact gives, asked alone, is no
        # fact's; with something else asked ("what happens at 19:00 with the call") it stays.
        alone = set(match.tokens) <= lexicon.time_intents
        return replace(match, best=None) if alone else match
    within = index.match(text, lang, among=ids, time_owners=ids)
    if within.best is not None or within.candidates:
        return within
    offered = tuple(Candidate(fid, 0.0, 0.0) for fid in sorted(ids))
    return Match(best=None, candidates=offered[:3], tokens=match.tokens)


def on_its_day(
    index: FactIndex, match: Match, text: str, lang: str, same_event: Callable[[Fact], bool]
) -> Match:
    """The match decided again among the facts that give the day the question names, when
    neither the best one nor its event's time does ("who said it is on the 7th" asks about
    the call); not answered when no fact gives it and the best one is dated (another day is
    not its day); the best one is the ranking's first even where the decision was unsure
    ("что было 1 декабря?" ranks the call first by its wording). A yes/no question about the
    day is left to the event's date, which answers "No" with the real one."""
    top = top_of(match)
    if top is None:
        return match
    lexicon = index.lexicon
    calendar, stopwords = lexicon.calendar, lexicon.stopwords
    asked = days_in(text, calendar, stopwords)
    if not asked or asks_yes_or_no(index, text, lang, match) or confirms(index, text, lang, match):
        return match
    read = base_days(index)
    best_days = set(read.of[top.fact_id])
    for fact in read.with_event:
        if same_event(fact):
            best_days.add((fact.event.start.day, fact.event.start.month))
    if all(gives(best_days, day) for day in asked):
        return match
    if len(asked) > 1 and any(gives(best_days, day) for day in asked):
        # Days to choose between ("в Сеуле ещё 7-е или уже 8-е"), one the best fact's: it
        # settles which.
        return match
    ids = owners(read.of, asked)
    if ids:
        within = index.match(text, lang, among=ids, time_owners=ids)
        if within.best is not None or within.candidates:
            return within
        # Only the day leads to them: offered, not answered.
        offered = tuple(Candidate(fid, 0.0, 0.0) for fid in sorted(ids))
        return Match(best=None, candidates=offered[:3], tokens=match.tokens)
    if not best_days:
        return match
    # Without its day, "r they talking on dec 8" still asks something (about the call),
    # and the dated answer gives the real date; "what happened on 8 December" asks nothing.
    if index.match(" ".join(undated_words(text, calendar)), lang).best is not None:
        return match
    return replace(match, best=None)


def undated_words(text: str, calendar: Calendar) -> list[str]:
    """The text's normalised words without the days and months it names."""
    words = normalize(text).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        named = day_named(words, i, calendar)
        if named is not None:
            i += named.width
            continue
        if _month(words[i], calendar) is None or words[i] in calendar.lookalikes:
            out.append(words[i])
        i += 1
    return out


def days_verdict(index: FactIndex, fact: Fact, text: str, lang: str, match: Match) -> bool | None:
    """Yes or no to the day or month a yes/no question puts to a fact without an event time
    ("Geneva was in July?", "женева это было в июне?"): whether the fact's text gives it; None
    when the question names none, is no yes/no one, or the fact gives no day."""
    if fact.event is not None:
        return None
    if not (asks_yes_or_no(index, text, lang, match) or confirms(index, text, lang, match)):
        return None
    lexicon = index.lexicon
    asked = days_in(text, lexicon.calendar, lexicon.stopwords)
    fact_days = base_days(index).of.get(fact.id)
    if not asked or not fact_days:
        return None
    return all(gives(fact_days, day) for day in asked)
