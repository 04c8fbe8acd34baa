"""A quiz's shapes, read as the question they put: a blank to fill in is the thing asked
("The Geneva summit took place on ___" asks when), and lettered options ("(a) 1 December (b)
7 December") are claims offered to pick from, which the answer says which of is right and
never confirms with "Yes". The words are data (data/quiz.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.lexicon import Calendar
from knowledge.language.text import normalize, reduce_word

QUIZ_PATH = Path(__file__).resolve().parent / "data" / "quiz.yaml"

_UNDERSCORES = re.compile(r"_{2,}")
_DOTS = re.compile(r"…+|\.{3,}")
# A blank in the text once read: one marker, apart from the words around it.
_MARK = " \x00 "


@dataclass(frozen=True)
class Quiz:
    fill_in: dict[str, tuple[str, ...]]  # normalised, per language
    after: dict[str, dict[str, str]]
    before_month: dict[str, str]
    asked: dict[str, str]
    letters: tuple[str, ...]  # each script's option letters, in order


@cache
def quiz(path: Path = QUIZ_PATH) -> Quiz:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    blanks = data["blanks"]
    return Quiz(
        fill_in={
            lang: tuple(normalize(p) for p in ps) for lang, ps in blanks["fill_in"].items()
        },
        after={lang: dict(table) for lang, table in blanks["after"].items()},
        before_month=dict(blanks["before_month"]),
        asked=dict(blanks["asked"]),
        letters=tuple(data["options"].values()),
    )


def blank_read(text: str, lang: str, calendar: Calendar, data: Quiz | None = None) -> str:
    """`text` with each blank replaced by the words that ask for it (see the module)."""
    data = data or quiz()
    marked = _UNDERSCORES.sub(_MARK, text)
    if _DOTS.search(marked) and _says_fill_in(marked, lang, data):
        marked = _DOTS.sub(_MARK, marked)
    if _MARK not in marked:
        return text
    words = marked.split(" ")
    for i, word in enumerate(words):
        if word != _MARK.strip():
            continue
        before = _neighbour(words, i, -1)
        after = _neighbour(words, i, 1)
        if after and _is_month(after, lang, calendar):
            words[i] = data.before_month.get(lang, "")
        else:
            words[i] = data.after.get(lang, {}).get(before, data.asked.get(lang, ""))
    return " ".join(word for word in words if word)


def _is_month(word: str, lang: str, calendar: Calendar) -> bool:
    """ "декабря", "грудня", "december": a month's name in any of its forms."""
    return word in calendar.months or calendar.month_by_base(reduce_word(word, lang)) is not None


def _says_fill_in(text: str, lang: str, data: Quiz) -> bool:
    said = f" {normalize(text)} "
    return any(f" {phrase} " in said for phrase in data.fill_in.get(lang, ()))


# How far a blank's word may stand from it, in pieces of the text split at spaces: a marker
# brings its own spaces ("и  \x00 "), a dash or a quote may stand between. A message of a
# thousand blanks then costs a thousand short looks, not a walk over the rest at each.
_NEIGHBOUR_REACH = 6


def _neighbour(words: list[str], i: int, step: int) -> str:
    """The word next to position `i` that way, normalised ("" when none is near)."""
    blank = _MARK.strip()
    for j in range(i + step, i + step * (_NEIGHBOUR_REACH + 1), step):
        if not 0 <= j < len(words):
            break
        if not words[j] or words[j] == blank:
            continue
        said = normalize(words[j])
        if said:
            return said.split()[-1 if step < 0 else 0]
    return ""


def options_in(text: str, data: Quiz | None = None) -> tuple[tuple[str, str], ...]:
    """The lettered options a question offers, each (its letter as typed, its text): two or
    more, lettered in order from the first letter ("(a) ... (b) ...", "а) ... б) ..."); ()
    when there are none."""
    data = data or quiz()
    for letters in data.letters:
        marker = re.compile(rf"(?<!\w)\(?([{letters}])\)", re.IGNORECASE)
        found = list(marker.finditer(text))
        wanted = [m for k, m in enumerate(found) if m.group(1).lower() == letters[k : k + 1]]
        if len(found) < 2 or len(wanted) != len(found):
            continue
        ends = [m.start() for m in found[1:]] + [len(text)]
        return tuple(
            (m.group(0).strip(), text[m.end() : end].strip(" ,;?!."))
            for m, end in zip(found, ends, strict=True)
        )
    return ()
