"""Message catalogs: every user-visible string, keyed, in en, ru and uk.

One small mechanism serves both the engine (answer phrases, in knowledge/locales) and the
bot (its UI, in bot/locales), so knowledge/ stays free of Telegram. Catalogs are plain
YAML a translator can edit; a test fails when a key or a placeholder is missing in any
language.

A message that counts something is a mapping of CLDR plural categories to texts
(`{one: "{count} problem", other: "{count} problems"}`; Russian and Ukrainian use one, few,
many and other); the category comes from Babel's plural rules for the language and the
`count` given.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.plural import PluralRule

from knowledge.model import LANGS

FALLBACK = "en"
# libyaml's loader when PyYAML has it (its wheels do): the same data, several times faster
# than the pure-Python one; the catalogs, lexicon and decision model load at start-up.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
# A message: one text, or texts by plural category.
Message = str | dict[str, str]


def _is_plural(value: Any) -> bool:
    return isinstance(value, Mapping) and "other" in value and set(value) <= PLURAL_FORMS


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Message]:
    flat: dict[str, Message] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if _is_plural(value):
            flat[name] = {form: str(text).rstrip("\n") for form, text in value.items()}
        elif isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value).rstrip("\n")
    return flat


def placeholders(template: Message) -> set[str]:
    texts = template.values() if isinstance(template, dict) else (template,)
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


@cache
def _plural_rule(lang: str) -> PluralRule:
    return Locale.parse(lang).plural_form


def plural_category(lang: str, count: float) -> str:
    """CLDR's category of a number in a language: 21 → "one", 3 → "few", 5 → "many" in ru."""
    return _plural_rule(lang)(abs(count))


class Catalog:
    """Keyed templates per language with an English fallback."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.messages: dict[str, dict[str, Message]] = {}
        for lang in LANGS:
            path = directory / f"{lang}.yaml"
            self.messages[lang] = _flatten(
                yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER) or {}
            )

    def __call__(self, key: str, lang: str, /, **params: Any) -> str:
        template = self.messages.get(lang, {}).get(key)
        if template is None:
            lang, template = FALLBACK, self.messages[FALLBACK].get(key)
        if template is None:
            raise KeyError(f"no message {key!r}")
        if isinstance(template, dict):
            if "count" not in params:
                raise KeyError(f"message {key!r} counts: give it count=")
            form = plural_category(lang, params["count"])
            template = template.get(form) or template["other"]
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
                elif isinstance(messages[key], dict):
                    needed = set(_plural_rule(lang).rules) | {"other"}
                    missing = needed - set(messages[key])
                    if missing:
                        forms = ", ".join(sorted(missing))
                        found.append(f"{self.directory.name}/{lang}.yaml: {key} lacks {forms}")
        return found


ANSWERS = Catalog(Path(__file__).resolve().parent / "locales")
