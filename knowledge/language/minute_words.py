"""Minutes said in words before an hour ("a quarter to six", "half past five", "без четверти
шесть", "полшестого", "о пів на шосту", "за чверть п'ята"), read as the hour and minutes they
name ("5 45", "5 30"), so that a time spelt so is read and held against the event's as
"5:45" is (clock_words.py, knowledge/answering/moments.py): "без четверти шесть" is 17:45,
never 18:00. The phrases, and by how many minutes each stands from the hour after it, are
data (words.yaml `calendar: minute_phrases`, `hour_forms`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from knowledge.language.lexicon import Calendar
from knowledge.language.text import normalize
from knowledge.model import LANGS

MinutePhrases = tuple[tuple[tuple[str, ...], int], ...]


def load_minute_phrases(data: Any) -> MinutePhrases:
    """`minute_phrases` of words.yaml's calendar: minutes from the hour ("-15") → phrases per
    language; each phrase's words with its minutes, longest phrase first. ValueError names
    what is wrong."""
    if not isinstance(data or {}, dict):
        raise ValueError("minute_phrases: expected phrases per minutes from the hour")
    found: dict[tuple[str, ...], int] = {}
    for minutes, table in (data or {}).items():
        try:
            offset = int(str(minutes))
        except ValueError:
            raise ValueError(f"minute_phrases: {minutes!r}: expected minutes") from None
        ok = isinstance(table, dict) and not set(table) - set(LANGS)
        if not ok or not -60 < offset < 60 or not all(
            isinstance(ps, list) and all(isinstance(p, str) and normalize(p) for p in ps)
            for ps in table.values()
        ):
            raise ValueError(f"minute_phrases: {minutes}: expected phrases per language")
        for phrases in table.values():
            for phrase in phrases:
                found[tuple(normalize(phrase).split())] = offset
    return tuple(sorted(found.items(), key=lambda item: (-len(item[0]), item[0])))


def _hour(word: str, calendar: Calendar) -> int | None:
    """The hour (one to twelve) a word after a minute phrase names: "six", "шестого", "6"."""
    if word.isdigit() and len(word) <= 2:
        number = int(word)
    else:
        number = calendar.hours.get(word) or calendar.hour_forms.get(word) or 0
    return number if 1 <= number <= 12 else None


@cache
def _by_first_word(phrases: MinutePhrases) -> dict[str, tuple[int, ...]]:
    """Where in `phrases` (their order kept) each phrase's first word opens one."""
    found: dict[str, list[int]] = {}
    for at, (phrase, _) in enumerate(phrases):
        found.setdefault(phrase[0], []).append(at)
    return {word: tuple(ats) for word, ats in found.items()}


def _phrase_at(words: list[str], i: int, calendar: Calendar) -> tuple[int, int, int] | None:
    """The minute phrase and hour at `words[i]`: (minutes from the hour, the hour, words
    taken), a phrase run together with its hour too ("полшестого")."""
    phrases = calendar.minute_phrases
    opening = _by_first_word(phrases)
    word = words[i]
    # The phrases this word opens, and those of one word it starts with (run together with
    # its hour), tried in the phrases' order: a word tries a few, not all.
    glued = (at for k in range(1, len(word)) for at in opening.get(word[:k], ()))
    ats = {*opening.get(word, ()), *(at for at in glued if len(phrases[at][0]) == 1)}
    for phrase, offset in (phrases[at] for at in sorted(ats)):
        end = i + len(phrase)
        if tuple(words[i:end]) == phrase and end < len(words):
            hour = _hour(words[end], calendar)
            if hour is not None:
                return offset, hour, len(phrase) + 1
        glued = len(phrase) == 1 and words[i].startswith(phrase[0])
        hour = _hour(words[i][len(phrase[0]) :], calendar) if glued else None
        if hour is not None:
            return offset, hour, 1
    return None


def minutes_read(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with a spelt time as its hour and minutes ("a quarter to six" → "5
    45"; "без четверти шесть вечера" → "17 45": a word of `afternoon`, `morning` after it
    is taken in)."""
    if not calendar.minute_phrases:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        found = _phrase_at(words, i, calendar)
        if found is None:
            out.append(words[i])
            i += 1
            continue
        offset, hour, width = found
        i += width
        hours, minute = divmod(hour * 60 + offset, 60)
        after = words[i] if i < len(words) else ""
        if after in calendar.afternoon or after in calendar.morning:
            hours = hours % 12 + (12 if after in calendar.afternoon else 0)
            i += 1
        out += [str(hours), f"{minute:02d}"]
    return out

