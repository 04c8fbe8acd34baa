"""Admin messages built with aiogram.utils.formatting (every fact text, question and quote is
escaped): fact cards, the /facts page, /history, /stats and /unanswered entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from aiogram.utils.formatting import BlockQuote, Bold, Code, Italic, Text

from bot.render import joined
from knowledge.curation.browsing import FactPage, FactView
from knowledge.curation.history import HistoryEntry
from knowledge.i18n import Catalog
from knowledge.model import LANGS, Fact, Source
from knowledge.storage.question_log import UnansweredGroup, WindowStats

# Telegram's limit is 4096; the margin keeps room for the "… cut short" line.
MESSAGE_LIMIT = 3800
VALUE_LENGTH = 70  # /history shows before → after compactly


def clip(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def plain_length(node: Any) -> int:
    return len(node.render()[0]) if isinstance(node, Text) else len(str(node))


def fit(blocks: Sequence[Any], texts: Catalog, lang: str, separator: str = "\n\n") -> Text:
    """The blocks that fit in one message, and a line saying how many were left out."""
    kept: list[Any] = []
    used = 0
    for block in blocks:
        size = plain_length(block) + len(separator)
        if kept and used + size > MESSAGE_LIMIT:
            more = len(blocks) - len(kept)
            return joined([*kept, Italic(texts("admin.cut_short", lang, count=more))], separator)
        kept.append(block)
        used += size
    return joined(kept, separator)


def moment(value: str | datetime | None) -> str:
    """An audit timestamp as admins read it: '2026-11-25 21:10 UTC'."""
    if value is None:
        return "—"
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def lang_name(texts: Catalog, lang: str, code: str) -> str:
    return texts(f"admin.lang.{code}", lang)


def who(texts: Catalog, lang: str, admin_id: int | None) -> str:
    if admin_id is None:
        return texts("admin.who_shipped", lang)
    return texts("admin.who_admin", lang, admin_id=admin_id)


def fact_body(
    fact: Fact, texts: Catalog, lang: str, sources: Mapping[str, Source] | None = None
) -> list[Any]:
    """Every language's text with its questions numbered as /delq counts them, the event
    time and the citations."""
    blocks: list[Any] = []
    n = 0
    for code in LANGS:
        lines: list[Any] = [Text(Bold(code.upper()), " ", fact.text.get(code, "—"))]
        for question in fact.questions.get(code, ()):
            n += 1
            lines.append(Text(f"  {n}. ", question))
        blocks.append(joined(lines, "\n"))
    if fact.event is not None:
        event = fact.event
        start = event.start.strftime("%Y-%m-%d %H:%M")
        title = event.title.get(lang) or event.title.get("en", "")
        blocks.append(Text("🕔 ", Code(f"{start} {event.zone}"), " — ", title))
    for citation in fact.citations:
        source = (sources or {}).get(citation.source)
        paragraph = source.paragraph_of(citation.quote) if source else None
        where = citation.source
        if paragraph is not None:
            where = texts("admin.paragraph", lang, source=citation.source, paragraph=paragraph)
        blocks.append(BlockQuote("«", citation.quote, "»\n— ", Italic(where)))
    return blocks


def fact_card(
    view: FactView, texts: Catalog, lang: str, sources: Mapping[str, Source] | None = None
) -> Text:
    """/fact: the whole fact, its version and its last change."""
    header = Text(
        "📄 ", Bold(view.fact.id), " · ", texts("admin.version", lang, version=view.version)
    )
    if view.deleted:
        header = Text(header, " · ", Bold(texts("admin.deleted_mark", lang)))
    changed = texts(
        "admin.last_change",
        lang,
        when=moment(view.updated_at),
        who=who(texts, lang, view.updated_by),
    )
    return fit([header, *fact_body(view.fact, texts, lang, sources), Italic(changed)], texts, lang)


def fact_preview(
    fact: Fact, texts: Catalog, lang: str, sources: Mapping[str, Source] | None = None
) -> Text:
    header = Text("👀 ", Bold(texts("admin.add.preview", lang, fact_id=fact.id)))
    return fit([header, *fact_body(fact, texts, lang, sources)], texts, lang)


def page_text(page: FactPage, words: str, texts: Catalog, lang: str) -> Text:
    if words:
        title = texts("admin.facts.found", lang, words=words, total=page.total)
    else:
        title = texts("admin.facts.all", lang, total=page.total)
    header = Text(
        Bold(title), " · ", texts("admin.facts.page", lang, page=page.page, pages=page.pages)
    )
    if not page.items:
        return joined([header, texts("admin.facts.none", lang)])
    lines = [
        Text(
            Code(item.id),
            " — ",
            item.summary,
            " ",
            Italic(texts("admin.facts.questions", lang, count=item.questions)),
            " 🕔" if item.has_event else "",
        )
        for item in page.items
    ]
    return joined([header, joined(lines, "\n"), Italic(texts("admin.facts.hint", lang))])


def history_text(
    entries: Iterable[HistoryEntry], texts: Catalog, lang: str, fact_id: str | None
) -> Text:
    entries = list(entries)
    if fact_id is not None:
        title = texts("admin.history.title_fact", lang, fact_id=fact_id)
    else:
        title = texts("admin.history.title", lang)
    if not entries:
        return joined([Bold(title), texts("admin.history.empty", lang)])
    return fit([Bold(title), *(history_block(e, texts, lang) for e in entries)], texts, lang)


def action_name(action: str, texts: Catalog, lang: str) -> str:
    """An audited action in the admin's words; one the catalog does not know, as it is."""
    key = f"admin.action.{action}"
    return texts(key, lang) if texts.has(key) else action


