"""Words of place phrases for the resolver: tokens with spans, name keys, ru/uk readings.

The build script keys its index with `name_key`, so changing it means rebuilding the data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

import yaml

from knowledge.language.text import (
    APOSTROPHES,
    CYRILLIC,
    FOLD_APOSTROPHES,
    LATIN,
    RU_LETTERS,
    UK_LETTERS,
    WORD_CACHE_SIZE,
    morph_parse,
)

# Apostrophes stay inside a word ("I'm", "Кам'янське", "Ukraine's"); hyphens, dots and
# spaces separate words, so "Нью-Йорк", "Нью Йорк" and "New-York" get one key.
WORD = re.compile(rf"[^\W\d_]+(?:[{re.escape(APOSTROPHES)}][^\W\d_]+)*|\d+")
_SENTENCE_END = re.compile(r"[.!?;:\n]")

# Letters that look alike in both scripts: "Кiev" typed with a Cyrillic К must still match.
_TO_LATIN = str.maketrans("аеіорсухкмнтвАЕІОРСУХКМНТВ", "aeiopcyxkmhtbAEIOPCYXKMHTB")
_TO_CYRILLIC = str.maketrans("aeiopcyxkmhtAEIOPCYXKMHTB", "аеіорсухкмнтАЕІОРСУХКМНТВ")

# pymorphy3 grammemes of a case that a location preposition may govern.
LOCATIVE = frozenset({"loct", "loc2", "datv"})  # uk dictionaries often tag the locative datv


def _fold_latin_marks(word: str) -> str:
    """Zürich → zurich, Bogotá → bogota, but keep й, ї, ё distinct from и, і, е."""
    decomposed = unicodedata.normalize("NFD", word)
    out: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _unmix(word: str) -> str:
    cyrillic = len(CYRILLIC.findall(word))
    latin = len(LATIN.findall(word))
    if not cyrillic or not latin:
        return word
    return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)


# Bounded like language.text's (WORD_CACHE_SIZE); these were 20,000 to 100,000.
@lru_cache(maxsize=WORD_CACHE_SIZE)
def norm_word(word: str) -> str:
    word = unicodedata.normalize("NFKC", word.translate(FOLD_APOSTROPHES))
    word = _unmix(word).casefold().replace("ё", "е")
    return _fold_latin_marks(word)


def name_key(name: str) -> str:
    """The index key of a name: its words normalised and joined by single spaces."""
    return " ".join(norm_word(w) for w in WORD.findall(name))


@dataclass(frozen=True)
class Token:
    text: str  # as written
    norm: str
    start: int
    end: int
    sentence_start: bool  # first word of the text or of a sentence: capitals prove nothing
    after_mark: bool  # punctuation between this word and the one before

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def cyrillic(self) -> bool:
        return bool(CYRILLIC.search(self.norm))


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in WORD.finditer(text):
        gap = text[tokens[-1].end : m.start()] if tokens else ""
        first = not tokens or bool(_SENTENCE_END.search(gap))
        mark = bool(gap.strip())
        tokens.append(Token(m.group(), norm_word(m.group()), m.start(), m.end(), first, mark))
    return tokens


@dataclass(frozen=True, slots=True)
class Reading:
    """One lemma of a word with what the dictionaries say about it."""

    lemma: str
    adjective: bool
    # For an adjective, only its singular masculine and neuter cases: those that agree with
    # "время"/"час", so "по московскому" counts and "по женевским (пониманиям)" does not.
    cases: frozenset[str]
    neuter: bool  # a neuter adjective form: "лондонское" / "київське" stand for "... время"
    fixed: bool  # indeclinable ("Токио", "США"): fits any preposition
    known: bool
    # Cases the uk dictionary knows: Ukrainian "у Києві" is "in Kyiv", but Russian "у" takes
    # the genitive and means "at" or "has" ("у России есть").
    uk_cases: frozenset[str] = frozenset()


def _languages(word: str) -> tuple[str, ...]:
    # A letter only one language has spares asking the other dictionary, which would guess.
    if UK_LETTERS.search(word):
        return ("uk",)
    if RU_LETTERS.search(word):
        return ("ru",)
    return ("ru", "uk")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def readings(word: str) -> tuple[Reading, ...]:
    """Every lemma that the ru and uk dictionaries allow for a lower-case Cyrillic word.

    All parses are kept: for Ukrainian the first one is often wrong ("києві" → "кий").
    """
    merged: dict[tuple[str, bool], dict[str, Any]] = {}
    for lang in _languages(word):
        for parse in morph_parse(lang, word):
            tag = parse.tag
            adjective = tag.POS in ("ADJF", "ADJS")
            lemma = name_key(parse.normal_form)
            slot = merged.setdefault(
                (lemma, adjective),
                {"cases": set(), "neuter": False, "fixed": False, "known": False, "uk": set()},
            )
            agrees = not adjective or (tag.number != "plur" and tag.gender in ("masc", "neut"))
            if tag.case and agrees:
                slot["cases"].add(tag.case)
                if lang == "uk" and parse.is_known:
                    slot["uk"].add(tag.case)
            if adjective and tag.gender == "neut" and tag.case in ("nomn", "accs"):
                slot["neuter"] = True
            slot["fixed"] = slot["fixed"] or "Fixd" in tag.grammemes
            slot["known"] = slot["known"] or parse.is_known
    return tuple(
        _shared(
            Reading(
                lemma,
                adjective,
                _shared(frozenset(s["cases"])),
                s["neuter"],
                s["fixed"],
                s["known"],
                _shared(frozenset(s["uk"])),
            )
        )
        for (lemma, adjective), s in merged.items()
    )


# Kept readings hold few distinct sets of cases and many equal readings (a lemma's forms):
# one copy of each, and the kept readings cost less than half what they did (~2.9 KB a
# word was ~58 MiB at the cache's bound; docs/performance.md).
_T = TypeVar("_T")
_SHARED: dict[Any, Any] = {}


def _shared(value: _T) -> _T:
    if len(_SHARED) > 2 * WORD_CACHE_SIZE:
        _SHARED.clear()
    return _SHARED.setdefault(value, value)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_noun(word: str) -> bool:
    """Whether a lower-case Cyrillic word is only ever a noun ("пониманиям", "делу")."""
    parses = [p for lang in ("ru", "uk") for p in morph_parse(lang, word) if p.is_known]
    return bool(parses) and all(p.tag.POS == "NOUN" for p in parses)


def variants(token: Token) -> tuple[tuple[str, Reading | None], ...]:
    """The forms a token may stand for in a name: itself, and for Cyrillic its lemmas.

    Each form comes with the reading that produced it (None for a word no dictionary
    reads), so the caller can check the case a preposition demands.
    """
    if not token.cyrillic:
        return ((token.norm, None),)
    found = readings(token.norm)
    out: list[tuple[str, Reading | None]] = [(r.lemma, r) for r in found]
    if all(r.lemma != token.norm for r in found):
        out.insert(0, (token.norm, None))
    if not any(r.known for r in found):
        out.extend((form, None) for form in _unknown_lemmas(token.norm))
    return tuple(out)


# Case endings of nouns the dictionaries do not know ("Колкаті", "Джидді", "Бангкоку"),
# with the nominative endings they may come from. pymorphy3 guesses such words too, but
# guesses a common-noun paradigm, so foreign names need this as well.
_ENDINGS = (
    ("ою", ("а", "я")), ("ой", ("а", "я")), ("ом", ("", "о")), ("ем", ("", "ь", "е")),
    ("і", ("а", "я", "")), ("е", ("а", "я", "", "ь", "й")), ("и", ("а", "я")), ("у", ("", "а")),
    ("ю", ("ь", "я", "й")), ("а", ("", "о")), ("я", ("ь", "й")),
)  # fmt: skip


def _unknown_lemmas(word: str) -> list[str]:
    for ending, replacements in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return [stem + r for r in replacements]
    return []


# -- words around a place ----------------------------------------------------------------
def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The words of place phrases are data (data/phrase_words.yaml); the prepositions, which
# carry the grammatical cases their places take, are below.
_WORDS: dict[str, Any] = yaml.safe_load(
    resources.files("knowledge.places").joinpath("data", "phrase_words.yaml").read_text("utf-8")
)


def _phrases(key: str) -> set[tuple[str, ...]]:
    return {tuple(phrase.split()) for phrase in _WORDS[key]}


# Each preposition with the cases its place may take (None: any, as in English).
LOCATION_PREPOSITIONS: dict[str, frozenset[str] | None] = {
    "in": None,
    "for": None,
    "в": LOCATIVE,
    "во": LOCATIVE,
    "у": LOCATIVE,
    "на": LOCATIVE,
    "по": frozenset({"datv"}),
    "для": frozenset({"gent"}),
    "за": frozenset({"ablt"}),
}
# "from" counts only after the asker ("I'm from Denver", "я з Харкова", "мы из Техаса"):
# where they are from is where they watch; "a flight from Moscow" is no place to convert to.
FROM_PREPOSITIONS: dict[str, frozenset[str] | None] = {
    "from": None,
    "из": frozenset({"gent"}),
    "з": frozenset({"gent"}),
    "із": frozenset({"gent"}),
    "зі": frozenset({"gent"}),
}
# Words that may open a place phrase, with or without the asker before them.
_PHRASE_OPENERS = frozenset({*LOCATION_PREPOSITIONS, *FROM_PREPOSITIONS})
# A country needs one of these: "for"/"для" and "по" mostly mean "about" with a country
# ("support for Ukraine", "последствия для России", "переговоры по Украине").
COUNTRY_PREPOSITIONS = frozenset({"in", "в", "во", "у", "на", *FROM_PREPOSITIONS})
# "по Москве", "за Києвом" read as a time reckoning, weaker than "in"/"в".
RECKONING_PREPOSITIONS = frozenset({"по", "за"})
TIME_BEFORE = _phrases("time_before")
TIME_AFTER = wordset(_WORDS["time_after"])
TIME_AFTER_PAIRS = _phrases("time_after_pairs")
SELF = _phrases("self")
PEOPLE = wordset(_WORDS["people"])
FILLERS = wordset(_WORDS["fillers"])
LOWER_CASE_WORDS = wordset(_WORDS["lower_case_words"])
TIME_CUES = wordset(_WORDS["time_cues"])
FOLLOWERS = wordset(_WORDS["followers"])
TIME_OF_DAY = re.compile(r"\d{1,2}[:.]\d{2}|\d\s?(?:am|pm)\b", re.IGNORECASE)

# Offsets: "UTC+5:30", "GMT-3", "UTC−4", "МСК+1", "+03:00". Bare "+3" is too vague.
OFFSET = re.compile(
    r"(?<![\w+\-−–])(?:(?P<base>UTC|GMT|UT|MSK|МСК)\s?(?P<sign>[+\-−–])\s?(?P<h>\d{1,2})"
    r"(?:(?P<sep>[:.]?)(?P<m>\d{2}))?|(?P<sign2>[+\-−])(?P<h2>\d{2}):(?P<m2>\d{2}))(?![\w:])",
    re.IGNORECASE,
)
IANA = re.compile(r"(?<![\w/])[A-Za-z][A-Za-z_\-]*(?:/[A-Za-z0-9_\-+]+)+(?![\w/])")


# -- the extent of a place phrase ----------------------------------------------------------
def words_at(tokens: list[Token], at: int, words: tuple[str, ...]) -> bool:
    if at < 0 or at + len(words) > len(tokens):
        return False
    return all(tokens[at + n].norm == w for n, w in enumerate(words))


def _by_first_word(phrases: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        grouped.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in grouped.items()}


# The phrases that may open a question before its place ("I'm in", "по времени"), by their
# first word: core_span tries only those that can start where it stands.
_OPENINGS = _by_first_word(SELF | TIME_BEFORE)
_TIME_BEFORE_LONGEST_FIRST = sorted(TIME_BEFORE, key=len, reverse=True)
_SELF_LONGEST_FIRST = sorted(SELF, key=len, reverse=True)


def core_span(tokens: list[Token]) -> tuple[int, int, int, bool]:
    """Where a name may stand once fillers, prepositions and time words around it are cut:
    its start, its end with and without trailing time words, and whether a location
    preposition was cut."""
    start, end, located = 0, len(tokens), False
    while start < end:
        word = tokens[start].norm
        openings = _OPENINGS.get(word, ())
        phrase = max((len(w) for w in openings if words_at(tokens, start, w)), default=0)
        if phrase:
            start += phrase
            located = True
        elif word in LOCATION_PREPOSITIONS or word in FILLERS or word == "the":
            located = located or word in LOCATION_PREPOSITIONS
            start += 1
        else:
            break
    while end > start and tokens[end - 1].norm in FILLERS:
        end -= 1
    core = end
    while core > start:
        if core - start >= 2 and (tokens[core - 2].norm, tokens[core - 1].norm) in TIME_AFTER_PAIRS:
            core -= 2
        elif tokens[core - 1].norm in TIME_AFTER:
            core -= 1
        else:
            break
    return start, end, core, located


def phrase_span(tokens: list[Token], i: int, j: int) -> tuple[int, int, str | None]:
    """The character span of the name in tokens[i:j] widened over its preposition ("по"),
    "I'm in", "the" and time words, with the preposition, or "time" for "по времени X"."""
    start, end = tokens[i].start, tokens[j - 1].end
    prep = None
    k = i - 1
    if k >= 0 and tokens[k].norm == "the":
        k -= 1
    for words in _TIME_BEFORE_LONGEST_FIRST:
        if k + 1 >= len(words) and words_at(tokens, k - len(words) + 1, words):
            return tokens[k - len(words) + 1].start, _time_end(tokens, j, end), "time"
    if k >= 0 and tokens[k].norm in _PHRASE_OPENERS:
        asker = next(
            (
                words
                for words in _SELF_LONGEST_FIRST
                if k >= len(words) and words_at(tokens, k - len(words), words)
            ),
            None,
        )
        if asker is not None or tokens[k].norm in LOCATION_PREPOSITIONS:
            prep = tokens[k].norm
            start = tokens[k - len(asker)].start if asker else tokens[k].start
    return start, _time_end(tokens, j, end), prep


_CLOCK_RECKONED = _phrases("clock_reckoned")


def time_word_before(tokens: list[Token], i: int) -> bool:
    """Whether a time word stands before the "по"/"за" of the name at tokens[i]: "время по
    Калифорнии", "час за Каліфорнією" ask for that place's time as "Texas time" does."""
    k = i - 1
    if k >= 0 and tokens[k].norm == "the":
        k -= 1
    # "для": "время для Техаса" is as often "a good time for Texas".
    if k < 1 or tokens[k].norm not in RECKONING_PREPOSITIONS:
        return False
    # A question for the hour reckons by the place as a time word does: "во сколько по
    # Израилю"; "сколько" alone counts ("сколько по России войск").
    return tokens[k - 1].norm in TIME_AFTER or any(
        words_at(tokens, k - len(words), words) for words in _CLOCK_RECKONED
    )


