"""A form to fill, read as what its fields ask ("Format: ___\nParticipants: ___", "Who:\nHow:",
"Хто: / Коли: / Як:"). Its fields are "Label: value" one to a line or between " / "; every
label must be one of data/forms.yaml, else the message is no form and is read as typed.
Blank fields asking two things or more ask for the article in short, which answers each;
blank fields asking one thing are read as typed, the filled fields' labels taken away (a
filled field only says what the form is about, and "Захід" is also the west).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import detect_language, normalize
from knowledge.model import LANGS

FORMS_PATH = Path(__file__).resolve().parent / "data" / "forms.yaml"
# A field: its label, an optional note in brackets ("Time (CET)"), a colon and what follows.
_FIELD = re.compile(
    r"^\s*(?P<label>[^:()\[\]\n]{1,40}?)\s*(?:\((?P<note>[^)\n]{0,30})\))?\s*:\s*(?P<value>.*?)\s*$"
)
# Options in square brackets are still to be picked: "Call type: [video/phone/in person]".
_OPTIONS = re.compile(r"^\[[^\]]*\]$")
_PARTS = re.compile(r"\n|\s/\s")
_MAX_FIELDS = 8  # a longer "form" is a pasted document, not a question


@dataclass(frozen=True)
class FormWords:
    blanks: frozenset[str]
    asks: dict[str, str]  # normalised label → what it asks
    langs: dict[str, frozenset[str]]  # normalised label → the languages it is a label of
    about: frozenset[str]  # normalised labels of the event's own field
    summary: dict[str, str]  # language → the words asking for the article in short


@dataclass(frozen=True)
class Form:
    text: str  # what the form is read as
    lang: str | None  # the labels' language where the reading is in it (the summary)


@cache
def form_words(path: Path = FORMS_PATH) -> FormWords:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    asks: dict[str, str] = {}
    langs: dict[str, set[str]] = {}
    for ask, by_lang in (data.get("asks") or {}).items():
        if not isinstance(by_lang, dict) or set(by_lang) - set(LANGS):
            raise ValueError(f"{path.name}: asks: {ask}: expected labels per language")
        for lang, labels in by_lang.items():
            for label in labels:
                said = normalize(str(label))
                if asks.setdefault(said, str(ask)) != ask:
                    raise ValueError(f"{path.name}: asks: {label!r} asks two things")
                langs.setdefault(said, set()).add(str(lang))
    about = {
        normalize(str(label)) for labels in (data.get("about") or {}).values() for label in labels
    }
    summary = {str(lang): str(text) for lang, text in (data.get("summary") or {}).items()}
    if set(summary) != set(LANGS):
        raise ValueError(f"{path.name}: summary: expected one per language")
    blanks = frozenset(str(mark).casefold() for mark in data.get("blanks") or ())
    known = {label: frozenset(its) for label, its in langs.items()}
    return FormWords(blanks, asks, known, frozenset(about), summary)


def form_message(text: str) -> Form | None:
    """What a form to fill asks, or None when `text` is no form of known fields."""
    if ":" not in text:
        return None
    parts = [part.strip() for part in _PARTS.split(text) if part.strip()]
    if not 2 <= len(parts) <= _MAX_FIELDS:
        return None
    words = form_words()
    blank_asks: dict[str, None] = {}  # what the blank fields ask, in order
    asked: list[str] = []  # the blank fields, as typed
    filled: list[str] = []  # the filled fields' values, but the event's own
    langs = set(LANGS)  # the languages every blank field's label is in
    for part in parts:
        field = _FIELD.match(part)
        if field is None:
            return None
        label, value = normalize(field["label"]), field["value"]
        if label not in words.asks and label not in words.about:
            return None
        if label in words.asks and _blank(value, words):
            blank_asks[words.asks[label]] = None
            asked.append(part)
            langs &= words.langs[label]
        elif label not in words.about:
            filled.append(value)
        # The event's own field ("Event: Putin-Biden call") names what the form is about.
    if not blank_asks:
        return None
    if len(blank_asks) > 1:
        return _summary(text, langs, words)
    if len(asked) == len(parts):
        return None  # "Date: ?\nTime (CET): ?": one thing asked, read as typed
    return Form("\n".join([*filled, *asked]), None)


def _blank(value: str, words: FormWords) -> bool:
    return not normalize(value) or value.casefold() in words.blanks or bool(_OPTIONS.match(value))


def _summary(text: str, langs: set[str], words: FormWords) -> Form:
    """The article in short, in the labels' language ("Формат" is Russian and Ukrainian)."""
    said = detect_language(text, None)
    lang = said if said in langs or not langs else next(one for one in LANGS if one in langs)
    return Form(words.summary[lang], lang)
