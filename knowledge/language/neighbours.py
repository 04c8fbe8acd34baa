"""Words of neighbouring languages read as ours: "wann is the call" as "when is the call",
"калі размова прэзідэнтаў?" as "коли розмова президентів?", "quién es эта Псаки?" as "кто
эта Псаки?" (the words in data/neighbours.yaml).

A neighbour's phrase becomes its meaning in the message's own script: English in a Latin
message, Ukrainian in a Cyrillic one with a letter only Ukrainian or Belarusian has, else
Russian. A one-word phrase that an en/ru/uk dictionary knows as a word of its own is read only
where it opens the message; a neighbour's spelling of a name ("Пуціна") only in a word no
dictionary knows. Everything else stays as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.i18n import SAFE_LOADER
from knowledge.language.text import CYRILLIC, LATIN, in_any_dictionary
from knowledge.model import LANGS

NEIGHBOURS_PATH = Path(__file__).resolve().parent / "data" / "neighbours.yaml"

# Letters of Ukrainian (and Belarusian) that Russian lacks: a Cyrillic message with one is
# read in Ukrainian.
_UKRAINIAN_LETTERS = re.compile(r"[іїєґў]", re.IGNORECASE)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:['’][\u0400-\u04ff]+)*")
_EDGE = r"(?<![\w'’])"
_END = r"(?![\w'’])"


@dataclass(frozen=True)
class Neighbours:
    """Each phrase's pattern with its meaning per language, and the stems respelt."""

    # Each phrase: its pattern, its meaning per language, its neighbour's language, and
    # whether it is a word of ours too (read only where it opens the message or beside
    # another of its language's words).
    phrases: tuple[tuple[re.Pattern[str], dict[str, str], str, bool], ...]
    stems: tuple[tuple[str, str, str], ...]
    # Each phrase's first word, lower case, in the phrases' order: a phrase is looked for
    # only in a message that has its first word (nearly every message has none of them).
    first_words: tuple[str, ...]


def load_neighbours(path: Path = NEIGHBOURS_PATH) -> Neighbours:
    """The neighbouring languages' words; a mistake in the file names the entry."""
    data: Any = yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER) or {}
    meanings = data.get("meanings") or {}
    if not isinstance(meanings, dict) or not all(
        isinstance(m, dict) and set(m) == set(LANGS) for m in meanings.values()
    ):
        raise ValueError(f"{path.name}: meanings: expected each meaning in {', '.join(LANGS)}")
    found: list[tuple[str, dict[str, str], str]] = []
    for lang, kinds in (data.get("words") or {}).items():
        for meaning, phrases in (kinds or {}).items():
            if meaning not in meanings or not isinstance(phrases, list):
                raise ValueError(f"{path.name}: words: {lang}: {meaning}: no such meaning")
            for phrase in phrases:
                if not isinstance(phrase, str) or phrase != phrase.strip().lower():
                    raise ValueError(f"{path.name}: words: {lang}: {phrase!r}: lower case")
                found.append((phrase, meanings[meaning], lang))
    # The longest phrase first: "o której godzinie" before "o której".
    found.sort(key=lambda item: -len(item[0]))
    phrases = tuple(
        (
            re.compile(_EDGE + re.escape(phrase).replace(r"\ ", r"\s+") + _END, re.IGNORECASE),
            meaning,
            lang,
            " " not in phrase and _a_word_of_ours(phrase),
        )
        for phrase, meaning, lang in found
    )
    stems = []
    for lang, pairs in (data.get("stems") or {}).items():
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p)
            for p in pairs
        ):
            raise ValueError(f"{path.name}: stems: {lang}: expected [theirs, ours] pairs")
        stems.extend((theirs, ours, lang) for theirs, ours in pairs)
    first_words = tuple(phrase.split()[0] for phrase, _, _ in found)
    return Neighbours(phrases, tuple(sorted(stems, key=lambda p: -len(p[0]))), first_words)


def _a_word_of_ours(word: str) -> bool:
    """Whether the ru or uk dictionary knows a Cyrillic word as it is written."""
    return bool(CYRILLIC.search(word)) and in_any_dictionary(word)


@cache
def _shipped() -> Neighbours:
    return load_neighbours()


def read_neighbours(text: str, neighbours: Neighbours | None = None) -> str:
    """`text` with its neighbouring languages' words read as ours; `text` itself when it has
    none (nearly every message)."""
    table = neighbours or _shipped()
    seen: set[str] = set()
    out = _respelt(text, table.stems, seen)
    lowered = out.lower()
    found_in = [
        (found, meaning, lang, ours)
        for (pattern, meaning, lang, ours), first in zip(
            table.phrases, table.first_words, strict=True
        )
        if first in lowered
        for found in pattern.finditer(out)
    ]
    seen |= {lang for _, _, lang, ours in found_in if not ours}
    seen |= {
        lang for found, _, lang, _ in found_in if not out[: found.start()].strip(" ,.!?:;-–—\"'«»")
    }
    hits = [(found, meaning) for found, meaning, lang, ours in found_in if not ours or lang in seen]
    if not hits:
        return out
    lang = _script_of(out, [found for found, _ in hits])
    pieces: list[str] = []
    at = 0
    for found, meaning in sorted(hits, key=lambda hit: hit[0].start()):
        if found.start() < at:
            continue  # inside a longer phrase already read
        pieces += [out[at : found.start()], meaning[lang]]
        at = found.end()
    return "".join([*pieces, out[at:]])


def _respelt(text: str, stems: tuple[tuple[str, str, str], ...], seen: set[str]) -> str:
    """`text` with the neighbours' spellings of our words respelt; `seen` gets their
    languages."""
    if not stems:
        return text

    def word(found: re.Match[str]) -> str:
        typed = found.group()
        lower = typed.lower()
        for theirs, ours, lang in stems:
            if lower.startswith(theirs) and not in_any_dictionary(lower):
                seen.add(lang)
                rest = typed[len(theirs) :]
                return (ours.capitalize() if typed[0].isupper() else ours) + rest
        return typed

    return _CYRILLIC_WORD.sub(word, text)


def _script_of(text: str, phrases: list[re.Match[str]]) -> str:
    """The language a message's own words are in, apart from the neighbours' phrases."""
    rest = text
    for found in sorted(phrases, key=lambda f: -f.start()):
        rest = rest[: found.start()] + " " + rest[found.end() :]
    cyrillic = len(CYRILLIC.findall(rest))
    latin = len(LATIN.findall(rest))
    if cyrillic <= latin:
        # Nothing but the phrase: the phrase's own script says which.
        if not cyrillic and not latin:
            whole = "".join(found.group() for found in phrases)
            if CYRILLIC.search(whole):
                return "uk" if _UKRAINIAN_LETTERS.search(whole) else "ru"
        return "en"
    return "uk" if _UKRAINIAN_LETTERS.search(text) else "ru"
