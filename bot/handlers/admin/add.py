"""/add: a new fact, by the quick one-message form or a guided dialogue (answer, then
questions, for each language in turn, the admin's first; then the quote; then an optional
event time), a preview with Save / Cancel, /cancel at any step. An incomplete quick form
goes on as the dialogue from what it gave."""

from __future__ import annotations

import secrets
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.formatting import Bold, Italic, Text

from bot.callbacks import Choice, DraftCallback
from bot.filters import Magic
from bot.handlers.admin.common import admin_id, close_buttons, mark_done, reply, was_done
from bot.handlers.admin.errors import explain
from bot.handlers.admin.refusals import refusal_text
from bot.handlers.admin.states import AdminStates, start_dialogue
from bot.handlers.admin.views import fact_preview
from bot.render import joined
from knowledge.curation.errors import AlreadyDone, Conflict, Incomplete, Refusal
from knowledge.curation.parsing import Draft, parse_event_time, parse_quick_add
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog
from knowledge.model import squash_spaces
from knowledge.storage.store import FactStore

# "No event time" in the dialogue, in any of the bot's languages.
SKIP_WORDS = frozenset({"skip", "-", "no", "none", "пропустить", "нет", "пропустити", "ні"})
TIME_STEP = "time"
NOT_A_COMMAND = Magic(~F.text.startswith("/"))


def create_router() -> Router:
    router = Router(name="admin.add")
    router.message.register(cancel, Command("cancel"))
    router.message.register(start, Command("add"))
    router.message.register(
        answer_step, StateFilter(AdminStates.adding), Magic(F.text), NOT_A_COMMAND
    )
    router.message.register(
        remind_preview, StateFilter(AdminStates.previewing), Magic(F.text), NOT_A_COMMAND
    )
    router.callback_query.register(save, DraftCallback.filter(F.action == Choice.YES))
    router.callback_query.register(drop, DraftCallback.filter(F.action == Choice.NO))
    return router


class Dialogue:
    """One admin's /add in progress, as kept in the FSM state's data."""

    def __init__(self, data: dict[str, Any], lang: str) -> None:
        self.draft = Draft.from_dict(data.get("draft", {}))
        self.lang = data.get("lang", lang)
        self.ask_time = bool(data.get("ask_time", True))
        self.nonce = data.get("nonce", "")

    def next_step(self) -> str | None:
        step = self.draft.next_step(self.lang)
        if step is None and self.ask_time and not self.draft.time:
            return TIME_STEP
        return step

    def data(self, step: str | None) -> dict[str, Any]:
        return {
            "draft": self.draft.to_dict(),
            "lang": self.lang,
            "ask_time": self.ask_time,
            "nonce": self.nonce,
            "step": step,
        }


def prompt(step: str, texts: Catalog, lang: str, store: FactStore) -> Text:
    name, _, code = step.partition(".")
    if code:
        language = texts(f"admin.lang.{code}", lang)
        return Text("✏️ ", texts(f"admin.add.ask_{name}", lang, language=language))
    if name == "quote":
        sources = ", ".join(store.sources())
        return Text("✏️ ", texts("admin.add.ask_quote", lang, sources=sources))
    return Text("✏️ ", texts("admin.add.ask_time", lang))


async def start(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    curator: Curator,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
) -> None:
    dialogue = Dialogue({}, ui_lang)
    if command.args:
        dialogue.draft = parse_quick_add(command.args, ui_lang)
        # A quick form with every part goes straight to the preview; one that lacks some
        # goes on as the dialogue, which then also offers the optional time.
        missing = dialogue.draft.missing(ui_lang)
        dialogue.ask_time = bool(missing) and not dialogue.draft.time
        if missing:
            await reply(message, refusal_text(Incomplete(missing), texts, ui_lang))
    else:
        await reply(message, Text(Bold(texts("admin.add.intro", ui_lang))))
    await start_dialogue(state, AdminStates.adding, **dialogue.data(None))
    await advance(message, state, dialogue, curator, store, texts)


async def advance(
    message: Message,
    state: FSMContext,
    dialogue: Dialogue,
    curator: Curator,
    store: FactStore,
    texts: Catalog,
) -> None:
    """Ask for the next missing part, or build the preview once nothing is missing."""
    lang = dialogue.lang
    step = dialogue.next_step()
    if step is not None:
        await state.set_state(AdminStates.adding)
        await state.update_data(dialogue.data(step))
        await reply(message, prompt(step, texts, lang, store))
        return
    # Not left to the errors router: a refused preview goes on as the dialogue.
    try:
        fact = curator.build(dialogue.draft, lang)
    except Refusal as error:
        await reply(message, await explain(error, curator, texts, lang))
        retry = _step_to_redo(error)
        if retry is None:  # nothing the admin can answer again: the draft cannot be saved
            await state.clear()
            await reply(message, texts("admin.add.dropped", lang))
            return
        dialogue.draft = _without(dialogue.draft, retry)
        await advance(message, state, dialogue, curator, store, texts)
        return
    dialogue.draft = dialogue.draft.with_step("id", fact.id)
    dialogue.nonce = secrets.token_hex(4)
    await state.set_state(AdminStates.previewing)
    await state.update_data(dialogue.data(None))
    buttons = [
        InlineKeyboardButton(
            text=texts(f"admin.add.{choice.name.lower()}", lang),
            callback_data=DraftCallback(action=choice, nonce=dialogue.nonce).pack(),
        )
        for choice in Choice
    ]
    await reply(
        message,
        fact_preview(fact, texts, lang, store.sources()),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[buttons]),
    )


