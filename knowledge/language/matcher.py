"""Finding the fact a question asks about: fuzzy-score the facts' questions, decide.

The index is built once per fact-base version (indexed.py reads the facts) and never
mutated, so a rebuilt index can replace the old one atomically while questions are being
answered. Scoring combines rapidfuzz's token scorers over each fact's question list with an
IDF-weighted coverage of the question's words: a question whose key words the fact
base has never seen ("weather", "joke", "outcome") is declined, not matched to the
nearest fact.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from knowledge.language.asked import Analysed
from knowledge.language.decision import DecisionModel, features, shipped_model
from knowledge.language.evidence import (
    crossed,
    gives_the_time_named,
    kind_swapped,
    names_every_intent,
    nearest_question,
    outside_conditions,
    wording_agrees,
)
from knowledge.language.indexed import IndexedFacts, Weights
from knowledge.language.lexicon import Lexicon
from knowledge.language.speakers import speaker_mismatch
from knowledge.language.text import normalize
from knowledge.model import Fact

# Facts whose questions are scored in full for one question.
MAX_CANDIDATES = 30
POSTING_SCAN = 300
# Rankings kept per index. People in a burst ask the same few things ("when is it?"); an
# index is immutable and an edit builds a new one, so a kept ranking is never stale.
RANK_CACHE_SIZE = 4096
RANKED_KEPT = 5  # of each ranking kept: enough for match(limit <= 5) and decide()
# Readings kept per index: one question is read up to six times (the match, the yes/no
# check, the follow-up checks), and the facts' own yes/no questions on every answer.
READ_CACHE_SIZE = 2048


@dataclass(frozen=True, slots=True)
class Candidate:
    fact_id: str
    score: float
    query_coverage: float
    # The question asks for a kind of answer (a time, a count, a reason...) this fact never gives.
    asks_differently: bool = False
    # How close the nearest of the fact's own questions is, word for word (0..100).
    closest: float = 0.0


@dataclass(frozen=True)
class Match:
    """The matcher's verdict: `best` is set when confident, `candidates` are ranked."""

    best: Candidate | None
    candidates: tuple[Candidate, ...]
    tokens: tuple[str, ...]
    # What the decision weighed for the top fact (decision.FEATURES), empty with no fact.
    evidence: tuple[float, ...] = ()


