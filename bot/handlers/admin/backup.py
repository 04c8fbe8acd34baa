"""/backup: a consistent snapshot of the database (facts, sources, audit, subscriptions,
settings), sent to the admin as a document, with its time, schema version and fact count."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

from aiogram import Router
from aiogram.exceptions import TelegramEntityTooLarge
from aiogram.filters import Command
from aiogram.types import FSInputFile, Message
from aiogram.utils.formatting import Text

from bot.config import Settings
from bot.handlers.admin.common import reply
from knowledge.i18n import Catalog
from knowledge.places.times import utc_now
from knowledge.storage.backup import BackupError, backup_name, make_snapshot

logger = logging.getLogger(__name__)


def create_router() -> Router:
    router = Router(name="admin.backup")
    router.message.register(send_backup, Command("backup"))
    return router


async def send_backup(message: Message, settings: Settings, texts: Catalog, ui_lang: str) -> None:
    database = settings.database_path
    moment = utc_now()
    with tempfile.TemporaryDirectory(prefix="talkbot-backup-") as folder:
        target = Path(folder) / backup_name(database, moment)
        try:
            # In a worker thread, on a connection of its own: answers go on meanwhile.
            info = await asyncio.to_thread(make_snapshot, database, target, clock=lambda: moment)
        except BackupError as error:
            logger.error("/backup failed: %s", error)
            await reply(message, texts("admin.backup.failed", ui_lang))
            return
        caption = texts(
            "admin.backup.caption",
            ui_lang,
            time=f"{info.taken_at:%Y-%m-%d %H:%M} UTC",
            schema=info.schema_version,
            facts=info.facts,
        )
        try:
            await message.answer_document(FSInputFile(target), caption=Text(caption).as_html())
        except TelegramEntityTooLarge:
            await reply(message, texts("admin.backup.too_large", ui_lang))
