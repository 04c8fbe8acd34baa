"""Every button's callback data, in one place: versioned prefixes (a change of fields means a
new prefix, so old buttons stop matching), str Enums for actions, and one way to carry a fact
id (or any value) that would not fit Telegram's 64 bytes: a digest, resolved against the
values that exist when the button is pressed.

Prefixes: "q1" fact buttons, "l1" language, "n1" notify me; every admin prefix starts with
ADMIN_PREFIX ("a1"), so one filter refuses any admin button, old or forged, to non-admins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from aiogram.filters.callback_data import MAX_CALLBACK_LENGTH, CallbackData
from pydantic import Field

ADMIN_PREFIX = "a1"
_HASHED = "#"  # marks a reference that is a digest, for values too long to carry

# A number a button carries (a page, a version, a row id), within SQLite's INTEGER range: forged
# data with a 30-digit number then fails to unpack, and the press is answered "this button is
# out of date" (fallback.button_out_of_date), instead of overflowing in a query.
ButtonNumber = Annotated[int, Field(ge=0, lt=2**63)]


def digest(text: str, size: int = 8) -> str:
    return hashlib.blake2s(text.encode(), digest_size=size).hexdigest()


def reference(value: str, packed_without: str) -> str:
    """`value` itself when the packed data still fits in 64 bytes, else "#" and a digest.

    `packed_without` is the packed callback data with `value` left empty.
    """
    room = MAX_CALLBACK_LENGTH - len(packed_without.encode())
    if len(value.encode()) <= room and ":" not in value and not value.startswith(_HASHED):
        return value
    return _HASHED + digest(value)


def resolve(ref: str, candidates: Iterable[str]) -> str | None:
    """The value a reference stands for, among those that exist now (None: none does)."""
    if not ref.startswith(_HASHED):
        return ref
    return next((value for value in candidates if _HASHED + digest(value) == ref), None)


# --------------------------------------------------------------------------- everyone's


class FactAction(StrEnum):
    ANSWER = "a"
    CALENDAR = "c"


class FactCallback(CallbackData, prefix="q1"):
    """A button about one fact: answer it, or send its event as a calendar file."""

    action: FactAction
    lang: str  # the language of the message the button sits under
    fact: str  # fact_token: the fact id, or a digest of it


class LangChoice(StrEnum):
    EN = "en"
    RU = "ru"
    UK = "uk"
    AUTO = "auto"


class LangCallback(CallbackData, prefix="l1"):
    choice: LangChoice


class NotifyCallback(CallbackData, prefix="n1"):
    """"🔔 Notify me if this changes" under an event answer."""

    lang: str  # the language of the answer the button sits under
    fact: str  # fact_token: the id, or a digest of a long one


def fact_token(fact_id: str) -> str:
    """A fact id as every user-facing button carries it: measured against the longest of
    them (FactCallback), so one token fits FactCallback, NotifyCallback and an inline
    result id alike, and `resolve` finds the fact again."""
    packed = FactCallback(action=FactAction.ANSWER, lang="en", fact="").pack()
    return reference(fact_id, packed)


# --------------------------------------------------------------------------- admins'


class Choice(StrEnum):
    YES = "y"
    NO = "n"


class UnansweredAction(StrEnum):
    ATTACH = "a"
    DISMISS = "d"


class PageCallback(CallbackData, prefix=f"{ADMIN_PREFIX}p"):
    """/facts paging: the page wanted and the search words (see `search_words`)."""

    page: ButtonNumber
    query: str


class DeleteCallback(CallbackData, prefix=f"{ADMIN_PREFIX}d"):
    """/del confirmation; the version shown, so a change meanwhile is refused."""

    action: Choice
    version: ButtonNumber
    fact: str


class DraftCallback(CallbackData, prefix=f"{ADMIN_PREFIX}a"):
    """Save / Cancel under an /add preview; the nonce ties it to that very draft."""

    action: Choice
    nonce: str


class ImportCallback(CallbackData, prefix=f"{ADMIN_PREFIX}i"):
    """Confirm / Cancel under an import preview: the base's fingerprint as previewed and a
    digest of the file, so neither a changed base nor another file can be applied blind."""

    action: Choice
    base: str
    file: str


class UnansweredCallback(CallbackData, prefix=f"{ADMIN_PREFIX}u"):
    action: UnansweredAction
    handle: ButtonNumber
    fact: str


def delete_data(action: Choice, version: int, fact_id: str) -> str:
    empty = DeleteCallback(action=action, version=version, fact="").pack()
    return DeleteCallback(action=action, version=version, fact=reference(fact_id, empty)).pack()


def unanswered_data(action: UnansweredAction, handle: int, fact_id: str) -> str:
    empty = UnansweredCallback(action=action, handle=handle, fact="").pack()
    ref = reference(fact_id, empty) if fact_id else ""
    return UnansweredCallback(action=action, handle=handle, fact=ref).pack()


def search_words(words: str) -> str:
    """The search as the buttons can carry it: whole words while they fit. Page 1 uses the
    same words as the buttons do, so paging never changes what is listed."""
    room = MAX_CALLBACK_LENGTH - len(PageCallback(page=9999, query="").pack().encode())
    kept = ""
    for word in words.replace(":", " ").split():
        longer = f"{kept} {word}" if kept else word
        if len(longer.encode()) > room:
            break
        kept = longer
    return kept


def page_data(page: int, words: str) -> str:
    return PageCallback(page=page, query=words).pack()
