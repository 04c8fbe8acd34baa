"""Following a fact: the "🔔 Notify me if this changes" button under event answers,
/subscribe [ID] and /unsubscribe [ID|all]. bot.runtime.notifier tells followers of each change."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.formatting import Code, Text

from bot.callbacks import NotifyCallback, fact_token, resolve
from bot.filters import CommandLike
from bot.handlers import respond
from bot.render import fit_value, joined, plain_html
from bot.runtime.live import AfterImportWrite
from knowledge.answering.compose import Answer, representative_question
from knowledge.answering.engine import Conversation, Engine
from knowledge.i18n import Catalog
from knowledge.limits import TELEGRAM_CALLBACK_ANSWER
from knowledge.model import LANGS
from knowledge.storage.store import FactStore

logger = logging.getLogger(__name__)

ALL_WORDS = frozenset({"all", "все", "всё", "усі"})


def create_router() -> Router:
    router = Router(name="subscriptions")
    router.message.filter(CommandLike())
    # They write: while an import is being written, they wait for its commit (off the loop).
    router.message.middleware(AfterImportWrite())
    router.callback_query.middleware(AfterImportWrite())
    router.message.register(subscribe, Command("subscribe"))
    router.message.register(unsubscribe, Command("unsubscribe"))
    router.callback_query.register(notify_tapped, NotifyCallback.filter())
    return router


def with_notify_button(
    markup: InlineKeyboardMarkup | None, answer: Answer, texts: Catalog
) -> InlineKeyboardMarkup | None:
    """The answer's keyboard with the notify button added under an answered event."""
    fact = answer.fact
    if not answer.answered or fact is None or fact.event is None:
        return markup
    button = InlineKeyboardButton(
        text=texts("subscribe.button", answer.lang),
        callback_data=NotifyCallback(lang=answer.lang, fact=fact_token(fact.id)).pack(),
    )
    rows = [*(markup.inline_keyboard if markup else []), [button]]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _follow(store: FactStore, user_id: int, fact_id: str, lang: str) -> bool | None:
    """Subscribe; True if new, False if already following, None for no such fact."""
    try:
        return store.subscriptions.subscribe(user_id, fact_id, lang)
    except KeyError:
        return None


def _question(engine: Engine, fact_id: str, lang: str) -> str:
    fact = engine.facts.get(fact_id)
    return representative_question(fact, lang) if fact else fact_id


async def notify_tapped(
    callback: CallbackQuery,
    callback_data: NotifyCallback,
    bot: Bot,
    engine: Engine,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
) -> None:
    lang = callback_data.lang if callback_data.lang in LANGS else ui_lang
    fact_id = resolve(callback_data.fact, engine.facts)
    added = None if fact_id is None else _follow(store, callback.from_user.id, fact_id, lang)
    if added is None or fact_id is None:
        await callback.answer(texts("answer.gone", lang), show_alert=True)
        return
    key = "subscribe.done" if added else "subscribe.already"
    # An alert holds 200 characters: the question is shortened to fit, never the news.
    said = fit_value(
        lambda question: texts(key, lang, question=question, fact_id=fact_id),
        _question(engine, fact_id, lang),
        TELEGRAM_CALLBACK_ANSWER,
    )
    try:
        await callback.answer(said, show_alert=True)
    except TelegramBadRequest as error:
        # The subscription is saved whatever happens to the alert (a press answered too
        # late, say): the user is told in a message instead, never "something went wrong".
        logger.info("the notify alert failed (%s); saying it in a message", error.message)
        await bot.send_message(callback.from_user.id, plain_html(said))


def _user_id(message: Message) -> int:
    return message.from_user.id if message.from_user else message.chat.id


def _following(store: FactStore, engine: Engine, user_id: int, texts: Catalog, lang: str) -> Text:
    followed = store.subscriptions.subscriptions(user_id)
    if not followed:
        return Text(texts("subscribe.none", lang))
    lines = [
        Text("• ", _question(engine, fact_id, lang), " — ", Code(f"/unsubscribe {fact_id}"))
        for fact_id in followed
    ]
    return joined([texts("subscribe.list", lang), joined(lines, "\n")], "\n")


async def subscribe(
    message: Message,
    command: CommandObject,
    engine: Engine,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
    conversation: Conversation,
) -> None:
    """/subscribe ID, or bare /subscribe for the fact of the last answer."""
    user_id = _user_id(message)
    fact_id = (command.args or "").strip().lower() or conversation.last_fact_id
    if not fact_id:
        text = joined(
            [texts("subscribe.how", ui_lang), _following(store, engine, user_id, texts, ui_lang)]
        )
        await respond(message, text.as_html())
        return
    added = _follow(store, user_id, fact_id, ui_lang)
    if added is None:
        await respond(
            message, plain_html(texts("subscribe.unknown", ui_lang, fact_id=fact_id[:64]))
        )
        return
    key = "subscribe.done" if added else "subscribe.already"
    question = _question(engine, fact_id, ui_lang)
    await respond(message, plain_html(texts(key, ui_lang, question=question, fact_id=fact_id)))


async def unsubscribe(
    message: Message,
    command: CommandObject,
    engine: Engine,
    store: FactStore,
    texts: Catalog,
    ui_lang: str,
) -> None:
    """/unsubscribe ID, /unsubscribe all, or bare: what you follow and how to stop."""
    user_id = _user_id(message)
    wanted = (command.args or "").strip().lower()
    if not wanted:
        await respond(message, _following(store, engine, user_id, texts, ui_lang).as_html())
        return
    if wanted in ALL_WORDS:
        for fact_id in store.subscriptions.subscriptions(user_id):
            store.subscriptions.unsubscribe(user_id, fact_id)
        await respond(message, plain_html(texts("unsubscribe.all", ui_lang)))
        return
    if store.subscriptions.unsubscribe(user_id, wanted):
        question = _question(engine, wanted, ui_lang)
        await respond(message, plain_html(texts("unsubscribe.done", ui_lang, question=question)))
        return
    await respond(
        message, plain_html(texts("unsubscribe.not_following", ui_lang, fact_id=wanted[:64]))
    )
