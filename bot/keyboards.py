"""Callback data (versioned by prefix, within Telegram's 64 bytes) and the keyboards built
from it; changing the fields means a new prefix, so old buttons stop matching.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from aiogram.filters.callback_data import MAX_CALLBACK_LENGTH, CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from pydantic import Field

from knowledge.answering.compose import Answer, Suggestion
from knowledge.i18n import Catalog
from knowledge.limits import TELEGRAM_BUTTON_TEXT, clip
from knowledge.model import LANGS

MAX_SUGGESTIONS = 3
MAX_EXAMPLES = 4
_HASHED = "#"  # marks a fact token that is a digest, for ids too long for the 64 bytes
# A number a button carries (a page, a version, a row id), within SQLite's INTEGER range: forged
# data with a 30-digit number then fails to unpack, and the press is answered "this button is
# out of date" (fallback.button_out_of_date), instead of overflowing in a query.
ButtonNumber = Annotated[int, Field(ge=0, lt=2**63)]


class FactAction(StrEnum):
    ANSWER = "a"
    CALENDAR = "c"


class FactCallback(CallbackData, prefix="q1"):
    """A button about one fact: answer it, or send its event as a calendar file."""

    action: FactAction
    lang: str  # the language of the message the button sits under
    fact: str  # the fact id, or a digest of it (see fact_token)


class LangChoice(StrEnum):
    EN = "en"
    RU = "ru"
    UK = "uk"
    AUTO = "auto"


class LangCallback(CallbackData, prefix="l1"):
    choice: LangChoice


def fact_token(fact_id: str) -> str:
    """The fact id itself when the packed data fits in 64 bytes, else a short digest."""
    room = MAX_CALLBACK_LENGTH - len(f"{FactCallback.__prefix__}:a:en:".encode())
    if len(fact_id.encode()) <= room and ":" not in fact_id:
        return fact_id
    return _HASHED + hashlib.blake2s(fact_id.encode(), digest_size=8).hexdigest()


def find_fact_id(token: str, fact_ids: Iterable[str]) -> str | None:
    """The fact id a token stands for, among the facts that exist now."""
    if not token.startswith(_HASHED):
        return token
    return next((fid for fid in fact_ids if fact_token(fid) == token), None)


def fact_button(text: str, fact_id: str, lang: str, action: FactAction) -> InlineKeyboardButton:
    data = FactCallback(action=action, lang=lang, fact=fact_token(fact_id))
    # Questions are limited to a button's length; one saved before that limit is shortened.
    return InlineKeyboardButton(text=clip(text, TELEGRAM_BUTTON_TEXT), callback_data=data.pack())


def questions_keyboard(
    suggestions: Iterable[Suggestion], lang: str, limit: int
) -> InlineKeyboardMarkup | None:
    """One button per suggested question, one per row (questions are long)."""
    rows = [
        [fact_button(s.question, s.fact_id, lang, FactAction.ANSWER)]
        for s in list(suggestions)[:limit]
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def answer_keyboard(answer: Answer, texts: Catalog) -> InlineKeyboardMarkup | None:
    """Buttons under an answer: suggestions when unsure or declined, the calendar for events."""
    if answer.suggestions:
        return questions_keyboard(answer.suggestions, answer.lang, MAX_SUGGESTIONS)
    if answer.answered and answer.fact is not None and answer.fact.event is not None:
        text = texts("answer.add_to_calendar", answer.lang)
        button = fact_button(text, answer.fact.id, answer.lang, FactAction.CALENDAR)
        return InlineKeyboardMarkup(inline_keyboard=[[button]])
    return None


def location_keyboard(texts: Catalog, lang: str) -> ReplyKeyboardMarkup:
    """A one-tap "share location" button; Telegram offers it in private chats only."""
    button = KeyboardButton(text=texts("tz.share_location", lang), request_location=True)
    return ReplyKeyboardMarkup(keyboard=[[button]], resize_keyboard=True, one_time_keyboard=True)


def lang_keyboard(texts: Catalog, lang: str) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            text=texts(f"lang.button.{choice.value}", lang),
            callback_data=LangCallback(choice=choice).pack(),
        )
        for choice in LangChoice
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons])


def lang_choice_label(texts: Catalog, lang: str, override: str | None) -> str:
    return texts(f"lang.choice.{override if override in LANGS else 'auto'}", lang)


def example_keyboard(examples: Iterable[Suggestion], lang: str) -> InlineKeyboardMarkup | None:
    return questions_keyboard(examples, lang, MAX_EXAMPLES)
