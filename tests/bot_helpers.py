"""Small shared pieces for tests that drive a real aiogram Bot against the fake Bot API."""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.utils.backoff import BackoffConfig

from talkbot.testing.fakeapi import FakeBotAPI

# Polling retries within tenths of a second instead of aiogram's 1-5 s.
FAST_BACKOFF = BackoffConfig(min_delay=0.05, max_delay=0.2, factor=1.5, jitter=0.0)


class PlainHTTPSession(AiohttpSession):
    """aiogram's session without the 250 ms pause on close, which is there to let SSL
    connections shut down; the fake speaks plain HTTP, and the pause adds up over a suite."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def fake_api_bot(api: FakeBotAPI) -> Bot:
    return Bot(api.token, session=PlainHTTPSession(api=api.server))
