"""The keyboards under answers and settings, built from the callback data in bot.callbacks."""

from __future__ import annotations

from collections.abc import Iterable

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.callbacks import FactAction, FactCallback, LangCallback, LangChoice, fact_token
from knowledge.answering.compose import Answer, Suggestion
from knowledge.i18n import Catalog
from knowledge.limits import TELEGRAM_BUTTON_TEXT, clip
from knowledge.model import LANGS

MAX_SUGGESTIONS = 3
MAX_EXAMPLES = 4


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