class FactIndex(IndexedFacts):
    """An immutable search structure over one version of the fact base."""

    def __init__(
        self,
        facts: Sequence[Fact],
        weights: Weights | None = None,
        mode: str = "lemma",
        lexicon: Lexicon | None = None,
        decision: DecisionModel | None = None,
    ):
        super().__init__(facts, weights, mode, lexicon)
        self.decision = decision or shipped_model()
        self._cached_rank = lru_cache(maxsize=RANK_CACHE_SIZE)(self._rank_head)
        self._cached_read = lru_cache(maxsize=READ_CACHE_SIZE)(self._read)
        self._choice_words = frozenset().union(*self.lexicon.choice.values())

    # -- analysis ---------------------------------------------------------------

    def analyse(self, text: str, lang: str) -> Analysed:
        return self._cached_read(text, lang)[1]

    def _read(self, text: str, lang: str) -> tuple[str, Analysed]:
        """The text normalised, and analysed."""
        normalized = normalize(text)
        return normalized, self._reader.analyse(normalized, lang)

    def match(
        self,
        text: str,
        lang: str,
        limit: int = 3,
        *,
        cached: bool = True,
        among: Collection[str] | None = None,
        place_named: bool = False,
        time_owners: Collection[str] | None = None,
    ) -> Match:
        """The verdict on a question.

        Ranking is the costly part and depends on the question's reduced tokens only, so it
        is kept per set of tokens: asked again with a typo, in capitals, in other words for
        the same concepts or in another order, a question is ranked once. `cached=False`
        works it out afresh (for benchmarks). `among` weighs only those facts (one event's).
        `place_named`: the caller took a place out of the question ("во сколько в Лондоне").
        `time_owners`: the facts giving the hour or day the question names, when the caller
        ranks among them for it ("what's the 18:00 in the article?").
        """
        normalized, analysed = self._cached_read(text, lang) if cached else self._read(text, lang)
        tokens = tuple(sorted(analysed.tokens))
        use_cache = cached and limit <= RANKED_KEPT
        ranked = self._cached_rank(tokens) if use_cache else self.rank(tokens)
        # A fact whose questions never ask the way this one does cannot answer it ("how many
        # troops" is not "troops near the border"; "when is the videoconference" is not the
        # format): the facts that can are weighed.
        ranked = tuple(
            c for c in ranked if not c.asks_differently and (among is None or c.fact_id in among)
        )
        if not ranked:
            return Match(best=None, candidates=(), tokens=analysed.tokens)
        top = ranked[0].fact_id
        vocab = self._fact_vocab[top]
        # A concept the fact never uses is unexplained as a plain word is ("is Biden..." of a
        # fact without him); only the kinds asked (@when, @who) are not the fact's words.
        intents = self.lexicon.intents
        # "X or Y?" asks which of the two: the options are the question's words, the "or"
        # between them ("или", "або") is no word a fact could use, as English "or" is none.
        ors = self._choice_words
        unexplained = [
            t for t in analysed.tokens if t not in vocab and t not in intents and t not in ors
        ]
        nearest = nearest_question(
            analysed.tokens,
            (self._question_tokens[p] for p in self._distinct_questions_of.get(top, ())),
            self.idf,
        )
        # A word the fact uses only in its "if" clause, asked plainly, asks whether that
        # happens ("will Russia invade?" of the US's support if it does): unexplained too.
        if only_if := self._conditional_only.get(top):
            unexplained += [t for t in outside_conditions(analysed.tokens) if t in only_if]
        evidence = features(
            ranked,
            analysed,
            unexplained,
            shifted=any(t in self._shifters for t in unexplained)
            or speaker_mismatch(
                analysed.tokens,
                self._voices.get(top),
                self.lexicon.people,
                self.lexicon.speaker_kinds,
                intents,
                self._stand_ins,
                self._sides,
            ),
            wording_agrees=wording_agrees(normalized, ranked[:RANKED_KEPT], self._wordings),
            place_named=place_named,
            intent_kept=names_every_intent(analysed.tokens, nearest),
            crossed=crossed(analysed.tokens, nearest, self.knows, intents),
            kind_swapped=kind_swapped(
                analysed.tokens, nearest, intents, self.lexicon.time_intents
            ),
            time_owned=gives_the_time_named(top, time_owners),
        )
        shown = ()
        if self.decision.worth_suggesting(evidence):
            floor = self.weights.suggest_threshold
            shown = tuple(c for c in ranked[:limit] if c.score >= floor)
        return Match(
            best=self.decide(ranked, evidence),
            candidates=shown,
            tokens=analysed.tokens,
            evidence=evidence,
        )

    def _rank_head(self, tokens: tuple[str, ...]) -> tuple[Candidate, ...]:
        # What match() reads of a ranking (the suggestions shown, the top two for the
        # margin): the whole of it, kept thousands of times, is memory for nothing.
        return self.rank(tokens, head=RANKED_KEPT)

    @property
    def cache_hits(self) -> int:
        return self._cached_rank.cache_info().hits

    def decide(self, ranked: Sequence[Candidate], evidence: Sequence[float]) -> Candidate | None:
        """The first-ranked fact if the decision model is confident in it, else None (then the
        bot asks or declines)."""
        if not ranked:
            return None
        return ranked[0] if self.decision.confident(evidence) else None

    def _candidate_facts(self, tokens: Sequence[str]) -> list[str]:
        """Facts sharing a word with the question, the most specific overlaps first, capped.

        A common word's list is read only up to POSTING_SCAN facts, those that ask about it
        most; rare words decide the rest. This keeps a 10,000-fact base fast.
        """
        overlap: dict[str, float] = defaultdict(float)
        for token in set(tokens):
            weight = self.idf(token)
            for fact_id in self._postings.get(token, ())[:POSTING_SCAN]:
                overlap[fact_id] += weight
        if len(overlap) <= MAX_CANDIDATES:
            return list(overlap)
        return heapq.nlargest(MAX_CANDIDATES, overlap, key=overlap.__getitem__)

    def rank(self, tokens: Sequence[str], head: int | None = None) -> tuple[Candidate, ...]:
        """Facts for a question's reduced tokens, best first; with `head`, only the first
        `head` of them."""
        if not tokens:
            return ()
        candidates = self._candidate_facts(tokens)
        if not candidates:
            return ()
        query_set = frozenset(tokens)
        query_idf = {t: self.idf(t) for t in query_set}
        query_weight = sum(query_idf[t] for t in tokens)
        query_text = " ".join(sorted(tokens))
        intents = query_set & self.lexicon.intents
        chosen = [p for fid in candidates for p in self._distinct_questions_of.get(fid, ())]
        choices = [self._question_text[p] for p in chosen]
        # token_sort_ratio, but both sides are sorted tokens already: no need to sort again.
        sort_scores = _scores(query_text, choices, fuzz.ratio)
        shared: dict[int, float] = defaultdict(float)
        question_tokens = self._question_tokens
        for token in query_set:
            weight, having = query_idf[token], self._questions_with.get(token, ())
            # A common word of a large base is in more questions than are weighed here.
            if len(having) <= len(chosen):
                for position in having:
                    shared[position] += weight
            else:
                for position in chosen:
                    if token in question_tokens[position]:
                        shared[position] += weight
        # With no token in common, token_set_ratio is the plain ratio of the two sorted,
        # de-duplicated token strings: only the questions sharing a token need the costlier
        # scorer. It is most of rank's time, and most questions share nothing.
        distinct_text = " ".join(sorted(query_set))
        set_text = self._question_set_text
        # Where a side repeats a token, the ratio of the de-duplicated strings is needed.
        plain = distinct_text == query_text
        overlapping, repeated = [], []
        for i, position in enumerate(chosen):
            if position in shared:
                overlapping.append(i)
            elif not plain or position in self._repeating:
                repeated.append(i)
        set_scores = sort_scores[:]
        for i in repeated:
            set_scores[i] = fuzz.ratio(distinct_text, set_text[chosen[i]])
        overlap_scores = _scores(
            query_text, [choices[i] for i in overlapping], fuzz.token_set_ratio
        )
        for i, score in zip(overlapping, overlap_scores, strict=True):
            set_scores[i] = score
        best_by_fact: dict[str, float] = {}
        closest: dict[str, float] = defaultdict(float)
        w = self.weights
        coverage: dict[str, float] = {}
        for fact_id in candidates:
            # Texts mention things in passing: their words count less than the questions'.
            vocab, asked = self._fact_vocab[fact_id], self._asked_vocab.get(fact_id, frozenset())
            found = sum(
                self.idf(t) * (1.0 if t in asked else w.text_only_weight)
                for t in tokens
                if t in vocab
            )
            coverage[fact_id] = found / query_weight
        owner, question_weight = self._question_owner, self._question_weight
        # The per-fact part of the score once per fact, the rest per question (in the same
        # order of operations, so the same floats).
        fact_part = {fid: w.query_coverage * 100 * coverage[fid] for fid in candidates}
        set_w, sort_w, question_w = w.token_set, w.token_sort, w.question_coverage * 100
        shared_weight = shared.get
        for position, set_score, sort_score in zip(chosen, set_scores, sort_scores, strict=True):
            fact_id = owner[position]
            score = (
                set_w * set_score
                + sort_w * sort_score
                + fact_part[fact_id]
                + question_w * (shared_weight(position, 0.0) / question_weight[position])
            )
            if score > best_by_fact.get(fact_id, -1.0):
                best_by_fact[fact_id] = score
            if sort_score > closest[fact_id]:
                closest[fact_id] = sort_score
        # Sorted as the candidates' rounded scores would sort them; only the head read is
        # made into candidates (a ranking has up to MAX_CANDIDATES, match() reads five).
        order = sorted((-round(score, 2), fid) for fid, score in best_by_fact.items())
        asked_vocab = self._asked_vocab
        return tuple(
            Candidate(
                fid,
                -negated,
                round(coverage[fid], 3),
                asks_differently=not intents <= asked_vocab.get(fid, frozenset()),
                closest=round(closest[fid], 2),
            )
            for negated, fid in order[:head]
        )


def _scores(query: str, choices: list[str], scorer) -> list[float]:
    """Scores of every choice, in order (rapidfuzz's C loop, no numpy needed)."""
    scores = [0.0] * len(choices)
    for _, score, index in process.extract(query, choices, scorer=scorer, limit=None):
        scores[index] = score
    return scores
