"""The words around a place in a question: prepositions with the cases they govern, "I'm
in", time words, fillers, and the spans of place phrases they widen a name to.

The words are data (data/phrase_words.yaml); tokens and their readings are in tokens.py.
"""

from __future__ import annotations

import itertools
import re
from importlib import resources
from typing import Any

import yaml

from knowledge.language.text import UK_LETTERS
from knowledge.places.tokens import Reading, Token


# -- words around a place ----------------------------------------------------------------
def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The words of place phrases are data (data/phrase_words.yaml), the prepositions with the
# grammatical cases their places take.
WORDS: dict[str, Any] = yaml.safe_load(
    resources.files("knowledge.places").joinpath("data", "phrase_words.yaml").read_text("utf-8")
)


def phrases_of(key: str) -> set[tuple[str, ...]]:
    """A section of phrase_words.yaml as word tuples (the answering side reads some too)."""
    return {tuple(phrase.split()) for phrase in WORDS[key]}


def _governing(key: str) -> dict[str, frozenset[str] | None]:
    """Each preposition with the cases its place may take (None: any, as in English)."""
    return {
        word: None if cases == "any" else frozenset(cases) for word, cases in WORDS[key].items()
    }


LOCATION_PREPOSITIONS = _governing("location_prepositions")
FROM_PREPOSITIONS = _governing("from_prepositions")
# Words that may open a place phrase, with or without the asker before them ("on" only
# before an island: reckoning.py).
_PREPOSITIONS_ALONE = frozenset({*LOCATION_PREPOSITIONS, *wordset(WORDS["island_prepositions"])})
_PHRASE_OPENERS = _PREPOSITIONS_ALONE | frozenset(FROM_PREPOSITIONS)
COUNTRY_PREPOSITIONS = wordset(WORDS["country_prepositions"]) | frozenset(FROM_PREPOSITIONS)
RECKONING_PREPOSITIONS = wordset(WORDS["reckoning_prepositions"])
ADJECTIVE_RECKONING = RECKONING_PREPOSITIONS | wordset(WORDS["adjective_reckoning_prepositions"])
ARTICLES = wordset(WORDS["articles"])
TIME_BEFORE = phrases_of("time_before")
TIME_AFTER = wordset(WORDS["time_after"])
TIME_AFTER_PAIRS = phrases_of("time_after_pairs")
SELF = phrases_of("self")
PEOPLE = wordset(WORDS["people"])
FILLERS = wordset(WORDS["fillers"])
ISLAND_WORDS = wordset(WORDS["island_words"])
LOWER_CASE_WORDS = wordset(WORDS["lower_case_words"])
TIME_CUES = wordset(WORDS["time_cues"])
DATE_CUES = wordset(WORDS["date_cues"])
HOUR_AT = wordset(WORDS["hour_at"])
FOLLOWERS = wordset(WORDS["followers"])
# "по Тбилиси это сколько": with a clock asked, "how much" alone asks the hour.
HOUR_COUNTS = wordset(WORDS["hour_counts"])
# A day's ordinal ("the 8th", "7-го"): a question about the date there (DATE_CUES).
DAY_ORDINAL = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|-?го|-?е)\b", re.IGNORECASE)
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


def _by_last_word(phrases: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases, key=len, reverse=True):
        grouped.setdefault(words[-1], []).append(words)
    return {last: tuple(group) for last, group in grouped.items()}


# The phrases that may end right before a place ("по времени", "I'm in"), longest first, by
# their last word: a message that names a place hundreds of times tries only those that can
# end where it stands, not every phrase at every mention.
_TIME_BEFORE_BY_LAST = _by_last_word(TIME_BEFORE)
_SELF_BY_LAST = _by_last_word(SELF)


def _ending_at(
    tokens: list[Token], last: int, by_last: dict[str, tuple[tuple[str, ...], ...]]
) -> tuple[str, ...] | None:
    """The longest of the phrases whose last word is tokens[last], or None."""
    if last < 0:
        return None
    for words in by_last.get(tokens[last].norm, ()):
        if words_at(tokens, last - len(words) + 1, words):
            return words
    return None


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
        elif word in LOCATION_PREPOSITIONS or word in FILLERS or word in ARTICLES:
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


