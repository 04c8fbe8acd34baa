"""Handler routers, one per module; bot.app includes them in the order they are tried."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ChatType
from aiogram.types import Message, ReplyParameters


async def respond(message: Message, text: str, **kwargs: Any) -> Message:
    """Answer in the same chat; in a group, as a reply, so it is clear whom the bot answers."""
    if message.chat.type != ChatType.PRIVATE:
        kwargs.setdefault(
            "reply_parameters",
            ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True),
        )
    return await message.answer(text, **kwargs)
