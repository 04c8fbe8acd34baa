"""Scheduled backups (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP) while the bot runs.

The snapshot is written in a worker thread on a connection of its own, so answers go on
meanwhile. A failed backup is logged and tried again at the next turn; it never stops the bot.
The schedule survives restarts: the first backup is due BACKUP_EVERY after the newest one in
the directory, so restarting often neither skips backups nor piles them up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

from knowledge.places.times import utc_now
from knowledge.storage.backup import BackupError, SnapshotInfo, last_backup_time, write_backup

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[object]]


class BackupScheduler:
    def __init__(
        self,
        database: Path,
        directory: Path,
        every: timedelta,
        keep: int,
        *,
        clock: Callable[[], datetime] = utc_now,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.database = database
        self.directory = directory
        self.every = every
        self.keep = keep
        self.clock = clock
        self.sleep = sleep
        self._task: asyncio.Task[None] | None = None

    def first_delay(self) -> float:
        """Seconds until the first backup: now if the newest is due, never later than `every`."""
        try:
            last = last_backup_time(self.directory, self.database)
        except OSError:
            last = None
        if last is None:
            return 0.0
        due = last + self.every - self.clock()
        return min(max(due.total_seconds(), 0.0), self.every.total_seconds())

    async def backup_once(self) -> SnapshotInfo | None:
        """One backup; None (and a logged error) if it failed."""
        try:
            info = await asyncio.to_thread(
                write_backup, self.database, self.directory, self.keep, clock=self.clock
            )
        except BackupError as error:
            logger.error("backup failed, will try again in %s: %s", self.every, error)
            return None
        except Exception:  # whatever it is, the bot keeps answering
            logger.exception("backup failed, will try again in %s", self.every)
            return None
        logger.info(
            "backup written: %s (%d facts, %d bytes)", info.path.name, info.facts, info.size
        )
        return info

    async def run(self) -> None:
        delay = self.first_delay()
        while True:
            await self.sleep(delay)
            await self.backup_once()
            delay = self.every.total_seconds()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.run(), name="backups")

    async def close(self) -> None:
        """Stop the schedule. A backup being written finishes in its thread (the process
        waits for it), and a snapshot appears whole or not at all anyway."""
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
