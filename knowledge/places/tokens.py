"""The words of a text the resolver reads for places: tokens with spans, name keys, ru/uk
readings. The words around a place (prepositions, time words) are in phrases.py.

The build script keys its index with `name_key`, so changing it means rebuilding the data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from knowledge.language.text import (
    APOSTROPHES,
    CYRILLIC,
    FOLD_APOSTROPHES,
    LATIN,
    RU_LETTERS,
    UK_LETTERS,
    WORD_CACHE_SIZE,
    in_any_dictionary,
    morph_parse,
)

# Apostrophes stay inside a word ("I'm", "Кам'янське", "Ukraine's"); hyphens, dots and
# spaces separate words, so "Нью-Йорк", "Нью Йорк" and "New-York" get one key.
WORD = re.compile(rf"[^\W\d_]+(?:[{re.escape(APOSTROPHES)}][^\W\d_]+)*|\d+")
_SENTENCE_END = re.compile(r"[.!?;:\n]")

# Letters that look alike in both scripts: "Кiev" typed with a Cyrillic К must still match.
_TO_LATIN = str.maketrans("аеіорсухкмнтвАЕІОРСУХКМНТВ", "aeiopcyxkmhtbAEIOPCYXKMHTB")
_TO_CYRILLIC = str.maketrans("aeiopcyxkmhtAEIOPCYXKMHTB", "аеіорсухкмнтАЕІОРСУХКМНТВ")


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


def variants(token: Token, guess: bool = True) -> tuple[tuple[str, Reading | None], ...]:
    """The forms a token may stand for in a name: itself, and for Cyrillic its lemmas.

    Each form comes with the reading that produced it (None for a word no dictionary
    reads), so the caller can check the case a preposition demands. Without `guess`, a word
    no dictionary knows gets no lemmas guessed by analogy (text.read_closely says why).
    """
    if not token.cyrillic:
        return ((token.norm, None),)
    found = readings(token.norm) if guess or in_any_dictionary(token.norm) else ()
    out: list[tuple[str, Reading | None]] = [(r.lemma, r) for r in found]
    if all(r.lemma != token.norm for r in found):
        out.insert(0, (token.norm, None))
    if not any(r.known for r in found):
        out.extend((form, None) for form in _unknown_lemmas(token.norm))
    # Islands named in the plural ("на Азорах"): the dictionaries read a first name's plural.
    out.extend((form, None) for form in _endings_replaced(token.norm, _PLURAL_ENDINGS))
    return tuple(out)


# Case endings of nouns the dictionaries do not know ("Колкаті", "Джидді", "Бангкоку"),
# with the nominative endings they may come from. pymorphy3 guesses such words too, but
# guesses a common-noun paradigm, so foreign names need this as well.
_ENDINGS = (
    ("ою", ("а", "я")), ("ой", ("а", "я")), ("ом", ("", "о")), ("ем", ("", "ь", "е")),
    ("і", ("а", "я", "")), ("е", ("а", "я", "", "ь", "й")), ("и", ("а", "я")), ("у", ("", "а")),
    ("ю", ("ь", "я", "й")), ("а", ("", "о")), ("я", ("ь", "й")),
)  # fmt: skip


# An unknown place adjective's case endings ("в Свентокшиском воеводстве"), with those of
# its nominatives, which name keys hold.
_ADJECTIVE_ENDINGS = (
    ("ому", ("ое", "ий", "ый", "е")), ("ого", ("ое", "ий", "ый", "е")), ("ом", ("ое", "ий", "ый")),
    ("ой", ("ая", "ый")), ("ій", ("а",)), ("ої", ("а",)),
)  # fmt: skip
# Plural case endings with the plural nominatives: "Азорах" → "Азоры", "Азори".
_PLURAL_ENDINGS = (("ах", ("ы", "и")), ("ях", ("и", "ї")), ("ам", ("ы", "и")), ("ям", ("и", "ї")))


def _unknown_lemmas(word: str) -> list[str]:
    return _endings_replaced(word, _ENDINGS) + _endings_replaced(word, _ADJECTIVE_ENDINGS)


def _endings_replaced(word: str, endings: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    for ending, replacements in endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return [stem + r for r in replacements]
    return []
