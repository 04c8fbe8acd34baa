"""Digits typed for letters ("wh4t t1m3", "к0ли дзв1н0к"): each word of letters and digits
read with its digits as the letters they look like (data/leet.yaml), when the word then is
one the bot knows (`known`, given by the caller: the lexicon, the fact base, the
dictionaries). A word of digits alone, or one that reads as no known word ("G7", "5pm",
"1st"), is left as written, and so is a message with no such word."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import CYRILLIC

LEET_PATH = Path(__file__).resolve().parent / "data" / "leet.yaml"
# A word read so has at most this many digits: each may be two or three letters, and the
# readings tried grow as their product.
MOST_DIGITS = 4
# A word: letters and digits, told apart in Python (lookaheads for "has a digit" would scan
# each long word once per character).
_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")


@cache
def leet_tables(path: Path = LEET_PATH) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        script: {str(digit): tuple(letters) for digit, letters in table.items()}
        for script, table in data.items()
    }


def digits_as_letters(text: str, known: Callable[[str, str], bool]) -> str:
    """`text` with each word of letters and digits read as letters where that makes a
    known word: `known(word, script)`, script "latin" or "cyrillic"."""
    if not _DIGIT.search(text):
        return text
    return _WORD.sub(lambda found: _read(found[0], known), text)


def _read(word: str, known: Callable[[str, str], bool]) -> str:
    digits = [i for i, ch in enumerate(word) if ch.isdigit()]
    if not digits or len(digits) > MOST_DIGITS or len(digits) == len(word):
        return word
    script = "cyrillic" if CYRILLIC.search(word) else "latin"
    table = leet_tables()[script]
    choices = [table.get(word[i], ()) for i in digits]
    if not all(choices):
        return word
    letters = list(word)
    for reading in itertools.product(*choices):
        for i, letter in zip(digits, reading, strict=True):
            letters[i] = letter
        candidate = "".join(letters).casefold()
        if known(candidate, script):
            return "".join(letters)
    return word
