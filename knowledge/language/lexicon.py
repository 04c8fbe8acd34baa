"""The matcher's words as data: intents and stopwords (knowledge/language/data/words.yaml)
and a content's concepts, its thesaurus of interchangeable words (lexicon.yaml beside its
facts).

Intents let "когда", "коли" and "what time" meet on one token, so a Russian question
matches a fact whose English question asks the same. Concepts do the same for the things a
content talks about ("созвон", "videocall", "переговори" → @call). The files are read and
checked in lexicon_files.py; here is what they become.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from knowledge.language.behalf import Behalf
from knowledge.language.text import normalize
from knowledge.language.translit import transliterate


@dataclass(frozen=True)
class FollowUpWords:
    """Words of follow-up turns (words.yaml), normalised, any language: a person pronoun
    ("who is he?"), a phrase pointing back at the last subject ("about it"), a whole
    question asking what came next or before ("and later?", "а раньше?"), a word beside a
    place asking for the same again there ("same for Lagos")."""

    pronouns: frozenset[str] = frozenset()
    about_it: tuple[str, ...] = ()  # longest first: "про неї" is found before "про"
    and_then: frozenset[str] = frozenset()
    and_before: frozenset[str] = frozenset()
    same_again: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Calendar:
    """Names of weekdays and months (words.yaml `calendar`), each form → its number (Monday
    0, January 1), any language; words after an hour and after a day's number."""

    weekdays: Mapping[str, int] = field(default_factory=dict)
    months: Mapping[str, int] = field(default_factory=dict)
    # A month's short form ("бер", "sept") is a month only as written: as the base form of
    # another word it is that word ("бере" is "takes", not March).
    abbreviations: frozenset[str] = frozenset()
    # Short forms that are everyday words too ("лист", a letter): a month only beside a
    # day's number ("16 лист"), as "may" is.
    lookalikes: frozenset[str] = frozenset()
    # The languages whose writers put a slashed date month first ("12/7" is 7 December).
    month_first: frozenset[str] = frozenset()
    # "five", "п'ятій" → 5; "сімнадцятій" → 17 (`late_hours`: ru, uk say the afternoon's)
    hours: Mapping[str, int] = field(default_factory=dict)
    days: Mapping[str, int] = field(default_factory=dict)  # "восьмого", "шостого" → 8, 6
    at: frozenset[str] = frozenset()  # words before an hour: "at", "о"
    afternoon: frozenset[str] = frozenset()
    morning: frozenset[str] = frozenset()
    ordinal: frozenset[str] = frozenset()
    # "ночью", "evening" → the hours that part of the day spans ("у нас уже ночь будет?")
    day_parts: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # "noon", "опівночі" → 12, 0: an hour named by a word, read as that hour's "12 00"
    named_hours: Mapping[str, int] = field(default_factory=dict)
    # Words a number before them counts ("в двух словах", "in two words"): no hour.
    counted: frozenset[str] = frozenset()
    # "hrs", "h" after four figures: an hour in military time ("1700 hrs" → 17:00)
    military: frozenset[str] = frozenset()
    # "h", "ч" between an hour and its minutes or after an afternoon hour ("17h00", "17ч"):
    # the hour's mark, read as "17 00"
    hour_marks: frozenset[str] = frozenset()
    # "xii" → 12: a month in Roman numerals after a day's number ("1.XII", "16.VI")
    roman_months: Mapping[str, int] = field(default_factory=dict)
    # "today", "tonight", "завтра": a day named relative to the asker's, read as a weekday
    # is ("@weekday"): it asks which day the event is; held against the clock's today, the
    # event's date says yes or no (moments.py). Form → days from today ("tomorrow": 1).
    relative_days: Mapping[str, int] = field(default_factory=dict)
    # "o'clock": after a number, an hour of either half of the day ("five o'clock" is 5 or 17)
    on_the_hour: frozenset[str] = frozenset()
    # Holidays by name: where a word of `holiday_placers` stands before one ("на Николу",
    # "после хануки", "before christmas"), a day named, read as a weekday is ("@weekday"):
    # it asks which day the event is; "when is christmas" asks the holiday's own day.
    holidays: frozenset[str] = frozenset()
    holiday_placers: frozenset[str] = frozenset()
    # Words that place a day against the one named ("до", "после", "раньше", "before", "the
    # second"), set aside where a weekday, holiday or relative day is named: "это на Николу
    # или раньше?" asks the day as "это на Николу?" does.
    day_relations: frozenset[str] = frozenset()
    # Figures texted for "to" before a relative day ("2nite", "2moro"): "2 nite" is "nite".
    texted_to: frozenset[str] = frozenset()
    # "second" → 2 ... "last" → 5: which of a month's weekdays is claimed
    weekday_ordinals: Mapping[str, int] = field(default_factory=dict)
    # A "now" the asker states before a countdown ("сейчас 16:20 по Киеву, сколько
    # осталось?"): its words, and the words that make the message a countdown.
    now: tuple[str, ...] = ()  # phrases, normalised: "сейчас", "у меня", "it's"
    countdown: tuple[str, ...] = ()  # phrases: "сколько осталось", "how long", "minutes left"
    now_hour_words: frozenset[str] = frozenset()  # after the stated hour: "утра", "дня", "am"
    # Minutes before an hour ("a quarter to", "без четверти", "пів на") with how far they
    # stand from it (-15, -30), longest first, and the hours' forms after them besides
    # `hours` ("шестого", "шосту"): a spelt time read as "5 45" (minute_words.py).
    minute_phrases: tuple[tuple[tuple[str, ...], int], ...] = ()
    hour_forms: Mapping[str, int] = field(default_factory=dict)
    # "past midnight", "already the next day", "ще той самий день": the event's date where
    # it is asked about, against the source's, claimed as days after it (0 or 1); read as a
    # weekday is ("@weekday", reading.py), so "is it past midnight in Tokyo?" asks which day
    # it is there (moments.py). Phrases, normalised, longest first.
    day_shifts: tuple[tuple[str, int], ...] = ()

    def concepts(self) -> dict[str, str]:
        """Each name's token: one for every weekday (which one is the event's to say), one
        per month, named by its first English form ("@december")."""
        first: dict[int, str] = {}
        for form, number in self.months.items():
            first.setdefault(number, form)
        return {
            **{form: "@weekday" for form in self.weekdays},
            **{form: "@weekday" for form in self.relative_days},
            **{
                form: f"@{first[number]}"
                for form, number in self.months.items()
                if form not in self.lookalikes
            },
        }

    def month_by_base(self, base: str) -> int | None:
        """The month a word's base form names: its full name's, never a short form's."""
        return None if base in self.abbreviations else self.months.get(base)


