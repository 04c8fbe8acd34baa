"""An engine `Answer` as a Telegram message, built with aiogram.utils.formatting, so every
string is escaped; event times also go out as a date_time entity (Bot API 9.5).

Nothing rendered here is longer than Telegram takes (knowledge.limits): the validator keeps a
fact's fields within limits that make its answer fit one message, and for anything longer (a
base saved before those limits) `answer_messages` splits the answer at its paragraphs into
several messages, and `answer_html` (one message, for inline mode) shortens the quotes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from aiogram.utils.formatting import BlockQuote, Bold, Code, DateTime, Italic, Text

from knowledge.answering.compose import Answer, CitationView
from knowledge.i18n import Catalog
from knowledge.limits import TELEGRAM_MESSAGE, clip, size
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


def citation_quote(citation: CitationView, lang: str, room: int | None = None) -> BlockQuote:
    """The quote and where it is from; with `room`, the quote shortened (with an ellipsis) so
    that the whole block takes at most `room` characters."""
    where = citation.where(lang)
    quote = citation.quote
    if room is not None:
        quote = clip(quote, max(room - size(where) - 4, 1))  # 4: «, », a line break and —
    return BlockQuote("«", quote, "»\n— ", Italic(where))


def answer_blocks(answer: Answer, texts: Catalog) -> tuple[list[Text], list[CitationView]]:
    """The answer's paragraphs before its citations (the fact, its times, tense, notes), and
    the citations, each to become one paragraph."""
    lang = answer.lang
    times: list[Any] = [Text("🕔 ", line.text(lang)) for line in answer.times]
    if answer.event_start is not None:
        times.append(local_clock(answer.event_start, texts, lang))
    notes = [Text("ℹ️ ", note) for note in answer.notes]
    # The start in a form asked for: the value as code, one tap copies it.
    formats = [Text(line.label, ": ", Code(line.value)) for line in answer.formats]
    blocks = [
        Bold(answer.lead) if answer.answered else Text(answer.lead),
        joined(times, "\n") if times else None,
        joined(formats, "\n") if formats else None,
        Text(answer.tense) if answer.tense else None,
        joined(notes, "\n") if notes else None,
    ]
    return [block for block in blocks if block is not None], list(answer.citations)


def answer_text(answer: Answer, texts: Catalog) -> Text:
    """The whole answer: the fact, its times, tense, notes, then each citation as a quote;
    then the answers to the message's other asks, each with its quotes, and the asks not
    answered."""
    blocks, citations = answer_blocks(answer, texts)
    return joined(
        [
            *blocks,
            *(citation_quote(c, answer.lang) for c in citations),
            *(answer_text(more, texts) for more in answer.more),
            *unanswered_blocks(answer),
        ]
    )


def unanswered_blocks(answer: Answer) -> list[Text]:
    return [Text("ℹ️ ", note) for note in answer.unanswered_notes]


def answer_html(answer: Answer, texts: Catalog, limit: int = TELEGRAM_MESSAGE) -> str:
    """The answer as one message of at most `limit` characters: quotes are shortened (with
    an ellipsis) to fit, and only if that is not enough, the text is cut."""
    whole = answer_text(answer, texts)
    if len(whole) <= limit:
        return whole.as_html()
    blocks, citations = answer_blocks(answer, texts)
    head = [_fitted(block, limit) for block in blocks]
    used = len(joined(head))
    # Each citation gets an equal share of what is left, separators counted.
    share = (limit - used) // max(len(citations), 1) - len(BLOCK_SEPARATOR)
    quotes = [citation_quote(c, answer.lang, share) for c in citations] if share > 20 else []
    return _fitted(joined([*head, *quotes]), limit).as_html()


def answer_messages(answer: Answer, texts: Catalog, limit: int = TELEGRAM_MESSAGE) -> list[str]:
    """The answer as messages of at most `limit` characters each: one message when it fits
    (always, for a fact within knowledge.limits), else split between paragraphs; a single
    paragraph longer than a message is shortened (a quote) or cut (anything else)."""
    whole = answer_text(answer, texts)
    if len(whole) <= limit:
        return [whole.as_html()]
    paragraphs: list[Text] = []
    for each in (answer, *answer.more):
        blocks, citations = answer_blocks(each, texts)
        paragraphs += [_fitted(block, limit) for block in blocks]
        paragraphs += [citation_quote(c, each.lang, limit) for c in citations]
    paragraphs += [_fitted(block, limit) for block in unanswered_blocks(answer)]
    return [message.as_html() for message in pack(paragraphs, limit)]


def pack(paragraphs: list[Text], limit: int) -> list[Text]:
    """Paragraphs (each at most `limit` long) gathered into as few messages as fit."""
    messages: list[Text] = []
    current: list[Text] = []
    for paragraph in paragraphs:
        if current and len(joined([*current, paragraph])) > limit:
            messages.append(joined(current))
            current = []
        current.append(paragraph)
    if current:
        messages.append(joined(current))
    return messages


def _fitted(block: Text, limit: int) -> Text:
    """`block` if it fits, else its plain text cut to `limit` with an ellipsis: losing the
    bold of a too-long paragraph is better than a message Telegram refuses."""
    if len(block) <= limit:
        return block
    plain, _ = block.render(_collect_entities=False)
    return Text(clip(plain, limit))


def fit_value(render: Callable[[str], str], value: str, limit: int) -> str:
    """`render(value)`, with `value` shortened (with an ellipsis) until the result takes at
    most `limit` characters: a question inside a callback answer, a title in a caption."""
    text = render(value)
    excess = size(text) - limit
    if excess <= 0:
        return text
    text = render(clip(value, max(size(value) - excess, 1)))
    return text if size(text) <= limit else clip(text, limit)


def plain_html(*parts: Any) -> str:
    """Catalog strings and user text as safe HTML: for the bot's short messages."""
    return Text(*parts).as_html()
