"""A message typed as a search-engine query ("putin biden call date -trump", "putin biden agenda
ukraine OR nato", "white house denial putin call intitle:psaki"): its operators read as a
searcher means them, and the ask left is the question. The operators are data
(data/searched.yaml); the rules are these: a term after the excluding mark goes (what the
searcher does not want is not what is asked), the requiring mark and the words between
alternatives go and their words stay, a field prefix goes with its term or alone as the data
says. An operator is one only where it stands as one: a mark at a term's start before a letter
("-trump", not "UTC -5" or "кто-то"), "OR" in capitals in a message not written all in capitals.
A message that would be left with no words keeps them all; one with no operators is returned as
it was. Quotes stay: the matcher reads a quoted phrase's words, and a quote from the article is
read as one (knowledge/answering/quoted.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

SEARCHED_PATH = Path(__file__).resolve().parent / "data" / "searched.yaml"

_SPACES = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Operators:
    excluded: re.Pattern[str]  # "-trump", '-"donald trump"'
    required: re.Pattern[str]  # "+insisted": the mark alone
    between: re.Pattern[str]  # "OR" between alternatives
    dropped: re.Pattern[str]  # "site:kremlin.ru": the whole term
    kept: re.Pattern[str]  # "intitle:": the prefix alone


@cache
def operators(path: Path = SEARCHED_PATH) -> Operators:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    excluding, requiring = re.escape(data["excluding"]), re.escape(data["requiring"])
    between = "|".join(re.escape(word) for word in data["between"])
    fields = data["fields"]

    def prefixes(names: list[str]) -> str:
        return "|".join(re.escape(name) for name in names)

    # A term starts a message or follows a space or an opening bracket.
    start = r"(?<![^\s(])"
    return Operators(
        excluded=re.compile(rf'{start}{excluding}(?:"[^"]*"|[^\W\d_][\w\'-]*)'),
        required=re.compile(rf"{start}{requiring}(?=[^\W\d_]|\")"),
        between=re.compile(rf"(?<!\S)(?:{between})(?!\S)"),
        dropped=re.compile(rf"{start}(?:{prefixes(fields['drop'])}):\S*", re.IGNORECASE),
        kept=re.compile(rf"{start}(?:{prefixes(fields['keep'])}):", re.IGNORECASE),
    )


def unsearched(text: str, data: Operators | None = None) -> str:
    """`text` with its search operators read (see the module's docstring)."""
    data = data or operators()
    read = data.excluded.sub(" ", text)
    read = data.dropped.sub(" ", read)
    read = data.kept.sub("", read)
    read = data.required.sub("", read)
    if not _all_capitals(text):  # "WAR OR NO WAR": English written in capitals
        read = data.between.sub(" ", read)
    if read == text or not _WORD.search(read):
        return text
    return "\n".join(_SPACES.sub(" ", line).strip() for line in read.splitlines()).strip()


def _all_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
