"""Date arithmetic on the article's dates (language/datemath.py reads the question): the days
and weeks between two of them ("how many weeks since geneva", "скільки діб між 16 червня і 7
грудня"), a date's weekday, its day of the year and its ISO week. Each end is a fact's own
day (`day` in the facts file) or its event's start, named by the event ("Geneva", "the
call") or by the date written; one end may be a date the asker writes. A date the article
does not give ("until New Year") is not counted from: the question is read as usual. The
answer is the figure, then the fact it rests on, citing every end's fact."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date

from knowledge.answering.compose import Answer, citations_for
from knowledge.answering.dated import days_in, undated_words
from knowledge.answering.offers import not_answered
from knowledge.i18n import ANSWERS
from knowledge.language.datemath import (
    COUNT,
    DAY_OF_YEAR,
    WEEK_NUMBER,
    DateAsked,
    found_at,
    unsaid_days,
)
from knowledge.language.matcher import FactIndex, Match
from knowledge.model import Fact

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.answering.followups import Conversation
    from knowledge.places.resolver import Place


# Kinds whose figure no fact's text gives: unanswered when not computed, never the fact a
# word of them reads as ("это какая неделя года" is not the year's fact).
FIGURES_ONLY = frozenset({DAY_OF_YEAR, WEEK_NUMBER})


@dataclass(frozen=True)
class End:
    day: date
    fact: Fact | None  # None: a date the asker wrote that no fact gives
    evidence: tuple[float, ...] = ()


def day_of(fact: Fact) -> date | None:
    """The day a fact tells of: its own, else its event's start (on the event's clock)."""
    if fact.day is not None:
        return fact.day
    return fact.event.start.date() if fact.event is not None else None


def _dated(index: FactIndex) -> dict[str, date]:
    return {fid: d for fid, f in index.facts.items() if (d := day_of(f)) is not None}


def _written(index: FactIndex, asked: DateAsked, dated: dict[str, date]) -> list[End] | None:
    """The days the question writes, each its fact's where one gives it; None when a year
    written is no year of the article's days."""
    lexicon = index.lexicon
    found = [(d, m) for d, m in days_in(asked.rest, lexicon.calendar, lexicon.stopwords) if d]
    # A part that is a bare number is a day when another part gives the month ("с 1 по 7").
    found += [(int(p), None) for p in asked.parts if p.isdigit() and 1 <= int(p) <= 31]
    months = {m for _, m in found if m}
    if len(months) == 1:  # "с 1 по 7 декабря": the month said once is both days'
        found = [(d, m or next(iter(months))) for d, m in found]
    years = {d.year for d in dated.values()}
    if any(y not in years for y in asked.years):
        return None
    ends = []
    for d, m in sorted({(d, m) for d, m in found if m}, key=lambda dm: (dm[1], dm[0])):
        owners = [fid for fid, on in dated.items() if (on.day, on.month) == (d, m)]
        if owners:
            fid = min(owners, key=lambda f: index.facts[f].event is None)  # the event first
            ends.append(End(dated[fid], index.facts[fid]))
        elif len(years) == 1:
            try:
                ends.append(End(date(next(iter(years)), m, d), None))
            except ValueError:
                return None
    return ends


def _named(index: FactIndex, asked: DateAsked, lang: str, dated: dict[str, date]) -> list[End]:
    """The ends the question names by their event ("geneva", "переговорами"), each part read
    among the dated facts."""
    ends = []
    for part in asked.parts:
        words = " ".join(undated_words(part, index.lexicon.calendar))
        if not words:
            continue
        match = index.match(words, lang, among=set(dated), time_owners=set(dated))
        top = match.candidates[0] if match.candidates else None
        if top is not None and top.query_coverage >= 1.0:
            # Every word of the part is the fact's ("the summit"): it names that end, even
            # where the decision alone is unsure; the answer's evidence is weighed at the end.
            # A part only partly its ("какой был") names none.
            fact = index.facts[top.fact_id]
            ends.append(End(dated[fact.id], fact, match.evidence))
    return ends


