"""The matcher's words as data: intents and stopwords (knowledge/language/data/words.yaml)
and a content's concepts, its thesaurus of interchangeable words (lexicon.yaml beside its
facts).

Intents let "когда", "коли" and "what time" meet on one token, so a Russian question
matches a fact whose English question asks the same. Concepts do the same for the things a
content talks about ("созвон", "videocall", "переговори" → @call). Both files are checked
when loaded: a mistake names the file and the entry rather than quietly matching less.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.i18n import SAFE_LOADER
from knowledge.language.behalf import Behalf, load_behalf
from knowledge.language.text import normalize
from knowledge.language.translit import transliterate
from knowledge.model import LANGS

WORDS_PATH = Path(__file__).resolve().parent / "data" / "words.yaml"
SHIPPED_CONCEPTS_PATH = Path(__file__).resolve().parent.parent / "content" / "lexicon.yaml"


class LexiconInvalid(ValueError):
    """A words or lexicon file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True)
class FollowUpWords:
    """Words of follow-up turns (words.yaml), normalised, any language: a person pronoun
    ("who is he?"), a phrase pointing back at the last subject ("about it"), a whole
    question asking what came next or before ("and later?", "а раньше?")."""

    pronouns: frozenset[str] = frozenset()
    about_it: tuple[str, ...] = ()  # longest first: "про неї" is found before "про"
    and_then: frozenset[str] = frozenset()
    and_before: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Calendar:
    """Names of weekdays and months (words.yaml `calendar`), each form → its number (Monday
    0, January 1), any language; words after an hour and after a day's number."""

    weekdays: Mapping[str, int] = field(default_factory=dict)
    months: Mapping[str, int] = field(default_factory=dict)
    hours: Mapping[str, int] = field(default_factory=dict)  # "five", "п'ятій" → 5
    days: Mapping[str, int] = field(default_factory=dict)  # "восьмого", "шостого" → 8, 6
    at: frozenset[str] = frozenset()  # words before an hour: "at", "о"
    afternoon: frozenset[str] = frozenset()
    morning: frozenset[str] = frozenset()
    ordinal: frozenset[str] = frozenset()
    # "ночью", "evening" → the hours that part of the day spans ("у нас уже ночь будет?")
    day_parts: Mapping[str, frozenset[int]] = field(default_factory=dict)

    def concepts(self) -> dict[str, str]:
        """Each name's token: one for every weekday (which one is the event's to say), one
        per month, named by its first English form ("@december")."""
        first: dict[int, str] = {}
        for form, number in self.months.items():
            first.setdefault(number, form)
        return {
            **{form: "@weekday" for form in self.weekdays},
            **{form: f"@{first[number]}" for form, number in self.months.items()},
        }


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


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconInvalid(f"{path.name}: cannot be read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: expected a mapping at the top")
    return data


GAP = " ... "
GAP_WORDS = 3


def _gap_pattern(phrase: str) -> re.Pattern[str]:
    """A gapped phrase as a pattern over space-padded normalised text."""
    parts = [re.escape(part) for part in phrase.split(GAP)]
    return re.compile(" " + f"(?: \\S+){{0,{GAP_WORDS}}}? ".join(parts) + " ")


