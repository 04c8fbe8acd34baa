"""Loading, validating and dumping the curated fact base (knowledge/content/facts.yaml).

Validation collects every problem with its file and fact id instead of stopping at the
first one, so a curator fixes a file in one pass. The same checks guard the shipped
file, the `validate` CLI command and admin imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from knowledge.i18n import ANSWERS
from knowledge.limits import length_problems
from knowledge.model import (
    FACT_ID_PATTERN,
    LANGS,
    TIME_FORMAT,
    Citation,
    EventTime,
    Fact,
    Source,
)
from knowledge.places.zones import is_known_zone

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
DEFAULT_FACTS_PATH = CONTENT_DIR / "facts.yaml"
DEFAULT_SOURCES_PATH = CONTENT_DIR / "sources.yaml"
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


def load_sources(path: Path = DEFAULT_SOURCES_PATH) -> dict[str, Source]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources: dict[str, Source] = {}
    for entry in data.get("sources", []):
        text_path = path.parent / entry["file"]
        sources[entry["id"]] = Source(
            id=entry["id"],
            text=text_path.read_text(encoding="utf-8"),
            title=dict(entry.get("title", {})),
            publisher=dict(entry.get("publisher", {})),
            cites=dict(entry.get("cites", {})),
            language=entry.get("language", ""),
            note=entry.get("note", ""),
            file=entry["file"],
        )
    return sources


def load_facts(
    path: Path = DEFAULT_FACTS_PATH, sources: Mapping[str, Source] | None = None
) -> list[Fact]:
    """Read and validate a facts file; raise FactsInvalid listing every problem."""
    if sources is None:
        sources = load_sources()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FactsInvalid(
            [Problem(str(path), None, Complaint("cannot_read", reason=error.strerror))]
        ) from None
    return parse_facts(text, sources, filename=path.name)


def parse_facts(
    text: str, sources: Mapping[str, Source], filename: str = "facts.yaml"
) -> list[Fact]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise FactsInvalid([Problem(filename, None, Complaint("not_yaml", error=error))]) from None
    except ValueError as error:
        # PyYAML reads anything shaped like a date as one, and an impossible date such as
        # 2021-02-30 escapes as a plain ValueError rather than a YAMLError.
        raise FactsInvalid([Problem(filename, None, Complaint("bad_value", error=error))]) from None
    except RecursionError:
        # PyYAML builds nested collections recursively: "[[[[..." thousands deep.
        raise FactsInvalid([Problem(filename, None, Complaint("too_deep"))]) from None
    facts, problems = validate_facts_data(data, sources, filename)
    if problems:
        raise FactsInvalid(problems)
    return facts


def validate_facts_data(
    data: Any, sources: Mapping[str, Source], filename: str
) -> tuple[list[Fact], list[Problem]]:
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        return [], [Problem(filename, None, Complaint("no_facts_list"))]
    facts: list[Fact] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["facts"], start=1):
        fact_id = raw.get("id") if isinstance(raw, dict) else None
        label = fact_id if isinstance(fact_id, str) else f"#{index}"
        found = [Problem(filename, label, message) for message in fact_problems(raw, sources)]
        if isinstance(fact_id, str):
            if fact_id in seen:
                found.append(Problem(filename, label, Complaint("duplicate_id")))
            seen.add(fact_id)
        problems.extend(found)
        if not found:
            facts.append(fact_from_dict(raw))
    return facts, problems


def fact_problems(raw: Any, sources: Mapping[str, Source]) -> list[Complaint]:
    """Everything wrong with one fact's raw mapping, as messages (empty when it is valid)."""
    if not isinstance(raw, dict):
        return [Complaint("not_a_mapping")]
    problems: list[Complaint] = []
    fact_id = raw.get("id")
    if not isinstance(fact_id, str) or not FACT_ID_PATTERN.match(fact_id):
        problems.append(Complaint("bad_id"))
    problems += _language_problems(raw.get("text"), "text", str)
    problems += _language_problems(raw.get("questions"), "questions", list)
    citations = raw.get("citations")
    if not isinstance(citations, list) or not citations:
        problems.append(Complaint("no_citation"))
    else:
        for citation in citations:
            problems += _citation_problems(citation, sources)
    if raw.get("event") is not None:
        problems += _event_problems(raw["event"])
    problems += [Complaint(code, **params) for code, params in length_problems(raw)]
    unknown = set(raw) - {"id", "text", "questions", "citations", "event"}
    if unknown:
        problems.append(Complaint("unknown_fields", fields=", ".join(sorted(map(str, unknown)))))
    return problems


def _language_problems(value: Any, field: str, kind: type) -> list[Complaint]:
    if not isinstance(value, dict):
        return [Complaint("languages_mapping", field=field, langs=", ".join(LANGS))]
    problems = []
    for lang in LANGS:
        item = value.get(lang)
        if kind is str and not (isinstance(item, str) and item.strip()):
            problems.append(Complaint("missing_language", field=field, lang=lang))
        if kind is list and not (
            isinstance(item, list) and item and all(isinstance(q, str) and q.strip() for q in item)
        ):
            problems.append(Complaint("missing_questions", field=field, lang=lang))
    extra = set(value) - set(LANGS)
    if extra:
        langs = ", ".join(sorted(map(str, extra)))
        problems.append(Complaint("unknown_languages", field=field, langs=langs))
    return problems


def _citation_problems(citation: Any, sources: Mapping[str, Source]) -> list[Complaint]:
    if not isinstance(citation, dict) or not isinstance(citation.get("quote"), str):
        return [Complaint("bad_citation")]
    source = sources.get(citation.get("source"))
    if source is None:
        return [Complaint("unknown_source", source=citation.get("source"))]
    if source.paragraph_of(citation["quote"]) is None:
        closest = source.closest_passage(citation["quote"])
        return [
            Complaint(
                "quote_not_found",
                source=source.id,
                quote=repr(citation["quote"]),
                closest=repr(closest),
            )
        ]
    return []


def _event_problems(event: Any) -> list[Complaint]:
    if not isinstance(event, dict):
        return [Complaint("bad_event")]
    problems = []
    try:
        datetime.strptime(str(event.get("start")), TIME_FORMAT)
    except ValueError:
        problems.append(Complaint("bad_start", start=repr(event.get("start"))))
    if not is_known_zone(event.get("zone")):
        problems.append(Complaint("bad_zone", zone=repr(event.get("zone"))))
    problems += _language_problems(event.get("title"), "event title", str)
    return problems


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
    )


def dump_facts(facts: Iterable[Fact]) -> str:
    """The canonical text of a facts file: what /export sends and load_facts reads back."""
    body = yaml.safe_dump(
        {"facts": [fact.to_dict() for fact in facts]},
        allow_unicode=True,
        sort_keys=False,
        width=100,
        indent=2,
    )
    return FACTS_HEADER + body
