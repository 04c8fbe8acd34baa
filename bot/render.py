"""An engine `Answer` as a Telegram message, built with aiogram.utils.formatting, so every
string is escaped; event times also go out as a date_time entity (Bot API 9.5).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram.utils.formatting import BlockQuote, Bold, DateTime, Italic, Text

from knowledge.answering.compose import Answer, CitationView
from knowledge.i18n import Catalog
from knowledge.places.times import format_moment

# Weekday, long date, short time: "Tuesday, 7 December 2021, 17:00" in the reader's locale.
DATE_TIME_FORMAT = "wDt"
BLOCK_SEPARATOR = "\n\n"


def joined(blocks: list[Any], separator: str = BLOCK_SEPARATOR) -> Text:
    """Text nodes (or strings) with a separator between them, empty ones left out."""
    parts: list[Any] = []
    for block in blocks:
        if not block:
            continue
        if parts:
            parts.append(separator)
        parts.append(block)
    return Text(*parts)


def local_clock(moment: datetime, texts: Catalog, lang: str) -> Text:
    """The event on the reader's own clock; the entity text is the UTC time, which older
    apps that do not know date_time entities show as it is."""
    fallback = f"{format_moment(moment.astimezone(UTC), lang)} (UTC)"
    return Text(
        "🌍 ",
        texts("answer.your_clock", lang),
        ": ",
        DateTime(fallback, unix_time=moment, date_time_format=DATE_TIME_FORMAT),
    )


def citation_quote(citation: CitationView, lang: str) -> BlockQuote:
    return BlockQuote("«", citation.quote, "»\n— ", Italic(citation.where(lang)))


def answer_text(answer: Answer, texts: Catalog) -> Text:
    """The whole answer: the fact, its times, tense, notes, then each citation as a quote."""
    lang = answer.lang
    times: list[Any] = [Text("🕔 ", line.text(lang)) for line in answer.times]
    if answer.event_start is not None:
        times.append(local_clock(answer.event_start, texts, lang))
    notes = [Text("ℹ️ ", note) for note in answer.notes]
    return joined(
        [
            Bold(answer.lead) if answer.answered else Text(answer.lead),
            joined(times, "\n") if times else None,
            answer.tense,
            joined(notes, "\n") if notes else None,
            *(citation_quote(c, lang) for c in answer.citations),
        ]
    )


def answer_html(answer: Answer, texts: Catalog) -> str:
    return answer_text(answer, texts).as_html()


def plain_html(*parts: Any) -> str:
    """Catalog strings and user text as safe HTML: for the bot's short messages."""
    return Text(*parts).as_html()
