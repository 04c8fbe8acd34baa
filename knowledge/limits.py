"""Every length limit of the fact base, in one place, and why each is what it is.

Telegram refuses a message over 4,096 characters, a caption over 1,024, a callback answer over
200 and (in practice) a button text over 64, counted in UTF-16 code units after the markup is
parsed. A fact's fields end up in all of those, so each field gets a limit that keeps the
rendered answer within them in every language, with the longest zone lines and citations:

- the answer, at most 4 zone lines, the reader's clock, the tense, 2 place notes and
  `MAX_CITATIONS` quotes with their source lines come to under 3,700 characters with these
  limits (tests/test_hostile_limits.py renders the longest possible fact to prove it);
- a question is a button's text (the "did you mean" and example buttons): `MAX_QUESTION`;
- an event title goes into the "Add to calendar" caption: `MAX_TITLE` leaves the caption far
  below 1,024;
- an event (events.yaml) shows its other zones beside a time given in one of them:
  `MAX_EVENT_ZONES` of them, its own included, keep that to two reference lines.

The validator (`knowledge.storage.fact_file.fact_problems`) applies them to the facts file,
`/import`, and through the Curator to `/add`, `/edit` and `/addq`; the bot's renderer still
splits or shortens anything longer (a base saved before these limits), so no request is ever
refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.model import LANGS

# Telegram's limits, in UTF-16 code units.
TELEGRAM_MESSAGE = 4096
TELEGRAM_CAPTION = 1024
TELEGRAM_CALLBACK_ANSWER = 200
TELEGRAM_BUTTON_TEXT = 64

# The fact base's, per language where a field has languages.
MAX_TEXT = 1000  # the answer
MAX_QUESTION = TELEGRAM_BUTTON_TEXT  # questions are offered as buttons
MAX_QUESTIONS = 50  # per language: /fact lists them all
MAX_QUOTE = 300
MAX_CITATIONS = 3
MAX_TITLE = 200  # an event's title: the calendar caption and the .ics summary
MAX_EVENT_ZONES = 3  # an event's zones: reference lines beside each of its times
MAX_PUBLISHER = 60  # a source's publisher: under every quote from it
MAX_SOURCE_TITLE = 200

ELLIPSIS = "…"

Problem = tuple[str, dict[str, Any]]  # a `problem.*` catalog code and its values


def size(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def clip(text: str, limit: int) -> str:
    """`text` itself if it fits in `limit` UTF-16 units, else its start and an ellipsis."""
    if size(text) <= limit:
        return text
    if limit < 1:
        return ""
    kept = text.encode("utf-16-le")[: 2 * (limit - 1)].decode("utf-16-le", errors="ignore")
    return kept.rstrip() + ELLIPSIS


def length_problems(raw: Mapping[str, Any]) -> list[Problem]:
    """What in one fact's raw mapping is over its limit (types are checked elsewhere)."""
    problems: list[Problem] = []
    problems += _per_language(raw.get("text"), "text", MAX_TEXT)
    questions = raw.get("questions")
    if isinstance(questions, Mapping):
        for lang in LANGS:
            asked = questions.get(lang)
            if not isinstance(asked, list):
                continue
            if len(asked) > MAX_QUESTIONS:
                params = {"lang": lang, "count": len(asked), "limit": MAX_QUESTIONS}
                problems.append(("too_many_questions", params))
            for question in asked:
                problems += _one(question, "questions", lang, MAX_QUESTION)
    citations = raw.get("citations")
    if isinstance(citations, list):
        if len(citations) > MAX_CITATIONS:
            params = {"count": len(citations), "limit": MAX_CITATIONS}
            problems.append(("too_many_citations", params))
        for citation in citations:
            quote = citation.get("quote") if isinstance(citation, Mapping) else None
            if isinstance(quote, str) and size(quote.strip()) > MAX_QUOTE:
                params = {"length": size(quote.strip()), "limit": MAX_QUOTE}
                problems.append(("quote_too_long", params))
    event = raw.get("event")
    if isinstance(event, Mapping):
        problems += _per_language(event.get("title"), "event title", MAX_TITLE)
    return problems


def source_problems(title: str, publisher: str) -> list[Problem]:
    """What of a source registered with /source is over its limit."""
    problems: list[Problem] = []
    for field, value, limit in (
        ("source title", title, MAX_SOURCE_TITLE),
        ("publisher", publisher, MAX_PUBLISHER),
    ):
        if size(value) > limit:
            params = {"field": field, "length": size(value), "limit": limit}
            problems.append(("value_too_long", params))
    return problems


def _per_language(value: Any, field: str, limit: int) -> list[Problem]:
    if not isinstance(value, Mapping):
        return []
    return [p for lang in LANGS for p in _one(value.get(lang), field, lang, limit)]


def _one(value: Any, field: str, lang: str, limit: int) -> list[Problem]:
    if not isinstance(value, str) or size(value.strip()) <= limit:
        return []
    length = size(value.strip())
    return [("too_long", {"field": field, "lang": lang, "length": length, "limit": limit})]