def _step_to_redo(error: Refusal) -> str | None:
    """Which part to ask for again after the preview refused the draft."""
    if error.code in ("quote_not_in_source", "unknown_source"):
        return "quote"
    if error.code == "bad_time":
        return TIME_STEP
    return None


def _without(draft: Draft, step: str) -> Draft:
    values = draft.to_dict()
    values[step] = ""
    return Draft.from_dict(values)


async def answer_step(
    message: Message,
    state: FSMContext,
    curator: Curator,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
) -> None:
    data = await state.get_data()
    dialogue = Dialogue(data, ui_lang)
    step = data.get("step") or dialogue.next_step()
    value = message.text or ""
    try:
        if step == TIME_STEP:
            if squash_spaces(value).casefold() in SKIP_WORDS:
                dialogue.ask_time = False
            else:
                parse_event_time(value, curator.resolver)  # refused here, not at the preview
                dialogue.draft = dialogue.draft.with_step(TIME_STEP, value)
        elif step is not None:
            if step == "quote":
                curator.cite(value)  # a quote not in the source is refused on the spot
            dialogue.draft = dialogue.draft.with_step(step, value)
    except Refusal as error:  # the same step is asked again
        await reply(message, await explain(error, curator, texts, dialogue.lang))
        await reply(message, prompt(step or "quote", texts, dialogue.lang, store))
        return
    await advance(message, state, dialogue, curator, store, texts)


async def remind_preview(message: Message, texts: Catalog, ui_lang: str) -> None:
    await reply(message, texts("admin.add.waiting", ui_lang))


async def _open_dialogue(
    callback: CallbackQuery, callback_data: DraftCallback, state: FSMContext, ui_lang: str
) -> Dialogue | None:
    """The dialogue this preview belongs to, if it is still the one open."""
    if await state.get_state() != AdminStates.previewing.state:
        return None
    dialogue = Dialogue(await state.get_data(), ui_lang)
    return dialogue if dialogue.nonce == callback_data.nonce else None


async def save(
    callback: CallbackQuery,
    callback_data: DraftCallback,
    state: FSMContext,
    curator: Curator,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
) -> None:
    dialogue = await _open_dialogue(callback, callback_data, state, ui_lang)
    if dialogue is None:
        if await was_done(state, callback_data.nonce):  # a second tap on Save
            raise AlreadyDone("add")
        await callback.answer(texts("admin.add.stale", ui_lang), show_alert=True)
        await close_buttons(callback)
        return
    await callback.answer()
    message = callback.message
    # Not left to the errors router: after a refusal the dialogue goes on or is dropped.
    try:
        saved = curator.add(admin_id(callback), dialogue.draft, dialogue.lang)
    except Refusal as error:
        await close_buttons(callback)
        if not isinstance(message, Message):
            return
        await reply(message, await explain(error, curator, texts, dialogue.lang))
        if isinstance(error, Conflict):
            # Another admin took this id meanwhile: preview again under a free one.
            dialogue.draft = _without(dialogue.draft, "fact_id")
            await advance(message, state, dialogue, curator, store, texts)
        else:
            await state.clear()
            await reply(message, texts("admin.add.dropped", dialogue.lang))
        return
    await state.clear()
    await mark_done(state, dialogue.nonce)
    done = texts("admin.add.saved", dialogue.lang, fact_id=saved.fact_id)
    await close_buttons(
        callback, joined([Text("✅ ", done), Italic(texts("admin.undo_hint", ui_lang))], "\n")
    )


async def drop(
    callback: CallbackQuery,
    callback_data: DraftCallback,
    state: FSMContext,
    texts: Catalog,
    ui_lang: str,
) -> None:
    if await _open_dialogue(callback, callback_data, state, ui_lang) is not None:
        await state.clear()
    await callback.answer()
    await close_buttons(callback, texts("admin.add.cancelled", ui_lang))


async def cancel(message: Message, state: FSMContext, texts: Catalog, ui_lang: str) -> None:
    if await state.get_state() is None:
        await reply(message, texts("admin.cancel.nothing", ui_lang))
        return
    await state.clear()
    await reply(message, texts("admin.cancel.done", ui_lang))
