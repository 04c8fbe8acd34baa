"""A countdown from a "now" the asker states ("its 8am in new york rn how long do I wait"):
read as the event's day where the asker's clock is (the place asked for, else the user's
own, else the source's), how long from that time to the start, as a note under the times
("From 8:00 (New York) that is 2 h 0 min to the start")."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering.compose import Answer, TimeLine
from knowledge.i18n import ANSWERS
from knowledge.language.stated_now import StatedNow


def _clock_line(times: tuple[TimeLine, ...]) -> TimeLine | None:
    for role in ("asked", "user", "source"):
        line = next((t for t in times if t.role == role), None)
        if line is not None:
            return line
    return None


def with_countdown(answer: Answer, now: StatedNow) -> Answer:
    """`answer` with how long from the stated now to the event's start, where it has times."""
    line = _clock_line(answer.times)
    if line is None or now.hour > 23:
        return answer
    start = line.moment
    stated = start.replace(hour=now.hour, minute=now.minute, second=0, microsecond=0)
    minutes = int((start - stated).total_seconds() // 60)
    lang = answer.lang
    at = f"{now.hour:02d}:{now.minute:02d}"
    if minutes <= 0:
        note = ANSWERS("countdown.begun", lang, now=at, place=line.place)
    else:
        span = ANSWERS("countdown.span", lang, hours=minutes // 60, minutes=minutes % 60)
        note = ANSWERS("countdown.left", lang, now=at, place=line.place, span=span)
    return replace(answer, notes=(note, *answer.notes))
