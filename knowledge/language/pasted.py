"""What copying a message from elsewhere leaves in it, read away before the question is read:
the link it was copied from ("https://glavred.info/world/putin-bayden what time in kyiv"), the
line saying whom it was forwarded from ("Forwarded from ...", "(переслано)"), the feed's rubric
tags ("#Ukraine what hour kyiv", "#новини що хоче ..."), and Latin letters that look like
Cyrillic ones inside a Cyrillic word ("по Кuеву", "Пeсков": homoglyphs), or the other way.

The words are data (data/pasted.yaml); the rules are these: a link is a piece of the message
starting with a scheme or "www." or a domain with a path; a forwarding line or bracketed note
goes only when the message has other words; a rubric tag goes only when some word is left
beside it, so a tag that is the ask's only content ("#Байден") stays; a word mixing the two
scripts is read in the script of its other letters only when every letter of the other
script has a twin there; a message pasted twice over ("when's the call when's the call") is
read once, and so is one ask written again between " / " in a script the bot does not read
("tokyo time? / 東京 time?": the copy's other words are the first's). A message with none of
these is returned as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import CYRILLIC, LATIN

PASTED_PATH = Path(__file__).resolve().parent / "data" / "pasted.yaml"

_LINK = re.compile(
    r"(?<!\S)(?:https?://\S*|www\.\S*|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*)", re.IGNORECASE
)
_TAG = re.compile(r"(?<!\w)#(\w+)")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"\w", re.UNICODE)
_SPACES = re.compile(r"[ \t]+")
# The marks a pasted copy may end in or not: "when is it? when is it" is one ask twice.
_ENDS = ".,!?;:…"


@dataclass(frozen=True)
class Pasted:
    to_cyrillic: dict[int, str]
    to_latin: dict[int, str]
    forwarded: tuple[str, ...]  # markers, longest first
    rubrics: frozenset[str]


@cache
def pasted(path: Path = PASTED_PATH) -> Pasted:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    latin, cyrillic = data["homoglyphs"]["latin"], data["homoglyphs"]["cyrillic"]
    if len(latin) != len(cyrillic):
        raise ValueError(f"{path.name}: homoglyphs: {len(latin)} Latin, {len(cyrillic)} Cyrillic")
    markers = sorted({m.casefold() for m in data["forwarded"]}, key=len, reverse=True)
    rubrics = frozenset(w.casefold() for text in data["rubrics"].values() for w in text.split())
    return Pasted(
        str.maketrans(latin, cyrillic), str.maketrans(cyrillic, latin), tuple(markers), rubrics
    )


def unpasted(text: str, data: Pasted | None = None) -> str:
    """`text` without what pasting left in it (see the module's docstring)."""
    data = data or pasted()
    read = _LETTERS.sub(lambda word: _one_script(word[0], data), text)
    if "/" in read or "www." in read.casefold():
        read = _without_links(read)
    read = _unforwarded(read, data)
    if "#" in read:
        read = _without_rubrics(read, data)
    read = _once(read)
    if " / " in read:
        read = _once_across_scripts(read)
    if read == text:
        return text
    return "\n".join(_SPACES.sub(" ", line).strip() for line in read.splitlines()).strip()


def _once(text: str) -> str:
    """A message that is one run of two words or more said over again, whole, as a paste
    twice over leaves it, as that run once; any other message as it was."""
    words = text.split()
    said = [word.strip(_ENDS).casefold() for word in words]
    size = len(said)
    for run in range(2, size // 2 + 1):
        if size % run == 0 and said == said[:run] * (size // run):
            return " ".join(words[:run])
    return text


def _once_across_scripts(text: str) -> str:
    """Parts between " / " that add nothing but words of a script the bot does not read go:
    "tokyo time? / 東京 time?" is "tokyo time?". A part of words of its own ("in Kyiv / in
    London") stays, and so does the message when any part does."""
    parts = text.split(" / ")
    said: set[str] = set()
    kept: list[str] = []
    for part in parts:
        words = [word.casefold() for word in _LETTERS.findall(part)]
        read = {word for word in words if LATIN.search(word) or CYRILLIC.search(word)}
        if kept and read <= said and any(word not in read for word in words):
            continue  # the same ask again, its new words in a script the bot does not read
        said |= read
        kept.append(part)
    return " / ".join(kept)


def _one_script(word: str, data: Pasted) -> str:
    if not (CYRILLIC.search(word) and LATIN.search(word)):
        return word
    as_cyrillic = word.translate(data.to_cyrillic)
    if not LATIN.search(as_cyrillic):
        return as_cyrillic
    as_latin = word.translate(data.to_latin)
    if not CYRILLIC.search(as_latin):
        return as_latin
    return word


def _without_links(text: str) -> str:
    rest = _LINK.sub(" ", text)
    return rest if _WORD.search(rest) else text


def _unforwarded(text: str, data: Pasted) -> str:
    lines = text.splitlines()
    kept = [_after_colon(line) if _forwarding(line, data) else line for line in lines]
    kept = [line for line in kept if line is not None]
    if kept != lines and any(_WORD.search(line) for line in kept):
        text = "\n".join(kept)
    for marker in data.forwarded:
        if marker in text.casefold():
            rest = re.sub(rf"[(\[]\s*{re.escape(marker)}\s*[)\]]", " ", text, flags=re.I)
            if _WORD.search(rest):
                text = rest
    return text


def _after_colon(line: str) -> str | None:
    """What follows a forwarding line's colon ("Fwd: when is it"), None with none."""
    _, colon, rest = line.partition(":")
    return rest if colon and _WORD.search(rest) else None


def _forwarding(line: str, data: Pasted) -> bool:
    said = line.strip().casefold()
    return any(
        said.startswith(marker) and not said[len(marker) : len(marker) + 1].isalnum()
        for marker in data.forwarded
    )


def _without_rubrics(text: str, data: Pasted) -> str:
    rest = _TAG.sub(lambda tag: " " if tag[1].casefold() in data.rubrics else tag[0], text)
    return rest if _WORD.search(rest) else text