# The end of a question for the time, right before "for"/"для" and a country: "what time
# (is it) for Australia", "во сколько для Канады". Alone "a hard time for Ukraine" is not one.
_CLOCK_ASKED = _phrases("clock_asked")
_CLOCK_LINKS = wordset(_WORDS["clock_links"])


def clock_asked_before(tokens: list[Token], i: int) -> bool:
    """Whether the "for"/"для" before tokens[i] follows a question for the time, so that a
    country after it asks for its clock ("what time is it for Canada") and is not what
    something is for ("support for Ukraine"); likewise "по"/"за" ("о котрій по Ізраїлю",
    while "переговори по Україні" asks no time)."""
    k = i - 1
    if k >= 0 and tokens[k].norm == "the":
        k -= 1
    if k < 0 or tokens[k].norm not in ("for", "для", *RECKONING_PREPOSITIONS):
        return False
    # Before "по"/"за" only a question for the hour: "сколько по России войск" counts.
    asked = _CLOCK_RECKONED if tokens[k].norm in RECKONING_PREPOSITIONS else _CLOCK_ASKED
    k -= 1
    while k >= 0 and k >= i - 5 and tokens[k].norm in _CLOCK_LINKS:
        k -= 1
    return any(words_at(tokens, k - len(words) + 1, words) for words in asked)


