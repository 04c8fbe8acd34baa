"""Messages addressed to the bot itself ("who are you?", "кто тебя создал?", "з ким я
розмовляю?"), read as word shapes from data/about_bot.yaml.

They ask what the bot is, and their words ("who", "wrote", "talking") would otherwise match
a fact confidently: "хто тебе написав" reads like "who wrote the article", "з ким я
розмовляю" like "who takes part in the call"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import normalize

DATA = Path(__file__).with_name("data") / "about_bot.yaml"
# A longer message says more than "who are you", even if its end is one of the shapes.
MAX_WORDS = 10
# A message's sentences: each ends at "?", "!" or "." followed by a space.
_SENTENCE_END = re.compile(r"(?<=[?!.])\s+")

Shape = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class AboutBot:
    shapes: tuple[Shape, ...]
    fillers: frozenset[str]
    # Remarks on the bot or its answer ("are you sure?", "ты уверен?"): no ask of their own.
    remarks: tuple[Shape, ...] = ()

    def addressed(self, text: str) -> bool:
        """True when one shape covers the message whole, apart from filler words."""
        return self._covered(self.shapes, text)

    def remarked(self, text: str) -> bool:
        """True when a remark on the bot or its answer covers the message whole, apart from
        filler words ("are you sure?", "а ти впевнений, боте?")."""
        return self._covered(self.remarks, text)

    def _covered(self, shapes: tuple[Shape, ...], text: str) -> bool:
        words = normalize(text).split()
        if not words or len(words) > MAX_WORDS:
            return False
        # A shape covers the message only if every word that is no filler is one of its
        # slots' words: most messages share no such word with most shapes, and are not
        # tried window by window against them.
        asked = {word for word in words if word not in self.fillers}
        return any(asked <= _slot_words(shape) and self._covers(shape, words) for shape in shapes)

    def without_remarks(self, text: str) -> str:
        """The message less its sentences addressed to the bot or remarking on it, as in a
        chat ("формат який? ти взагалі живий, боте?", "а ти впевнений? де це написано?"),
        when another sentence is left to ask something; the message itself otherwise."""
        sentences = _SENTENCE_END.split(text.strip())
        if len(sentences) < 2:
            return text
        kept = [s for s in sentences if not (self.addressed(s) or self.remarked(s))]
        return " ".join(kept) if kept and len(kept) < len(sentences) else text

    def _covers(self, shape: Shape, words: list[str]) -> bool:
        size = len(shape)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if all(word in slot for word, slot in zip(window, shape, strict=True)):
                rest = words[:start] + words[start + size :]
                if all(word in self.fillers for word in rest):
                    return True
        return False


@cache
def _slot_words(shape: Shape) -> frozenset[str]:
    return frozenset().union(*shape)


def parse(data: dict) -> AboutBot:
    """`shapes` and `fillers` per language, pooled: a shape needs no language detected."""
    shapes = {
        tuple(frozenset(normalize(w) for w in slot.split("|")) for slot in shape.split())
        for spelled in data["shapes"].values()
        for shape in spelled
    }
    fillers = frozenset(normalize(w) for words in data["fillers"].values() for w in words)
    remarks = {
        tuple(frozenset(normalize(w) for w in slot.split("|")) for slot in shape.split())
        for spelled in (data.get("remarks") or {}).values()
        for shape in spelled
    }
    return AboutBot(
        tuple(sorted(shapes, key=len, reverse=True)),
        fillers,
        tuple(sorted(remarks, key=len, reverse=True)),
    )


@cache
def about_bot() -> AboutBot:
    return parse(yaml.safe_load(DATA.read_text(encoding="utf-8")))


def addressed_to_bot(text: str) -> bool:
    return about_bot().addressed(text)
