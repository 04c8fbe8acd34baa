"""/stats: the question figures as text, under a PNG chart of the last 30 days (drawn in a
worker thread, so that other people's answers are not held up meanwhile)."""

from __future__ import annotations

import asyncio

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from aiogram.utils.formatting import Text

from bot.handlers.admin.chart import ChartLabels, render_chart
from bot.handlers.admin.common import reply
from bot.handlers.admin.views import stats_text
from bot.runtime.updates import SkippedUpdates
from knowledge.curation.service import Curator
from knowledge.i18n import Catalog

CHART_DAYS = 30
CHART_NAME = "stats.png"
MAX_CAPTION = 1024  # Telegram's limit on a caption, in characters as the user sees them


def create_router() -> Router:
    router = Router(name="admin.stats")
    router.message.register(show_stats, Command("stats"))
    return router


async def show_stats(
    message: Message,
    curator: Curator,
    texts: Catalog,
    ui_lang: str,
    skipped_updates: SkippedUpdates | None = None,
) -> None:
    skipped = _skipped_line(skipped_updates, texts, ui_lang)
    days = curator.questions.daily(CHART_DAYS)
    if not any(day.asked for day in days):
        none = texts("admin.stats.none", ui_lang, days=CHART_DAYS)
        await reply(message, Text(none, "\n\n", skipped) if skipped else none)
        return
    windows = curator.stats()
    month = next((w for w in windows if w.days == CHART_DAYS), windows[-1])
    labels = ChartLabels.from_catalog(texts, ui_lang)
    png = await asyncio.to_thread(render_chart, days, month.top_facts, labels)
    figures = stats_text(windows, texts, ui_lang)
    if skipped:
        figures = Text(figures, "\n\n", skipped)
    photo = BufferedInputFile(png, CHART_NAME)
    if len(figures.render()[0]) <= MAX_CAPTION:
        await message.answer_photo(photo, caption=figures.as_html())
        return
    # Many long fact ids could overflow a caption: then the figures follow as a message.
    await message.answer_photo(photo)
    await reply(message, figures)


def _skipped_line(skipped: SkippedUpdates | None, texts: Catalog, lang: str) -> str:
    """Updates the bot could not decode and skipped (bot.runtime.updates), when there were any."""
    if skipped is None or not skipped.count:
        return ""
    return texts("admin.stats.skipped", lang, count=skipped.count, update_id=skipped.last_id)