@dataclass(frozen=True)
class Lexicon:
    # (phrase, intent), longest phrase first: replaced before its parts.
    intent_phrases: tuple[tuple[str, str], ...]
    intents: frozenset[str]
    # One-word phrases, for typo correction: "кагда" is corrected to "когда", which is @when.
    single_word_intents: Mapping[str, str]
    stopwords: frozenset[str]
    concept_of: Mapping[str, str]
    # Per language, (Latin spelling, Cyrillic), longest first.
    translit: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # Per language, words that move a question off what a fact says ("next", "итоги").
    shifters: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per language, real words no dictionary here knows (English has none), never read as
    # a typo of a known word: "dying" is not "doing".
    real_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Follow-ups asking who said it ("who said that?"), normalised, any language.
    said_that: frozenset[str] = frozenset()
    # Per language, the words that make a question a yes/no one.
    yes_no: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per language, words that end a statement put as a question ("..., right?").
    confirming: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per language, "or" offering a choice ("online or offline?"), and the words after it
    # that leave a yes/no question one ("or not").
    choice: Mapping[str, frozenset[str]] = field(default_factory=dict)
    choice_closed: Mapping[str, frozenset[str]] = field(default_factory=dict)
    follow_ups: FollowUpWords = field(default_factory=FollowUpWords)
    # Phrases with a gap ("смотреть ... вживую"): their words in order with up to GAP_WORDS
    # others between ("смотреть переговоры вживую"), the whole span replaced by the intent.
    gapped_phrases: tuple[tuple[re.Pattern[str], str], ...] = ()
    # Each first word's phrases, by their place in intent_phrases: a question is checked
    # against the phrases its words can start, not all of them.
    phrase_starts: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    # Concepts said in several words ("virtual summit", "онлайн саммит" → @call): the words,
    # as written, and the concept. The matcher reduces them as it reduces a question.
    concept_phrases: tuple[tuple[tuple[str, ...], str], ...] = ()
    calendar: Calendar = field(default_factory=Calendar)
    # Per language, (word, its "or"): a word that is "or" between two things it follows
    # and "whether" where it opens a question (uk "чи").
    or_between: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # Asking on someone's behalf ("внучка спрашивает"), dropped as filler.
    behalf: Behalf = field(default_factory=Behalf)
    # Per language, words that open a question after a clause of context and a comma
    # ("my son is in Toronto, what time is it for him?").
    question_openers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per language, words by which a sentence of a message without "?" asks ("when", "tell",
    # "подскажите"): the others are context (text.question_part).
    asking_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The intents that ask for a time ("when", "во сколько"): a place "for" one is its clock.
    time_intents: frozenset[str] = frozenset()
    # Openers ("what is", "what's") that, before one bare word and nothing else, ask what
    # that word means: "what is NATO" is "@define nato", "what's the venue" stays.
    bare_defined: tuple[tuple[str, ...], ...] = ()
    # Words for the people around the asker, as written ("boss", "руководителю", "колегам"):
    # with a place named, whose clock is asked, they say only who keeps it.
    around_asker: frozenset[str] = frozenset()
    # Courtesies by kind ("greeting", "thanks"), normalised, all languages pooled: filler
    # around an ask, answered in kind when a message says nothing else.
    courtesies: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per language, words that open a question asking what ("what happened on 1 December?",
    # "что было 1 декабря?"): such a question puts nothing to be checked, with or without "?".
    asks_what: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per language, prepositions that may open such a question ("в каком формате?").
    asks_what_after: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Who speaks (knowledge/language/speakers.py): the content's people, as its concepts
    # ("@peskov"); per language, words for someone who speaks for another ("press secretary",
    # "команда"); the kinds that, beside @say, still ask what someone said ("about": @topic).
    people: frozenset[str] = frozenset()
    speaks_for: Mapping[str, frozenset[str]] = field(default_factory=dict)
    speaker_kinds: frozenset[str] = frozenset()
    # The content's sides: each its people and its names as written ("the Kremlin").
    sides: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()

    @classmethod
    def build(
        cls,
        intents: Mapping[str, list[str]],
        stopwords: Mapping[str, str],
        concepts: Mapping[str, list[str]],
        translit: Mapping[str, list[tuple[str, str]]] | None = None,
        shifters: Mapping[str, str] | None = None,
        said_that: Mapping[str, list[str]] | None = None,
        yes_no: Mapping[str, str] | None = None,
        follow_ups: FollowUpWords | None = None,
        filler: Mapping[str, list[str]] | None = None,
        calendar: Calendar | None = None,
        confirming: Mapping[str, str] | None = None,
        rephrased: Mapping[str, str] | None = None,
    ) -> Lexicon:
        # Filler phrases are replaced by nothing, a rephrased one by its plain form, in the
        # same pass as the intents.
        dropped = {(p, "") for ps in (filler or {}).values() for p in ps}
        dropped |= set((rephrased or {}).items())
        phrases = sorted(
            {(p, intent) for intent, ps in intents.items() for p in ps if GAP not in p}
            | dropped,
            key=lambda item: (-len(item[0]), item[0]),
        )
        gapped = tuple(
            (_gap_pattern(p), intent)
            for intent, ps in sorted(intents.items())
            for p in ps
            if GAP in p
        )
        calendar = calendar or Calendar()
        return cls(
            intent_phrases=tuple(phrases),
            phrase_starts=_by_first_word(phrases),
            gapped_phrases=gapped,
            intents=frozenset(intents),
            single_word_intents={p: i for p, i in phrases if " " not in p and i},
            stopwords=frozenset(w for words in stopwords.values() for w in words.split()),
            concept_of={
                **calendar.concepts(),
                **{
                    word: concept
                    for concept, words in concepts.items()
                    for word in words
                    if " " not in word
                },
            },
            translit={
                lang: tuple(sorted(((a, b) for a, b in pairs), key=lambda ab: -len(ab[0])))
                for lang, pairs in (translit or {}).items()
            },
            shifters={lang: frozenset(text.split()) for lang, text in (shifters or {}).items()},
            said_that=frozenset(
                normalize(p) for phrases in (said_that or {}).values() for p in phrases
            ),
            yes_no={lang: frozenset(text.split()) for lang, text in (yes_no or {}).items()},
            confirming={lang: frozenset(text.split()) for lang, text in (confirming or {}).items()},
            follow_ups=follow_ups or FollowUpWords(),
            concept_phrases=tuple(
                (tuple(normalize(phrase).split()), concept)
                for concept, phrases in concepts.items()
                for phrase in phrases
                if " " in phrase
            ),
            calendar=calendar,
        )

    def transliterated(
        self, text: str, lang: str, known: Callable[[str], bool] | None = None
    ) -> str:
        """Latin text read as `lang` in Cyrillic ("kogda" → "когда"); the text if no table.

        The table reads each spot its first way (the longest spelling first). Where it offers
        several, `known` picks: each word is the first of its readings that `known` accepts
        ("kyievom" is "києвом", not "кїевом": "yi" is "ї" in "Kyiv"), else the first.
        """
        pairs = self.translit.get(lang)
        return transliterate(text, pairs, known) if pairs else text


GAP = " ... "
# The intent asking what a word means, which a bare term after "what is" is read as.
DEFINE = "@define"
GAP_WORDS = 3


def _gap_pattern(phrase: str) -> re.Pattern[str]:
    """A gapped phrase as a pattern over space-padded normalised text."""
    parts = [re.escape(part) for part in phrase.split(GAP)]
    return re.compile(" " + f"((?: \\S+){{0,{GAP_WORDS}}}?) ".join(parts) + " ")


def _by_first_word(phrases: list[tuple[str, str]]) -> dict[str, tuple[int, ...]]:
    starts: dict[str, list[int]] = {}
    for n, (phrase, _) in enumerate(phrases):
        starts.setdefault(phrase.split(" ", 1)[0], []).append(n)
    return {word: tuple(ns) for word, ns in starts.items()}
