"""A message of only the words that, around a question, say how to answer it ("коротко",
"briefly", "стисло"), read as what it asks alone: the article in short, as "tl;dr" is. The
words are data (data/alone.yaml); a message with any other word is returned as it was, so
"коротко: когда звонок?" still asks when.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import normalize
from knowledge.model import LANGS

ALONE_PATH = Path(__file__).resolve().parent / "data" / "alone.yaml"


@cache
def alone_readings(path: Path = ALONE_PATH) -> dict[tuple[str, ...], list[str]]:
    """Each message's words (normalised) → the words it is read as."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    table = data.get("alone") or {}
    if not isinstance(table, dict) or set(table) - set(LANGS):
        raise ValueError(f"{path.name}: alone: expected pairs per language")
    readings: dict[tuple[str, ...], list[str]] = {}
    for pairs in table.values():
        for pair in pairs:
            if not (isinstance(pair, list) and len(pair) == 2 and all(pair)):
                raise ValueError(f"{path.name}: alone: {pair!r}: expected [message, reading]")
            said, read = (normalize(str(text)).split() for text in pair)
            readings[tuple(said)] = read
    return readings


def alone_read(words: list[str]) -> list[str]:
    """`words` as the message they are alone is read ("коротко" → "краткое содержание"),
    or as they are."""
    return list(alone_readings().get(tuple(words), words))
