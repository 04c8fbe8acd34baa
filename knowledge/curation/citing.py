"""Quotes checked against their own registered source, and registering new sources (/source)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.curation.errors import (
    InvalidFact,
    QuoteNotInSource,
    QuoteTooLong,
    SourceExists,
    SourceInUse,
    UnknownSource,
)
from knowledge.curation.parsing import SourceSpec
from knowledge.limits import MAX_QUOTE, source_problems
from knowledge.model import FACT_ID_PATTERN, LANGS, Citation, Source, squash_spaces
from knowledge.storage.fact_file import Complaint
from knowledge.storage.writes import FactWriter


def cite(sources: Mapping[str, Source], value: str, default_source: str | None = None) -> Citation:
    """A citation from 'QUOTE' or 'SOURCE: QUOTE', found verbatim (whitespace aside).

    A quote over MAX_QUOTE (knowledge/limits.py) is refused before any search, which a long
    one would make slow. A named source is the only one searched. Otherwise the default
    (the fact's current source, else the first registered) is tried first, then the others:
    a quote is true of whichever source holds it. A refusal names the first tried, whose
    closest passage the bot then shows.
    """
    head, colon, rest = value.partition(":")
    named = head.strip().lower()
    if colon and named in sources:
        candidates, quote = [named], squash_spaces(rest)
    else:
        quote = squash_spaces(value)
        first = default_source if default_source in sources else next(iter(sources))
        candidates = [first, *(sid for sid in sources if sid != first)]
    if len(quote) > MAX_QUOTE:
        raise QuoteTooLong(len(quote), MAX_QUOTE)
    for source_id in candidates:
        if sources[source_id].paragraph_of(quote) is not None:
            return Citation(source_id, quote)
    if colon and named not in sources and FACT_ID_PATTERN.match(named):
        raise UnknownSource(named)
    # The closest passage is looked for later, off the event loop (Curator.closest_passage).
    raise QuoteNotInSource(quote, candidates[0])


def register_source(writer: FactWriter, admin_id: int, spec: SourceSpec) -> Source:
    """Register a document facts may then quote (audited, undoable while nothing cites it).

    The publisher's name is kept as written for every language (a name, not a
    translation); the title only under the document's own language.
    """
    if spec.id in writer.store.sources():
        raise SourceExists(spec.id)
    too_long = source_problems(spec.title, spec.publisher)
    if too_long:
        raise InvalidFact([Complaint(code, **params) for code, params in too_long])
    source = Source(
        id=spec.id,
        text=spec.text,
        title={spec.language: spec.title},
        publisher={lang: spec.publisher for lang in LANGS},
        language=spec.language,
    )
    writer.add_source(source, admin_id=admin_id)
    return source


def unregister_source(
    writer: FactWriter, summary: Mapping[str, Any], admin_id: int, undo_of: int, batch: int
) -> None:
    """Undo a registration; refused while a live fact cites the source."""
    source_id = summary.get("source", "")
    citing = [f.id for f in writer.store.facts() if any(c.source == source_id for c in f.citations)]
    if citing:
        raise SourceInUse(source_id, citing)
    writer.remove_source(source_id, admin_id=admin_id, undo_of=undo_of, batch=batch)