def _token_lists(data: Any, path: Path, section: str) -> dict[str, list[str]]:
    """A mapping of '@token' to a list of lower-case phrases."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: {section}: expected a mapping of @name to phrases")
    result: dict[str, list[str]] = {}
    for token, phrases in data.items():
        where = f"{path.name}: {section}: {token!s:.40}"
        if not isinstance(token, str) or not token.startswith("@") or " " in token:
            raise LexiconInvalid(f"{where}: a name is one word starting with @")
        if not isinstance(phrases, list) or not phrases:
            raise LexiconInvalid(f"{where}: expected a non-empty list of phrases")
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise LexiconInvalid(f"{where}: every phrase is non-empty text")
            if phrase != phrase.strip().lower() or "  " in phrase:
                raise LexiconInvalid(f"{where}: {phrase!r:.60} must be lower case, single-spaced")
        result[token] = list(phrases)
    return result


def load_lexicon(
    words_path: Path = WORDS_PATH, concepts_path: Path | None = SHIPPED_CONCEPTS_PATH
) -> Lexicon:
    """The generic words plus a content's concepts (none when it has no lexicon file)."""
    words = _read(words_path)
    intents = _token_lists(words.get("intents"), words_path, "intents")
    stopwords = _texts_per_language(words.get("stopwords"), words_path, "stopwords")
    shifters = _texts_per_language(words.get("shifters"), words_path, "shifters")
    yes_no = _texts_per_language(words.get("yes_no"), words_path, "yes_no")
    # A stopword is dropped before anything weighs it: as a shifter too it would never count.
    for lang, text in shifters.items():
        both = sorted(set(text.split()) & set(stopwords.get(lang, "").split()))
        if both:
            raise LexiconInvalid(f"{words_path.name}: shifters: {lang} {both[0]} is a stopword")
    said_that = _phrases_per_language(words.get("said_that"), words_path, "said_that")
    filler = _phrases_per_language(words.get("filler"), words_path, "filler")
    translit = _translit_tables(words.get("translit"), words_path)
    concepts: dict[str, list[str]] = {}
    if concepts_path is not None and concepts_path.exists():
        data = _read(concepts_path)
        concepts = _token_lists(data.get("concepts"), concepts_path, "concepts")
        clash = sorted(set(concepts) & set(intents))
        if clash:
            raise LexiconInvalid(f"{concepts_path.name}: concepts: {clash[0]} is an intent")
    lexicon = Lexicon.build(
        intents,
        stopwords,
        concepts,
        translit,
        shifters,
        said_that,
        yes_no,
        _follow_up_words(words, words_path),
        filler,
        _calendar(words.get("calendar"), words_path),
        _texts_per_language(words.get("confirming"), words_path, "confirming"),
        _rephrased(words.get("rephrased"), words_path),
    )
    real_words = _texts_per_language(words.get("real_words"), words_path, "real_words")
    try:
        behalf = load_behalf(words.get("on_behalf"), words_path)
    except ValueError as exc:
        raise LexiconInvalid(str(exc)) from None
    openers = _texts_per_language(words.get("question_openers"), words_path, "question_openers")
    return replace(
        lexicon,
        behalf=behalf,
        or_between=_or_between(words.get("or_between"), words_path),
        real_words={lang: frozenset(text.split()) for lang, text in real_words.items()},
        question_openers={lang: frozenset(text.split()) for lang, text in openers.items()},
    )


def _or_between(data: Any, path: Path) -> dict[str, tuple[str, str]]:
    table = data or {}
    ok = isinstance(table, dict) and not set(table) - set(LANGS)
    if not ok or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)
        for pair in table.values()
    ):
        raise LexiconInvalid(f"{path.name}: or_between: expected [word, its or] per language")
    return {lang: (normalize(pair[0]), normalize(pair[1])) for lang, pair in table.items()}


def _calendar(data: Any, path: Path) -> Calendar:
    data = data or {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: calendar: expected a mapping")

    def names(section: str, count: int, first: int) -> dict[str, int]:
        table = data.get(section) or {}
        ok = isinstance(table, dict) and not set(table) - set(LANGS)
        if not ok or not all(
            isinstance(forms, list)
            and len(forms) == count
            and all(isinstance(f, str) for f in forms)
            for forms in table.values()
        ):
            raise LexiconInvalid(
                f"{path.name}: calendar: {section}: expected {count} names per language"
            )
        return {
            normalize(form): number
            for forms in table.values()
            for number, text in enumerate(forms, start=first)
            for form in text.split()
        }

    def words(section: str) -> frozenset[str]:
        texts = _texts_per_language(data.get(section), path, f"calendar: {section}")
        return frozenset(w for text in texts.values() for w in normalize(text).split())

    spans = data.get("day_part_hours") or []
    if not (
        isinstance(spans, list)
        and all(
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(h, int) and 0 <= h < 24 for h in span)
            for span in spans
        )
    ):
        raise LexiconInvalid(f"{path.name}: calendar: day_part_hours: expected [from, to] hours")
    part_hours = [
        frozenset(h % 24 for h in range(start, end if end > start else end + 24))
        for start, end in spans
    ]
    parts = names("day_parts", len(part_hours), 0) if part_hours else {}

    return Calendar(
        weekdays=names("weekdays", 7, 0),
        months=names("months", 12, 1),
        hours=names("hours", 12, 1),
        days=names("days", 20, 1),
        at=words("at"),
        afternoon=words("afternoon"),
        morning=words("morning"),
        ordinal=words("ordinal"),
        day_parts={form: part_hours[number] for form, number in parts.items()},
    )


