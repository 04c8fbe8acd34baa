"""Loading, validating and dumping facts files (knowledge/content/facts.yaml and imports).

Validation (the pydantic models of file_models.py) collects every problem with its file
and fact id instead of stopping at the first one, so a curator fixes a file in one pass.
The same checks guard the shipped file, the `validate` CLI command and admin imports.
A file is read as plain YAML only: no anchors or aliases (a few hundred bytes of nested
aliases expand to gigabytes), and never more than MAX_FILE_CHARS.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.i18n import ANSWERS
from knowledge.model import LANGS, TIME_FORMAT, Citation, EventTime, Fact, Source
from knowledge.storage.file_models import (
    FactModel,
    FactsFileModel,
    SourcesFileModel,
    content_complaints,
    fact_complaints,
)

SHIPPED_CONTENT = Path(__file__).resolve().parent.parent / "content"
DEFAULT_FACTS_PATH = SHIPPED_CONTENT / "facts.yaml"
DEFAULT_SOURCES_PATH = SHIPPED_CONTENT / "sources.yaml"
# Far above any real facts file (the shipped one is ~70 kB; 10,000 facts ~15 MB), far
# below what would hurt: checked before the YAML parser sees a byte.
MAX_FILE_CHARS = 20_000_000
FACTS_HEADER = (
    "# talkbot's curated fact base. Each fact: answer text in en/ru/uk, the questions people\n"
    "# ask about it, verbatim quotes from a registered source, and for events a start time\n"
    "# with its IANA zone. Check it with `python -m bot validate`.\n"
)


class Complaint(str):
    """What the validator says about one thing: English as a str (the CLI, the logs, the
    tests), with its catalog code and values (`problem.*` in knowledge/locales), so that an
    admin reads it in their own language."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Complaint:
        complaint = super().__new__(cls, ANSWERS(f"problem.{code}", "en", **params))
        complaint.code = code
        complaint.params = params
        return complaint

    def said_in(self, lang: str) -> str:
        return ANSWERS(f"problem.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a facts file."""

    file: str
    fact_id: str | None
    message: Complaint

    def __str__(self) -> str:
        return self.said_in("en")

    def said_in(self, lang: str) -> str:
        message = self.message.said_in(lang)
        if self.fact_id:
            return ANSWERS(
                "problem.in_fact", lang, file=self.file, fact_id=self.fact_id, message=message
            )
        return ANSWERS("problem.in_file", lang, file=self.file, message=message)


class FactsInvalid(ValueError):
    """Raised with every problem found; str() lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: a facts file never needs them, and
    nested aliases are how a tiny file becomes a huge value (a "billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark.line + 1)
        return super().compose_node(parent, index)


class _AliasRefused(Exception):
    def __init__(self, line: int):
        self.line = line


def read_yaml(text: str, filename: str) -> Any:
    """The data of a YAML document, or FactsInvalid saying why it cannot be read."""
    if len(text) > MAX_FILE_CHARS:
        complaint = Complaint("too_large", limit=MAX_FILE_CHARS // 1_000_000)
        raise FactsInvalid([Problem(filename, None, complaint)])
    try:
        return yaml.load(text, Loader=_PlainLoader)
    except _AliasRefused as refused:
        complaint = Complaint("aliases", line=refused.line)
        raise FactsInvalid([Problem(filename, None, complaint)]) from None
    except yaml.YAMLError as error:
        raise FactsInvalid([Problem(filename, None, Complaint("not_yaml", error=error))]) from None
    except ValueError as error:
        # PyYAML reads anything shaped like a date as one, and an impossible date such as
        # 2021-02-30 escapes as a plain ValueError rather than a YAMLError.
        raise FactsInvalid([Problem(filename, None, Complaint("bad_value", error=error))]) from None
    except RecursionError:
        # PyYAML builds nested collections recursively: "[[[[..." thousands deep.
        raise FactsInvalid([Problem(filename, None, Complaint("too_deep"))]) from None


def read_text(path: Path) -> str:
    """A content file's text; FactsInvalid (cannot_read, too_large) rather than OSError."""
    try:
        if path.stat().st_size > MAX_FILE_CHARS * 4:
            complaint = Complaint("too_large", limit=MAX_FILE_CHARS // 1_000_000)
            raise FactsInvalid([Problem(path.name, None, complaint)])
        return path.read_text(encoding="utf-8")
    except OSError as error:
        complaint = Complaint("cannot_read", reason=error.strerror or str(error))
        raise FactsInvalid([Problem(path.name, None, complaint)]) from None
    except UnicodeDecodeError:
        complaint = Complaint("cannot_read", reason="not UTF-8 text")
        raise FactsInvalid([Problem(path.name, None, complaint)]) from None


def load_sources(path: Path = DEFAULT_SOURCES_PATH) -> dict[str, Source]:
    """The sources a sources.yaml registers, with their texts, validated."""
    data = read_yaml(read_text(path), path.name)
    try:
        model = SourcesFileModel.model_validate(data)
    except ValidationError as error:
        raise invalid_file(path.name, error) from None
    return {
        entry.id: Source(
            id=entry.id,
            text=read_text(path.parent / entry.file),
            title=dict(entry.title),
            publisher=dict(entry.publisher),
            cites=dict(entry.cites),
            language=entry.language,
            note=entry.note,
            file=entry.file,
        )
        for entry in model.sources
    }


def invalid_file(filename: str, error: ValidationError) -> FactsInvalid:
    """An events or sources file's validation errors, one problem each."""
    return FactsInvalid(
        [
            Problem(filename, None, Complaint(code, **params))
            for code, params in content_complaints(error)
        ]
    )


@dataclass(frozen=True)
class FactsFile:
    """A parsed facts file: the event it names ("" when it names none) and its facts."""

    event_id: str
    facts: list[Fact]


def load_facts(
    path: Path = DEFAULT_FACTS_PATH,
    sources: Mapping[str, Source] | None = None,
    *,
    event_id: str = "",
) -> list[Fact]:
    """Read and validate a facts file; raise FactsInvalid listing every problem.

    Without `sources`, the sources.yaml next to the file. The facts belong to the file's
    `event:`, else to `event_id`."""
    if sources is None:
        sources = load_sources(path.parent / "sources.yaml")
    return parse_facts(read_text(path), sources, filename=path.name, event_id=event_id)


def parse_facts(
    text: str,
    sources: Mapping[str, Source],
    filename: str = "facts.yaml",
    *,
    event_id: str = "",
) -> list[Fact]:
    return parse_facts_file(text, sources, filename, event_id=event_id).facts


def parse_facts_file(
    text: str, sources: Mapping[str, Source], filename: str = "facts.yaml", *, event_id: str = ""
) -> FactsFile:
    """Parse and validate a facts file; its facts carry its `event:` (else `event_id`)."""
    data = read_yaml(text, filename)
    try:
        header = FactsFileModel.model_validate(data)
    except ValidationError as error:
        fields = [str(e["loc"][0]) for e in error.errors() if e["type"] == "extra_forbidden"]
        if fields and isinstance(data, dict) and isinstance(data.get("facts"), list):
            complaint = Complaint("unknown_fields", fields=", ".join(sorted(fields)))
        elif isinstance(data, dict) and isinstance(data.get("facts"), list):
            complaint = Complaint("bad_id")  # the only other field: the event's id
        else:
            complaint = Complaint("no_facts_list")
        raise FactsInvalid([Problem(filename, None, complaint)]) from None
    owner = header.event or event_id
    facts, problems = validate_facts_data(header.facts, sources, filename, owner)
    if problems:
        raise FactsInvalid(problems)
    return FactsFile(owner, facts)


def validate_facts_data(
    raw_facts: list[Any], sources: Mapping[str, Source], filename: str, event_id: str = ""
) -> tuple[list[Fact], list[Problem]]:
    facts: list[Fact] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_facts, start=1):
        fact_id = raw.get("id") if isinstance(raw, dict) else None
        label = fact_id if isinstance(fact_id, str) else f"#{index}"
        found = [Problem(filename, label, message) for message in fact_problems(raw, sources)]
        if isinstance(fact_id, str):
            if fact_id in seen:
                found.append(Problem(filename, label, Complaint("duplicate_id")))
            seen.add(fact_id)
        problems.extend(found)
        if not found:
            facts.append(fact_from_dict({**raw, "event_id": event_id}))
    return facts, problems


def fact_problems(raw: Any, sources: Mapping[str, Source]) -> list[Complaint]:
    """Everything wrong with one fact's raw mapping, as messages (empty when it is valid).

    An `event_id` key (the database form, see Fact.to_dict) is not the file's business."""
    if isinstance(raw, dict) and "event_id" in raw:
        raw = {key: value for key, value in raw.items() if key != "event_id"}
    try:
        FactModel.model_validate(raw, context={"sources": sources})
    except ValidationError as error:
        return [Complaint(code, **params) for code, params in fact_complaints(error)]
    return []


def fact_from_dict(raw: Mapping[str, Any]) -> Fact:
    """Build a Fact from an already validated mapping."""
    event = raw.get("event")
    return Fact(
        id=raw["id"],
        text={lang: raw["text"][lang].strip() for lang in LANGS},
        questions={lang: tuple(q.strip() for q in raw["questions"][lang]) for lang in LANGS},
        citations=tuple(Citation(c["source"], c["quote"]) for c in raw["citations"]),
        event=None
        if event is None
        else EventTime(
            start=datetime.strptime(str(event["start"]), TIME_FORMAT),
            zone=event["zone"],
            title={lang: event["title"][lang].strip() for lang in LANGS},
        ),
        event_id=raw.get("event_id") or "",
        said_by={lang: raw["said_by"][lang].strip() for lang in LANGS}
        if raw.get("said_by")
        else {},
        yes_no={
            lang: {q.strip(): verdict for q, verdict in questions.items()}
            for lang, questions in (raw.get("yes_no") or {}).items()
            if questions
        },
        day=None if raw.get("day") is None else date.fromisoformat(str(raw["day"])),
    )


def dump_facts(facts: Iterable[Fact], event_id: str | None = None) -> str:
    """The canonical text of a facts file: what /export sends and load_facts reads back.

    It names its event (`event_id`, else the facts' own) so that importing it touches
    that event's facts only."""
    facts = list(facts)
    if event_id is None:
        event_id = next((f.event_id for f in facts if f.event_id), "")
    entries = []
    for fact in facts:
        entry = fact.to_dict()
        entry.pop("event_id", None)
        entries.append(entry)
    document: dict[str, Any] = {"event": event_id} if event_id else {}
    document["facts"] = entries
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100, indent=2)
    return FACTS_HEADER + body
