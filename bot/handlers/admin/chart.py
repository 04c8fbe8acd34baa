"""The /stats chart as a PNG: questions per day over the last 30 days (answered, unsure and
declined stacked) beside the most answered facts, labelled in the admin's language.

matplotlib is imported on the first chart, not with the bot (it takes tens of megabytes and
most runs never draw one), and only its object API is used (Figure, no pyplot), which keeps no
global state; a lock still draws one chart at a time, as matplotlib's font caches are shared.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel.dates import format_skeleton

from knowledge.i18n import Catalog
from knowledge.storage.question_log import DayCount

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_DRAWING = threading.Lock()
TICK_EVERY = 5  # days between date labels: thirty would overlap
COLORS = {"answered": "#2e7d32", "unsure": "#f9a825", "declined": "#c62828", "top": "#1565c0"}


@dataclass(frozen=True)
class ChartLabels:
    title: str
    answered: str
    unsure: str
    declined: str
    per_day: str
    top_facts: str
    no_answers: str
    lang: str

    @classmethod
    def from_catalog(cls, texts: Catalog, lang: str) -> ChartLabels:
        def say(key: str) -> str:
            return texts(f"admin.stats.chart.{key}", lang)

        return cls(
            title=say("title"),
            answered=say("answered"),
            unsure=say("unsure"),
            declined=say("declined"),
            per_day=say("per_day"),
            top_facts=say("top_facts"),
            no_answers=say("no_answers"),
            lang=lang,
        )


def render_chart(
    days: Sequence[DayCount], top_facts: Sequence[tuple[str, int]], labels: ChartLabels
) -> bytes:
    """The chart as PNG bytes. Blocking (a few hundred milliseconds, more on first use):
    call it in a worker thread."""
    with _DRAWING:
        figure = draw_figure(days, top_facts, labels)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()


def draw_figure(
    days: Sequence[DayCount], top_facts: Sequence[tuple[str, int]], labels: ChartLabels
) -> Figure:
    import matplotlib

    matplotlib.use("Agg")  # no display: draw into memory only
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(11, 4.8), dpi=100, layout="constrained")
    figure.suptitle(labels.title, fontsize=13)
    per_day, top = figure.subplots(1, 2, width_ratios=(2.2, 1))

    positions = list(range(len(days)))
    answered = [d.answered for d in days]
    unsure = [d.unsure for d in days]
    declined = [d.declined for d in days]
    per_day.bar(positions, answered, color=COLORS["answered"], label=labels.answered)
    per_day.bar(positions, unsure, bottom=answered, color=COLORS["unsure"], label=labels.unsure)
    stacked = [a + u for a, u in zip(answered, unsure, strict=True)]
    per_day.bar(
        positions, declined, bottom=stacked, color=COLORS["declined"], label=labels.declined
    )
    per_day.set_title(labels.per_day, fontsize=11)
    ticks = positions[::-1][::TICK_EVERY][::-1]  # always label today, the last bar
    per_day.set_xticks(ticks)
    per_day.set_xticklabels(
        [format_skeleton("MMMd", days[i].day, locale=labels.lang) for i in ticks], fontsize=9
    )
    per_day.yaxis.set_major_locator(MaxNLocator(integer=True))
    per_day.legend(loc="upper left", fontsize=9, frameon=False)
    per_day.spines[["top", "right"]].set_visible(False)

    top.set_title(labels.top_facts, fontsize=11)
    if top_facts:
        names = [fact_id for fact_id, _ in top_facts][::-1]  # the most answered on top
        counts = [n for _, n in top_facts][::-1]
        rows = range(len(names))
        top.barh(rows, counts, color=COLORS["top"])
        top.set_yticks(rows, names)  # fact ids as they are: the same in every language
        top.xaxis.set_major_locator(MaxNLocator(integer=True))
        top.tick_params(axis="y", labelsize=9)
        top.spines[["top", "right"]].set_visible(False)
    else:
        top.axis("off")
        top.text(0.5, 0.5, labels.no_answers, ha="center", va="center", wrap=True)
    return figure
