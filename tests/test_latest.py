"""A value derived from a fact base is built once per base while that base is among the latest
asked: an evaluation or a fit asks two engines in turn, and building again at every question
was most of a fit's time."""

from __future__ import annotations

from knowledge.language.latest import KEPT, for_the_latest


class Base:
    """A stand-in base: derived values are kept by identity, never by equality."""


def counted() -> tuple[list[Base], object]:
    built: list[Base] = []

    @for_the_latest
    def derive(base: Base) -> int:
        built.append(base)
        return id(base)

    return built, derive


def test_two_bases_asked_in_turn_are_each_built_once() -> None:
    built, derive = counted()
    first, second = Base(), Base()
    for _ in range(5):
        assert derive(first) == id(first)
        assert derive(second) == id(second)
    assert built == [first, second]


def test_the_least_recently_asked_base_is_dropped() -> None:
    assert KEPT == 2
    built, derive = counted()
    first, second, third = Base(), Base(), Base()
    derive(first)
    derive(second)
    derive(first)  # now the most recent: `second` goes when `third` comes
    derive(third)
    derive(first)
    assert built == [first, second, third]
    derive(second)
    assert built == [first, second, third, second]
