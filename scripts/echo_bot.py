"""A minimal aiogram echo bot: the framework's ceiling for scripts/loadtest.py.

It is set up as talkbot's `bot.app.build_bot` sets up its Bot (an AiohttpSession pointed at
TELEGRAM_API_URL, HTML parse mode by default) and logs at INFO as `python -m bot run` does,
so the difference the load test measures is talkbot's own work: its middlewares, the
engine, rendering, SQLite and ordered polling.  It answers every text with itself, escaped.

    BOT_TOKEN=... TELEGRAM_API_URL=http://127.0.0.1:PORT python scripts/echo_bot.py
"""

from __future__ import annotations

import asyncio
import html
import logging
import os

from aiogram import Bot, Dispatcher, F
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import Message

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


async def echo(message: Message) -> None:
    await message.answer(html.escape(message.text or ""))


async def main() -> None:
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    api_url = os.environ.get("TELEGRAM_API_URL")
    session = (
        AiohttpSession(api=TelegramAPIServer.from_base(api_url)) if api_url else AiohttpSession()
    )
    bot = Bot(
        os.environ["BOT_TOKEN"],
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    dp = Dispatcher()
    dp.message.register(echo, F.text)
    # aiogram's own polling: a task per update, stops on SIGINT/SIGTERM.
    await dp.start_polling(bot, polling_timeout=30)


if __name__ == "__main__":
    asyncio.run(main())