def _time_end(tokens: list[Token], j: int, end: int) -> int:
    if j + 1 < len(tokens) and (tokens[j].norm, tokens[j + 1].norm) in TIME_AFTER_PAIRS:
        return tokens[j + 1].end
    if j < len(tokens) and tokens[j].norm in TIME_AFTER:
        return tokens[j].end
    return end


def people_end(text: str, tokens: list[Token], end: int) -> int:
    """The end of a place phrase widened over a word for its people right after it
    ("for Melbourne folks"), so that the word does not stay in the question."""
    after = next((t for t in tokens if t.start >= end), None)
    if after is not None and after.norm in PEOPLE and not text[end : after.start].strip():
        return after.end
    return end


def all_upper(tokens: list[Token], i: int, j: int) -> bool:
    return all(t.text.isupper() for t in tokens[i:j])


def attributive(tokens: list[Token], j: int) -> bool:
    """Whether a bare English name ending before tokens[j] qualifies it ("Geneva summit")."""
    if j >= len(tokens) or tokens[j].cyrillic or tokens[j].after_mark:
        return False
    return tokens[j].norm not in FOLLOWERS


def case_fits(prep: str, head: Reading | None, ukrainian: bool) -> bool:
    """Whether the place's last word takes the case the preposition governs; `ukrainian`
    says whether the text has Ukrainian letters, for "у" before an indeclinable name."""
    cases = LOCATION_PREPOSITIONS.get(prep, FROM_PREPOSITIONS.get(prep))
    if cases is None:
        return True
    if head is None or head.fixed or not head.known:
        return prep != "у" or ukrainian
    return bool((head.uk_cases if prep == "у" else head.cases) & cases)


def has_ukrainian_letters(text: str) -> bool:
    return bool(UK_LETTERS.search(text))
