"""Two or three places' clocks compared for the event (round 17): "how many hours between NY
and Moscow for it?", "is it earlier in Tokyo than in Seoul", "на сколько часов Минск
отличается от Киева", "на скільки годин Нью-Йорк відстає від Москви". Each place's clock is
shown, and the answer says first how many hours apart they are and which is ahead, or that
they keep the same hour (talks at 17:00 Kyiv, UTC+2, on 7 December 2021)."""

from __future__ import annotations

import pytest

from knowledge.answering.compared_clocks import comparison


def _places(answer) -> list[str]:
    return [line.place for line in answer.times if line.role in ("asked", "source")]


@pytest.mark.parametrize(
    ("question", "places", "lead"),
    [
        (
            "how many hours between NY and Moscow for the talks?",
            ["New York", "Moscow"],
            "The difference is 8 hours, Moscow ahead: New York 10:00, Moscow 18:00.",
        ),
        (
            "what's the time difference between London and Kyiv for the talks",
            ["London", "Kyiv"],
            "The difference is 2 hours, Kyiv ahead: London 15:00, Kyiv 17:00.",
        ),
        (
            "moscow time minus washington time for the talks?",
            ["Moscow", "Washington"],
            "The difference is 8 hours, Moscow ahead: Moscow 18:00, Washington 10:00.",
        ),
        (
            "is it earlier in Tokyo than in Seoul when the talks start?",
            ["Tokyo", "Seoul"],
            "No. The same hour: Tokyo 00:00, Seoul 00:00.",
        ),
        (
            "tokyo vs seoul, is the clock different for the talks?",
            ["Tokyo", "Seoul"],
            "No. The same hour: Tokyo 00:00, Seoul 00:00.",
        ),
        (
            "на сколько часов Минск отличается от Киева для переговоров",
            ["Минск", "Киев"],
            "Разница — 1 час, впереди Минск: Минск — 18:00, Киев — 17:00.",
        ),
        (
            "где раньше начнутся переговоры, в Лондоне или в Киеве?",
            ["Лондон", "Киев"],
            "Разница — 2 часа, впереди Киев: Лондон — 15:00, Киев — 17:00.",
        ),
        (
            "на скільки годин Нью-Йорк відстає від Москви для переговорів",
            ["Нью-Йорк", "Москва"],
            "Різниця — 8 годин, попереду Москва: Нью-Йорк — 10:00, Москва — 18:00.",
        ),
        (
            "яка різниця в часі між Києвом і Москвою для переговорів",
            ["Київ", "Москва"],
            "Різниця — 1 година, попереду Москва: Київ — 17:00, Москва — 18:00.",
        ),
    ],
)
def test_each_clock_is_shown_and_how_far_apart_said_first(engine, question, places, lead):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert set(places) <= set(_places(answer))  # Kyiv, the source, has its line anyway
    assert answer.lead.startswith(lead)


def test_a_difference_between_countries_that_is_no_clock_is_not_compared(engine):
    answer = engine.ask("what's the difference between Russia and Ukraine positions?")
    assert not answer.lead.startswith("The difference is")


def test_one_place_alone_is_not_compared(engine):
    answer = engine.ask("how many hours later is it in Moscow")
    assert not answer.lead.startswith(("The difference", "The same", "Yes. The", "No. The"))


def test_plural_forms_of_the_hours(content):
    from knowledge.places.resolver import PlaceResolver

    fact = next(f for f in content.facts if f.id == "talks-time")
    resolver = PlaceResolver.default()
    kyiv, buenos_aires = resolver.resolve("Kyiv"), resolver.resolve("Buenos Aires")
    assert kyiv is not None and buenos_aires is not None
    assert comparison(fact, (kyiv, buenos_aires), "uk").startswith("Різниця — 5 годин,")
    assert comparison(fact, (kyiv, buenos_aires), "ru").startswith("Разница — 5 часов,")
    assert comparison(fact, (kyiv, buenos_aires), "en").startswith("The difference is 5 hours,")
    assert comparison(fact, (kyiv,), "en") == ""


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("в Москві буде на годину пізніше, ніж у Києві, коли переговори?", "Так. Різниця — 1"),
        ("is it earlier in Tokyo than in Seoul when the talks start?", "No. The same hour"),
        ("is it the same hour in Seoul and Tokyo when the talks start?", "Yes. The same hour"),
        ("в Минске и в Киеве одно и то же время будет на начало переговоров?", "Нет. Разница"),
        ("is it 3 hours later in Moscow than in London for the talks?", "Yes. The difference"),
        ("is it 2 hours later in Moscow than in London for the talks?", "No. The difference"),
        ("где раньше начнутся переговоры, в Лондоне или в Киеве?", "Разница — 2 часа"),
        ("is Moscow 3 hours ahead of London when the talks start?", "Yes. The difference"),
        ("Минск на час впереди Киева во время переговоров?", "Да. Разница — 1 час"),
    ],
)
def test_a_claim_about_the_clocks_is_answered_yes_or_no_first(engine, question, lead):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.lead.startswith(lead)
