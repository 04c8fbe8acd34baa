"""/history entries: who changed what and when, as field-by-field before → after pairs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from knowledge.model import LANGS
from knowledge.storage.audit import AuditEntry


@dataclass(frozen=True)
class FieldChange:
    field: str  # text.en, questions.ru, citations, time, title.uk; source for registrations
    before: str | None
    after: str | None


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    admin_id: int | None
    action: str
    fact_id: str | None
    changes: tuple[FieldChange, ...]
    undone: bool  # a later /undo reverted it
    undo_of: int | None  # for undo entries: the entry reverted


def history_entry(entry: AuditEntry) -> HistoryEntry:
    before, after = _fields(entry.before), _fields(entry.after)
    names = [*before, *(name for name in after if name not in before)]
    changes = tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    )
    return HistoryEntry(
        id=entry.id,
        at=datetime.fromisoformat(entry.at),
        admin_id=entry.admin_id,
        action=entry.action,
        fact_id=entry.fact_id,
        changes=changes,
        undone=entry.undone,
        undo_of=entry.undo_of,
    )


def _fields(data: dict[str, Any] | None) -> dict[str, str]:
    """A fact (or a source registration) as flat, comparable, printable fields."""
    if not data:
        return {}
    if "source" in data:
        return {"source": f"{data['source']} ({data.get('chars', 0)} chars)"}
    fields: dict[str, str] = {}
    for lang in LANGS:
        fields[f"text.{lang}"] = data.get("text", {}).get(lang, "")
        fields[f"questions.{lang}"] = "; ".join(data.get("questions", {}).get(lang, []))
    fields["citations"] = " | ".join(
        f"{c['source']}: {c['quote']}" for c in data.get("citations", [])
    )
    event = data.get("event")
    fields["time"] = f"{event['start']} {event['zone']}" if event else ""
    for lang in LANGS:
        fields[f"title.{lang}"] = event["title"].get(lang, "") if event else ""
    return fields
