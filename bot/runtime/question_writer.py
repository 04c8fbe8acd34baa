"""Writes the question log in batches: every answered question is logged (for /stats and
/unanswered), and one transaction every half second costs far less under load than one per
question.

Started on start-up and closed on shutdown by bot.app, after the last update in flight is
answered, so a stop (SIGTERM included) writes every question asked. The log's reads flush
first, so /stats and /unanswered see every question answered before them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3

from knowledge.storage.question_log import QuestionLog

logger = logging.getLogger(__name__)

FLUSH_INTERVAL = 0.5
# Questions kept while the database refuses them (locked, full, damaged): beyond this the
# oldest are dropped, so a broken log costs statistics, never the bot's memory.
MAX_PENDING = 20_000


class QuestionLogWriter:
    def __init__(self, log: QuestionLog, interval: float = FLUSH_INTERVAL) -> None:
        self.log = log
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.log.batching = True
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="question-log-writer")

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            self.flush()

    def flush(self) -> None:
        try:
            self.log.flush()
        except sqlite3.Error as error:  # kept in memory, tried again at the next flush
            logger.warning("could not write %d question(s) yet: %s", self.log.pending, error)
            dropped = self.log.drop_oldest(self.log.pending - MAX_PENDING)
            if dropped:
                logger.error("dropped the %d oldest unwritten question(s)", dropped)

    async def close(self) -> None:
        """Stop batching and write what waits."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self.log.batching = False
        self.log.flush()
