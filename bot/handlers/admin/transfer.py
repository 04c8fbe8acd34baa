"""Files in and out: /export sends facts.yaml; /import previews a facts file (added, changed,
removed) and applies it only on Confirm, in one transaction written off the event loop;
/source registers a document facts may quote."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.utils.formatting import Bold, Code, Text

from bot.callbacks import Choice, ImportCallback, digest
from bot.filters import Magic
from bot.handlers.admin.common import admin_id, close_buttons, mark_done, reply, was_done
from bot.handlers.admin.errors import MAX_FILE_BYTES, FileProblem
from bot.handlers.admin.states import AdminStates, start_dialogue
from bot.handlers.admin.views import clip, fit
from bot.render import joined
from knowledge.curation.errors import AlreadyDone, Conflict
from knowledge.curation.importing import ImportPreview, ImportResult
from knowledge.curation.parsing import parse_source
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog

EXPORT_NAME = "facts.yaml"
PENDING = "pending_import"  # the previewed file's text, in the admin's FSM data
IDS_SHOWN = 400  # characters of fact ids per line of a preview


def create_router() -> Router:
    router = Router(name="admin.transfer")
    router.message.register(export, Command("export"))
    router.message.register(register_source, Command("source"))
    router.message.register(import_file, Command("import"), Magic(F.document))
    router.message.register(await_import, Command("import"))
    router.message.register(
        import_file, StateFilter(AdminStates.awaiting_import), Magic(F.document)
    )
    router.message.register(
        remind_import, StateFilter(AdminStates.awaiting_import), Magic(~F.text.startswith("/"))
    )
    router.callback_query.register(confirm_import, ImportCallback.filter(F.action == Choice.YES))
    router.callback_query.register(cancel_import, ImportCallback.filter(F.action == Choice.NO))
    return router


async def read_document(message: Message, bot: Bot) -> str:
    """The text of the document the admin sent: UTF-8, within MAX_FILE_BYTES."""
    document = message.document
    if document is None:
        raise FileProblem("admin.file.missing")
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        raise FileProblem("admin.file.too_big")
    try:
        downloaded = await bot.download(document)
    except TelegramAPIError:
        raise FileProblem("admin.file.unreadable") from None
    data = downloaded.read() if downloaded is not None else b""
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem("admin.file.too_big")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem("admin.file.not_text") from None


async def export(message: Message, curator: Curator, texts: Catalog, ui_lang: str) -> None:
    """One facts file per event (named as its content file), each importable on its own."""
    for event in curator.store.events() or (None,):
        text, count = await curator.export_file(event)  # read and dumped off the event loop
        name = event.facts_file.rsplit("/", 1)[-1] if event else EXPORT_NAME
        facts_file = BufferedInputFile(text.encode(), filename=name)
        title = event.title[ui_lang] if event else ""
        caption = Text(texts("admin.export.caption", ui_lang, count=count, event=title))
        await message.answer_document(facts_file, caption=caption.as_html())


async def await_import(message: Message, state: FSMContext, texts: Catalog, ui_lang: str) -> None:
    await start_dialogue(state, AdminStates.awaiting_import)
    await reply(message, texts("admin.import.send_file", ui_lang))


async def remind_import(message: Message, texts: Catalog, ui_lang: str) -> None:
    await reply(message, texts("admin.import.send_file", ui_lang))


def id_line(icon: str, label: str, ids: tuple[str, ...]) -> Text | None:
    if not ids:
        return None
    return Text(icon, " ", Bold(f"{label} ({len(ids)})"), ": ", clip(", ".join(ids), IDS_SHOWN))


def preview_text(preview: ImportPreview, texts: Catalog, lang: str) -> Text:
    lines: list[Any] = [
        id_line("➕", texts("admin.import.added", lang), preview.added),
        id_line("✏️", texts("admin.import.changed", lang), preview.changed),
        id_line("🗑", texts("admin.import.removed", lang), preview.removed),
    ]
    if preview.reordered:
        lines.append(Text("↕️ ", texts("admin.import.reordered", lang)))
    event = preview.event.title[lang] if preview.event else ""
    title = Bold(texts("admin.import.preview", lang, total=preview.total, event=event))
    return joined([title, joined(lines, "\n"), texts("admin.import.confirm_hint", lang)])


def result_text(result: ImportResult, texts: Catalog, lang: str) -> Text:
    counts = texts(
        "admin.import.done",
        lang,
        added=len(result.added),
        changed=len(result.changed),
        removed=len(result.removed),
    )
    return Text("✅ ", counts, "\n", texts("admin.undo_hint", lang))


async def import_file(
    message: Message,
    bot: Bot,
    state: FSMContext,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    """Parsing, validating and diffing the file run in a worker thread (see Curator): a
    10,000-fact file takes seconds, and everyone else is answered meanwhile."""
    if await state.get_state() == AdminStates.awaiting_import.state:
        await state.clear()
    text = await read_document(message, bot)
    preview = await curator.diff_import(await curator.read_import(text))
    if preview.empty:
        await reply(message, texts("admin.import.same", ui_lang))
        return
    # Kept until Confirm, which applies exactly this text; the button carries its digest.
    await state.update_data({PENDING: text})
    buttons = [
        InlineKeyboardButton(
            text=texts(f"admin.import.{choice.name.lower()}", ui_lang),
            callback_data=ImportCallback(
                action=choice, base=preview.fingerprint, file=digest(text, 4)
            ).pack(),
        )
        for choice in Choice
    ]
    await reply(
        message,
        fit([preview_text(preview, texts, ui_lang)], texts, ui_lang),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[buttons]),
    )


async def confirm_import(
    callback: CallbackQuery,
    callback_data: ImportCallback,
    state: FSMContext,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    text = (await state.get_data()).get(PENDING)
    if not text or digest(text, 4) != callback_data.file:
        if await was_done(state, callback_data.file):  # a second tap on Confirm
            raise AlreadyDone("import")
        await callback.answer(texts("admin.import.stale", ui_lang), show_alert=True)
        await close_buttons(callback)
        return
    # Answered at once: a large file takes a while to parse, and the tap must not time out.
    await callback.answer()
    await state.update_data({PENDING: None})
    parsed = await curator.read_import(text)
    try:
        # Written in the store's worker thread: everyone else is answered meanwhile.
        result = await curator.write_import(admin_id(callback), parsed, callback_data.base)
    except Conflict:  # not a refusal of the file: the base moved on since the preview
        await close_buttons(callback, texts("admin.import.moved", ui_lang))
        return
    await mark_done(state, callback_data.file)
    await close_buttons(callback, result_text(result, texts, ui_lang))


async def cancel_import(
    callback: CallbackQuery, state: FSMContext, texts: Catalog, ui_lang: str
) -> None:
    await state.update_data({PENDING: None})
    await callback.answer()
    await close_buttons(callback, texts("admin.import.cancelled", ui_lang))


async def register_source(
    message: Message,
    command: CommandObject,
    bot: Bot,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    """`/source ID | TITLE | PUBLISHER | LANG` as a document's caption (the document is the
    text), or with the text on the lines after it."""
    given = command.args or ""
    if message.document is not None:
        header = given.split("\n", 1)[0]
        given = f"{header}\n{await read_document(message, bot)}"
    source = curator.register_source(admin_id(message), parse_source(given))
    done = texts("admin.source.done", ui_lang, source=source.id, paragraphs=len(source.paragraphs))
    hint = Text(texts("admin.source.hint", ui_lang), " ", Code(f"quote: {source.id}: …"))
    await reply(message, joined([Text("✅ ", done), hint, texts("admin.undo_hint", ui_lang)], "\n"))