def _follow_up_words(words: Mapping[str, Any], path: Path) -> FollowUpWords:
    pronouns = _texts_per_language(words.get("person_pronouns"), path, "person_pronouns")

    def phrases(section: str) -> frozenset[str]:
        data = words.get(section) or {}
        ok = isinstance(data, dict) and not set(data) - set(LANGS)
        if not ok or not all(
            isinstance(ps, list) and all(isinstance(p, str) and normalize(p) for p in ps)
            for ps in data.values()
        ):
            raise LexiconInvalid(f"{path.name}: {section}: expected phrases per language")
        return frozenset(normalize(p) for ps in data.values() for p in ps)

    return FollowUpWords(
        pronouns=frozenset(normalize(w) for text in pronouns.values() for w in text.split()),
        about_it=tuple(sorted(phrases("about_it"), key=lambda p: (-len(p), p))),
        and_then=phrases("and_then"),
        and_before=phrases("and_before"),
    )


def _phrases_per_language(data: Any, path: Path, section: str) -> dict[str, list[str]]:
    data = data or {}
    if not isinstance(data, dict) or not all(
        lang in LANGS and isinstance(ps, list) and all(isinstance(p, str) and p for p in ps)
        for lang, ps in data.items()
    ):
        raise LexiconInvalid(f"{path.name}: {section}: expected phrases per language")
    return data


def _by_first_word(phrases: list[tuple[str, str]]) -> dict[str, tuple[int, ...]]:
    starts: dict[str, list[int]] = {}
    for n, (phrase, _) in enumerate(phrases):
        starts.setdefault(phrase.split(" ", 1)[0], []).append(n)
    return {word: tuple(ns) for word, ns in starts.items()}


def _rephrased(data: Any, path: Path) -> dict[str, str]:
    table = data or {}
    if not isinstance(table, dict) or set(table) - set(LANGS) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w for w in pair)
        for pairs in table.values()
        for pair in pairs
    ):
        raise LexiconInvalid(f"{path.name}: rephrased: expected [phrase, plain form] pairs")
    return {normalize(a): normalize(b) for pairs in table.values() for a, b in pairs}


def _texts_per_language(data: Any, path: Path, section: str) -> dict[str, str]:
    data = data or {}
    ok = isinstance(data, dict) and not set(data) - set(LANGS)
    if not ok or not all(isinstance(text, str) for text in data.values()):
        raise LexiconInvalid(f"{path.name}: {section}: expected a text per language")
    return data


def _translit_tables(data: Any, path: Path) -> dict[str, list[tuple[str, str]]]:
    if data is None:
        return {}
    where = f"{path.name}: translit"
    if not isinstance(data, dict) or set(data) - set(LANGS):
        raise LexiconInvalid(f"{where}: expected a table per language")
    tables = {}
    for lang, pairs in data.items():
        ok = isinstance(pairs, list) and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p)
            for p in pairs
        )
        if not ok or any(latin == "$" for latin, _ in pairs):
            raise LexiconInvalid(f"{where}: {lang}: expected [latin, cyrillic] pairs")
        tables[lang] = [(a, b) for a, b in pairs]
    return tables


@cache
def shipped_lexicon() -> Lexicon:
    return load_lexicon()
