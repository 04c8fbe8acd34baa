"""A value derived from one fact base (its index or its lexicon), kept while that base is the
one being answered from: the bot answers from one base at a time, and an admin's edit
replaces it with another."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

_Base = TypeVar("_Base")
_Value = TypeVar("_Value")


def for_the_latest(build: Callable[[_Base], _Value]) -> Callable[[_Base], _Value]:
    """`build` kept for the latest base it was given (the same object, not an equal one)."""
    kept: list[tuple[_Base, _Value]] = []

    @wraps(build)
    def derived(base: _Base) -> _Value:
        if kept and kept[0][0] is base:
            return kept[0][1]
        value = build(base)
        kept[:] = [(base, value)]
        return value

    return derived
