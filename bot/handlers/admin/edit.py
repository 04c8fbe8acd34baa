"""Changing facts: /edit, /addq, /delq, /del (confirmed with buttons carrying the version
shown), /restore and /undo. Each write is audited by the Curator and live once the admin
hears of it; refusals are said by `errors`, so each handler is parse → call → render."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.formatting import Bold, Code, Text

from bot.callbacks import Choice, DeleteCallback, delete_data, resolve
from bot.handlers.admin.common import admin_id, close_buttons, reply
from bot.handlers.admin.views import action_name, clip, fact_body, fit, lang_name
from knowledge.curation.parsing import parse_addq, parse_delq, parse_edit, parse_fact_id
from knowledge.curation.service import Curator, Saved
from knowledge.i18n import Catalog


def create_router() -> Router:
    router = Router(name="admin.edit")
    router.message.register(edit_field, Command("edit"))
    router.message.register(add_question, Command("addq"))
    router.message.register(delete_question, Command("delq"))
    router.message.register(ask_delete, Command("del"))
    router.callback_query.register(confirm_delete, DeleteCallback.filter(F.action == Choice.YES))
    router.callback_query.register(keep_fact, DeleteCallback.filter(F.action == Choice.NO))
    router.message.register(restore, Command("restore"))
    router.message.register(undo, Command("undo"))
    return router


def saved_line(saved: Saved, texts: Catalog, lang: str, key: str, **params: object) -> Text:
    """'✅ …' with the new version, and how to take it back."""
    done = texts(key, lang, fact_id=saved.fact_id, **params)
    version = texts("admin.version", lang, version=saved.version)
    return Text("✅ ", done, " (", version, ")\n", texts("admin.undo_hint", lang))


async def edit_field(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    fact_id, field, value = parse_edit(command.args or "")
    saved = curator.set_field(admin_id(message), fact_id, field, value, ui_lang)
    if not saved.changed:
        await reply(message, texts("admin.edit.unchanged", ui_lang, fact_id=fact_id, field=field))
        return
    await reply(message, saved_line(saved, texts, ui_lang, "admin.edit.done", field=field))


async def add_question(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    fact_id, lang, question = parse_addq(command.args or "")
    saved = curator.add_question(
        admin_id(message), fact_id, question, lang=lang, admin_lang=ui_lang
    )
    assert saved.fact is not None
    # The language the question was filed under: given, or detected from the question.
    asked_in = (code for code, asked in saved.fact.questions.items() if question in asked)
    filed = next(asked_in, lang or ui_lang)
    language = lang_name(texts, ui_lang, filed)
    await reply(message, saved_line(saved, texts, ui_lang, "admin.addq.done", language=language))


async def delete_question(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    fact_id, n = parse_delq(command.args or "")
    saved = curator.delete_question(admin_id(message), fact_id, n)
    await reply(message, saved_line(saved, texts, ui_lang, "admin.delq.done", n=n))


async def ask_delete(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    fact_id = parse_fact_id("del", command.args or "") or ""
    view = curator.show(fact_id)
    if view.deleted:
        await reply(message, texts("admin.del.already", ui_lang, fact_id=fact_id))
        return
    question = Bold(texts("admin.del.confirm", ui_lang, fact_id=fact_id))
    sources = curator.store.sources()
    body = fit([question, *fact_body(view.fact, texts, ui_lang, sources)], texts, ui_lang)
    buttons = [
        InlineKeyboardButton(
            text=texts(f"admin.del.{choice.name.lower()}", ui_lang),
            callback_data=delete_data(choice, view.version, fact_id),
        )
        for choice in Choice
    ]
    await reply(message, body, reply_markup=InlineKeyboardMarkup(inline_keyboard=[buttons]))


async def confirm_delete(
    callback: CallbackQuery,
    callback_data: DeleteCallback,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    """A second tap (the first one deleted the fact) hears "Already done" (see errors)."""
    fact_id = resolve(callback_data.fact, curator.store.fact_ids()) or callback_data.fact
    curator.delete(admin_id(callback), fact_id, expected_version=callback_data.version)
    await callback.answer()
    done = Text(
        "🗑 ", texts("admin.del.done", ui_lang, fact_id=fact_id), " ", Code(f"/restore {fact_id}")
    )
    await close_buttons(callback, Text(done, "\n", texts("admin.undo_hint", ui_lang)))


async def keep_fact(callback: CallbackQuery, texts: Catalog, ui_lang: str) -> None:
    await callback.answer()
    await close_buttons(callback, texts("admin.del.kept", ui_lang))


async def restore(
    message: Message, command: CommandObject, curator: Curator, texts: Catalog, ui_lang: str
) -> None:
    fact_id = parse_fact_id("restore", command.args or "") or ""
    saved = curator.restore(admin_id(message), fact_id)
    await reply(message, saved_line(saved, texts, ui_lang, "admin.restore.done"))


async def undo(message: Message, curator: Curator, texts: Catalog, ui_lang: str) -> None:
    undone = await curator.write_undo(admin_id(message))
    action = action_name(undone.action, texts, ui_lang)
    what = clip(", ".join(undone.fact_ids + undone.source_ids), 300) or "—"
    await reply(message, Text("↩️ ", texts("admin.undo.done", ui_lang, action=action, what=what)))
