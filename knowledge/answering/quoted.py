"""Words quoted from the article ("пробежаться, посмотреть" это кто сказал?, why is
"expansion" in quotes, кто назвал переговоры возможностью "для дипломатии и лидерства"): a
fragment in quote marks is looked up in every fact's quotes (the article's own Russian) and
its answer texts (en, ru, uk), and the question is decided among the facts that hold it.
Which fact holds a fragment is the content's to say; the quote marks and the words that name
them are data (`data/quoting.yaml`).

A fragment found word for word, at the start of a word ("расширение" in «расширением»), is
held more surely than one whose words are all found apart, each perhaps misquoted
("дипломатию и лидерство"); only the surest kind is kept. A fragment no fact holds, or more
facts than `max_owners` ("talks"), leaves the question as it was read.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

import yaml
from rapidfuzz import fuzz

from knowledge.i18n import SAFE_LOADER
from knowledge.language.matcher import FactIndex, Match
from knowledge.language.text import normalize

DATA_PATH = Path(__file__).resolve().parents[1] / "language" / "data" / "quoting.yaml"

# A word of the fragment is found in a source when a word there is this close to it
# (rapidfuzz ratio), or shares a stem: this many letters, at least PREFIX_SHARE of the shorter.
WORD_RATIO = 80.0
PREFIX_LETTERS = 5
PREFIX_SHARE = 0.7
# Words shorter than this ("и", "for", "в") are not looked up: every text has them.
CONTENT_LETTERS = 4


@dataclass(frozen=True)
class Quoting:
    pattern: re.Pattern[str]
    min_letters: int
    max_owners: int
    marks_words: Mapping[str, frozenset[str]]
    why_words: Mapping[str, frozenset[str]]
    asks_whose: frozenset[str]
    max_quotes: int


@cache
def quoting(path: Path = DATA_PATH) -> Quoting:
    data = yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER)
    pairs = [
        f"{re.escape(opening)}([^{re.escape(closing)}\n]{{1,200}}?){re.escape(closing)}"
        for opening, closing in data["marks"]
    ]
    return Quoting(
        pattern=re.compile("|".join(pairs)),
        min_letters=int(data["min_letters"]),
        max_owners=int(data["max_owners"]),
        marks_words=_words_per_language(data["marks_words"]),
        why_words=_words_per_language(data["why_words"]),
        asks_whose=frozenset(data["asks_whose"]),
        max_quotes=int(data["max_quotes"]),
    )


def _words_per_language(data: Mapping[str, list[str]]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(normalize(" ".join(words)).split()) for lang, words in data.items()}


def fragments(text: str, data: Quoting | None = None) -> list[str]:
    """The normalised fragments a text puts in quote marks, long enough to be quotations."""
    data = data or quoting()
    found = []
    for hit in data.pattern.finditer(text):
        inside = next((g for g in hit.groups() if g is not None), "")
        words = normalize(inside)
        if sum(ch.isalpha() for ch in words) >= data.min_letters:
            found.append(words)
    return found


@dataclass(frozen=True)
class _Source:
    fact_id: str
    text: str  # normalised, a space before it
    words: tuple[str, ...]
    quoted: bool  # the article's own words (a citation), not an answer text
    marked: str  # what it puts in quote marks itself, normalised, a space before each


_SOURCES: WeakKeyDictionary[FactIndex, tuple[_Source, ...]] = WeakKeyDictionary()


def _sources(index: FactIndex) -> tuple[_Source, ...]:
    """Every fact's quotes and answer texts, normalised, read once per version of the base;
    not a summary's (a fact citing more than `max_quotes` passages)."""
    read = _SOURCES.get(index)
    if read is None:
        out = []
        most = quoting().max_quotes
        for fid, fact in index.facts.items():
            if len(fact.citations) > most:
                continue
            texts = [(c.quote, True) for c in fact.citations]
            texts += [(one, False) for one in fact.text.values()]
            for one, quoted in texts:
                norm = normalize(one)
                marked = "".join(" " + inside for inside in fragments(one))
                out.append(_Source(fid, " " + norm, tuple(set(norm.split())), quoted, marked))
        read = _SOURCES[index] = tuple(out)
    return read


def _word_found(word: str, words: Sequence[str]) -> bool:
    for other in words:
        if fuzz.ratio(word, other) >= WORD_RATIO:
            return True
        shared = len(_common_prefix(word, other))
        if shared >= PREFIX_LETTERS and shared >= PREFIX_SHARE * min(len(word), len(other)):
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def owners(index: FactIndex, fragment: str) -> frozenset[str]:
    """The facts holding `fragment`, the article's quotes before the answers' texts: word for
    word in quote marks, else word for word, else with every content word found (fuzzily)."""
    content = [w for w in fragment.split() if len(w) >= CONTENT_LETTERS]
    for quoted in (True, False):  # the article's words first, then the answers'
        sources = [s for s in _sources(index) if s.quoted is quoted]
        # What the source itself puts in quote marks ("расширение" НАТО, «розширенням») before
        # what it only says.
        for holds in (lambda s: " " + fragment in s.marked, lambda s: " " + fragment in s.text):
            exact = frozenset(s.fact_id for s in sources if holds(s))
            if exact:
                return exact
        if not content:
            continue
        found = frozenset(
            s.fact_id for s in sources if all(_word_found(w, s.words) for w in content)
        )
        if found:
            return found
    return frozenset()


def _unquoted_frame(text: str, lang: str, data: Quoting) -> str:
    """The text without the words naming quote marks and the "why" beside them ("почему
    "расширение" в кавычках" asks what the article means by it)."""
    marks = data.marks_words.get(lang, frozenset())
    words = normalize(text).split()
    if not any(w in marks for w in words):
        return text
    dropped = marks | data.why_words.get(lang, frozenset())
    return " ".join(w for w in words if w not in dropped)


def by_its_quote(index: FactIndex, match: Match, text: str, lang: str) -> Match:
    """The match decided again among the facts that hold what the question quotes, when
    there are a few of them; else as it was."""
    data = quoting()
    quoted = fragments(text, data)
    if not quoted:
        return match
    frame = _unquoted_frame(text, lang, data)
    if frame is text and not data.asks_whose & set(match.tokens):
        return match
    held: set[str] = set()
    for fragment in quoted:
        held |= owners(index, fragment)
    if not held or len(held) > data.max_owners:
        return match
    return _within(index, match, _unasked_whose(index, frame, lang, data), lang, held)


def _unasked_whose(index: FactIndex, text: str, lang: str, data: Quoting) -> str:
    """The text without the words asking who said it or what was said ("кто сказал", "whose
    words"): the fact quoting the fragment answers that with whom the article credits, though
    its own questions never ask it that way."""
    kept = []
    for word in normalize(text).split():
        tokens = set(index.match(word, lang).tokens)
        if not tokens or not tokens <= data.asks_whose:
            kept.append(word)
    return " ".join(kept)


def _within(index: FactIndex, match: Match, text: str, lang: str, ids: Collection[str]) -> Match:
    within = index.match(text, lang, among=ids, time_owners=ids)
    if within.best is not None or within.candidates:
        return within
    return match
