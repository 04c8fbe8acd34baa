"""Inline mode: "@bot when is the call" in any chat offers the cited answer to send there."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.enums import ParseMode
from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent

from bot.callbacks import fact_token
from bot.i18n import client_lang
from bot.keyboards import MAX_EXAMPLES, MAX_SUGGESTIONS
from bot.render import answer_html, plain_html
from knowledge.answering.compose import Answer, representative_question
from knowledge.answering.engine import MAX_QUESTION_LENGTH, Engine
from knowledge.i18n import Catalog
from knowledge.places.resolver import Place

# Answers depend on the user's saved zone and language, hence personal results; facts
# change rarely, but an admin's fix should reach typed queries within a minute.
QUERY_CACHE_SECONDS = 60
EXAMPLES_CACHE_SECONDS = 300
DESCRIPTION_LENGTH = 120


def create_router() -> Router:
    router = Router(name="inline")
    router.inline_query.register(answer_inline)
    return router


async def answer_inline(
    query: InlineQuery,
    bot: Bot,
    engine: Engine,
    texts: Catalog,
    ui_lang: str,
    lang_override: str | None,
    user_place: Place | None,
) -> None:
    question = " ".join(query.query.split())[:MAX_QUESTION_LENGTH]
    declined = False
    if question:
        answer = engine.ask(
            question,
            lang=lang_override,
            lang_hint=client_lang(query.from_user.language_code),
            user_place=user_place,
        )
        fact_ids = [s.fact_id for s in answer.suggestions[:MAX_SUGGESTIONS]]
        if answer.answered and answer.fact is not None:
            fact_ids = [answer.fact.id]
        lang, cache_time = answer.lang, QUERY_CACHE_SECONDS
        declined = answer.status in ("declined", "empty")
    else:
        lang, cache_time = ui_lang, EXAMPLES_CACHE_SECONDS
        fact_ids = [s.fact_id for s in engine.examples(lang)[:MAX_EXAMPLES]]
    answers = [engine.answer_fact(fid, lang=lang, user_place=user_place) for fid in fact_ids]
    results = [article(a, texts) for a in answers if a is not None]
    if declined or not results:
        # Say so first; the main facts the bot can answer follow as offers.
        username = (await bot.me()).username or ""
        results.insert(0, no_answer_article(texts, lang, username, engine.about(lang)))
    await query.answer(results, cache_time=cache_time, is_personal=True)


def article(answer: Answer, texts: Catalog) -> InlineQueryResultArticle:
    assert answer.fact is not None
    fact = answer.fact
    description = answer.lead
    if len(description) > DESCRIPTION_LENGTH:
        description = description[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
    return InlineQueryResultArticle(
        id=f"{fact_token(fact.id)}:{answer.lang}",
        title=representative_question(fact, answer.lang),
        description=description,
        input_message_content=InputTextMessageContent(
            message_text=answer_html(answer, texts), parse_mode=ParseMode.HTML
        ),
    )


def no_answer_article(
    texts: Catalog, lang: str, bot_username: str, about: dict[str, str]
) -> InlineQueryResultArticle:
    text = texts("inline.no_answer_text", lang, bot=bot_username, **about)
    return InlineQueryResultArticle(
        id=f"none:{lang}",
        title=texts("inline.no_answer", lang),
        input_message_content=InputTextMessageContent(
            message_text=plain_html(text),
            parse_mode=ParseMode.HTML,
        ),
    )
