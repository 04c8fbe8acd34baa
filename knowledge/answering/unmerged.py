"""A message's run-together words and held letters read as meant, against one fact base's
words and the lexicon's (knowledge/language/merged.py has the rule): "whenisthecall" is
"when is the call", "ктотакойпесков" "кто такой песков", "когдаааа" "когда"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from knowledge.language.latest import for_the_latest
from knowledge.language.lexicon import Lexicon
from knowledge.language.merged import unmerged
from knowledge.language.reading import concept_or_base
from knowledge.language.text import CYRILLIC, in_dictionary, normalize

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.language.indexed import IndexedFacts

MERGED_PATH = Path(__file__).resolve().parent.parent / "language" / "data" / "merged.yaml"


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]  # every word a piece may be
    content: frozenset[str]  # those that are no stopwords: one piece is one of them
    longest: int  # letters in the longest of them: no piece is longer


@cache
def merged_words(key: str, path: Path = MERGED_PATH) -> frozenset[str]:
    """One list of data/merged.yaml, its languages pooled."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(w for words in data[key].values() for w in words)


def unmerged_message(engine: Engine, text: str) -> str:
    """`text` with its run-together words split and its held letters squeezed."""
    index = engine.index
    short = merged_words("short_words")

    def known(word: str) -> bool:
        if word in short:
            return True
        langs = ("ru", "uk") if CYRILLIC.search(word) else ("en",)
        return any(
            (lang != "en" and in_dictionary(word, lang))
            or index.knows(concept_or_base(word, lang, index.mode, index.lexicon))
            for lang in langs
        )

    words = vocabulary(index)
    openers = merged_words("pair_openers")
    return unmerged(text, words.words, short, words.content, known, openers, words.longest)


@for_the_latest
def vocabulary(index: IndexedFacts) -> Vocabulary:
    """The words a run may be split into: the facts' words as written (questions, texts)
    and the lexicon's; and those that are no stopwords."""
    texts: list[str] = []
    for fact in index.facts.values():
        texts += [q for _, q in fact.all_questions()]
        texts += list(fact.text.values())
    own = {w for text in texts for w in normalize(text).split() if not w.isdigit()}
    words = own | _lexicon_words(index.lexicon)
    return Vocabulary(
        frozenset(words),
        frozenset(words - index.lexicon.stopwords),
        max(map(len, words), default=0),
    )


def _lexicon_words(lexicon: Lexicon) -> set[str]:
    texts = [
        *(phrase for phrase, _ in lexicon.intent_phrases),
        *lexicon.stopwords,
        *lexicon.concept_of,
        *lexicon.single_word_intents,
        *(w for words in lexicon.real_words.values() for w in words),
    ]
    return {w for text in texts for w in normalize(text).split()}
