"""A message of only the words that, around a question, say how to answer it ("коротко",
"briefly", "стисло"), read as what it asks alone: the article in short, as "tl;dr" is. The
words are data (data/alone.yaml); the whole message is read, before it is cut into asks, so
"коротко: когда звонок?" still asks when and "his reaction? Briefly." his reaction.
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


def alone_message(text: str) -> str | None:
    """What a message that is only such words is read as ("Коротко?" → "краткое содержание"),
    or None. The whole message only: "What's his reaction? Briefly." asks the reaction."""
    reading = alone_readings().get(tuple(normalize(text).split()))
    return " ".join(reading) if reading else None
