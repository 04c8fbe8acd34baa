"""The start in the form asked for (knowledge/language/formats.py reads the ask): ISO 8601
with the offset of the zone asked for, else the source's ("2021-12-07T17:00:00+02:00"), and
the unix seconds ("1638889200"), each on its own line under the times. Composed from the
fact's event, never written into a fact. The 24-hour clock is the bot's own already, and an
answer about an event offers its .ics file, so those asks add no line."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering.compose import Answer, FormatLine, TimeLine
from knowledge.i18n import ANSWERS


def _iso_line(times: tuple[TimeLine, ...]) -> TimeLine | None:
    for role in ("asked", "source"):
        line = next((t for t in times if t.role == role), None)
        if line is not None:
            return line
    return None


def format_lines(
    times: tuple[TimeLine, ...], formats: frozenset[str], lang: str
) -> tuple[FormatLine, ...]:
    """The lines of `formats` for an event at `times` (its source's line first)."""
    line = _iso_line(times)
    if line is None:
        return ()
    lines = []
    if "iso" in formats:
        label = ANSWERS("format.iso", lang, place=line.place)
        lines.append(FormatLine(label, line.moment.isoformat(timespec="seconds")))
    if "unix" in formats:
        lines.append(FormatLine(ANSWERS("format.unix", lang), str(int(line.moment.timestamp()))))
    return tuple(lines)


def with_formats(answer: Answer, formats: frozenset[str]) -> Answer:
    """`answer` with the start in `formats`, where it has times."""
    lines = format_lines(answer.times, formats, answer.lang)
    return replace(answer, formats=lines) if lines else answer
