"""The form a time is asked in ("give me the ISO 8601 timestamp of the start", "unix time of
the start", "начало в формате ГГГГ-ММ-ДДTЧЧ:ММ", "скільки секунд від 1970 року", "in 24-hour
format", "добавь в календарь"): the format's name and its frame words are cut out of the
question and the language's word for "time" put in their place, so the rest is matched as a
question about the time; the formats asked are kept apart for the answer to add
(knowledge/answering/formats.py). A template's letters and the format's names would
otherwise be words no fact knows, and "format" reads as the call's format. The words are
data: data/formats.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "formats.yaml"
FORMATS = ("iso", "unix", "clock", "calendar")
# The most frame words cut on either side of a format's name.
FRAME_RUN = 8


@dataclass(frozen=True)
class AskedFormats:
    text: str  # the question with the formats' names read as "time"
    formats: frozenset[str]  # of FORMATS, those asked


@dataclass(frozen=True)
class _Table:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (format, its name with frames)
    reads_as: dict[str, str]  # language → the word put where a name was
    verb: re.Pattern[str]  # a verb opening the message: "format the start as ..."
    beside_a_time: frozenset[str]  # formats cut with no word put in


def _alternatives(phrases: set[str]) -> str:
    def one(phrase: str) -> str:
        escaped = re.escape(phrase.strip().casefold())
        # "24-hour" / "24 hour", "юникс-время" / "юникс время": a hyphen or a space or none.
        return escaped.replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")

    return "|".join(one(p) for p in sorted(phrases, key=len, reverse=True))


def _union(section: dict[str, list[str]]) -> set[str]:
    # Every language's words at once: "unix timestamp початку" mixes them.
    return {str(word) for words in section.values() for word in words}


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    before = _alternatives(_union(data["before"]))
    after = _alternatives(_union(data["after"]))
    patterns = []
    for name in FORMATS:
        names = _alternatives(_union(data["formats"][name]))
        # A run of frame words is a few at most ("can you add it to my google calendar"): an
        # unbounded run is tried again from every word of a flood ("a a a ...", 4,096
        # characters), work that grows with the square of its length (2 s for 200 words).
        pattern = (
            rf"(?<!\w)(?:(?:{before})\s+){{0,{FRAME_RUN}}}(?:{names})"
            rf"(?:\s+(?:{after})){{0,{FRAME_RUN}}}(?![\w±])"
        )
        patterns.append((name, re.compile(pattern, re.IGNORECASE)))
    verb = re.compile(rf"^\s*(?:{_alternatives(_union(data['verbs']))})(?!\w)", re.IGNORECASE)
    reads_as = {lang: str(word) for lang, word in data["reads_as"].items()}
    return _Table(tuple(patterns), reads_as, verb, frozenset(data["beside_a_time"]))


def asked_formats(text: str, lang: str) -> AskedFormats | None:
    """The question with each format's name read as the time, and the formats it asks;
    None when it names none."""
    table = _table()
    found: set[str] = set()
    word = table.reads_as.get(lang) or table.reads_as["en"]
    said = False
    for name, pattern in table.patterns:
        if pattern.search(text) is None:
            continue
        # The first name cut says "time"; a second one would only repeat it.
        put = not said and name not in table.beside_a_time
        text = pattern.sub(f" {word if put else ''} ", text, count=1)
        said = said or put
        found.add(name)
        text = pattern.sub(" ", text)
    if not found:
        return None
    text = " ".join(table.verb.sub(" ", text, count=1).split()).strip(" ,")
    # "24h?" alone asks the time.
    return AskedFormats(text if any(c.isalnum() for c in text) else word, frozenset(found))
