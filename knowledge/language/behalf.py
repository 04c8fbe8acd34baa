"""Asking on someone's behalf ("внучка спрашивает, когда...", "my mum in odesa wants to know
what hour", "скажите бабушке, во сколько"): who asks and that they ask wrap the real
question, so they are dropped before the question is read.

Matched as a pattern over words, not spelled as phrases: every asker with every verb, with
or without "my", in either order, is thousands of phrases, and each one the intent pass
would check costs every answer time. Here each word is looked up once in a set."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.language.text import normalize
from knowledge.model import LANGS

PARTS = (
    "possessive",
    "askers",
    "asking",
    "told",
    "telling",
    "for",
    "hearsay",
    "checked",
    "objects",
)

# Words an asker may stand apart from its verb by: "my mum in odesa wants to know" keeps
# "in odesa", whose clock is meant; further apart, the two need not be one clause.
REACH = 3


@dataclass(frozen=True)
class Behalf:
    possessive: frozenset[str] = frozenset()
    askers: frozenset[str] = frozenset()
    told: frozenset[str] = frozenset()
    for_words: frozenset[str] = frozenset()
    # Verbs of several words, as word tuples, longest first.
    asking: tuple[tuple[str, ...], ...] = ()
    telling: tuple[tuple[str, ...], ...] = ()
    # "I heard", "слышал", "кажуть": dropped only at the start of a claim put up to be checked
    # (its last word one of `checked`, "..., true?", "..., правда?"), so what is weighed is the
    # claim itself, as if asked bare; a question that asks what was heard keeps them.
    hearsay: tuple[tuple[str, ...], ...] = ()
    checked: frozenset[str] = frozenset()
    # A question word asking what the asker's verb has ("что хочет дед от Путина", "що дід
    # хоче від Путіна"): the asker is the one the question is about, not one asking it.
    objects: frozenset[str] = frozenset()
    _first: frozenset[str] = field(default=frozenset(), repr=False)

    def dropped(self, words: list[str]) -> list[str]:
        """Words without the asker and its asking verb, or the one told and its telling verb
        or "for"; the words themselves when none is there (the common case, one set look-up
        per word)."""
        words = self._unheard(words)
        if not self.askers or self._first.isdisjoint(words):
            return words
        cut: set[int] = set()
        for i, word in enumerate(words):
            if word in self.askers:
                self._asker_at(words, i, cut)
            if word in self.told:
                self._told_at(words, i, cut)
        return [w for i, w in enumerate(words) if i not in cut] if cut else words

    def _unheard(self, words: list[str]) -> list[str]:
        if len(words) < 3 or words[-1] not in self.checked:
            return words
        opener = _verb_at(words, 0, self.hearsay)
        return words[opener:] if opener else words

    def _owner(self, words: list[str], i: int) -> int:
        return i - 1 if i > 0 and words[i - 1] in self.possessive else i

    def _asker_at(self, words: list[str], i: int, cut: set[int]) -> None:
        start = self._owner(words, i)
        if start > 0 and words[start - 1] in self.objects:
            return  # "что дед хочет от Путина": what he wants is asked
        # "внучка спрашивает", "my mum in odesa wants to know": the verb after, near.
        for j in range(i + 1, min(i + 1 + REACH, len(words))):
            verb = _verb_at(words, j, self.asking)
            if verb:
                cut.update(range(start, i + 1), range(j, j + verb))
                return
        # "спрашивает внучка", "asks my grandson": the verb just before.
        verb = _verb_before(words, start, self.asking)
        if verb and not (start - verb > 0 and words[start - verb - 1] in self.objects):
            cut.update(range(start - verb, i + 1))

    def _told_at(self, words: list[str], i: int, cut: set[int]) -> None:
        start = self._owner(words, i)
        if start > 0 and words[start - 1] in self.for_words:
            cut.update(range(start - 1, i + 1))
            return
        verb = _verb_before(words, start, self.telling)
        if verb:
            cut.update(range(start - verb, i + 1))
            return
        verb = _verb_at(words, i + 1, self.telling)
        if verb:
            cut.update(range(start, i + 1 + verb))


def _verb_at(words: list[str], j: int, verbs: tuple[tuple[str, ...], ...]) -> int:
    for verb in verbs:
        if tuple(words[j : j + len(verb)]) == verb:
            return len(verb)
    return 0


def _verb_before(words: list[str], end: int, verbs: tuple[tuple[str, ...], ...]) -> int:
    for verb in verbs:
        if end >= len(verb) and tuple(words[end - len(verb) : end]) == verb:
            return len(verb)
    return 0


def load_behalf(data: Any, path: Path) -> Behalf:
    """`on_behalf` in words.yaml: per language, lists of each part; all languages pooled,
    since each word is one language's."""
    table = data or {}
    if not isinstance(table, dict) or set(table) - set(LANGS):
        raise ValueError(f"{path.name}: on_behalf: expected lists per language")
    pooled: dict[str, set[str]] = {part: set() for part in PARTS}
    for lang, parts in table.items():
        ok = isinstance(parts, dict) and not set(parts) - set(PARTS)
        if not ok or not all(
            isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)
            for words in parts.values()
        ):
            raise ValueError(f"{path.name}: on_behalf: {lang}: expected lists of {PARTS}")
        for part, words in parts.items():
            pooled[part].update(normalize(w) for w in words)
    for part in ("possessive", "askers", "told", "for", "checked", "objects"):
        several = sorted(w for w in pooled[part] if " " in w)
        if several:
            raise ValueError(f"{path.name}: on_behalf: {part}: one word each: {several[0]}")

    def verbs(part: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(v.split()) for v in pooled[part]), key=lambda v: -len(v)))

    askers, told = frozenset(pooled["askers"]), frozenset(pooled["told"])
    return Behalf(
        possessive=frozenset(pooled["possessive"]),
        askers=askers,
        told=told,
        for_words=frozenset(pooled["for"]),
        asking=verbs("asking"),
        telling=verbs("telling"),
        hearsay=verbs("hearsay"),
        checked=frozenset(pooled["checked"]),
        objects=frozenset(pooled["objects"]),
        _first=askers | told,
    )
