"""The checks every lexicon file's sections pass when read: a mistake names the file and
the entry rather than quietly matching less (lexicon_files.py, calendar_file.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.model import LANGS


class LexiconInvalid(ValueError):
    """A words or lexicon file that cannot be used; the message names the file and entry."""


def phrases_per_language(data: Any, path: Path, section: str) -> dict[str, list[str]]:
    data = data or {}
    if not isinstance(data, dict) or not all(
        lang in LANGS and isinstance(ps, list) and all(isinstance(p, str) and p for p in ps)
        for lang, ps in data.items()
    ):
        raise LexiconInvalid(f"{path.name}: {section}: expected phrases per language")
    return data


def texts_per_language(data: Any, path: Path, section: str) -> dict[str, str]:
    data = data or {}
    ok = isinstance(data, dict) and not set(data) - set(LANGS)
    if not ok or not all(isinstance(text, str) for text in data.values()):
        raise LexiconInvalid(f"{path.name}: {section}: expected a text per language")
    return data
