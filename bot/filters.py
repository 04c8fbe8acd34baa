"""Which messages are meant for the bot: all in private chats; in groups only a mention,
a reply to the bot, or a command addressed to it by name. A group is never answered at large.

Also `Magic`, which every `F` filter of the bot goes through: aiogram runs a filter that is
not a coroutine function (a bare `F.text`, say) in a worker thread, `asyncio.to_thread`,
once for every update it is tried on. For a check of one attribute the hop costs far more
than the check, and with a handful of such filters between a question and its handler it
was a quarter of the bot's CPU time under load (scripts/loadtest.py --profile).
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.enums import ChatType, MessageEntityType
from aiogram.filters import Filter
from aiogram.types import Message, TelegramObject
from aiogram.utils.magic_filter import MagicFilter

from knowledge.language.wrapped import ask_command


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


class CommandLike(Filter):
    """Passes a message whose text or caption starts with "/", as every command does. A
    router of commands only filters on it first, so a question skips the router at once:
    aiogram parses the text anew for each Command filter, and with a dozen of them between
    a question and its handler that was ~0.1 ms of every answer (docs/performance.md)."""

    async def __call__(self, message: Message) -> bool:
        text = message.text or message.caption or ""
        return text.lstrip()[:1] == "/"


class NotAnAsk(Filter):
    """Passes a command that is not a question: "/ask when is it", "/q коли" ask their
    argument (knowledge/language/wrapped.py, as `chat` and `ask` read them) and go on to the
    questions; "/ask" alone and other commands do not."""

    async def __call__(self, message: Message) -> bool:
        return ask_command(message.text or message.caption or "") is None


class Magic(Filter):
    """A magic filter (`Magic(F.text)`, `Magic(~F.text.startswith("/"))`) resolved on the
    event loop rather than in a thread, with aiogram's meaning: a falsy result rejects, a
    dict (from `.as_()`) is passed on to the handler."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

    def __str__(self) -> str:
        return f"Magic({self.magic!r})"
