"""What a message is wrapped in, read away before the question is read: markup (HTML tags
and entities, "<p>when do putin and biden talk?</p>"; Markdown headers, quotes, bold,
backticks, code fences, links), a JSON object or array whose strings are the ask
('{"q": "what time in Kyiv"}'), a command whose argument is the ask ("/ask время по
киеву"), and the lines of a letter that only greet, thank, sign off or sign
("hi\\nquick q\\nwhen's the call\\nthx", "...\\nKind regards,\\nMartha").

The words are data (data/wrapped.yaml, and words.yaml's `courtesies`); the rules are these.
Every pattern is bounded or linear, so a 4,096-character flood of tags or lines costs a few
milliseconds. Only the first and last few lines of a letter are looked at, as a letter
greets at its top and signs at its bottom; at least one line with words is always kept. A
message with none of these is returned as it was.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.about_bot import about_bot
from knowledge.language.text import normalize
from knowledge.model import LANGS

WRAPPED_PATH = Path(__file__).resolve().parent / "data" / "wrapped.yaml"
# A letter's greeting and its sign-off take a few lines at most.
EDGE_LINES = 3
# A JSON ask nested deeper than this is no ask.
JSON_DEPTH = 8

_COMMAND = re.compile(r"\s*/(\w{1,32})(?:@\w{1,64})?(?:\s+|$)")
# A tag: "<p>", "</div>", '<div class="q">', "<br/>"; never "< 5" or "<3".
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})(?:\s[^<>]{0,300})?/?>")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "pre", "section", "article", "hr"}
)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)[^\n`]{0,30}$", re.MULTILINE)
_CODE = re.compile(r"`([^`\n]{1,300})`")
_CODE_PUNCT = re.compile(r"[._()\[\]{}=<>;]+")
_LINK = re.compile(r"!?\[([^\]\n]{1,300})\]\([^()\s]{0,500}\)")
_HEADER = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?){1,8}", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*|__|~~|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_ARROW = re.compile(r"\s*(?:->|=>|→)\s*")
_ARROW_END = re.compile(r"[?\s]*$")
_WORD = re.compile(r"\w")
_CAPITALISED = re.compile(r"[^\W\d_][^\W\d_'.-]*")


@dataclass(frozen=True)
class Wrapping:
    commands: frozenset[str]
    question_keys: tuple[str, ...]
    letter_lines: frozenset[tuple[str, ...]]
    signature_words: int


@cache
def wrapping(path: Path = WRAPPED_PATH) -> Wrapping:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines = data["letter_lines"]
    if not isinstance(lines, dict) or set(lines) - set(LANGS):
        raise ValueError(f"{path.name}: letter_lines: expected phrases per language")
    return Wrapping(
        commands=frozenset(str(c).casefold() for c in data["ask_commands"]),
        question_keys=tuple(str(k).casefold() for k in data["question_keys"]),
        letter_lines=frozenset(
            tuple(normalize(str(p)).split()) for ps in lines.values() for p in ps
        ),
        signature_words=int(data["signature_words"]),
    )


def ask_command(text: str, data: Wrapping | None = None) -> str | None:
    """The argument of a command that asks it ("/ask when is it" → "when is it"), or None."""
    found = _COMMAND.match(text)
    if found is None or found[1].casefold() not in (data or wrapping()).commands:
        return None
    rest = text[found.end() :].strip()
    return rest if _WORD.search(rest) else None


def unwrapped(
    text: str, courtesies: Mapping[str, frozenset[str]], data: Wrapping | None = None
) -> str:
    """`text` without what it is wrapped in (see the module's docstring)."""
    data = data or wrapping()
    read = ask_command(text, data) or text
    read = _from_json(read, data)
    if "<" in read:
        read = _without_tags(read)
    if "&" in read:
        read = html.unescape(read)
    if any(mark in read for mark in "`*_~#>[-=→"):
        read = _without_markdown(read)
    if "\n" in read:
        read = _without_letter_lines(read, courtesies, data)
    if read == text or not _WORD.search(read):
        return text
    return "\n".join(" ".join(line.split()) for line in read.splitlines() if line.strip())


def _from_json(text: str, data: Wrapping) -> str:
    said = text.strip()
    if (said[:1], said[-1:]) not in (("{", "}"), ("[", "]")):
        return text
    try:
        value = json.loads(said)
    except (ValueError, RecursionError):
        return text
    asks = list(_strings(value, data, 0))
    return "\n".join(asks) if asks else text


def _strings(value: Any, data: Wrapping, depth: int) -> Iterable[str]:
    if depth > JSON_DEPTH:
        return
    if isinstance(value, str):
        if _WORD.search(value):
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, data, depth + 1)
    elif isinstance(value, dict):
        keyed = {str(k).casefold(): v for k, v in value.items()}
        asked = [keyed[k] for k in data.question_keys if k in keyed]
        for item in asked or list(value.values()):
            yield from _strings(item, data, depth + 1)


