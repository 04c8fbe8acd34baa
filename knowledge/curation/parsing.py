"""What admins type, parsed: usage lines, the new-fact draft and a pure parser per command
(refusing with `Malformed` and the command's usage line, or `BadTime`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Protocol

from knowledge.curation.errors import BadTime, Malformed, UnknownField
from knowledge.language.text import normalize
from knowledge.limits import MAX_TITLE, clip
from knowledge.model import FACT_ID_PATTERN, LANGS, TIME_FORMAT, squash_spaces
from knowledge.places.zones import OFFSET_KEY, get_zone, is_known_zone

USAGE: Mapping[str, str] = MappingProxyType(
    {
        "facts": "/facts [WORDS]",
        "fact": "/fact ID",
        "add": (
            "/add QUESTION; QUESTION => ANSWER\n"
            "LANG: QUESTION; QUESTION => ANSWER\n"
            "quote: [SOURCE:] QUOTE\n"
            "time: YYYY-MM-DD HH:MM PLACE"
        ),
        "edit": "/edit ID FIELD VALUE",
        "addq": "/addq ID [LANG:] QUESTION",
        "delq": "/delq ID N",
        "del": "/del ID",
        "restore": "/restore ID",
        "undo": "/undo",
        "history": "/history [ID]",
        "export": "/export",
        "import": "/import FILE",
        "unanswered": "/unanswered",
        "stats": "/stats",
        "source": "/source ID | TITLE | PUBLISHER | LANG\nTEXT",
        "time": "YYYY-MM-DD HH:MM PLACE",
    }
)
EDIT_FIELDS: tuple[str, ...] = (
    "text",
    *(f"text_{lang}" for lang in LANGS),
    "questions",
    *(f"questions_{lang}" for lang in LANGS),
    "quote",
    "time",
    "title",
    *(f"title_{lang}" for lang in LANGS),
)
# "quote: …", "ru: …", "title_uk: …" at the start of a line of /add.
_KEYED_LINE = re.compile(
    r"^(en|ru|uk|quote|time|id|title(?:_(?:en|ru|uk))?)\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL
)
_LANG_PREFIX = re.compile(r"^(en|ru|uk)\s*:\s*(.+)$", re.IGNORECASE | re.DOTALL)
_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ T]+(\d{1,2}:\d{2})\s+(.+)$")
_SOURCE_LANG = re.compile(r"^[a-z]{2,3}$")
_FIRST_SENTENCE = re.compile(r"(?<=[.!?…])\s")
MAX_ID_LENGTH = 40


class PlaceLookup(Protocol):
    """What time parsing needs of knowledge.places.PlaceResolver."""

    def resolve(self, name: str) -> Any: ...

    def suggest(self, name: str, limit: int = 3) -> list[str]: ...


def malformed(command: str, **extra: Any) -> Malformed:
    return Malformed(command, USAGE[command], **extra)


@dataclass(frozen=True)
class Draft:
    """A new fact as the admin has given it so far (the /add dialogue keeps it between steps).

    Steps: "text.LANG" and "questions.LANG" for each language (the admin's first), then
    "quote"; "time", "title.LANG" and "id" are optional.
    """

    text: Mapping[str, str] = field(default_factory=dict)
    questions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    quote: str = ""
    time: str = ""
    title: Mapping[str, str] = field(default_factory=dict)
    fact_id: str = ""

    def missing(self, first_lang: str = "en") -> tuple[str, ...]:
        order = (first_lang, *(lang for lang in LANGS if lang != first_lang))
        steps = [
            step
            for lang in order
            for step, given in (
                (f"text.{lang}", self.text.get(lang)),
                (f"questions.{lang}", self.questions.get(lang)),
            )
            if not given
        ]
        return (*steps, *(() if self.quote else ("quote",)))

    def next_step(self, first_lang: str = "en") -> str | None:
        missing = self.missing(first_lang)
        return missing[0] if missing else None

    def with_step(self, step: str, value: str) -> Draft:
        """The draft with one step answered; Malformed("add") for an empty answer."""
        name, _, lang = step.partition(".")
        value = value.strip()
        if value and lang in LANGS:
            if name == "text":
                return replace(self, text={**self.text, lang: squash_spaces(value)})
            if name == "questions":
                return replace(self, questions={**self.questions, lang: split_questions(value)})
            if name == "title":
                return replace(self, title={**self.title, lang: squash_spaces(value)})
        elif value and not lang:
            if name == "quote":
                return replace(self, quote=squash_spaces(value))
            if name == "time":
                return replace(self, time=squash_spaces(value))
            if name == "id":
                return replace(self, fact_id=value.lower())
        raise malformed("add", step=step)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a dialogue's state storage; from_dict reads it back."""
        return {
            "text": dict(self.text),
            "questions": {lang: list(asked) for lang, asked in self.questions.items()},
            "quote": self.quote,
            "time": self.time,
            "title": dict(self.title),
            "fact_id": self.fact_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Draft:
        return cls(
            text=dict(data.get("text", {})),
            questions={k: tuple(v) for k, v in data.get("questions", {}).items()},
            quote=data.get("quote", ""),
            time=data.get("time", ""),
            title=dict(data.get("title", {})),
            fact_id=data.get("fact_id", ""),
        )


def split_questions(text: str) -> tuple[str, ...]:
    """Questions one per line or separated by ';', blanks and repeats dropped."""
    seen: set[str] = set()
    questions = []
    for part in re.split(r"[;\n]", text):
        question = squash_spaces(part)
        if question and normalize(question) not in seen:
            seen.add(normalize(question))
            questions.append(question)
    return tuple(questions)


def new_fact_id(question: str, taken: Collection[str]) -> str:
    """A readable id from the English question ("how-long-did-the-call-last"), unused so far."""
    base = ""
    for word in re.sub(r"[^a-z0-9]+", " ", question.lower()).split():
        if len(base) + len(word) + 1 > MAX_ID_LENGTH:
            break
        base = f"{base}-{word}" if base else word
    base = base if len(base) >= 2 else "fact"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def first_sentence(text: str) -> str:
    """An event's default title: its answer's first sentence (shortened to a title's limit)."""
    return clip(_FIRST_SENTENCE.split(text.strip(), maxsplit=1)[0], MAX_TITLE)


def parse_quick_line(line: str) -> tuple[tuple[str, ...], str]:
    """'question one; question two => answer text' → (questions, answer)."""
    asked, arrow, answer = line.partition("=>")
    questions, answer = split_questions(asked.replace("\n", " ")), squash_spaces(answer)
    if not arrow or not questions or not answer:
        raise malformed("add")
    return questions, answer


def parse_quick_add(text: str, admin_lang: str) -> Draft:
    """The quick form of /add: a line per language ("LANG:" optional for the admin's own),
    plus "quote:", and optionally "time:", "title[_LANG]:" and "id:" lines."""
    draft = Draft()
    for line in filter(None, (squash_spaces(raw) for raw in text.splitlines())):
        keyed = _KEYED_LINE.match(line)
        key = keyed.group(1).lower() if keyed else None
        if key is None or key in LANGS:
            lang = key or admin_lang
            if lang in draft.text:
                raise malformed("add", lang=lang)
            questions, answer = parse_quick_line(keyed.group(2) if keyed else line)
            draft = replace(
                draft,
                text={**draft.text, lang: answer},
                questions={**draft.questions, lang: questions},
            )
        else:
            step = f"title.{admin_lang}" if key == "title" else key.replace("_", ".")
            draft = draft.with_step(step, keyed.group(2))
    if not draft.text:
        raise malformed("add")
    return draft


def parse_fact_id(command: str, args: str, *, optional: bool = False) -> str | None:
    """The one ID argument of /fact, /del, /restore, /history."""
    parts = args.split()
    if not parts and optional:
        return None
    if len(parts) != 1:
        raise malformed(command)
    return parts[0].lower()


def parse_edit(args: str) -> tuple[str, str, str]:
    """'/edit ID FIELD VALUE' → (fact id, field, value); VALUE may span lines."""
    parts = args.strip().split(maxsplit=2)
    if len(parts) < 3:
        raise malformed("edit", fields=EDIT_FIELDS)
    fact_id, name, value = parts
    name = name.lower()
    if name not in EDIT_FIELDS:
        raise UnknownField("edit", USAGE["edit"], field=name, fields=EDIT_FIELDS)
    return fact_id.lower(), name, value.strip()


def parse_addq(args: str) -> tuple[str, str | None, str]:
    """'/addq ID [LANG:] QUESTION' → (fact id, language or None, question)."""
    parts = args.strip().split(maxsplit=1)
    if len(parts) < 2:
        raise malformed("addq")
    fact_id, question = parts
    prefixed = _LANG_PREFIX.match(question)
    lang = prefixed.group(1).lower() if prefixed else None
    question = squash_spaces(prefixed.group(2) if prefixed else question)
    return fact_id.lower(), lang, question


def parse_delq(args: str) -> tuple[str, int]:
    """'/delq ID N' → (fact id, N counted from 1 as /fact numbers the questions)."""
    parts = args.split()
    # isdecimal, not isdigit: "¹" is a digit that int() cannot read (found by tests/test_fuzz.py).
    if len(parts) != 2 or not parts[1].isdecimal() or int(parts[1]) < 1:
        raise malformed("delq")
    return parts[0].lower(), int(parts[1])


def parse_event_time(value: str, resolver: PlaceLookup) -> tuple[datetime, str]:
    """'2021-12-07 17:00 Europe/Kyiv' or '… Киев' → (naive local start, IANA zone)."""
    found = _TIME.match(squash_spaces(value))
    if not found:
        raise BadTime(value, "format")
    try:
        start = datetime.strptime(f"{found.group(1)} {found.group(2)}", TIME_FORMAT)
    except ValueError:
        raise BadTime(value, "date") from None
    place = resolver.resolve(found.group(3))
    if place is None:
        raise BadTime(value, "place", resolver.suggest(found.group(3)))
    zone = iana_zone(place.key)
    if zone is None:
        raise BadTime(value, "zone")
    try:
        exists = wall_time_exists(start, zone)
    except OverflowError:  # 0001-01-01 east of UTC, or 9999-12-31 west of it
        raise BadTime(value, "date") from None
    if not exists:
        raise BadTime(value, "nonexistent")
    return start, zone


def iana_zone(key: str) -> str | None:
    """An IANA name for a resolved place: itself, or Etc/GMT±N for a whole-hour offset."""
    if is_known_zone(key):
        return key
    offset = OFFSET_KEY.match(key)
    if offset is None or offset.group(3) != "00":
        return None
    hours = int(offset.group(2))
    if hours == 0:
        return "Etc/UTC"
    # POSIX-style names invert the sign: Etc/GMT-3 is three hours ahead of UTC.
    return f"Etc/GMT{'-' if offset.group(1) == '+' else '+'}{hours}"


def wall_time_exists(start: datetime, zone: str) -> bool:
    """False for a time a DST jump skips (02:30 on a spring-forward night)."""
    tz = get_zone(zone)
    there = start.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)
    return there.replace(tzinfo=None) == start


@dataclass(frozen=True)
class SourceSpec:
    id: str
    title: str
    publisher: str
    language: str
    text: str


def parse_source(text: str) -> SourceSpec:
    """'/source ID | TITLE | PUBLISHER | LANG' then the document's text on the next lines."""
    header, _, body = text.strip().partition("\n")
    parts = [squash_spaces(part) for part in header.split("|")]
    if len(parts) != 4 or not all(parts) or not body.strip():
        raise malformed("source")
    source_id, title, publisher, language = parts
    source_id, language = source_id.lower(), language.lower()
    if not FACT_ID_PATTERN.match(source_id) or not _SOURCE_LANG.match(language):
        raise malformed("source")
    return SourceSpec(source_id, title, publisher, language, body.strip() + "\n")
