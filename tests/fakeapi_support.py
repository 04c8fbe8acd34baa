"""Shared pieces of the fake Bot API's own tests: a keyboard, a comparable dump of aiogram
objects, a bot on another token and an echo dispatcher."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.filters import CommandStart
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from talkbot.testing.fakeapi import FakeBotAPI

KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="More", callback_data="more:1")]]
)


def dumped(obj: Any) -> Any:
    """aiogram objects compare unequal once bound to a bot; compare their data instead."""
    if isinstance(obj, list):
        return [dumped(item) for item in obj]
    return obj.model_dump(exclude_none=True)


def make_bot(api: FakeBotAPI, token: str | None = None) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
    return Bot(token or api.token, session=session)


def echo_dispatcher() -> Dispatcher:
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("<b>Welcome</b> &amp; hello!", parse_mode=ParseMode.HTML)

    @dp.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    return dp
