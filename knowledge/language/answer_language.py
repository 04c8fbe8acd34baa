"""A request for the answer's language inside the message ("answer in English: когда
созвон?", "по-русски, пожалуйста: when is it?", "when is it? українською", "reply in
Russian"): the request is cut out and names the language to answer in. The words are data
(`answer_languages`, `request_words` in data/wrapped.yaml).

A request is a run of its words opening or closing the message, up to a mark (":", ",",
".", "!", "?", ";", a dash or a new line) or the message's end, with one language in it: a
word that alone asks for it ("по-русски", "українською"), or its name beside a request word
("in English", "на русском"). So "is the call in Russian?" (no mark after "call") and
"english?" alone are no requests. Only the first and last few marks are tried, so a flood
of commas costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import normalize
from knowledge.model import LANGS

WRAPPED_PATH = Path(__file__).resolve().parent / "data" / "wrapped.yaml"
# How many marks from either end a request may reach over ("по-русски, пожалуйста: ...").
MARKS_TRIED = 3
# The longest phrase of the data, in words.
LONGEST = 4

_MARK = re.compile(r"[:,.!?;—–\n]|\s-\s")
_REQUEST = ""  # the kind of a request word, beside a language's code


@dataclass(frozen=True)
class Requested:
    lang: str  # the language asked for
    text: str  # the message without the request; "" when it was all the message


@cache
def request_phrases(path: Path = WRAPPED_PATH) -> dict[tuple[str, ...], tuple[str, bool]]:
    """Each phrase → (its language's code, or "" for a request word; whether it asks alone)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    table = data["answer_languages"]
    if not isinstance(table, dict) or set(table) - set(LANGS):
        raise ValueError(f"{path.name}: answer_languages: expected words per language")
    phrases: dict[tuple[str, ...], tuple[str, bool]] = {}
    for words in data["request_words"].values():
        for word in words:
            phrases[tuple(normalize(str(word)).split())] = (_REQUEST, False)
    for lang, kinds in table.items():
        for alone, key in ((True, "said"), (False, "named")):
            for word in kinds[key]:
                phrases[tuple(normalize(str(word)).split())] = (lang, alone)
    return phrases


def requested_language(text: str) -> Requested | None:
    """The language a request in `text` asks for and the text without it, or None."""
    marks = [m for m in _MARK.finditer(text)]
    opening = [m.end() for m in marks[:MARKS_TRIED]] + [len(text)]
    for end in sorted(set(opening), reverse=True):  # the longest request first
        lang = _request(text[:end])
        if lang is not None:
            return Requested(lang, text[end:].strip(" \t\n:,.!;-—–"))
    for mark in marks[-MARKS_TRIED:]:  # closing: "when is it? in English please"
        lang = _request(text[mark.end() :])
        if lang is not None:
            return Requested(lang, text[: mark.end()].strip(" \t\n:,;-—–"))
    return None


def _request(part: str) -> str | None:
    words = normalize(part).split()
    if not words or len(words) > 12:
        return None
    phrases = request_phrases()
    langs: set[str] = set()
    alone = asked = False
    at = 0
    while at < len(words):
        for n in range(min(LONGEST, len(words) - at), 0, -1):
            found = phrases.get(tuple(words[at : at + n]))
            if found is not None:
                break
        else:
            return None
        lang, says = found
        if lang:
            langs.add(lang)
            alone = alone or says
        else:
            asked = True
        at += n
    if len(langs) != 1 or not (alone or asked):
        return None
    return langs.pop()
