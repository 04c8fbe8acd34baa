"""The answer engine: question in, cited answer out, in the asker's language and time zone.

Flow: detect the language → find and strip a named place → match the rest against the
fact index → compose times (source zone, a reference zone, the place asked for, the
user's own zone), tense, notes and citations. A follow-up ("and in Tokyo?", "who is he?",
"в якому форматі?") is read with the conversation's last answer (followups.py); a question
it cannot answer as written is asked again in another reading (rereading.py).

Everything about the news events themselves (their reference zones, the facts to offer,
the warm-up questions, what the bot says it knows) comes from their Event records, never
from this module. A question that fits facts of several events equally ("when is it?")
means the event of the conversation's last answer, else the main (first) event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from knowledge.answering import followups, which_event
from knowledge.answering.asked_place import read_place
from knowledge.answering.compared_clocks import compared_answer
from knowledge.answering.compose import (
    Answer,
    CitedViews,
    Suggestion,
    representative_question,
    tense_line,
)
from knowledge.answering.converted import conversion_in
from knowledge.answering.countdown import with_countdown
from knowledge.answering.dated import at_its_hour, base_days, days_verdict, on_its_day, top_of
from knowledge.answering.datemath import by_arithmetic
from knowledge.answering.event_times import event_times
from knowledge.answering.followups import Conversation
from knowledge.answering.message import answer_message
from knowledge.answering.mixed_up import mixed_up_answer
from knowledge.answering.offers import introduction, not_answered
from knowledge.answering.options import option_lead
from knowledge.answering.other_calendars import calendar_asked, in_calendar
from knowledge.answering.own_clock import with_own_clock_note
from knowledge.answering.quoted import by_its_quote
from knowledge.answering.rereading import by_its_question, in_cyrillic
from knowledge.answering.shapes import verdict_of
from knowledge.answering.status import status_answer
from knowledge.answering.unranked import with_unranked_note
from knowledge.answering.windows import by_window
from knowledge.i18n import ANSWERS
from knowledge.language.about_bot import addressed_to_bot
from knowledge.language.courtesy import courtesy_of
from knowledge.language.datemath import date_asked
from knowledge.language.decision import DecisionModel
from knowledge.language.indexed import Weights
from knowledge.language.matcher import FactIndex, Match
from knowledge.language.numeric_dates import spell_dates
from knowledge.language.quiz import blank_read
from knowledge.language.stated_now import stated_now
from knowledge.language.text import clean, detect_language
from knowledge.model import Event, Fact, Source
from knowledge.places import demonyms, landmarks, sites
from knowledge.places.resolver import Place, PlaceResolver
from knowledge.places.times import utc_now

MAX_QUESTION_LENGTH = 1000
# A question of at most this many content words may be a fragment of the last one's subject.
FRAGMENT_WORDS = 2


class UnknownPlace(ValueError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        super().__init__(f"unknown place or time zone: {name!r}")


class Engine:
    def __init__(
        self,
        facts: Sequence[Fact],
        sources: Mapping[str, Source],
        *,
        events: Sequence[Event] = (),
        clock: Callable[[], datetime] = utc_now,
        resolver: PlaceResolver | None = None,
        weights: Weights | None = None,
        decision: DecisionModel | None = None,
    ):
        self.clock = clock
        self.weights = weights
        self.decision = decision
        self.resolver = resolver or PlaceResolver.default()
        self.sources = dict(sources)
        self.events: tuple[Event, ...] = tuple(events)
        self.index = self._indexed(facts)
        self._citations = CitedViews()

    def reload(
        self,
        facts: Sequence[Fact],
        sources: Mapping[str, Source] | None = None,
        events: Sequence[Event] | None = None,
    ) -> None:
        """Swap in a new index in one assignment: a question sees the old or the new only."""
        index = self._indexed(facts)
        if sources is not None:
            self.sources = dict(sources)
        if events is not None:
            self.events = tuple(events)
        self._citations = CitedViews()
        self.index = index

    def _indexed(self, facts: Sequence[Fact]) -> FactIndex:
        index = FactIndex(facts, weights=self.weights, decision=self.decision)
        base_days(index)  # read with the index, so the first dated question does not wait on it
        return index

    def warm_up(self) -> None:
        """Load the place index, the place words (landmarks, peoples), the morphology
        dictionaries and the locale data now, so that the first people to ask do not wait
        for them."""
        self.resolver.warm_up()
        landmarks.warm_up()
        sites.warm_up()
        demonyms.warm_up()
        for event in self.events:
            for question in event.warm_up:
                self.ask(question)

    @property
    def main_event(self) -> Event | None:
        return self.events[0] if self.events else None

    def event_of(self, fact: Fact) -> Event | None:
        """The event a fact belongs to; an unassigned or unknown one is the main event's."""
        return which_event.event_of(self.events, fact)

    def about(self, lang: str) -> dict[str, str]:
        """What the bot answers about, for greetings: `subject` and `topics` of the main event."""
        event = self.main_event
        if event is None:
            return {"subject": "", "topics": ""}
        return {"subject": event.subject[lang], "topics": event.topics[lang]}

    @property
    def facts(self) -> Mapping[str, Fact]:
        return self.index.facts

    def resolve_place(self, name: str) -> Place:
        """A place or zone named by the user (`--tz`, `/tz`); UnknownPlace with suggestions."""
        place = self.resolver.resolve(name)
        if place is None:
            raise UnknownPlace(name, self.resolver.suggest(name))
        return place

    def examples(self, lang: str) -> list[Suggestion]:
        """The main event's questions to offer, for /start buttons and declined answers."""
        facts = self.index.facts
        wanted = self.main_event.examples if self.main_event else ()
        return [
            Suggestion(fid, representative_question(facts[fid], lang), 0.0)
            for fid in wanted
            if fid in facts
        ]

    def introduction(self, lang: str, courtesy: str | None = None) -> Answer:
        """What the bot is and what it answers (offers.py): "who are you?", a greeting."""
        return introduction(self.about(lang), self.examples(lang), lang, courtesy)

    def answer_fact(
        self,
        fact_id: str,
        *,
        lang: str,
        user_place: Place | None = None,
        conversation: Conversation | None = None,
    ) -> Answer | None:
        """The answer for a known fact (a tapped suggestion); None if it no longer exists."""
        index = self.index
        fact = index.facts.get(fact_id)
        if fact is None:
            return None
        if conversation is not None:
            conversation.last_fact_id = fact.id
        return self._answer(fact, Match(None, (), ()), lang, None, user_place)

    def ask(
        self,
        question: str,
        *,
        lang: str | None = None,
        lang_hint: str | None = None,
        user_place: Place | None = None,
        conversation: Conversation | None = None,
    ) -> Answer:
        """The answer to a whole message (message.py); a message of two asks gets both."""
        return answer_message(
            self, question, lang=lang, lang_hint=lang_hint, user_place=user_place,
            conversation=conversation,
        )  # fmt: skip

    def ask_one(
        self,
        question: str,
        *,
        lang: str | None = None,
        lang_hint: str | None = None,
        user_place: Place | None = None,
        conversation: Conversation | None = None,
        arithmetic: bool = True,  # False: read as if no date arithmetic were asked
    ) -> Answer:
        index = self.index  # one version of the fact base for the whole answer
        text = clean(question).strip()[: MAX_QUESTION_LENGTH * 2]
        lang = lang or detect_language(text, lang_hint)
        # "The Geneva summit took place on ___": the blank is what is asked ("when").
        text = blank_read(text, lang, index.lexicon.calendar)
        text = spell_dates(text, lang, index.lexicon.calendar)
        if (asked_in := calendar_asked(text, lang)) is not None:  # "какая дата по хиджре"
            answer = self.ask_one(asked_in.rest, lang=lang, user_place=user_place)
            return in_calendar(answer, asked_in.kind)  # the day in it, where a time is given
        if arithmetic and (counted := date_asked(text, lang)) is not None:  # "weeks since geneva"
            return by_arithmetic(self, counted, text, lang, user_place, conversation)
        now = stated_now(text, index.lexicon.calendar)
        if now is not None:  # "сейчас 16:20 по Киеву, сколько осталось?": no claim of 16:20
            text = now.text
        if (windowed := by_window(self, text, lang, user_place, conversation)) is not None:
            return windowed  # "busy 4-6pm Berlin, will I miss it?": the start against it
        if not text:
            about = self.about(lang)
            lead = ANSWERS("answer.empty", lang, **about) if about["subject"] else ""
            return Answer(status="empty", lang=lang, lead=lead or ANSWERS("answer.ask", lang))
        if addressed_to_bot(text):
            return self.introduction(lang)
        mixup = mixed_up_answer(self, text, lang, user_place, conversation)
        mixup = mixup or status_answer(self, text, lang, user_place, conversation)
        if mixup is not None:  # "путин и зеленский будут говорить?": No; "не перенесли?": the time
            return mixup
        courtesy = courtesy_of(text, index.lexicon.courtesies)
        if courtesy is not None:
            return self.introduction(lang, courtesy)
        previous = followups.last_fact(index, conversation)
        if previous is not None:
            said = followups.who_said_it(index, self.sources, text, lang, previous)
            if said is not None:
                return said
            turn = followups.resolve(index, self.sources, text, lang, previous)
            if turn is not None and turn.fact is None:
                lead = ANSWERS("answer.which_person", lang)
                return replace(self._not_answered(index, turn.match, lang), lead=lead)
            if turn is not None:
                return self._settle(
                    index, turn.fact, turn.match, text, lang, None, user_place, conversation
                )
        if followups.step_of(index, text):
            # "and later?" with no answer before it, or nothing its speaker said next: it
            # asks nothing else, and its one word would match any fact that says "later".
            return self._not_answered(index, Match(best=None, candidates=(), tokens=()), lang)
        read = read_place(self.resolver, index, text, lang, previous)
        match, matched, place_named = read.match, read.matched, read.place_named
        asked, mention = read.asked, read.mention
        match = which_event.within_event(
            index, self.events, match, matched, lang, conversation, place_named=place_named
        )
        moved_by_hour = False
        top = top_of(match)
        if top is not None:
            best_event = self.event_of(index.facts[top.fact_id])
            match = on_its_day(
                index, match, matched, lang, lambda fact: self.event_of(fact) == best_event
            )
            by_hour = match if asked or mention else at_its_hour(index, match, matched, lang)
            moved_by_hour, match = by_hour is not match, by_hour
        # Words quoted from the article: the facts holding them ("why is "expansion" in quotes").
        match = by_its_quote(index, match, matched, lang)
        fact = index.facts[match.best.fact_id] if match.best else None
        if not moved_by_hour and match.tokens and set(match.tokens) <= index.lexicon.time_intents:
            # "when?", "во сколько?" and nothing else: the time of what was talked about.
            fact = which_event.timed_fact(index, self.events, previous) or fact
        if asked and followups.asks_the_same_event_elsewhere(index, previous, matched, lang):
            # "how about Rome?", "а в Харкові?" after a timed answer: the same event there.
            fact = previous
        elif (
            fact is None
            and asked
            and mention
            and followups.a_place_alone(index, mention.text, match, lang)
        ):
            fact = which_event.timed_fact(index, self.events, previous)
        elif (
            fact is None
            and previous is not None
            and len(match.tokens) <= FRAGMENT_WORDS
            and followups.asks_something(index, text, match, lang)
        ):
            # "в якому форматі?" after "коли переговори": the fragment asks about the same.
            completed = followups.completed(index, text, lang, previous)
            if completed is not None and completed.best is not None:
                match, fact = completed, index.facts[completed.best.fact_id]
        if fact is None:
            # Only a reading with words English does not know can be Russian or Ukrainian.
            unknown = not all(index.knows(t) for t in match.tokens)
            retried = unknown and in_cyrillic(self, text, lang, lang_hint, user_place, conversation)
            retried = retried or by_its_question(self, None, text, lang, user_place, conversation)
            return retried or self._not_answered(index, match, lang)
        answer = self._settle(
            index, fact, match, text, lang, asked, user_place, conversation, read.clocks
        )
        if read.compared:  # "how many hours between NY and Moscow": how far apart, first
            answer = compared_answer(answer, fact, read.clocks, text)
        if now is not None:  # "its 8am in new york rn how long do I wait": from 8:00 there
            answer = with_countdown(answer, now)
        answer = with_unranked_note(answer, text)  # "rank the topics by importance": none given
        answer = with_own_clock_note(answer, text, user_place)  # "for me": no zone set
        # A story around its question: read by the question sentence if it matches better.
        return by_its_question(self, answer, text, lang, user_place, conversation) or answer

    def _settle(
        self,
        index: FactIndex,
        fact: Fact,
        match: Match,
        text: str,
        lang: str,
        asked: Place | None,
        user_place: Place | None,
        conversation: Conversation | None,
        clocks: tuple[Place, ...] = (),
    ) -> Answer:
        """The answer with `fact`, "Yes."/"No." first when the question is one it settles;
        the conversation now refers back to it."""
        if conversation is not None:
            conversation.last_fact_id = fact.id
        answer = self._answer(fact, match, lang, asked, user_place, clocks)
        # The date where the question asks about it, the hour there or in the user's zone.
        asked_here = [line.moment for line in answer.times if line.role == "asked"]
        moments = asked_here or [
            line.moment for line in answer.times if line.role in ("source", "user")
        ]
        # Options offered ("(a) Monday (b) Tuesday") are claims to pick from, never a "Yes".
        option = option_lead(text, lang, index.lexicon, moments)
        if option is not None:
            return replace(answer, lead=f"{option} {answer.lead}") if option else answer
        # A fact without an event time says yes or no to a day by the days its text gives.
        source = next((t.moment for t in answer.times if t.role == "source"), None)
        # "17:00 kyiv in london?": a time converted, or stated in each clock named.
        converted = source and conversion_in(self.resolver, index.lexicon, text, lang, source)
        verdict = converted.verdict(source) if converted else None
        verdict = verdict if converted else days_verdict(index, fact, text, lang, match)
        if verdict is None and not converted:
            # "past midnight there?": the date there against the source's (none read, none)
            origin = next((t.moment for t in answer.times if t.role == "source"), None)
            origin = origin if asked_here else None
            verdict = verdict_of(index, fact, text, lang, match, moments, self.clock(), origin)
        if verdict is None:
            return answer
        lead = ANSWERS("answer.yes" if verdict else "answer.no", lang)
        return replace(answer, lead=f"{lead} {answer.lead}")

    def _answer(
        self,
        fact: Fact,
        match: Match,
        lang: str,
        asked: Place | None,
        user_place: Place | None,
        clocks: tuple[Place, ...] = (),
    ) -> Answer:
        """The fact with its times: the source's, the references', then each place asked
        for (`clocks`, the places of a question for two or three clocks, in the order named;
        else `asked`) and the user's own."""
        times, notes, tense = (), (), ""
        if fact.event is not None:
            times, notes = event_times(fact, lang, self.events, clocks or (asked,), user_place)
            tense = tense_line(fact.event.aware, self.clock(), lang)
        ranked = tuple((c.fact_id, c.score) for c in match.candidates)
        best_score = match.best.score if match.best else 0.0
        return Answer(
            status="answered",
            lang=lang,
            lead=fact.text[lang],
            fact=fact,
            score=best_score,
            times=times,
            tense=tense,
            notes=notes,
            citations=self._citations.of(fact, self.sources, lang),
            ranked=ranked or ((fact.id, best_score),),
            place=asked if fact.event else None,
            evidence=match.evidence,
        )

    def _not_answered(self, index: FactIndex, match: Match, lang: str) -> Answer:
        return not_answered(index, match, lang, lambda: self.examples(lang))
