"""Pydantic models of the content files (facts, events, sources) and the translation of
their validation errors into the catalog codes an admin reads (`problem.*` in
knowledge/locales).

Each fact is validated on its own, so one bad fact names itself and the others still load.
A check of our own raises `PydanticCustomError(code, message, ctx)` with the catalog code;
pydantic's built-in errors (a missing key, a wrong type, an extra field) are mapped to the
same codes by where they occur. Values from a file are shown clipped (`shown`), never as a
whole repr: a file may hold anything.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from knowledge.limits import MAX_EVENT_ZONES, MAX_QUESTION, length_problems, size
from knowledge.model import FACT_ID_PATTERN, LANGS, TIME_FORMAT, Source
from knowledge.places.zones import is_known_zone

_CLIP = reprlib.Repr()  # Python 3.11's takes no keyword arguments
_CLIP.maxstring, _CLIP.maxother, _CLIP.maxlevel = 120, 60, 2
_CLIP.maxlist = _CLIP.maxdict = _CLIP.maxtuple = _CLIP.maxset = 4

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
FactId = Annotated[str, StringConstraints(pattern=FACT_ID_PATTERN.pattern)]


def shown(value: Any) -> str:
    """A short repr of any value from a file, safe to put into a message."""
    return _CLIP.repr(value)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    """One non-empty text per language."""

    en: NonBlank
    ru: NonBlank
    uk: NonBlank


class Questions(_Strict):
    """At least one non-empty question per language."""

    en: list[NonBlank] = Field(min_length=1)
    ru: list[NonBlank] = Field(min_length=1)
    uk: list[NonBlank] = Field(min_length=1)


class CitationModel(BaseModel):
    model_config = ConfigDict(frozen=True)

    source: Any
    quote: str

    @model_validator(mode="after")
    def _quote_is_in_its_source(self, info: ValidationInfo) -> CitationModel:
        sources: Mapping[str, Source] = (info.context or {}).get("sources", {})
        source = sources.get(self.source) if isinstance(self.source, str) else None
        if source is None:
            # A list or a mapping here is a listed problem too, never a crash (issue 15).
            raise PydanticCustomError(
                "unknown_source",
                "citation names unknown source {source}",
                {"source": self.source if isinstance(self.source, str) else shown(self.source)},
            )
        if source.paragraph_of(self.quote) is None:
            raise PydanticCustomError(
                "quote_not_found",
                "quote not found verbatim in source {source}",
                {
                    "source": source.id,
                    "quote": shown(self.quote),
                    "closest": shown(source.closest_passage(self.quote)),
                },
            )
        return self


class EventTimeModel(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: Any = Field(default=None, validate_default=True)
    zone: Any = Field(default=None, validate_default=True)
    title: Texts

    @field_validator("start")
    @classmethod
    def _start_is_a_wall_time(cls, value: Any) -> Any:
        try:
            datetime.strptime(str(value), TIME_FORMAT)
        except ValueError:
            raise PydanticCustomError(
                "bad_start", "event start {start} is not a time", {"start": shown(value)}
            ) from None
        return value

    @field_validator("zone")
    @classmethod
    def _zone_is_known(cls, value: Any) -> Any:
        if not is_known_zone(value):
            raise PydanticCustomError(
                "bad_zone", "event zone {zone} is unknown", {"zone": shown(value)}
            )
        return value


class FactModel(_Strict):
    """One fact of a facts file (see README, "Curating facts")."""

    id: FactId
    text: Texts
    questions: Questions
    citations: list[CitationModel] = Field(min_length=1)
    event: EventTimeModel | None = None
    said_by: Texts | None = None
    yes_no: dict[str, dict[str, bool]] | None = None
    day: Any = None

    @field_validator("day", mode="before")
    @classmethod
    def _day_is_a_date(cls, value: Any) -> Any:
        """A calendar day, YYYY-MM-DD (YAML reads it as a date; the database form is text)."""
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise PydanticCustomError(
                "bad_day", "fact day {day} is not 'YYYY-MM-DD'", {"day": shown(value)}
            ) from None

    @field_validator("yes_no", mode="before")
    @classmethod
    def _yes_no_questions(cls, value: Any) -> Any:
        """Per language, questions (each a button's length at most) answered yes or no."""
        if value is None:
            return value
        ok = isinstance(value, dict) and not set(value) - set(LANGS)
        for questions in value.values() if ok else ():
            ok = (
                ok
                and isinstance(questions, dict)
                and all(
                    isinstance(q, str)
                    and q.strip()
                    and size(q) <= MAX_QUESTION
                    and isinstance(verdict, bool)
                    for q, verdict in questions.items()
                )
            )
        if not ok:
            raise PydanticCustomError(
                "bad_yes_no",
                "yes_no maps each language to questions answered yes or no",
                {"limit": MAX_QUESTION},
            )
        return value

    @field_validator("event", mode="before")
    @classmethod
    def _event_is_a_mapping(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, dict):
            raise PydanticCustomError("bad_event", "event must be a mapping", {})
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _within_the_limits(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """The field lengths of knowledge/limits.py, listed with every other problem: a
        value over its limit is one more line of the refusal, not a stop."""
        over = length_problems(data) if isinstance(data, Mapping) else []
        try:
            fact = handler(data)
        except ValidationError as error:
            if not over:
                raise
            found = [_as_init(item) for item in error.errors(include_url=False)]
            raise _with_lengths(cls.__name__, found, over) from None
        if over:
            raise _with_lengths(cls.__name__, [], over)
        return fact


class FactsFileModel(BaseModel):
    """A facts file: the event it belongs to (optional) and its facts, each checked apart."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event: FactId | None = None
    facts: list[Any]


class EventModel(_Strict):
    """One record of events.yaml."""

    id: FactId
    facts: NonBlank = "facts.yaml"
    title: Texts
    subject: Texts
    topics: Texts
    zones: list[str] = Field(default_factory=list, max_length=MAX_EVENT_ZONES)
    examples: list[FactId] = Field(default_factory=list)
    warm_up: list[NonBlank] = Field(default_factory=list)

    @field_validator("zones")
    @classmethod
    def _zones_are_known(cls, value: list[str]) -> list[str]:
        for zone in value:
            if not is_known_zone(zone):
                raise PydanticCustomError(
                    "bad_zone", "event zone {zone} is unknown", {"zone": shown(zone)}
                )
        return value


class EventsFileModel(_Strict):
    events: list[EventModel] = Field(min_length=1)


class SourceModel(_Strict):
    """One record of sources.yaml; its text lives in `file`, next to sources.yaml."""

    id: FactId
    file: NonBlank
    title: dict[str, str] = Field(default_factory=dict)
    publisher: dict[str, str] = Field(default_factory=dict)
    cites: dict[str, str] = Field(default_factory=dict)
    language: str = ""
    note: str = ""


class SourcesFileModel(_Strict):
    sources: list[SourceModel] = Field(default_factory=list)


def _as_init(item: Any) -> InitErrorDetails:
    """One reported error as the details to raise it again; a custom one keeps its code."""
    kind = item["type"]
    if kind in _OWN_CODES or kind in _LENGTH_CODES:
        kind = PydanticCustomError(kind, item["msg"], item.get("ctx") or {})
    elif "ctx" in item:
        return {"type": kind, "loc": item["loc"], "input": item.get("input"), "ctx": item["ctx"]}
    return {"type": kind, "loc": item["loc"], "input": item.get("input")}


def _with_lengths(
    title: str, found: list[InitErrorDetails], over: list[tuple[str, dict[str, Any]]]
) -> ValidationError:
    lengths: list[InitErrorDetails] = [
        {"type": PydanticCustomError(code, code, params), "loc": (), "input": None}
        for code, params in over
    ]
    return ValidationError.from_exception_data(title, [*found, *lengths])


# -- pydantic errors → catalog complaints ---------------------------------------------

_FIELD_NAMES = {("text",): "text", ("questions",): "questions", ("event", "title"): "event title"}
_OWN_CODES = {
    "unknown_source",
    "quote_not_found",
    "bad_start",
    "bad_zone",
    "bad_event",
    "bad_yes_no",
    "bad_day",
}
_LENGTH_CODES = {"too_long", "too_many_questions", "too_many_citations", "quote_too_long"}


def fact_complaints(error: ValidationError) -> list[tuple[str, dict[str, Any]]]:
    """(code, params) for each thing wrong with one fact, in a stable order, once each."""
    found: dict[tuple[str, tuple[tuple[str, str], ...]], dict[str, Any]] = {}
    extra: dict[tuple[Any, ...], list[str]] = {}

    def add(code: str, **params: Any) -> None:
        found.setdefault((code, tuple(sorted((k, str(v)) for k, v in params.items()))), params)

    for item in error.errors(include_url=False, include_input=False):
        loc, kind = tuple(item["loc"]), item["type"]
        if kind in _OWN_CODES or kind in _LENGTH_CODES:
            add(kind, **item.get("ctx", {}))
        elif kind == "model_type" and loc == ():
            add("not_a_mapping")
        elif loc[:1] == ("id",):
            add("bad_id")
        elif loc[:1] == ("citations",):
            add("no_citation" if len(loc) == 1 else "bad_citation")
        elif kind == "extra_forbidden":
            extra.setdefault(loc[:-1], []).append(str(loc[-1]))
        elif loc[:1] == ("event",) and loc[:2] != ("event", "title"):
            add("bad_event")
        else:
            code, params = _language_complaint(loc)
            add(code, **params)
    for where, names in extra.items():
        fields = ", ".join(sorted(names))
        if where in _FIELD_NAMES:
            add("unknown_languages", field=_FIELD_NAMES[where], langs=fields)
        else:
            add("unknown_fields", fields=fields)
    return [(code, params) for (code, _), params in found.items()]


def _language_complaint(loc: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    """A problem inside text, questions or an event title, by where it is."""
    depth = 2 if loc[:1] == ("event",) else 1
    field = _FIELD_NAMES.get(loc[:depth], str(loc[0]))
    if len(loc) == depth or loc[depth] not in LANGS:
        return "languages_mapping", {"field": field, "langs": ", ".join(LANGS)}
    code = "missing_questions" if field == "questions" else "missing_language"
    return code, {"field": field, "lang": loc[depth]}


def content_complaints(error: ValidationError) -> list[tuple[str, dict[str, Any]]]:
    """(code, params) for an events or sources file: where and what, in one line each."""
    out = []
    for item in error.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in item["loc"]) or "file"
        out.append(("bad_entry", {"where": where, "error": shown(item["msg"])}))
    return out
