"""A curation refusal (`err.code` with `err.details`) said in the admin's language: the
usage line for a malformed command, the closest passage for a quote not in its source,
the current version for a conflict, every problem of an invalid fact or file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.utils.formatting import BlockQuote, Bold, Code, Italic, Pre, Text

from bot.handlers.admin.views import clip, fact_body, fit, lang_name
from bot.render import joined
from knowledge.curation.errors import Refusal
from knowledge.i18n import Catalog
from knowledge.model import Source

MAX_PROBLEMS = 25  # a file can have hundreds; the first ones are enough to start fixing
ECHO_LENGTH = 200  # what the admin typed, quoted back


def step_name(step: str, texts: Catalog, lang: str) -> str:
    """'questions.ru' → 'questions in Russian'."""
    name, _, code = step.partition(".")
    if code:
        return texts(f"admin.step.{name}", lang, language=lang_name(texts, lang, code))
    return texts(f"admin.step.{name}", lang)


def refusal_text(
    error: Refusal, texts: Catalog, lang: str, sources: Mapping[str, Source] | None = None
) -> Text:
    code = error.code
    details: dict[str, Any] = dict(error.details)
    title = f"admin.refusal.{code}"
    if code in ("malformed", "unknown_field"):
        lines: list[Any] = [texts(title, lang, field=details.get("field", ""))]
        if details.get("fields"):
            lines.append(texts("admin.refusal.fields", lang, fields=", ".join(details["fields"])))
        return joined([joined(lines, "\n"), Pre(details["usage"])])
    if code == "conflict":
        current = details.get("current")
        if current is None:
            return Text(texts("admin.refusal.conflict_gone", lang))
        header = texts("admin.refusal.conflict", lang, version=details.get("version") or "—")
        return fit([Bold(header), *fact_body(current, texts, lang, sources)], texts, lang)
    if code == "bad_time":
        reason = details["reason"]
        text = texts(f"admin.refusal.bad_time.{reason}", lang, value=clip(details["value"], 80))
        lines = [text]
        if details.get("suggestions"):
            suggestions = ", ".join(details["suggestions"])
            lines.append(texts("admin.refusal.suggestions", lang, suggestions=suggestions))
        lines.append(texts("admin.refusal.time_format", lang))
        return joined(lines, "\n")
    if code == "quote_not_in_source":
        text = texts(title, lang, source=details["source"])
        closest = details.get("closest")
        if not closest:
            return Text(text)
        return joined([text, Text(texts("admin.refusal.closest", lang), "\n", BlockQuote(closest))])
    if code == "invalid_fact":
        return problems_text(details["problems"], texts, lang)
    if code == "incomplete":
        missing = ", ".join(step_name(step, texts, lang) for step in details["missing"])
        return Text(texts(title, lang, missing=missing))
    if code == "source_in_use":
        facts = ", ".join(details["fact_ids"])
        return Text(texts(title, lang, source=details["source"], facts=facts))
    if code == "last_question":
        language = lang_name(texts, lang, details["lang"])
        return Text(texts(title, lang, fact_id=details["fact_id"], language=language))
    if code == "duplicate_question":
        question = clip(details["question"], ECHO_LENGTH)
        return Text(texts(title, lang, fact_id=details["fact_id"], question=question))
    # The rest carry only ids and numbers.
    return Text(texts(title, lang, **details))


def problems_text(problems: Any, texts: Catalog, lang: str) -> Text:
    """Every problem the validator found (with file and fact id, in the admin's language),
    cut off politely past MAX_PROBLEMS."""
    problems = [problem.said_in(lang) for problem in problems]
    blocks: list[Any] = [Bold(texts("admin.refusal.invalid_fact", lang, count=len(problems)))]
    blocks += [Text("• ", Code(clip(p, 300))) for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        blocks.append(Italic(texts("admin.refusal.more_problems", lang, count=more)))
    return fit(blocks, texts, lang, separator="\n")