def by_arithmetic(
    engine: Engine,
    asked: DateAsked,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer:
    """The figure computed from the ends named; else the question read as usual, and a
    weekday, day of the year or week said first for the day of the fact it reaches, on the
    clock of the place asked about ("what weekday is the call in Tokyo" is its Wednesday).
    A day of the year or a week asked of a fact without a day is not answered: no fact's
    text gives one ("это какая неделя года" is not the year's fact)."""
    computed = date_answer(engine, asked, lang)
    if computed is not None:
        return computed
    answer = engine.ask_one(
        text, lang=lang, user_place=user_place, conversation=conversation, arithmetic=False
    )
    if asked.kind == COUNT or not answer.answered or answer.fact is None:
        return answer
    there = [line.moment for line in answer.times if line.role == "asked"]
    day = there[0].date() if there else day_of(answer.fact)
    written = _written(engine.index, asked, _dated(engine.index))
    # "what weekday was 3 March 2021", "day of the year of 7 December 2020": not the day of
    # the fact the rest of the question reaches, so not its figure either.
    other_day = written is None or any(end.day != day for end in written)
    if day is None and asked.kind not in FIGURES_ONLY and not written:
        return answer
    if day is None or other_day:
        nothing = Match(best=None, candidates=(), tokens=())
        return not_answered(engine.index, nothing, lang, lambda: engine.examples(lang))
    return replace(answer, lead=f"{_placed(asked.kind, day, lang)} {answer.lead}")


def date_answer(engine: Engine, asked: DateAsked, lang: str) -> Answer | None:
    """The figure asked, with the fact it rests on; None when the question names or writes
    no end of the article's (then it is read as usual: `by_arithmetic`)."""
    index = engine.index
    dated = _dated(index)
    written = _written(index, asked, dated)
    named = _named(index, asked, lang, dated)
    if written is None or _unsaid(asked, lang):
        return None
    ends: list[End] = []
    for end in [*written, *named]:
        known = [e for e in ends if e.day == end.day]
        if not known:
            ends.append(end)
        elif end.evidence and not known[0].evidence and end.fact is not None:
            ends[ends.index(known[0])] = end  # the same day, now with what named it
    ends.sort(key=lambda e: e.day)
    if asked.kind == COUNT:
        main = _main_end(engine, dated)
        if len(ends) == 1 and main is not None and ends[0].day < main.day:
            ends.append(main)  # "how many weeks since geneva": to the call
        if len(ends) != 2 or all(e.fact is None for e in ends):
            return None
        said = _counted(ends[0].day, ends[1].day, asked.weeks, lang)
        return _answer(engine, ends, said, asked.rest, lang)
    if len(ends) != 1 or ends[0].fact is None:
        return None
    return _answer(engine, ends, _placed(asked.kind, ends[0].day, lang), asked.rest, lang)


def _unsaid(asked: DateAsked, lang: str) -> bool:
    """Whether the question counts from a day the article does not give ("from today",
    "до Нового года"): that day is not the article's to count from."""
    words = asked.rest.split()
    return any(found_at(words, phrase.split()) is not None for phrase in unsaid_days(lang))


def _main_end(engine: Engine, dated: dict[str, date]) -> End | None:
    """The main event's start ("это какая неделя года", "since geneva" to the call)."""
    event = engine.main_event
    for fid, fact in engine.index.facts.items():
        if fact.event is not None and engine.event_of(fact) is event and fid in dated:
            return End(dated[fid], fact)
    return None


def _answer(engine: Engine, ends: Sequence[End], said: str, rest: str, lang: str) -> Answer | None:
    facts = [e.fact for e in ends if e.fact is not None]
    fact = facts[0]  # the earlier end's: the date counted from
    evidence = _evidence(engine.index, fact, ends, rest, lang)
    if evidence is None:
        return None
    citations = []
    for each in facts:
        for view in citations_for(each, engine.sources, lang):
            if view not in citations:
                citations.append(view)
    return Answer(
        status="answered", lang=lang, lead=f"{said} {fact.text[lang]}", fact=fact,
        citations=tuple(citations), ranked=((fact.id, 0.0),), evidence=evidence,
    )  # fmt: skip


def _evidence(
    index: FactIndex, fact: Fact, ends: Sequence[End], rest: str, lang: str
) -> tuple[float, ...] | None:
    """What the decision weighs for the answer's fact, the first reading it is confident in:
    the words that named it ("the summit"), the date as written ("7 грудня"), the question
    without the arithmetic's words, each read among that fact alone; None when none."""
    words = rest.split()
    undated = Counter(undated_words(rest, index.lexicon.calendar))
    written = [w for w in words if not (undated[w] and not undated.subtract([w]))]
    readings = [e.evidence for e in ends if e.fact is fact and e.evidence]
    for text in (" ".join(written), rest):
        if text:
            read = index.match(text, lang, among={fact.id}, time_owners={fact.id})
            readings.append(read.evidence)
    return next((r for r in readings if r and index.decision.confident(r)), None)


def _long(day: date, lang: str) -> str:
    return format_date(day, "d MMMM y", locale=lang)


def _counted(start: date, end: date, weeks: bool, lang: str) -> str:
    days = (end - start).days
    span = ANSWERS("datemath.days", lang, count=days)
    whole, left = divmod(days, 7)
    if whole and (weeks or days >= 14):
        span_weeks = ANSWERS("datemath.weeks", lang, count=whole)
        if left:
            span_weeks = ANSWERS(
                "datemath.weeks_and_days", lang, weeks=span_weeks,
                days=ANSWERS("datemath.days", lang, count=left),
            )  # fmt: skip
        return ANSWERS(
            "datemath.between_weeks", lang, start=_long(start, lang), end=_long(end, lang),
            days=span, weeks=span_weeks,
        )  # fmt: skip
    start_said, end_said = _long(start, lang), _long(end, lang)
    return ANSWERS("datemath.between", lang, start=start_said, end=end_said, days=span)


def _placed(kind: str, day: date, lang: str) -> str:
    year, week, _ = day.isocalendar()
    return ANSWERS(
        f"datemath.{kind}", lang, date=_long(day, lang),
        weekday=format_date(day, "EEEE", locale=lang), number=day.timetuple().tm_yday,
        total=366 if date(day.year, 12, 31).timetuple().tm_yday == 366 else 365,
        week=week, year=year,
    )  # fmt: skip
