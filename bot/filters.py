"""Which messages are meant for the bot: all in private chats; in groups only a mention,
a reply to the bot, or a command addressed to it by name. A group is never answered at large.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.types import Message


class AddressedToBot(Filter):
    """Passes messages meant for the bot and injects `question`: the text without the
    bot's @mention."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        text = message.text or message.caption or ""
        me = await bot.me()  # aiogram caches it after the first call
        mention = f"@{me.username}".casefold() if me.username else None
        addressed = message.chat.type == ChatType.PRIVATE
        for entity in message.entities or message.caption_entities or []:
            value = entity.extract_from(text)
            if entity.type == MessageEntityType.MENTION and value.casefold() == mention:
                return {"question": " ".join(text.replace(value, " ", 1).split())}
            if entity.type == MessageEntityType.BOT_COMMAND and mention:
                addressed = addressed or value.casefold().endswith(mention)
        replied = message.reply_to_message
        if replied and replied.from_user and replied.from_user.id == me.id:
            addressed = True
        return {"question": text} if addressed else False
