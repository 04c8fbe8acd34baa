"""Finding the fact a question asks about: normalise, reduce words, fuzzy-score, decide.

The index is built once per fact-base version (`FactIndex.build`) and never mutated, so
a rebuilt index can replace the old one atomically while questions are being answered.
Scoring combines rapidfuzz's token scorers over each fact's question list with an
IDF-weighted coverage of the question's words: a question whose key words the fact
base has never seen ("weather", "joke", "outcome") is declined, not matched to the
nearest fact.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.model import Fact
from knowledge.text import normalize, reduce_word
from knowledge.vocabulary import INTENT_PHRASES, SINGLE_WORD_INTENTS, STOPWORDS


@dataclass(frozen=True)
class Weights:
    """How the scorers combine, and the thresholds. Tuned on tests/data/dev_questions.yaml."""

    token_set: float = 0.35
    token_sort: float = 0.15
    query_coverage: float = 0.30
    question_coverage: float = 0.20
    answer_threshold: float = 62.0
    suggest_threshold: float = 45.0
    # Below this share of its weight found in the fact base, a question is out of scope.
    min_query_coverage: float = 0.6


@dataclass(frozen=True)
class Candidate:
    fact_id: str
    score: float
    query_coverage: float


@dataclass(frozen=True)
class Match:
    """The matcher's verdict: `best` is set when confident, `candidates` are ranked."""

    best: Candidate | None
    candidates: tuple[Candidate, ...]
    tokens: tuple[str, ...]

    @property
    def confident(self) -> bool:
        return self.best is not None


@dataclass(frozen=True)
class Analysed:
    tokens: tuple[str, ...]  # reduced, intent-mapped, typo-corrected, no stopwords
    unknown: tuple[str, ...]  # tokens the fact base has never seen


def _intent_mapped(text: str) -> str:
    padded = f" {text} "
    for phrase, intent in INTENT_PHRASES:
        padded = padded.replace(f" {phrase} ", f" {intent} ")
    return padded.strip()


def reduce_text(text: str, lang: str, mode: str = "lemma") -> list[str]:
    """Content tokens of a text: normalised, intents mapped, words reduced, stopwords gone."""
    tokens = []
    for word in _intent_mapped(normalize(text)).split():
        if word.startswith("@"):
            tokens.append(word)
            continue
        if word in STOPWORDS:
            continue
        base = reduce_word(word, lang, mode)
        if base not in STOPWORDS:
            tokens.append(base)
    return tokens