def _without_tags(text: str) -> str:
    def replaced(tag: re.Match[str]) -> str:
        return "\n" if tag[2].casefold() in _BLOCK_TAGS else " "

    return _TAG.sub(replaced, text)


def _without_markdown(text: str) -> str:
    text = _FENCE.sub("", text)
    text = _CODE.sub(lambda code: " " + _CODE_PUNCT.sub(" ", code[1]) + " ", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADER.sub("", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub("", text)
    # An arrow to a place is a conversion's ("17h kyiv -> london"), kept as one mark; to
    # nothing ("`call.weekday()` -> ?") it is code's.
    return _ARROW.sub(lambda m: " " if _ARROW_END.match(text, m.end()) else " → ", text)


def _without_letter_lines(
    text: str, courtesies: Mapping[str, frozenset[str]], data: Wrapping
) -> str:
    lines = [line for line in text.splitlines() if _WORD.search(line)]
    if len(lines) < 2:
        return text
    phrases = _phrases(courtesies, data)
    start = 0
    while start < min(EDGE_LINES, len(lines) - 1) and _only_courtesy(lines[start], phrases):
        start += 1
    end = len(lines)
    while end - 1 > start and len(lines) - end < EDGE_LINES:
        line = lines[end - 1]
        if _only_courtesy(line, phrases) or _signed_off(line, phrases, data):
            end -= 1
        elif end - 2 > start and _signature(line, data) and _only_courtesy(lines[end - 2], phrases):
            end -= 2  # "Kind regards,\nMartha"
        else:
            break
    kept = lines[start:end]
    if kept == lines or all(_only_courtesy(line, phrases) for line in kept):
        return text  # "hello\nthanks": courtesies alone, answered in kind as a whole
    return "\n".join(kept)


def _phrases(
    courtesies: Mapping[str, frozenset[str]], data: Wrapping
) -> frozenset[tuple[str, ...]]:
    pooled = {tuple(p.split()) for ps in courtesies.values() for p in ps}
    return frozenset(pooled) | data.letter_lines


def _only_courtesy(line: str, phrases: frozenset[tuple[str, ...]]) -> bool:
    words = normalize(line).split()
    if not words or len(words) > 12:
        return False
    fillers = about_bot().fillers
    at, found = 0, False
    while at < len(words):
        longest = min(6, len(words) - at)
        length = next(
            (n for n in range(longest, 0, -1) if tuple(words[at : at + n]) in phrases), 0
        )
        if length:
            at, found = at + length, True
        elif words[at] in fillers:
            at += 1
        else:
            return False
    return found


def _signature(line: str, data: Wrapping) -> bool:
    """A name or two in capitals ("Martha", "Олег Петренко", "— John"), asking nothing."""
    if "?" in line:
        return False
    words = line.strip(" \t-—–,.!").split()
    return 0 < len(words) <= data.signature_words and all(
        _CAPITALISED.fullmatch(w) and w[0].isupper() for w in words
    )


def _signed_off(line: str, phrases: frozenset[tuple[str, ...]], data: Wrapping) -> bool:
    """A sign-off and a signature on one line: "С уважением, Олег", "Best, Tom"."""
    head, comma, name = line.rpartition(",")
    return bool(comma) and _only_courtesy(head, phrases) and _signature(name, data)
