"""The matcher's words as data: intents and stopwords (knowledge/language/data/words.yaml)
and a content's concepts, its thesaurus of interchangeable words (lexicon.yaml beside its
facts).

Intents let "когда", "коли" and "what time" meet on one token, so a Russian question
matches a fact whose English question asks the same. Concepts do the same for the things a
content talks about ("созвон", "videocall", "переговори" → @call). Both files are checked
when loaded: a mistake names the file and the entry rather than quietly matching less.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import LANGS

WORDS_PATH = Path(__file__).resolve().parent / "data" / "words.yaml"
SHIPPED_CONCEPTS_PATH = Path(__file__).resolve().parent.parent / "content" / "lexicon.yaml"


class LexiconInvalid(ValueError):
    """A words or lexicon file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True)
class Lexicon:
    # (phrase, intent), longest phrase first: replaced before its parts.
    intent_phrases: tuple[tuple[str, str], ...]
    intents: frozenset[str]
    # One-word phrases, for typo correction: "кагда" is corrected to "когда", which is @when.
    single_word_intents: Mapping[str, str]
    stopwords: frozenset[str]
    concept_of: Mapping[str, str]

    @classmethod
    def build(
        cls,
        intents: Mapping[str, list[str]],
        stopwords: Mapping[str, str],
        concepts: Mapping[str, list[str]],
    ) -> Lexicon:
        phrases = sorted(
            {(p, intent) for intent, ps in intents.items() for p in ps},
            key=lambda item: (-len(item[0]), item[0]),
        )
        return cls(
            intent_phrases=tuple(phrases),
            intents=frozenset(intents),
            single_word_intents={p: i for p, i in phrases if " " not in p},
            stopwords=frozenset(w for words in stopwords.values() for w in words.split()),
            concept_of={word: concept for concept, words in concepts.items() for word in words},
        )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconInvalid(f"{path.name}: cannot be read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: expected a mapping at the top")
    return data


def _token_lists(data: Any, path: Path, section: str) -> dict[str, list[str]]:
    """A mapping of '@token' to a list of lower-case phrases."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: {section}: expected a mapping of @name to phrases")
    result: dict[str, list[str]] = {}
    for token, phrases in data.items():
        where = f"{path.name}: {section}: {token!s:.40}"
        if not isinstance(token, str) or not token.startswith("@") or " " in token:
            raise LexiconInvalid(f"{where}: a name is one word starting with @")
        if not isinstance(phrases, list) or not phrases:
            raise LexiconInvalid(f"{where}: expected a non-empty list of phrases")
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise LexiconInvalid(f"{where}: every phrase is non-empty text")
            if phrase != phrase.strip().lower() or "  " in phrase:
                raise LexiconInvalid(f"{where}: {phrase!r:.60} must be lower case, single-spaced")
        result[token] = list(phrases)
    return result


def load_lexicon(
    words_path: Path = WORDS_PATH, concepts_path: Path | None = SHIPPED_CONCEPTS_PATH
) -> Lexicon:
    """The generic words plus a content's concepts (none when it has no lexicon file)."""
    words = _read(words_path)
    intents = _token_lists(words.get("intents"), words_path, "intents")
    stopwords = words.get("stopwords") or {}
    if not isinstance(stopwords, dict) or set(stopwords) - set(LANGS):
        raise LexiconInvalid(f"{words_path.name}: stopwords: expected a text per language")
    if not all(isinstance(text, str) for text in stopwords.values()):
        raise LexiconInvalid(f"{words_path.name}: stopwords: expected a text per language")
    concepts: dict[str, list[str]] = {}
    if concepts_path is not None and concepts_path.exists():
        data = _read(concepts_path)
        concepts = _token_lists(data.get("concepts"), concepts_path, "concepts")
        clash = sorted(set(concepts) & set(intents))
        if clash:
            raise LexiconInvalid(f"{concepts_path.name}: concepts: {clash[0]} is an intent")
    return Lexicon.build(intents, stopwords, concepts)


@cache
def shipped_lexicon() -> Lexicon:
    return load_lexicon()
