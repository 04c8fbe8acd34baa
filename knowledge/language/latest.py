"""A value derived from one fact base (its index or its lexicon), kept while that base is one
of the latest answered from: the bot answers from one base at a time, and an admin's edit
replaces it with another; an evaluation or a fit asks two engines in turn (one that answers
whatever ranks first beside the bot's own), and kept for the latest one alone, the value was
built again at every question, most of a fit's time."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

_Base = TypeVar("_Base")
_Value = TypeVar("_Value")


KEPT = 2


def for_the_latest(build: Callable[[_Base], _Value]) -> Callable[[_Base], _Value]:
    """`build` kept for the KEPT latest bases it was given (the same objects, not equal ones),
    the least recently asked dropped first."""
    kept: list[tuple[_Base, _Value]] = []

    @wraps(build)
    def derived(base: _Base) -> _Value:
        for at, (known, value) in enumerate(kept):
            if known is base:
                kept.insert(0, kept.pop(at))
                return value
        value = build(base)
        kept[:] = [(base, value), *kept[: KEPT - 1]]
        return value

    return derived