class FactIndex:
    """An immutable search structure over one version of the fact base."""

    def __init__(
        self,
        facts: Sequence[Fact],
        weights: Weights | None = None,
        mode: str = "lemma",
    ):
        self.weights = weights or Weights()
        self.mode = mode
        self.facts = {fact.id: fact for fact in facts}
        self._question_owner: list[str] = []
        self._question_tokens: list[frozenset[str]] = []
        self._question_text: list[str] = []
        fact_vocab: dict[str, set[str]] = defaultdict(set)
        surface_to_token: dict[str, str] = {}
        for fact in facts:
            texts = [(lang, q, True) for lang, q in fact.all_questions()]
            texts += [(lang, text, False) for lang, text in fact.text.items()]
            if fact.event:
                texts += [(lang, title, False) for lang, title in fact.event.title.items()]
            for lang, text, is_question in texts:
                tokens = reduce_text(text, lang, mode)
                fact_vocab[fact.id].update(tokens)
                for word in normalize(text).split():
                    if word not in STOPWORDS and not word.isdigit():
                        surface_to_token.setdefault(
                            word, SINGLE_WORD_INTENTS.get(word) or reduce_word(word, lang, mode)
                        )
                if is_question and tokens:
                    self._question_owner.append(fact.id)
                    self._question_tokens.append(frozenset(tokens))
                    self._question_text.append(" ".join(sorted(tokens)))
        self._fact_vocab = {fid: frozenset(v) for fid, v in fact_vocab.items()}
        postings: dict[str, list[int]] = defaultdict(list)
        for position, tokens in enumerate(self._question_tokens):
            for token in tokens:
                postings[token].append(position)
        self._postings = dict(postings)
        facts_with: dict[str, int] = defaultdict(int)
        for vocab in self._fact_vocab.values():
            for token in vocab:
                facts_with[token] += 1
        total = max(len(self._fact_vocab), 1)
        self._idf = {t: math.log(1 + total / n) for t, n in facts_with.items()}
        self._unknown_idf = math.log(1 + total)
        # A typo of a stopword ("teh") corrects to "", which analyse() then drops.
        for word in STOPWORDS:
            surface_to_token.setdefault(word, "")
        self._surface = surface_to_token
        self._surface_by_length: dict[int, list[str]] = defaultdict(list)
        for word in surface_to_token:
            self._surface_by_length[len(word)].append(word)
        self._known_tokens = frozenset(self._idf)

    # -- analysis ---------------------------------------------------------------

    def analyse(self, text: str, lang: str) -> Analysed:
        tokens: list[str] = []
        unknown: list[str] = []
        for word in _intent_mapped(normalize(text)).split():
            if word.startswith("@"):
                token = word
            elif word in STOPWORDS:
                continue
            else:
                token = self._surface.get(word) or reduce_word(word, lang, self.mode)
                if token not in self._known_tokens and len(word) >= 3:
                    corrected = self._corrected(word)
                    token = token if corrected is None else corrected
                if token in STOPWORDS or not token:
                    continue
            tokens.append(token)
            if token not in self._known_tokens:
                unknown.append(token)
        return Analysed(tuple(tokens), tuple(unknown))

    def _corrected(self, word: str) -> str | None:
        """The known word a typo most likely meant ("перигаворы" → "переговоры", "teh" → "the").

        Edits allowed grow with length (one up to 5 letters, two up to 9, then three);
        short words may gain or swap a letter but not lose one, so "joke" never becomes "joe".
        """
        size = len(word)
        allowed = 1 if size <= 5 else 2 if size <= 9 else 3
        pool = [
            w
            for length in range(size - allowed, size + allowed + 1)
            for w in self._surface_by_length.get(length, ())
        ]
        for found, _, _ in process.extract(
            word, pool, scorer=OSA.distance, score_cutoff=allowed, limit=5
        ):
            if size <= 5 and len(found) < size:
                continue
            if found[0] != word[0] and size <= 5:
                continue
            return self._surface[found]
        return None

    # -- matching ---------------------------------------------------------------

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)

    def match(self, text: str, lang: str, limit: int = 3) -> Match:
        analysed = self.analyse(text, lang)
        ranked = self.rank(analysed)
        w = self.weights
        best = None
        if ranked:
            top = ranked[0]
            if top.score >= w.answer_threshold and top.query_coverage >= w.min_query_coverage:
                best = top
        shown = tuple(c for c in ranked[:limit] if c.score >= w.suggest_threshold)
        return Match(best=best, candidates=shown, tokens=analysed.tokens)

    def rank(self, analysed: Analysed) -> list[Candidate]:
        tokens = analysed.tokens
        if not tokens:
            return []
        positions: set[int] = set()
        for token in set(tokens):
            positions.update(self._postings.get(token, ()))
        if not positions:
            return []
        query_weight = sum(self.idf(t) for t in tokens)
        query_text = " ".join(sorted(tokens))
        query_set = frozenset(tokens)
        chosen = sorted(positions)
        choices = [self._question_text[p] for p in chosen]
        set_scores = _scores(query_text, choices, fuzz.token_set_ratio)
        sort_scores = _scores(query_text, choices, fuzz.token_sort_ratio)
        best_by_fact: dict[str, float] = {}
        w = self.weights
        coverage_cache: dict[str, float] = {}
        for i, position in enumerate(chosen):
            fact_id = self._question_owner[position]
            if fact_id not in coverage_cache:
                vocab = self._fact_vocab[fact_id]
                coverage_cache[fact_id] = (
                    sum(self.idf(t) for t in tokens if t in vocab) / query_weight
                )
            question = self._question_tokens[position]
            question_weight = sum(self.idf(t) for t in question) or 1.0
            question_coverage = sum(self.idf(t) for t in question & query_set) / question_weight
            score = (
                w.token_set * float(set_scores[i])
                + w.token_sort * float(sort_scores[i])
                + w.query_coverage * 100 * coverage_cache[fact_id]
                + w.question_coverage * 100 * question_coverage
            )
            if score > best_by_fact.get(fact_id, -1.0):
                best_by_fact[fact_id] = score
        ranked = [
            Candidate(fid, round(score, 2), round(coverage_cache[fid], 3))
            for fid, score in best_by_fact.items()
        ]
        ranked.sort(key=lambda c: (-c.score, c.fact_id))
        return ranked


def _scores(query: str, choices: list[str], scorer) -> list[float]:
    """Scores of every choice, in order (rapidfuzz's C loop, no numpy needed)."""
    scores = [0.0] * len(choices)
    for _, score, index in process.extract(query, choices, scorer=scorer, limit=None):
        scores[index] = score
    return scores


def build_index(facts: Iterable[Fact], weights: Weights | None = None, mode: str = "lemma"):
    return FactIndex(list(facts), weights=weights, mode=mode)
