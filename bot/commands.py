"""The bot's commands in one list, with descriptions from the catalog in every language:
registered with Telegram, listed by /help, checked by the docs test. Admin commands are
registered only in each admin's own chat, so nobody else is shown them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BotCommandScopeDefault,
)

from knowledge.i18n import FALLBACK, Catalog
from knowledge.model import LANGS

logger = logging.getLogger(__name__)

COMMANDS: tuple[str, ...] = ("start", "help", "tz", "lang", "subscribe", "unsubscribe")
ADMIN_COMMANDS: tuple[str, ...] = (
    "facts",
    "fact",
    "add",
    "cancel",
    "edit",
    "addq",
    "delq",
    "del",
    "restore",
    "undo",
    "history",
    "export",
    "import",
    "source",
    "ingest",
    "unanswered",
    "stats",
    "backup",
)
# Telegram shows the private-chat list in private chats and the default one elsewhere;
# both get every command, the settings included, since they are per user.
SCOPES = (BotCommandScopeDefault(), BotCommandScopeAllPrivateChats())


def bot_commands(texts: Catalog, lang: str) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=texts(f"commands.{name}", lang)) for name in COMMANDS
    ]


def admin_bot_commands(texts: Catalog, lang: str) -> list[BotCommand]:
    """An admin's menu: everyone's commands, then the admin ones (a chat's own scope
    replaces the others in that chat)."""
    admin = [
        BotCommand(command=name, description=texts(f"commands.admin.{name}", lang))
        for name in ADMIN_COMMANDS
    ]
    return [*bot_commands(texts, lang), *admin]


async def register_commands(bot: Bot, texts: Catalog, admin_ids: Iterable[int] = ()) -> None:
    """set_my_commands for each scope: once per language, and once without (English) for
    clients whose language is none of ours; then each admin's chat."""
    for scope in SCOPES:
        await bot.set_my_commands(bot_commands(texts, FALLBACK), scope=scope)
        for lang in LANGS:
            await bot.set_my_commands(bot_commands(texts, lang), scope=scope, language_code=lang)
    for admin_id in sorted(admin_ids):
        chat = BotCommandScopeChat(chat_id=admin_id)
        try:
            await bot.set_my_commands(admin_bot_commands(texts, FALLBACK), scope=chat)
            for lang in LANGS:
                commands = admin_bot_commands(texts, lang)
                await bot.set_my_commands(commands, scope=chat, language_code=lang)
        except TelegramAPIError as error:
            # An admin who has not opened a chat with the bot yet: "chat not found". The
            # commands still work for them; only the menu is missing.
            logger.warning("admin %s: could not register the admin commands: %s", admin_id, error)
