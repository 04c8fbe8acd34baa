"""Message catalogs: every user-visible string, keyed, in en, ru and uk.

One small mechanism serves both the engine (answer phrases, in knowledge/locales) and the
bot (its UI, in bot/locales), so knowledge/ stays free of Telegram. Catalogs are plain
YAML a translator can edit; a test fails when a key or a placeholder is missing in any
language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import LANGS

FALLBACK = "en"
# libyaml's loader when PyYAML has it (its wheels do): the same data, several times faster
# than the pure-Python one; the catalogs, lexicon and decision model load at start-up.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value).rstrip("\n")
    return flat


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Catalog:
    """Keyed templates per language with an English fallback."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.messages: dict[str, dict[str, str]] = {}
        for lang in LANGS:
            path = directory / f"{lang}.yaml"
            self.messages[lang] = _flatten(
                yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER) or {}
            )

    def __call__(self, key: str, lang: str, /, **params: Any) -> str:
        template = self.messages.get(lang, {}).get(key) or self.messages[FALLBACK].get(key)
        if template is None:
            raise KeyError(f"no message {key!r}")
        return template.format(**params) if params else template

    def has(self, key: str) -> bool:
        return key in self.messages[FALLBACK]

    def problems(self) -> list[str]:
        """Keys missing in a language, or whose placeholders differ from English."""
        found = []
        reference = self.messages[FALLBACK]
        for lang in LANGS:
            messages = self.messages[lang]
            for key in sorted(set(reference) | set(messages)):
                if key not in messages:
                    found.append(f"{self.directory.name}/{lang}.yaml: missing {key}")
                elif key not in reference:
                    found.append(f"{self.directory.name}/{lang}.yaml: {key} is not in en.yaml")
                elif placeholders(messages[key]) != placeholders(reference[key]):
                    found.append(f"{self.directory.name}/{lang}.yaml: {key} placeholders differ")
        return found


ANSWERS = Catalog(Path(__file__).resolve().parent / "locales")