def phrase_span(
    tokens: list[Token], i: int, j: int, *, named: bool = True
) -> tuple[int, int, str | None]:
    """The character span of the name in tokens[i:j] widened over its preposition ("по"),
    "I'm in", an article ("the") and time words, with the preposition, or "time" for "по
    времени X". `named`: a place's name; a zone's ("call time EST") is a clock already."""
    start, end = tokens[i].start, tokens[j - 1].end
    prep = None
    k = i - 1
    if k >= 0 and tokens[k].norm in ISLAND_WORDS:  # "на островах Чатем"
        start, k = tokens[k].start, k - 1
    j, end = name_end(tokens, j)
    if k >= 0 and tokens[k].norm in ARTICLES:
        k -= 1
    words = _ending_at(tokens, k, _TIME_BEFORE_BY_LAST)
    if words is not None:
        return tokens[k - len(words) + 1].start, _time_end(tokens, j, end), "time"
    if named and k == i - 1 and k >= 0 and j == len(tokens) and tokens[k].norm in TIME_AFTER:
        # Keywords put the time word first and the place last ("розмова час київ", "call
        # time toronto"), as "Kyiv time" puts it after.
        return tokens[k].start, end, "time"
    if k >= 0 and tokens[k].norm in _PHRASE_OPENERS:
        asker = _ending_at(tokens, k - 1, _SELF_BY_LAST)
        if asker is not None or tokens[k].norm in _PREPOSITIONS_ALONE:
            prep = tokens[k].norm
            start = tokens[k - len(asker)].start if asker else tokens[k].start
    return start, _time_end(tokens, j, end), prep


def name_end(tokens: list[Token], j: int) -> tuple[int, int]:
    """The end of a name ending before tokens[j], over an island word after it ("the Chatham
    Islands"), as a token index and a character offset."""
    if j < len(tokens) and tokens[j].norm in ISLAND_WORDS:
        return j + 1, tokens[j].end
    return j, tokens[j - 1].end


def whole_span(tokens: list[Token], i: int, j: int) -> tuple[int, int, str | None]:
    """The span of a place that is all a message says beyond its opening words, widened
    over the asker before it as well: "and where I am, Auckland" leaves "and" alone."""
    start, end, prep = phrase_span(tokens, i, j)
    asker = _ending_at(tokens, i - 1, _SELF_BY_LAST)
    if asker is not None and prep is None:
        start = tokens[i - len(asker)].start
    return start, end, prep


_COMPARED_BY_LAST = _by_last_word(phrases_of("compared"))


def compared(tokens: list[Token], i: int) -> int | None:
    """Where the words start that make the place phrase at tokens[i] (its preposition and
    article counted) what another is compared with ("the same as (in) Moscow", "так само
    як у Москві"); None if they do not."""
    k = i - 1
    while k >= max(0, i - 2) and tokens[k].norm in _PREPOSITIONS_ALONE | ARTICLES:
        k -= 1
    words = _ending_at(tokens, k, _COMPARED_BY_LAST)
    return k - len(words) + 1 if words else None


def time_word_before(tokens: list[Token], i: int) -> bool:
    """Whether a time word stands before the "по"/"за" of the name at tokens[i]: "время по
    Калифорнии", "час за Каліфорнією" ask for that place's time as "Texas time" does."""
    k = i - 1
    if k >= 0 and tokens[k].norm in ARTICLES:
        k -= 1
    # "для": "время для Техаса" is as often "a good time for Texas".
    return k >= 1 and tokens[k].norm in RECKONING_PREPOSITIONS and tokens[k - 1].norm in TIME_AFTER


