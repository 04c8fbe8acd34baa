"""/backup and the /stats chart through the real bot and the fake Bot API: the document and
the photo the fake received, their captions, the refusals, the chart's language."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from matplotlib.text import Text as ChartText

from bot.handlers.admin.chart import ChartLabels, draw_figure
from bot.i18n import bot_catalog
from knowledge.storage.backup import inspect_snapshot
from knowledge.storage.question_log import DayCount
from knowledge.storage.schema import SCHEMA_VERSION
from tests.admin_support import USER, admin_bot, admin_says
from tests.bot_harness import RunningBot
from tests.curation_support import ADMIN_A

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


async def test_backup_sends_a_snapshot_with_its_time_schema_version_and_fact_count(
    tb: RunningBot, tmp_path: Path
):
    await admin_says(tb, "/edit talks-format text_en A video call, before the backup.")
    call = await tb.send(tb.api.text_message("/backup", user_id=ADMIN_A), "sendDocument")

    document = call.files["document"]
    assert document.filename.startswith("talkbot-") and document.filename.endswith("Z.db")
    received = tmp_path / "received.db"
    received.write_bytes(document.content)
    info = inspect_snapshot(received)
    facts = len(tb.store.facts())
    assert (info.schema_version, info.facts) == (SCHEMA_VERSION, facts)
    assert call.plain.startswith(f"Backup of {info.taken_at:%Y-%m-%d %H:%M} UTC")
    assert f"schema version {SCHEMA_VERSION}, {facts} facts." in call.plain
    history = tb.store.audit.history("talks-format")
    assert history[0].after["text"]["en"] == "A video call, before the backup."


async def test_backup_is_refused_to_anyone_else_and_sends_nothing(tb: RunningBot):
    refusal = await tb.say("/backup", user_id=USER)
    assert refusal.plain == "Sorry, that is for the bot's admins only."
    assert tb.api.calls_of("sendDocument") == []


async def test_stats_sends_a_chart_with_the_figures_as_its_caption(tb: RunningBot):
    for n, question in enumerate(["when is the call?", "коли розмова?", "who won the chess"]):
        await tb.say(question, user_id=USER + n)
    call = await tb.send(tb.api.text_message("/stats", user_id=ADMIN_A), "sendPhoto")

    assert call.files["photo"].content.startswith(PNG_SIGNATURE)
    assert call.plain.startswith("Questions asked")
    assert "3 asked by 3 people: 67% answered, 33% declined, 0 unsure." in call.plain


async def test_stats_in_the_admins_language(tb: RunningBot):
    await tb.say("when is the call?")
    update = tb.api.text_message("/stats", user_id=ADMIN_A, language_code="uk")
    call = await tb.send(update, "sendPhoto")
    assert call.plain.startswith("Поставлені питання")


async def test_stats_with_no_questions_yet_says_so_rather_than_drawing(tb: RunningBot):
    call = await admin_says(tb, "/stats")
    assert call.plain == "No questions in the last 30 days yet, so there is nothing to chart."
    assert tb.api.calls_of("sendPhoto") == []


def chart_words(lang: str, top: list[tuple[str, int]]) -> set[str]:
    today = date(2026, 11, 25)
    days = [DayCount(today - timedelta(days=29 - n), n % 3, n % 2, 1) for n in range(30)]
    figure = draw_figure(days, top, ChartLabels.from_catalog(bot_catalog(), lang))
    return {t.get_text() for t in figure.findobj(ChartText) if t.get_text()}


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_chart_is_labelled_in_the_admins_language(lang: str):
    words = chart_words(lang, [("talks-time", 5), ("talks-format", 2)])
    texts = bot_catalog()
    for key in ("title", "answered", "unsure", "declined", "per_day", "top_facts"):
        assert texts(f"admin.stats.chart.{key}", lang) in words
    assert {"talks-time", "talks-format"} <= words
    others = {texts("admin.stats.chart.title", other) for other in ("en", "ru", "uk")} - {
        texts("admin.stats.chart.title", lang)
    }
    assert not words & others


def test_the_chart_says_when_nothing_was_answered_yet():
    assert "Відповідей поки немає" in chart_words("uk", [])


def test_matplotlib_is_not_imported_until_the_first_chart():
    code = (
        "import sys, bot.app, bot.handlers.admin.stats, bot.handlers.admin.chart\n"
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
