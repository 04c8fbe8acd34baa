"""Decoding updates one at a time, so that one aiogram's models reject is skipped, not fatal.

aiogram's `GetUpdates` decodes the whole batch at once: a single update the models refuse (a
poll shaped by an older Bot API server, say) makes every getUpdates fail to deserialize, and
polling retries the same offset forever while Telegram keeps the update for 24 hours.
`RawGetUpdates` takes the batch as plain JSON; `decode_update` turns each element into an
`Update` on its own, and logs and counts one it cannot, so that polling (and the webhook)
moves past it. `SkippedUpdates` is that count, which /stats shows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.methods import GetUpdates
from aiogram.types import Update

logger = logging.getLogger(__name__)

# How much of an undecodable update the log shows: enough to recognise it, never a flood.
LOGGED_CHARS = 300


class RawGetUpdates(GetUpdates):
    """getUpdates whose result is left as JSON values, one per update, to decode one by one."""

    __returning__ = list[Any]


@dataclass(slots=True)
class SkippedUpdates:
    """Updates received and skipped because they could not be decoded."""

    count: int = 0
    last_id: int | None = None

    def record(self, update_id: int | None) -> None:
        self.count += 1
        if update_id is not None:
            self.last_id = update_id


def raw_update_id(raw: Any) -> int | None:
    """The update_id of a raw update, if it has a usable one."""
    value = raw.get("update_id") if isinstance(raw, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def decode_update(bot: Bot, raw: Any, skipped: SkippedUpdates | None = None) -> Update | None:
    """The Update, or None (logged, and counted in `skipped`) when aiogram's models refuse it."""
    try:
        return Update.model_validate(raw, context={"bot": bot})
    except Exception as error:  # whatever the models raise, the update cannot be handled
        update_id = raw_update_id(raw)
        if skipped is not None:
            skipped.record(update_id)
        logger.warning(
            "skipping update %s, which cannot be decoded (%s): %.*s",
            update_id,
            _first_line(error),
            LOGGED_CHARS,
            repr(raw),
        )
        return None


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0] if lines else ''}"