# The end of a question for the time, right before "for"/"для" and a country: "what time
# (is it) for Australia", "во сколько для Канады". Alone "a hard time for Ukraine" is not one.
# Before "по"/"за", a question for the hour ("во сколько по Израилю", "о котрій по Ізраїлю").
_CLOCK_ASKED = phrases_of("clock_asked")
_CLOCK_RECKONED = phrases_of("clock_reckoned")
_CLOCK_LINKS = wordset(WORDS["clock_links"])
CLOCK_FOR = wordset(WORDS["clock_for"])
_CLOCK_BEFORE = CLOCK_FOR | RECKONING_PREPOSITIONS


def clock_asked_before(tokens: list[Token], i: int) -> bool:
    """Whether the "for"/"для" before tokens[i] follows a question for the time, so that a
    country after it asks for its clock ("what time is it for Canada") and is not what
    something is for ("support for Ukraine"); likewise "по"/"за" ("о котрій по Ізраїлю",
    while "переговори по Україні" asks no time)."""
    k = i - 1
    if k >= 0 and tokens[k].norm in ARTICLES:
        k -= 1
    if k < 0 or tokens[k].norm not in _CLOCK_BEFORE:
        return False
    # Before "по"/"за" only a question for the hour: "сколько по России войск" counts.
    asked = _CLOCK_RECKONED if tokens[k].norm in RECKONING_PREPOSITIONS else _CLOCK_ASKED
    k -= 1
    while k >= 0 and k >= i - 5 and tokens[k].norm in _CLOCK_LINKS:
        k -= 1
    return any(words_at(tokens, k - len(words) + 1, words) for words in asked)


_HOUR_TAIL = wordset(WORDS["hour_tail"])


def clock_asked_after(tokens: list[Token], j: int) -> bool:
    """Whether a question for the hour follows the name ending before tokens[j], as people
    name the place first: "по Непалу во сколько", "Япония, во сколько?", "Новая Зеландия —
    сколько там". "Сколько" alone asks the hour only when nothing but `hour_tail` follows
    it ("по России сколько войск" counts troops)."""
    k = j
    while k < len(tokens) and tokens[k].norm in _CLOCK_LINKS:
        k += 1
    if any(words_at(tokens, k, words) for words in _CLOCK_RECKONED):
        return True
    if k >= len(tokens) or tokens[k].norm not in HOUR_COUNTS:
        return False
    return all(t.norm in _HOUR_TAIL for t in tokens[k + 1 :])


def clock_asked_earlier(tokens: list[Token], i: int) -> bool:
    """Whether a question for the hour ("во сколько", "о котрій") stands anywhere before
    tokens[i]: "во сколько переговоры по Казахстану" may ask Kazakhstan's clock."""
    return any(words_at(tokens, k, words) for k in range(i) for words in _CLOCK_RECKONED)


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
    """Whether a bare English name ending before tokens[j] qualifies it ("Geneva summit");
    a word for its people does not ("moscow locals what time": `people_end`)."""
    if j >= len(tokens) or tokens[j].cyrillic or tokens[j].after_mark:
        return False
    return tokens[j].norm not in FOLLOWERS | PEOPLE


def case_fits(prep: str, head: Reading | None, ukrainian: bool) -> bool:
    """Whether the place's last word takes the case the preposition governs; `ukrainian`
    says whether the text has Ukrainian letters, for "у" before an indeclinable name."""
    cases = LOCATION_PREPOSITIONS.get(prep, FROM_PREPOSITIONS.get(prep))
    if cases is None:
        return True
    if head is None or head.fixed or not head.known:
        return prep != "у" or ukrainian
    return bool((head.uk_cases if prep == "у" else head.cases) & cases)


def hour_at(tokens: list[Token]) -> bool:
    """Whether an hour follows "в"/"at" ("минск тоже в 18?"): a cue of a question about time."""
    return any(
        a.norm in HOUR_AT and b.norm.isdigit() and int(b.norm) <= 24
        for a, b in itertools.pairwise(tokens)
    )


def has_ukrainian_letters(text: str) -> bool:
    return bool(UK_LETTERS.search(text))
