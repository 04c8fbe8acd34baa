"""The event's time asked in two or three places at once (round 16): "paris or warsaw
time?", "в варшаве, праге сколько будет", "во сколько в Берлине и в Токио"; each place's
clock is shown, in the order named, and none stays a word of the question."""

from __future__ import annotations

import pytest


def _asked(answer) -> list[str]:
    return [line.place for line in answer.times if line.role == "asked"]


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("paris or warsaw time?? when do they start", ["Paris", "Warsaw"]),
        ("what time is it in Berlin and Tokyo", ["Berlin", "Tokyo"]),
        ("in London or Paris, when does it start", ["London", "Paris"]),
        ("во сколько в Берлине и в Токио", ["Берлин", "Токио"]),
        ("в варшаве, праге сколько будет", ["Варшава", "Прага"]),
        ("о котрій у Варшаві, Празі та Відні", ["Варшава", "Прага", "Відень"]),
    ],
)
def test_each_place_named_gets_its_clock_in_the_order_named(engine, question, places):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert _asked(answer) == places


def test_the_day_turns_in_one_place_and_not_the_other(engine):
    answer = engine.ask("what time is it in Berlin and Tokyo")
    times = {line.place: line.moment for line in answer.times if line.role == "asked"}
    assert times["Berlin"].hour == 16 and times["Berlin"].day == 7
    assert times["Tokyo"].hour == 0 and times["Tokyo"].day == 8  # DST-free, UTC+9


def test_two_places_of_one_clock_are_shown_once(engine):
    answer = engine.ask("во сколько в Москве и в Казани")
    assert answer.answered and len(_asked(answer)) == 1


def test_a_second_place_the_question_is_about_stays_a_word_of_it(engine):
    # Warsaw is where the screening is, not a clock asked: only Kyiv's is.
    answer = engine.ask("when is the screening in Warsaw, Kyiv time")
    assert answer.answered and answer.fact.id == "screening-time"
    assert _asked(answer) == ["Kyiv"]


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("i fly from Kyiv to Tbilisi, what time is the call", ["Tbilisi"]),
        ("flying from Warsaw to Tokyo, what time do they start", ["Warsaw", "Tokyo"]),
        ("їду з Варшави до Лондона, о котрій початок", ["Варшава", "Лондон"]),
        ("лечу из Варшавы в Лондон, во сколько начало", ["Варшава", "Лондон"]),
    ],
)
def test_both_ends_of_a_route_are_asked_from_first(engine, question, places):
    # Kyiv, the source's own clock, is its line already.
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert _asked(answer) == places


def test_a_route_needs_a_place_at_each_end(engine):
    assert route_of("when did the talks move from Geneva to video") is None
    assert route_of("i fly from Kyiv to Tbilisi") is not None


def route_of(text: str):
    from knowledge.places.resolver import PlaceResolver
    from knowledge.places.route import route

    return route(PlaceResolver.default(), text)


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        # a worry about 12/24 hours or the part of the day beside the place asked
        ("у нас в нью-йорке это с утра будет?", "America/New_York"),
        ("Лос-Анджелес, это 7 утра или 7 вечера выйдет? am pm не понимаю", "America/Los_Angeles"),
        ("у Нью-Йорку це ранок виходить?", "America/New_York"),
        ("what time in Moscow, i never get 24h clocks", "Europe/Moscow"),
    ],
)
def test_a_worry_about_the_clock_there_asks_its_time(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    ("question", "zone", "lead"),
    [
        # an hour after "в"/"at" asks about time, as a time word does; "тоже" goes with it
        ("минск тоже в 18?", "Europe/Minsk", "Да."),
        ("а в Минске тоже в 18?", "Europe/Minsk", "Да."),
        ("Warsaw at 5?", "Europe/Warsaw", "No."),
    ],
)
def test_a_check_of_an_hour_in_a_place_is_answered_there(engine, question, zone, lead):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        (
            "what time is it in Berlin and Tokyo",
            "en",
            ["4 in the afternoon", "12 midnight, the next day"],
        ),
        ("во сколько в Нью-Йорке", "ru", ["10 утра"]),
        ("о котрій у Москві", "uk", ["6 вечора"]),
    ],
)
def test_the_hour_asked_is_said_with_its_part_of_the_day(engine, question, lang, said):
    answer = engine.ask(question)
    lines = [line.text(lang) for line in answer.times if line.role == "asked"]
    assert [line.split(" · ", 1)[1] for line in lines] == said
