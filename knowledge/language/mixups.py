"""A name mixed up: someone the article does not name put beside one of the call's sides as
if they were the other ("путин и зеленский будут говорить?", "трамп і путін говорять 7 грудня
так?", "will Trump talk to Putin"). The asker still means this call: the question is read
with the mixed-up name as the other side, and the answer says first that the article does
not name them.

The names are data (data/mixups.yaml: people the article does not name, and what joins a
pair); the sides are the content's (its people, and the event's title naming the two who
talk). A name alone ("will Zelensky join?") is no pair and is left as asked: the article
says nothing of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

MIXUPS_PATH = Path(__file__).resolve().parent / "data" / "mixups.yaml"
_WORD = re.compile(r"[^\W\d_]+|&|-")


@dataclass(frozen=True)
class Mixups:
    outsiders: tuple[str, ...]  # starts of names, any language
    ending: int  # at most this many letters after a start
    joiners: frozenset[str]
    roles: tuple[tuple[str, ...], ...]  # each the starts of its words, longest first
    # Every word of every question is tried against the names, and most questions name no
    # post: one pattern each, made once (a casefolded word that starts with a name, or with
    # a post's first word, with at most `ending` letters after it).
    outsider_word: re.Pattern[str] = field(init=False, repr=False, compare=False)
    role_word: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "outsider_word", _starting(self.outsiders, self.ending))
        first_words = tuple({role[0] for role in self.roles})
        object.__setattr__(self, "role_word", _starting(first_words, self.ending))


def _starting(starts: tuple[str, ...], ending: int) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(start) for start in sorted(starts, key=len, reverse=True))
    return re.compile(f"(?:{alternatives}).{{0,{ending}}}", re.DOTALL)


@cache
def mixups(path: Path = MIXUPS_PATH) -> Mixups:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = {name.casefold() for names in data["outsiders"].values() for name in names}
    joiners = frozenset(str(word).casefold() for word in data["joiners"])
    roles = {
        tuple(_WORD.findall(role.casefold())) for roles in data["roles"].values() for role in roles
    }
    return Mixups(
        tuple(sorted(names, key=len, reverse=True)),
        int(data["ending"]),
        joiners,
        tuple(sorted(roles, key=len, reverse=True)),
    )


def outsider(word: str, data: Mixups) -> bool:
    return bool(data.outsiders) and data.outsider_word.fullmatch(word.casefold()) is not None


@dataclass(frozen=True)
class Mixup:
    reread: str  # the question with the mixed-up name as the other side
    name: str  # the name as written


def mixed_up(
    text: str,
    sides: Iterable[tuple[str, str]],
    person_of: Callable[[str], str | None],
    data: Mixups | None = None,
) -> Mixup | None:
    """The question re-read when it pairs a name the article does not name with one of the
    call's sides; None otherwise. `sides`: the two who talk, each as (person, a word naming
    them); `person_of`: a word's person (the content's people), if any."""
    data = data or mixups()
    sides = tuple(sides)
    spans = [(m.start(), m.end(), m[0]) for m in _WORD.finditer(text)]
    if not any(outsider(word, data) for _, _, word in spans):
        return None
    people = [person_of(word) for _, _, word in spans]
    for i, (start, end, word) in enumerate(spans):
        if not outsider(word, data):
            continue
        partner = _paired(i, spans, people, data.joiners)
        others = [named for person, named in sides if person != partner]
        if partner is None or partner not in {person for person, _ in sides} or not others:
            continue
        return Mixup(text[:start] + others[0] + text[end:], word)
    return None


def _paired(
    i: int, spans: list[tuple[int, int, str]], people: list[str | None], joiners: Collection[str]
) -> str | None:
    """The person paired with the word at `i`: next to it, or with a joiner between."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(spans) and spans[j][2].casefold() in joiners:
            j += step
        if 0 <= j < len(spans) and people[j] is not None:
            return people[j]
    return None


def _starts(word: str, start: str, data: Mixups) -> bool:
    return word.startswith(start) and len(word) - len(start) <= data.ending


def role_named(text: str, data: Mixups | None = None) -> tuple[str, str] | None:
    """A post named in `text` ("secretary of state", "держсекретар"): the text without it,
    and the post as written; None without one."""
    data = data or mixups()
    spans = [(m.start(), m.end(), m[0].casefold()) for m in _WORD.finditer(text) if m[0].isalpha()]
    if not data.roles or not any(data.role_word.fullmatch(word) for _, _, word in spans):
        return None
    for role in data.roles:
        for i in range(len(spans) - len(role) + 1):
            if all(_starts(spans[i + k][2], part, data) for k, part in enumerate(role)):
                start, end = spans[i][0], spans[i + len(role) - 1][1]
                return text[:start] + text[end:], text[start:end]
    return None
