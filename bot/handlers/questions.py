"""Questions in, cited answers out: text messages, tapped suggestions, the calendar button."""

from __future__ import annotations

import time

from aiogram import Bot, F, Router
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.callbacks import FactAction, FactCallback, resolve
from bot.filters import AddressedToBot, Magic
from bot.handlers import respond
from bot.i18n import client_lang
from bot.metrics import Metrics
from bot.render import answer_messages, fit_value, plain_html
from bot.replies import ReplyCache, reply_keyboard
from knowledge.answering.compose import Answer
from knowledge.answering.engine import Conversation, Engine
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog
from knowledge.limits import TELEGRAM_CAPTION
from knowledge.model import LANGS
from knowledge.places.resolver import Place


def create_router() -> Router:
    router = Router(name="questions")
    router.message.filter(AddressedToBot())
    router.message.register(ask, Magic(F.text))
    router.callback_query.register(
        answer_tapped, FactCallback.filter(F.action == FactAction.ANSWER)
    )
    router.callback_query.register(
        send_calendar, FactCallback.filter(F.action == FactAction.CALENDAR)
    )
    return router


async def ask(
    message: Message,
    question: str,
    replies: ReplyCache,
    curator: Curator,
    lang_override: str | None,
    user_place: Place | None,
    conversation: Conversation,
    metrics: Metrics,
) -> None:
    started = time.perf_counter()
    hint = client_lang(message.from_user.language_code if message.from_user else None)
    reply = replies.ask(
        question,
        lang=lang_override,
        lang_hint=hint,
        user_place=user_place,
        conversation=conversation,
    )
    answer = reply.answer
    *first, last = reply.messages
    for part in first:  # only an answer longer than one message (see bot.render)
        await respond(message, part)
    await respond(message, last, reply_markup=reply.keyboard)
    metrics.question(answer.lang, answer.status, time.perf_counter() - started)
    # For /unanswered and /stats, once the user has the answer; only a salted hash of the
    # user id is kept.
    curator.questions.log_question(
        message.from_user.id if message.from_user else message.chat.id,
        question,
        answer.lang,
        answer.status,
        fact_id=answer.fact.id if answer.answered and answer.fact else None,
        score=answer.score,
    )


def _chat_id(callback: CallbackQuery) -> int:
    # A button under an inline-mode message has no message: answer the user privately.
    return callback.message.chat.id if callback.message else callback.from_user.id


def _lang(callback_data: FactCallback, ui_lang: str) -> str:
    # The button's language is the language of the message it sits under.
    return callback_data.lang if callback_data.lang in LANGS else ui_lang


async def answer_tapped(
    callback: CallbackQuery,
    callback_data: FactCallback,
    bot: Bot,
    engine: Engine,
    texts: Catalog,
    ui_lang: str,
    user_place: Place | None,
    conversation: Conversation,
) -> None:
    lang = _lang(callback_data, ui_lang)
    fact_id = resolve(callback_data.fact, engine.facts)
    answer: Answer | None = None
    if fact_id is not None:
        answer = engine.answer_fact(
            fact_id, lang=lang, user_place=user_place, conversation=conversation
        )
    if answer is None:
        await callback.answer(texts("answer.gone", lang), show_alert=True)
        return
    await callback.answer()
    *first, last = answer_messages(answer, texts)
    for part in first:
        await bot.send_message(_chat_id(callback), part)
    await bot.send_message(_chat_id(callback), last, reply_markup=reply_keyboard(answer, texts))


async def send_calendar(
    callback: CallbackQuery,
    callback_data: FactCallback,
    bot: Bot,
    engine: Engine,
    texts: Catalog,
    ui_lang: str,
) -> None:
    lang = _lang(callback_data, ui_lang)
    fact_id = resolve(callback_data.fact, engine.facts)
    fact = engine.facts.get(fact_id) if fact_id else None
    if fact is None or fact.event is None:
        key = "answer.gone" if fact is None else "answer.no_event"
        await callback.answer(texts(key, lang), show_alert=True)
        return
    # icalendar is imported on the first press, not at start: most runs never need it.
    from knowledge.answering.calendar import calendar_file_name, event_calendar

    ics = event_calendar(fact, engine.sources, lang, stamp=engine.clock())
    title = fact.event.title.get(lang) or fact.event.title.get("en") or fact.id
    await callback.answer()
    await bot.send_document(
        _chat_id(callback),
        BufferedInputFile(ics, filename=calendar_file_name(fact)),
        caption=plain_html(
            fit_value(
                lambda value: texts("answer.calendar_caption", lang, title=value),
                title,
                TELEGRAM_CAPTION,
            )
        ),
    )
