"""Refusals of admin commands as a code with details, for the bot to say in the admin's
language: handlers catch `Refusal` and render `code` and `details`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from knowledge.storage.store import Conflict

if TYPE_CHECKING:
    from knowledge.storage.fact_file import Complaint, Problem


class CurationError(Exception):
    code: ClassVar[str] = "error"

    def __init__(self, **details: Any):
        self.details = details
        super().__init__(f"{self.code}: {details}")


class UnknownFact(CurationError):
    code = "unknown_fact"

    def __init__(self, fact_id: str):
        super().__init__(fact_id=fact_id)


class Malformed(CurationError):
    """The command's shape is wrong; `usage` is its usage line, `command` the catalog key."""

    code = "malformed"

    def __init__(self, command: str, usage: str, **extra: Any):
        super().__init__(command=command, usage=usage, **extra)


class UnknownField(Malformed):
    code = "unknown_field"


class BadTime(CurationError):
    """reason: format | date | place | zone | nonexistent (a wall time skipped by DST)."""

    code = "bad_time"

    def __init__(self, value: str, reason: str, suggestions: Sequence[str] = ()):
        super().__init__(value=value, reason=reason, suggestions=tuple(suggestions))


class QuoteNotInSource(CurationError):
    """`closest` (the source's most similar stretch) is None until looked for: in a large
    source that search takes seconds, so it is left to `Curator.closest_passage`, which
    runs it in a worker thread."""

    code = "quote_not_in_source"

    def __init__(self, quote: str, source: str, closest: str | None = None):
        super().__init__(quote=quote, source=source, closest=closest)


class QuoteTooLong(CurationError):
    """A quote is a verbatim sentence or two; longer ones are refused before any search."""

    code = "quote_too_long"

    def __init__(self, length: int, limit: int):
        super().__init__(length=length, limit=limit)


class Busy(CurationError):
    """An import is being written (it holds the database's write lock): try again soon."""

    code = "busy"


class AlreadyDone(CurationError):
    """The same confirmation again (a double tap): what it asked for has been done."""

    code = "already_done"

    def __init__(self, action: str, fact_id: str = ""):
        super().__init__(action=action, fact_id=fact_id)


class UnknownSource(CurationError):
    code = "unknown_source"

    def __init__(self, source: str):
        super().__init__(source=source)


class SourceExists(CurationError):
    code = "source_exists"

    def __init__(self, source: str):
        super().__init__(source=source)


class SourceInUse(CurationError):
    """Undoing a source registration while facts cite it."""

    code = "source_in_use"

    def __init__(self, source: str, fact_ids: Sequence[str]):
        super().__init__(source=source, fact_ids=tuple(fact_ids))


class Incomplete(CurationError):
    """A new fact lacks parts: steps such as "text.uk", "questions.ru", "quote"."""

    code = "incomplete"

    def __init__(self, missing: Sequence[str]):
        super().__init__(missing=tuple(missing))


class InvalidFact(CurationError):
    """The fact base's own validation refused it; problems are the validator's Complaints
    (or loader Problems with file and fact id, for imports), each `said_in` any language."""

    code = "invalid_fact"

    def __init__(self, problems: Sequence[Complaint | Problem]):
        super().__init__(problems=tuple(problems))


class NoSuchQuestion(CurationError):
    code = "no_such_question"

    def __init__(self, fact_id: str, n: int, count: int):
        super().__init__(fact_id=fact_id, n=n, count=count)


class LastQuestion(CurationError):
    """Every language keeps at least one question."""

    code = "last_question"

    def __init__(self, fact_id: str, lang: str):
        super().__init__(fact_id=fact_id, lang=lang)


class DuplicateQuestion(CurationError):
    code = "duplicate_question"

    def __init__(self, fact_id: str, question: str):
        super().__init__(fact_id=fact_id, question=question)


class NoEvent(CurationError):
    """An event title was given for a fact without an event time."""

    code = "no_event"

    def __init__(self, fact_id: str):
        super().__init__(fact_id=fact_id)


class NotDeleted(CurationError):
    code = "not_deleted"

    def __init__(self, fact_id: str):
        super().__init__(fact_id=fact_id)


class NothingToUndo(CurationError):
    code = "nothing_to_undo"


class UnknownQuestionGroup(CurationError):
    """An /unanswered handle that is gone (attached, dismissed or expired)."""

    code = "unknown_question_group"

    def __init__(self, handle: int):
        super().__init__(handle=handle)


Refusal = (CurationError, Conflict)

__all__ = [
    "AlreadyDone",
    "BadTime",
    "Conflict",
    "CurationError",
    "DuplicateQuestion",
    "Incomplete",
    "InvalidFact",
    "LastQuestion",
    "Malformed",
    "NoEvent",
    "NoSuchQuestion",
    "NotDeleted",
    "NothingToUndo",
    "QuoteNotInSource",
    "QuoteTooLong",
    "Refusal",
    "SourceExists",
    "SourceInUse",
    "UnknownFact",
    "UnknownField",
    "UnknownQuestionGroup",
    "UnknownSource",
]
