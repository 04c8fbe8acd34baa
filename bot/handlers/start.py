"""/start and /help: what the bot knows, example questions to tap, and every command."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message
from aiogram.utils.formatting import Bold, Text

from bot.commands import COMMANDS
from bot.filters import CommandLike
from bot.handlers import respond
from bot.keyboards import MAX_EXAMPLES, example_keyboard
from bot.render import joined
from knowledge.answering.engine import Engine
from knowledge.i18n import Catalog
from knowledge.places.times import format_moment, utc_offset, zone_city


def create_router() -> Router:
    router = Router(name="start")
    router.message.filter(CommandLike())
    router.message.register(start, CommandStart())
    router.message.register(show_help, Command("help"))
    return router


async def start(message: Message, engine: Engine, texts: Catalog, ui_lang: str) -> None:
    examples = engine.examples(ui_lang)[:MAX_EXAMPLES]
    text = joined([greeting(engine, texts, ui_lang), texts("start.examples", ui_lang)])
    await respond(message, text.as_html(), reply_markup=example_keyboard(examples, ui_lang))


def greeting(engine: Engine, texts: Catalog, lang: str) -> str:
    """The greeting: what the main event is (its record) and when (its first timed example)."""
    facts = engine.facts
    about = engine.about(lang)
    event = next(
        (facts[s.fact_id].event for s in engine.examples(lang) if facts[s.fact_id].event), None
    )
    if event is None:
        return texts("start.greeting_no_time", lang, **about)
    start = event.aware
    when = f"{format_moment(start, lang)}, {zone_city(event.zone, lang)}, {utc_offset(start)}"
    return texts("start.greeting", lang, when=when, **about)


async def show_help(
    message: Message, bot: Bot, engine: Engine, texts: Catalog, ui_lang: str
) -> None:
    username = (await bot.me()).username or ""
    await respond(message, help_text(texts, ui_lang, username, engine.about(ui_lang)).as_html())


def help_text(texts: Catalog, lang: str, bot_username: str, about: dict[str, str]) -> Text:
    commands = [Text(f"/{name} — ", texts(f"commands.{name}", lang)) for name in COMMANDS]
    return joined(
        [
            Text(Bold(texts("help.title", lang)), "\n", texts("help.ask", lang, **about)),
            Text(Bold(texts("help.zones_title", lang)), "\n", texts("help.zones", lang)),
            Text(Bold(texts("help.languages_title", lang)), "\n", texts("help.languages", lang)),
            texts("help.inline", lang, bot=bot_username),
            Text(Bold(texts("help.commands_title", lang)), "\n", joined(commands, "\n")),
        ]
    )
