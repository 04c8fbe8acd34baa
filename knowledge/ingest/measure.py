"""How well the proposer does on a content directory's article, read as if it were new
(the shipped content unless told otherwise).

Recall: the share of the curated facts' cited passages that some proposal covers (its
quote overlaps at least half of the cited passage). Precision: the share of proposals that
overlap some cited passage. Plus the event times the curators fixed.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from knowledge.ingest.proposals import Proposal, propose
from knowledge.model import Fact, Source, squash_spaces
from knowledge.storage.content import load_content
from knowledge.storage.fact_file import SHIPPED_CONTENT


@dataclass
class Measure:
    cited: int
    covered: int
    proposals: int
    relevant: int
    events: dict[str, dict[str, str] | None]  # fact id → the event proposed for its quote
    missed: list[str]
    seconds: float

    @property
    def recall(self) -> float:
        return self.covered / self.cited if self.cited else 0.0

    @property
    def precision(self) -> float:
        return self.relevant / self.proposals if self.proposals else 0.0


def _span(text: str, quote: str) -> tuple[int, int] | None:
    """Where a curated quote is in the article (whitespace-insensitive, as validation is)."""
    position = text.find(quote)
    if position >= 0:
        return position, position + len(quote)
    squashed = squash_spaces(quote)
    position = text.find(squashed)
    return (position, position + len(squashed)) if position >= 0 else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def measure(facts: list[Fact], source: Source, year: int | None = 2021) -> Measure:
    started = time.perf_counter()
    result = propose(source.text, lang=source.language, year=year)
    seconds = time.perf_counter() - started
    cited: dict[tuple[int, int], str] = {}
    for fact in facts:
        for citation in fact.citations:
            if citation.source == source.id:
                span = _span(source.text, citation.quote)
                if span is not None:
                    cited.setdefault(span, fact.id)
    spans = [(p.start, p.end) for p in result.items]

    def covers(span: tuple[int, int]) -> list[Proposal]:
        need = (span[1] - span[0]) / 2
        return [p for p in result.items if _overlap((p.start, p.end), span) >= need]

    missed = [source.text[s:e] for s, e in cited if not covers((s, e))]
    relevant = sum(any(_overlap(s, c) > 0 for c in cited) for s in spans)
    events: dict[str, dict[str, str] | None] = {}
    for fact in facts:
        if fact.event is None:
            continue
        proposed = [
            p.event
            for c in fact.citations
            if (span := _span(source.text, c.quote))
            for p in covers(span)
            if p.event
        ]
        events[fact.id] = proposed[0] if proposed else None
    return Measure(
        len(cited), len(cited) - len(missed), len(spans), relevant, events, missed, seconds
    )


def curated(content: Path = SHIPPED_CONTENT) -> tuple[list[Fact], Source]:
    """The article of a content directory's main event (the source its facts cite most) and
    the curated facts that cite it."""
    loaded = load_content(content)
    main = [f for f in loaded.facts if f.event_id == loaded.events[0].id]
    cites = Counter(c.source for f in main for c in f.citations)
    [(article, _)] = cites.most_common(1)
    facts = [f for f in loaded.facts if any(c.source == article for c in f.citations)]
    return facts, loaded.sources[article]


def speed_article(words: int = 5000, content: Path = SHIPPED_CONTENT) -> str:
    """A long article for the speed figure: the content's own source texts, repeated."""
    loaded = load_content(content)
    texts = [source.text for source in loaded.sources.values() if source.text.strip()]
    pieces: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            pieces.append(text)
            count += len(text.split())
    return "\n".join(pieces)
