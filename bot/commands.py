"""The bot's commands in one list, with descriptions from the catalog in every language:
registered with Telegram, listed by /help, checked by the docs test.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeDefault

from knowledge.i18n import FALLBACK, Catalog
from knowledge.model import LANGS

COMMANDS: tuple[str, ...] = ("start", "help", "tz", "lang")
# Telegram shows the private-chat list in private chats and the default one elsewhere;
# both get every command, the settings included, since they are per user.
SCOPES = (BotCommandScopeDefault(), BotCommandScopeAllPrivateChats())


def bot_commands(texts: Catalog, lang: str) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=texts(f"commands.{name}", lang)) for name in COMMANDS
    ]


async def register_commands(bot: Bot, texts: Catalog) -> None:
    """set_my_commands for each scope: once per language, and once without (English) for
    clients whose language is none of ours."""
    for scope in SCOPES:
        await bot.set_my_commands(bot_commands(texts, FALLBACK), scope=scope)
        for lang in LANGS:
            await bot.set_my_commands(bot_commands(texts, lang), scope=scope, language_code=lang)
