"""/ingest: an article becomes a registered source and a list of fact proposals; each one
the admin adds opens the /add dialogue pre-filled, so nothing but the source is written
until a fact is saved there, through the same validation and audit as /add.

The list lives in the admin's FSM storage under a destiny of its own, so the /add dialogue
(which clears its state when it ends) leaves it in place; a bare /ingest shows the next one.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.formatting import BlockQuote, Bold, Italic, Text

from bot.callbacks import IngestAction, IngestCallback
from bot.handlers.admin import add
from bot.handlers.admin.common import admin_id, callback_message, close_buttons, reply
from bot.handlers.admin.states import AdminStates, start_dialogue
from bot.handlers.admin.transfer import read_document
from bot.render import joined
from knowledge.curation.parsing import Draft, parse_source
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog
from knowledge.model import LANGS
from knowledge.storage.store import FactStore

if TYPE_CHECKING:
    from knowledge.ingest.proposals import Proposal

DESTINY = "ingest"
SESSION = "ingest"


def create_router() -> Router:
    router = Router(name="admin.ingest")
    router.message.register(ingest, Command("ingest"))
    router.callback_query.register(choose, IngestCallback.filter())
    return router


def _list_state(state: FSMContext) -> FSMContext:
    """The admin's proposal list: same chat and user, its own storage destiny."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny=DESTINY))


def _item(proposal: Proposal, source_id: str, ui_lang: str) -> dict[str, Any]:
    event = proposal.event
    draft = Draft(
        text=dict(proposal.text),
        questions={lang: tuple(q) for lang, q in proposal.questions.items()},
        quote=f"{source_id}: {proposal.quote}",
        time=f"{event['start']} {event['zone']}" if event else "",
    )
    return {
        "draft": draft.to_dict(),
        "kind": proposal.kind,
        "quote": proposal.quote,
        "event": event,
        "notes": [note.render(ui_lang) for note in proposal.notes],
    }


async def ingest(
    message: Message,
    command: CommandObject,
    bot: Bot,
    state: FSMContext,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
) -> None:
    """A file problem or a curation refusal (a taken source id) is told by the admin
    router's error handler, like /source's; nothing is registered then."""
    given = command.args or ""
    if not given.strip() and message.document is None:
        await _show_next(message, state, texts, ui_lang)
        return
    header, _, body = given.partition("\n")
    # The article reader is imported on the first /ingest, not at start (docs/performance.md).
    from knowledge.ingest.proposals import IngestError, check_article, propose

    try:
        if message.document is not None:
            body = await read_document(message, bot)
        check_article(body)
        spec = parse_source(f"{header}\n{body}")
        if spec.language not in LANGS:
            raise IngestError("language")
        result = propose(body, lang=spec.language)
    except IngestError as error:
        await reply(message, Text("⚠️ ", error.message(ui_lang)))
        return
    source = curator.register_source(admin_id(message), spec)
    items = [_item(p, source.id, ui_lang) for p in result.items]
    session = {"nonce": secrets.token_hex(4), "items": items, "next": 0, "timed_only": False}
    await _list_state(state).set_data({SESSION: session})
    timed = sum(1 for item in items if item["event"])
    done = texts("admin.ingest.done", ui_lang, source=source.id, count=len(items), timed=timed)
    await reply(
        message, joined([Text("✅ ", done), Italic(texts("admin.ingest.how", ui_lang))], "\n")
    )
    await _show_next(message, state, texts, ui_lang)


def _next_index(session: dict[str, Any], start: int) -> int | None:
    for index in range(start, len(session["items"])):
        if not session["timed_only"] or session["items"][index]["event"]:
            return index
    return None


def _card(
    session: dict[str, Any], index: int, texts: Catalog, lang: str
) -> tuple[Text, InlineKeyboardMarkup]:
    item = session["items"][index]
    parts: list[Any] = [
        Bold(
            texts(
                "admin.ingest.card",
                lang,
                number=index + 1,
                total=len(session["items"]),
                kind=item["kind"],
            )
        ),
        BlockQuote(item["quote"]),
    ]
    if item["event"]:
        parts.append(Text("🕔 ", f"{item['event']['start']} {item['event']['zone']}"))
    parts += [Text("⚠️ ", note) for note in item["notes"]]
    nonce = session["nonce"]

    def button(action: IngestAction, key: str, **params: Any) -> InlineKeyboardButton:
        data = IngestCallback(action=action, nonce=nonce, index=index).pack()
        return InlineKeyboardButton(text=texts(key, lang, **params), callback_data=data)

    rows = [
        [
            button(IngestAction.ADD, "admin.ingest.add"),
            button(IngestAction.SKIP, "admin.ingest.skip"),
        ]
    ]
    timed = sum(1 for i in session["items"][index:] if i["event"])
    if timed and not session["timed_only"]:
        rows.append([button(IngestAction.TIMED, "admin.ingest.add_timed", count=timed)])
    return joined(parts, "\n"), InlineKeyboardMarkup(inline_keyboard=rows)


async def _show_next(message: Message, state: FSMContext, texts: Catalog, lang: str) -> None:
    session = (await _list_state(state).get_data()).get(SESSION)
    if session is None:
        await reply(message, texts("admin.ingest.usage", lang))
        return
    index = _next_index(session, session["next"])
    if index is None:
        await reply(message, texts("admin.ingest.finished", lang))
        return
    text, markup = _card(session, index, texts, lang)
    await reply(message, text, reply_markup=markup)


async def choose(
    callback: CallbackQuery,
    callback_data: IngestCallback,
    state: FSMContext,
    curator: Curator,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
) -> None:
    lists = _list_state(state)
    session = (await lists.get_data()).get(SESSION)
    message = callback_message(callback)
    if session is None or session["nonce"] != callback_data.nonce or message is None:
        await callback.answer(texts("admin.ingest.stale", ui_lang), show_alert=True)
        await close_buttons(callback)
        return
    await callback.answer()
    index = callback_data.index
    if callback_data.action == IngestAction.TIMED:
        session["timed_only"] = True
        index = _next_index(session, index)
    if callback_data.action == IngestAction.SKIP or index is None:
        session["next"] = index + 1 if index is not None else len(session["items"])
        await lists.set_data({SESSION: session})
        await close_buttons(callback, texts("admin.ingest.skipped", ui_lang))
        await _show_next(message, state, texts, ui_lang)
        return
    session["next"] = index + 1
    await lists.set_data({SESSION: session})
    await close_buttons(callback, texts("admin.ingest.opened", ui_lang))
    # The /add dialogue, pre-filled: it asks only for what the proposal lacks.
    dialogue = add.Dialogue({}, ui_lang)
    dialogue.draft = Draft.from_dict(session["items"][index]["draft"])
    dialogue.ask_time = False
    await start_dialogue(state, AdminStates.adding, **dialogue.data(None))
    await add.advance(message, state, dialogue, curator, store, texts)
