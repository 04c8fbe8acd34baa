"""/unanswered: recent declined or unsure questions, grouped with counts; each group can be
attached to a fact the engine suggests (the next such question is answered) or dismissed."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.formatting import Bold

from bot.callbacks import (
    UnansweredAction,
    UnansweredCallback,
    resolve,
    unanswered_data,
)
from bot.handlers.admin.common import admin_id, close_buttons, reply
from bot.handlers.admin.views import unanswered_text
from knowledge.answering.engine import Engine
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog
from knowledge.storage.question_log import UnansweredGroup

GROUPS_SHOWN = 10
SUGGESTED_FACTS = 3


def create_router() -> Router:
    router = Router(name="admin.unanswered")
    router.message.register(show_unanswered, Command("unanswered"))
    router.callback_query.register(
        attach, UnansweredCallback.filter(F.action == UnansweredAction.ATTACH)
    )
    router.callback_query.register(
        dismiss, UnansweredCallback.filter(F.action == UnansweredAction.DISMISS)
    )
    return router


def suggested_facts(engine: Engine, group: UnansweredGroup) -> list[str]:
    """The facts the engine itself thought of for the question, best first; for a question
    it declined outright, the main facts it offers instead."""
    answer = engine.ask(group.text, lang=group.lang)
    ranked = [fact_id for fact_id, _ in answer.ranked]
    offered = [s.fact_id for s in answer.suggestions]
    return list(dict.fromkeys(ranked + offered))[:SUGGESTED_FACTS]


def group_keyboard(
    group: UnansweredGroup, fact_ids: list[str], texts: Catalog, lang: str
) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                text=texts("admin.unanswered.attach", lang, fact_id=fact_id),
                callback_data=unanswered_data(UnansweredAction.ATTACH, group.handle, fact_id),
            )
        ]
        for fact_id in fact_ids
    ]
    rows.append(
        [
            InlineKeyboardButton(
                text=texts("admin.unanswered.dismiss", lang),
                callback_data=unanswered_data(UnansweredAction.DISMISS, group.handle, ""),
            )
        ]
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def show_unanswered(
    message: Message, curator: Curator, engine: Engine, texts: Catalog, ui_lang: str
) -> None:
    groups = curator.unanswered(GROUPS_SHOWN)
    if not groups:
        await reply(message, texts("admin.unanswered.none", ui_lang))
        return
    await reply(message, Bold(texts("admin.unanswered.title", ui_lang, count=len(groups))))
    for group in groups:
        keyboard = group_keyboard(group, suggested_facts(engine, group), texts, ui_lang)
        await reply(message, unanswered_text(group, texts, ui_lang), reply_markup=keyboard)


async def attach(
    callback: CallbackQuery,
    callback_data: UnansweredCallback,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    fact_id = resolve(callback_data.fact, curator.store.fact_ids()) or callback_data.fact
    curator.attach_unanswered(admin_id(callback), callback_data.handle, fact_id)
    await callback.answer()
    await close_buttons(callback, texts("admin.unanswered.attached", ui_lang, fact_id=fact_id))


async def dismiss(
    callback: CallbackQuery,
    callback_data: UnansweredCallback,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    curator.dismiss_unanswered(callback_data.handle)
    await callback.answer()
    await close_buttons(callback, texts("admin.unanswered.dismissed", ui_lang))
