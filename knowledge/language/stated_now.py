"""A "now" the asker states before a countdown ("сейчас 16:20 по Киеву, сколько осталось?",
"its 8am in new york rn how long do I wait", "у меня 12 дня по москве, через сколько
начнут"): the stated hour is the asker's clock, not a time put forward for the event, so it
is cut out of the question (the place stays: it is where the asker's clock is) and kept
apart. Only in a message that counts down (a `countdown` phrase): "it's 18:00 in Moscow,
right?" puts the hour forward as a claim. The words are data (words.yaml `calendar`: `now`,
`countdown`, `now_hour_words`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.language.lexicon import Calendar
from knowledge.language.text import normalize


@dataclass(frozen=True)
class StatedNow:
    text: str  # the question without the stated now
    hour: int
    minute: int


@lru_cache(maxsize=8)
def _pattern(now: tuple[str, ...], after: frozenset[str]) -> re.Pattern[str]:
    nows = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in now)
    parts = "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True))
    part = rf"\s*(?:{parts})\b" if parts else ""
    return re.compile(
        rf"(?<!\w)(?:{nows})[\s,]+(?:(?:is|уже|вже)\s+)?"
        rf"(\d{{1,2}})(?:(?::|\.|\s)(\d{{2}}))?(?!\d)((?:{part})?)",
        re.IGNORECASE,
    )


def _counts_down(text: str, calendar: Calendar) -> bool:
    padded = f" {normalize(text)} "
    return any(f" {phrase} " in padded for phrase in calendar.countdown)


def stated_now(text: str, calendar: Calendar) -> StatedNow | None:
    """The question without the clock time its asker states as now, and that time; None
    when it states none or does not count down."""
    if not calendar.now or not calendar.countdown or not _counts_down(text, calendar):
        return None
    found = _pattern(calendar.now, calendar.now_hour_words).search(text)
    if found is None:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if normalize(found.group(3)) in calendar.afternoon and hour < 12:
        hour += 12  # "8pm", "6 вечера"
    if hour > 24 or minute > 59:
        return None
    rest = f"{text[: found.start()]} {text[found.end() :]}"
    # A "now" word left elsewhere ("... rn how long") says no more than the cut one did.
    for phrase in calendar.now:
        rest = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", rest, flags=re.IGNORECASE)
    return StatedNow(" ".join(rest.replace(" ,", ",").split()).strip(" ,"), hour, minute)
