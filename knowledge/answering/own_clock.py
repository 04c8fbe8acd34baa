"""A question for the event's time on the asker's own clock with no place named ("what time
is that for me", "а по моему времени это во сколько", "о котрій це за моїм часом"): it is
read without the phrase, as a question for a place's time is read without the place, and answered
with the user's zone where one is set (the "your time" line); without one, the answer gives
the times it has (the source's zone and the references') and says how to set one. The
phrases are data (knowledge/places/data/phrase_words.yaml: `own_clock`, `own_clock_ending`)."""

from __future__ import annotations

from dataclasses import replace

from knowledge.answering.compose import Answer
from knowledge.i18n import ANSWERS
from knowledge.language.text import normalize
from knowledge.places import phrases as pt
from knowledge.places.place import Place


def _normalised(key: str) -> tuple[tuple[str, ...], ...]:
    found = {tuple(normalize(" ".join(p)).split()) for p in pt.phrases_of(key)}
    return tuple(sorted(found, key=len, reverse=True))  # longest first


_ANYWHERE = _normalised("own_clock")
_ENDING = _normalised("own_clock_ending")


def own_clock_dropped(text: str) -> str | None:
    """The question's words without the phrase of the asker's own clock ("а по моему времени
    это во сколько" → "а это во сколько"): what is asked there is the event's time, which
    the user's line gives; None when it names none."""
    words = normalize(text).split()
    for phrase in _ANYWHERE:
        width = len(phrase)
        for i in range(len(words) - width + 1):
            if tuple(words[i : i + width]) == phrase:
                return " ".join([*words[:i], *words[i + width :]])
    for phrase in _ENDING:
        if len(words) > len(phrase) and tuple(words[-len(phrase) :]) == phrase:
            return " ".join(words[: -len(phrase)])
    return None


def with_own_clock_note(answer: Answer, text: str, user_place: Place | None) -> Answer:
    """The answer with a note on setting a zone when the question asks the time on the
    asker's own clock and none is set (nor a place named: that place's line answers it)."""
    if user_place is not None or answer.fact is None or answer.fact.event is None:
        return answer
    if any(line.role in ("asked", "user") for line in answer.times):
        return answer
    if own_clock_dropped(text) is None:
        return answer
    return replace(answer, notes=(*answer.notes, ANSWERS("time.own_unset", answer.lang)))
