"""The fact base read once for matching: each question's reduced words, each word's facts
and weight (IDF), the facts' wordings, and the reader a question is analysed with.

Built once per fact-base version and never mutated; the ranking and the decision on top of
it are in matcher.py.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.language.asked import QuestionReader
from knowledge.language.evidence import conditional_only
from knowledge.language.lexicon import Lexicon
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.reading import (
    concept_or_base,
    reduce_text,
    reduced_phrases,
)
from knowledge.language.speakers import voices
from knowledge.language.text import (
    CYRILLIC,
    normalize,
    reduce_word,
)
from knowledge.model import Fact


@dataclass(frozen=True)
class Weights:
    """How the scorers combine into one score. Whether the best score is an answer is the
    decision model's call (decision.py); below `suggest_threshold` a fact is not even offered."""

    token_set: float = 0.20
    token_sort: float = 0.15
    query_coverage: float = 0.35
    question_coverage: float = 0.20
    suggest_threshold: float = 40.0
    # A word the fact base has never seen weighs this share of the rarest known word.
    unknown_weight: float = 1.0
    # A word only a fact's text uses (not its questions) counts this much toward coverage.
    text_only_weight: float = 0.5


class IndexedFacts:
    """What the matcher reads of one version of the fact base, worked out once."""

    def __init__(
        self,
        facts: Sequence[Fact],
        weights: Weights | None = None,
        mode: str = "lemma",
        lexicon: Lexicon | None = None,
    ):
        self.weights = weights or Weights()
        self.mode = mode
        self.lexicon = lexicon = lexicon or shipped_lexicon()
        stopwords = lexicon.stopwords
        self._phrases = reduced_phrases(lexicon, mode)
        # A phrase's words stand as written, never read as typos of other words.
        self._phrase_words = frozenset(
            token for found in self._phrases.values() for words, _ in found for token in words
        )
        self.facts = {fact.id: fact for fact in facts}
        self._question_owner: list[str] = []
        self._question_tokens: list[frozenset[str]] = []
        self._question_text: list[str] = []
        self._question_set_text: list[str] = []  # the same, each token once
        self._repeating: set[int] = set()  # the questions where those two differ
        # Each fact's questions as written (normalised, not reduced), by script: a second
        # reading, compared within the question's own script only.
        wordings: dict[tuple[str, bool], dict[str, None]] = defaultdict(dict)
        fact_vocab: dict[str, set[str]] = defaultdict(set)
        asked_vocab: dict[str, set[str]] = defaultdict(set)
        surface_to_token: dict[str, str] = {}
        read_texts: dict[str, list[list[str]]] = defaultdict(list)
        for fact in facts:
            texts = [(lang, q, True) for lang, q in fact.all_questions()]
            texts += [(lang, text, False) for lang, text in fact.text.items()]
            if fact.event:
                texts += [(lang, title, False) for lang, title in fact.event.title.items()]
            for lang, text, is_question in texts:
                tokens = reduce_text(text, lang, lexicon, mode, self._phrases)
                read_texts[fact.id].append(tokens)
                fact_vocab[fact.id].update(tokens)
                if is_question:
                    asked_vocab[fact.id].update(tokens)
                for word in normalize(text).split():
                    if word not in stopwords and not word.isdigit():
                        surface_to_token.setdefault(
                            word,
                            lexicon.single_word_intents.get(word)
                            or concept_or_base(word, lang, mode, lexicon),
                        )
                if is_question:
                    wording = normalize(text)
                    wordings[fact.id, bool(CYRILLIC.search(wording))][wording] = None
                if is_question and tokens:
                    self._question_owner.append(fact.id)
                    self._question_tokens.append(frozenset(tokens))
                    joined = " ".join(sorted(tokens))
                    self._question_text.append(joined)
                    distinct = " ".join(sorted(set(tokens)))
                    if distinct != joined:
                        self._repeating.add(len(self._question_text) - 1)
                    self._question_set_text.append(distinct)
        self._fact_vocab = {fid: frozenset(v) for fid, v in fact_vocab.items()}
        self._conditional_only = {
            fid: found for fid, texts in read_texts.items() if (found := conditional_only(texts))
        }
        self._wordings = {key: tuple(texts) for key, texts in wordings.items()}

        def read(text: str, lang: str) -> list[str]:
            return reduce_text(text, lang, lexicon, mode, self._phrases)

        self._sides = tuple(
            (people, tuple(frozenset(read(n, lang)) for n in names for lang in _langs_of(n)))
            for people, names in lexicon.sides
        )
        self._voices = voices(
            {f.id: f.said_by for f in facts}, lexicon.people, read, self._sides
        )
        self._stand_ins = frozenset(
            t for lang, words in lexicon.speaks_for.items() for w in words for t in read(w, lang)
        )
        self._asked_vocab = {fid: frozenset(v) for fid, v in asked_vocab.items()}
        questions_of: dict[str, list[int]] = defaultdict(list)
        for position, owner in enumerate(self._question_owner):
            questions_of[owner].append(position)
        # A fact's questions that reduce to the same tokens score the same: rank scores one.
        self._distinct_questions_of = {
            fact_id: list({self._question_text[p]: p for p in positions}.values())
            for fact_id, positions in questions_of.items()
        }
        # Each word's facts, those whose questions use it most first: when a word is common,
        # only the head of its list is read (see _candidate_facts).
        share: dict[str, dict[str, float]] = defaultdict(dict)
        for fact_id, positions in questions_of.items():
            counts: dict[str, int] = defaultdict(int)
            for position in positions:
                for token in self._question_tokens[position]:
                    counts[token] += 1
            for token in self._fact_vocab[fact_id]:
                share[token][fact_id] = counts.get(token, 0) / len(positions)
        for fact_id, vocab in self._fact_vocab.items():
            for token in vocab:
                share[token].setdefault(fact_id, 0.0)
        self._postings = {
            token: sorted(by_fact, key=lambda f, b=by_fact: -b[f])
            for token, by_fact in share.items()
        }
        facts_with: dict[str, int] = defaultdict(int)
        for vocab in self._fact_vocab.values():
            for token in vocab:
                facts_with[token] += 1
        total = max(len(self._fact_vocab), 1)
        self._idf = {t: math.log(1 + total / n) for t, n in facts_with.items()}
        self._unknown_idf = math.log(1 + total) * self.weights.unknown_weight
        # A typo of a stopword ("teh") corrects to "", which analyse() then drops.
        for word in stopwords:
            surface_to_token.setdefault(word, "")
        self._known_tokens = frozenset(self._idf)
        self._question_weight = [sum(self.idf(t) for t in q) or 1.0 for q in self._question_tokens]
        # Each token's questions: a question sharing no token with the asked one needs no
        # token-set scoring (see rank).
        questions_with: dict[str, list[int]] = defaultdict(list)
        for position, question in enumerate(self._question_tokens):
            for token in question:
                questions_with[token].append(position)
        self._questions_with = dict(questions_with)
        self._shifters = frozenset(
            reduce_word(word, lang, mode)
            for lang, words in lexicon.shifters.items()
            for word in words
        )
        self._reader = QuestionReader(
            lexicon,
            mode,
            known=self._known_tokens,
            surface=surface_to_token,
            phrases=self._phrases,
            phrase_words=self._phrase_words,
            kept=self._shifters
            | {reduce_word(w, lang, mode) for lang, ws in lexicon.real_words.items() for w in ws},
        )

    def knows(self, token: str) -> bool:
        """Whether any fact's questions or text use this (reduced) token."""
        return token in self._known_tokens

    @property
    def known_tokens(self) -> frozenset[str]:
        return self._known_tokens

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)


def _langs_of(name: str) -> tuple[str, ...]:
    """The languages a name may be read in: Russian and Ukrainian for Cyrillic."""
    return ("ru", "uk") if CYRILLIC.search(name) else ("en",)
