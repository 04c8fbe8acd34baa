"""The admin buttons' callback data: versioned prefixes ("a1…"), str Enums for actions, and
fact references that fit Telegram's 64 bytes however long a fact id is.

Every admin prefix starts with ADMIN_PREFIX, so the refusal for non-admins catches any
admin button, old or forged, with one filter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import StrEnum

from aiogram.filters.callback_data import MAX_CALLBACK_LENGTH, CallbackData

from bot.keyboards import ButtonNumber

ADMIN_PREFIX = "a1"
_HASHED = "#"  # a reference that is a digest, for ids (or searches) too long to carry


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


def digest(text: str, size: int = 8) -> str:
    return hashlib.blake2s(text.encode(), digest_size=size).hexdigest()


def reference(value: str, packed_without: str) -> str:
    """`value` itself when the packed data still fits in 64 bytes, else a short digest.

    `packed_without` is the packed callback data with `value` left empty.
    """
    room = MAX_CALLBACK_LENGTH - len(packed_without.encode())
    if len(value.encode()) <= room and ":" not in value and not value.startswith(_HASHED):
        return value
    return _HASHED + digest(value)


def resolve(ref: str, candidates: Iterable[str]) -> str | None:
    """The value a reference stands for, among those that exist now."""
    if not ref.startswith(_HASHED):
        return ref
    return next((value for value in candidates if _HASHED + digest(value) == ref), None)


def fact_ref(fact_id: str, packed_without: str) -> str:
    return reference(fact_id, packed_without)


def delete_data(action: Choice, version: int, fact_id: str) -> str:
    empty = DeleteCallback(action=action, version=version, fact="").pack()
    return DeleteCallback(action=action, version=version, fact=fact_ref(fact_id, empty)).pack()


def unanswered_data(action: UnansweredAction, handle: int, fact_id: str) -> str:
    empty = UnansweredCallback(action=action, handle=handle, fact="").pack()
    ref = fact_ref(fact_id, empty) if fact_id else ""
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
