"""Tells subscribers that a fact they follow changed: reads the durable outbox (rows written in
the same transaction as the change) and feeds the paced Broadcaster, each row once.

Started on start-up and closed on shutdown by bot.app. LiveBase `poke()`s it once a change
is live; it also looks by itself every `poll_interval` seconds, for rows left unsent by a
restart. Each message is rendered when it is sent, in the subscriber's language and own
zone, from the fact as it is then, with its citation.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError
from aiogram.utils.formatting import Bold, Italic, Text

from bot.middlewares import saved_place
from bot.render import citation_quote, joined, local_clock
from bot.runtime.broadcast import (
    DEFAULT_PER_CHAT_INTERVAL,
    DEFAULT_PER_SECOND,
    Broadcaster,
    Delivery,
)
from knowledge.answering.compose import representative_question
from knowledge.answering.engine import Engine
from knowledge.i18n import FALLBACK, Catalog
from knowledge.model import LANGS
from knowledge.storage.store import FactStore
from knowledge.storage.subscriptions import Notification

logger = logging.getLogger(__name__)

POLL_INTERVAL = 30.0
BATCH = 100
CLOSE_TIMEOUT = 5.0


class Notifier:
    def __init__(
        self,
        store: FactStore,
        engine: Engine,
        texts: Catalog,
        *,
        poll_interval: float = POLL_INTERVAL,
        per_second: float = DEFAULT_PER_SECOND,
        per_chat_interval: float = DEFAULT_PER_CHAT_INTERVAL,
    ) -> None:
        self.store = store
        self.engine = engine
        self.texts = texts
        self.poll_interval = poll_interval
        self.per_second = per_second
        self.per_chat_interval = per_chat_interval
        self._bot: Bot | None = None
        self._broadcaster: Broadcaster[tuple[Notification, ...]] | None = None
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        # Outbox rows per queued notification: one message may stand for several rows.
        self._rows: dict[int, tuple[int, ...]] = {}

    # ----------------------------------------------------------------- life cycle

    def start(self, bot: Bot) -> None:
        if self._task is not None:
            return
        self._bot = bot
        self._broadcaster = Broadcaster(
            self._send,
            self._sent,
            on_failed=self._failed,
            per_second=self.per_second,
            per_chat_interval=self.per_chat_interval,
        )
        self._broadcaster.start()
        self._task = asyncio.create_task(self._run(), name="notifier")

    async def close(self, timeout: float = CLOSE_TIMEOUT) -> None:
        """Stop reading the outbox and let queued messages go out for up to `timeout`
        seconds; rows not sent stay in the outbox for the next start."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._broadcaster is not None:
            await self._broadcaster.close(timeout)
            self._broadcaster = None

    def poke(self) -> None:
        """Something may have been written to the outbox: look now."""
        self._wake.set()

    # ----------------------------------------------------------------- the loop

    async def _run(self) -> None:
        while True:
            try:
                self.feed()
            except Exception:  # a bad row or a locked database must not end the notifier
                logger.exception("reading the notification outbox failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)
            self._wake.clear()

    def feed(self) -> int:
        """Queue what the outbox holds; the Broadcaster refuses ids it has seen, so a row
        still on its way is never queued twice. Returns how many messages were queued."""
        if self._broadcaster is None:
            return 0
        groups: dict[tuple[int, str], list[Notification]] = {}
        for row in self.store.subscriptions.pending_notifications(BATCH):
            groups.setdefault((row.user_id, row.fact_id), []).append(row)
        queued = 0
        for (user_id, _), rows in groups.items():
            # Several changes to one fact waiting for one user: one message, the fact as now.
            first = rows[0].id
            if first in self._rows:
                continue
            ids = tuple(row.id for row in rows)
            if self._broadcaster.enqueue(Delivery(first, user_id, tuple(rows))):
                self._rows[first] = ids
                queued += 1
        return queued

    # ----------------------------------------------------------------- delivery

    def lang_of(self, user_id: int) -> str:
        chosen = self.store.user_settings(user_id).lang
        if chosen in LANGS:
            return chosen
        return self.store.subscriptions.lang_of(user_id) or FALLBACK

    def render(self, user_id: int, rows: tuple[Notification, ...]) -> str | None:
        """The message for one user about one fact, or None if the fact is gone."""
        fact_id = rows[0].fact_id
        lang = self.lang_of(user_id)
        place = saved_place(self.engine, self.store.user_settings(user_id).tz)
        answer = self.engine.answer_fact(fact_id, lang=lang, user_place=place)
        if answer is None or answer.fact is None:
            return None
        kinds = {kind for row in rows for kind in row.changes}
        texts = self.texts
        blocks: list[Any] = [
            Text("🔔 ", Bold(texts("notify.title", lang))),
            Italic(representative_question(answer.fact, lang)),
        ]
        if "text" in kinds:
            blocks.append(answer.lead)
        if "time" in kinds and answer.event_start is not None:
            # Their own zone when they set one, else the source's; the entity shows the
            # time on their device's clock either way.
            line = next((t for t in answer.times if t.role == "user"), answer.times[0])
            clock = local_clock(answer.event_start, texts, lang)
            blocks.append(joined([Text("🕔 ", line.text(lang)), clock], "\n"))
        blocks.extend(citation_quote(citation, lang) for citation in answer.citations[:1])
        blocks.append(Italic(texts("notify.stop", lang, fact_id=fact_id)))
        return joined(blocks).as_html()

    async def _send(self, chat_id: int, rows: tuple[Notification, ...]) -> None:
        assert self._bot is not None
        html = self.render(chat_id, rows)
        if html is not None:  # a fact deleted since: nothing to tell, the rows are done
            await self._bot.send_message(chat_id, html)

    def _sent(self, notification_id: Any) -> None:
        ids = self._rows.pop(notification_id, (notification_id,))
        # While an import is being written, after its commit (storage.worker's gate).
        self.store.gate.defer(lambda: self.store.subscriptions.mark_sent(ids))

    def _failed(self, delivery: Delivery[tuple[Notification, ...]], error: Any) -> None:
        ids = self._rows.pop(int(delivery.id), (int(delivery.id),))
        if isinstance(error, TelegramForbiddenError):
            # The user blocked the bot (or never started it): stop following for them.
            self.store.gate.defer(lambda: self._forget(delivery, ids))
        # Other failures stay unsent: the next start tries again.

    def _forget(self, delivery: Delivery[tuple[Notification, ...]], ids: tuple[int, ...]) -> None:
        for fact_id in {row.fact_id for row in delivery.payload}:
            self.store.subscriptions.unsubscribe(delivery.chat_id, fact_id)
        self.store.subscriptions.mark_sent(ids)