def history_block(entry: HistoryEntry, texts: Catalog, lang: str) -> Text:
    action = action_name(entry.action, texts, lang)
    head: list[Any] = [f"#{entry.id} · {moment(entry.at)} · ", who(texts, lang, entry.admin_id)]
    head += [" · ", Bold(action)]
    if entry.fact_id:
        head += [" · ", Code(entry.fact_id)]
    if entry.undo_of is not None:
        head.append(f" (#{entry.undo_of})")
    if entry.undone:
        head += [" · ", Italic(texts("admin.history.undone", lang))]
    lines: list[Any] = [Text(*head)]
    for change in entry.changes:
        before = clip(change.before, VALUE_LENGTH) if change.before else "∅"
        after = clip(change.after, VALUE_LENGTH) if change.after else "∅"
        lines.append(Text("  ", Italic(change.field), ": ", before, " → ", after))
    return joined(lines, "\n")


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def stats_text(windows: Iterable[WindowStats], texts: Catalog, lang: str) -> Text:
    """Counts and shares only: no user, no chat, no question text."""
    blocks: list[Any] = [Bold(texts("admin.stats.title", lang))]
    for window in windows:
        lines: list[Any] = [
            Bold(texts("admin.stats.window", lang, count=window.days)),
            texts(
                "admin.stats.asked",
                lang,
                asked=window.asked,
                askers=window.askers,
                answered=percent(window.answered_share),
                declined=percent(window.declined_share),
                unsure=window.unsure,
            ),
        ]
        if window.top_facts:
            top = ", ".join(f"{fact_id} ({n})" for fact_id, n in window.top_facts)
            lines.append(texts("admin.stats.top", lang, facts=top))
        by_lang = ", ".join(f"{code} {n}" for code, n in window.by_language)
        lines.append(texts("admin.stats.languages", lang, languages=by_lang))
        blocks.append(joined(lines, "\n"))
    return joined(blocks)


def unanswered_text(group: UnansweredGroup, texts: Catalog, lang: str) -> Text:
    asked = texts(
        "admin.unanswered.asked",
        lang,
        count=group.count,
        language=group.lang,
        when=moment(group.last_at),
    )
    return Text("❓ ", asked, "\n", BlockQuote(group.text))
