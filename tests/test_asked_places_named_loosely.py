"""Places named loosely in a question about the time (issue 10): a state or country after a
time word and "по", a region or island named loosely, macro regions, a place alone or after a
relative, colloquial names and capitals' aliases; and the names that are no place ("США?",
"переговоры по Украине", "la la land")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("время по Калифорнии", "America/Los_Angeles"),  # a time word before "по" and a state
        ("час за Каліфорнією", "America/Los_Angeles"),
        ("время по Украине", "Europe/Kyiv"),
        # a question for the hour before "по", as a time word there
        ("во сколько по израилю", "Asia/Jerusalem"),
        ("в котором часу по Японии", "Asia/Tokyo"),
    ],
)
def test_a_time_word_before_po_makes_a_state_or_country_the_place(engine, question, zone):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place is not None
    assert answer.place.key == zone


def test_po_with_a_country_and_no_time_word_is_still_about_it(engine):
    assert engine.resolver.find("переговоры по Украине") is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        # after a noun, "по" and a region named with its unit asks its clock: no talks are
        # about an oblast
        ("во сколько переговоры по Московской области", "Europe/Moscow"),
        ("коли переговори по Львівській області", "Europe/Kyiv"),
        ("во сколько разговор по Новосибирской области", "Asia/Novosibirsk"),
        ("во сколько переговоры по ташкентской области", "Asia/Tashkent"),
        # "on" before an island, and islands named in the plural
        ("when is the call on Easter Island", "Pacific/Easter"),
        ("what time on Hawaii", "Pacific/Honolulu"),
        ("when is it on Bali", "Asia/Makassar"),
        ("во сколько на Азорах", "Atlantic/Azores"),
        ("во сколько на Гавайях", "Pacific/Honolulu"),
        ("когда на Канарах", "Atlantic/Canary"),
        # an unknown place adjective in an oblique case
        ("во сколько в Свентокшиском воеводстве", "Europe/Warsaw"),
    ],
)
def test_a_region_or_island_named_loosely_is_the_place_whose_clock_is_asked(engine, question, zone):
    assert engine.resolver.find(question).place.key == zone
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        # "во сколько переговоры по Украине" is read as a place and left the topic by the
        # answer (test_asked_places_in_own_words.py): the base talks about Ukraine.
        "переговоры по Московской области",  # no question about time
        "talks on Ukraine",  # "on" is what they are about but before an island
        "when are the talks on Ukraine",
        "when is the call on Tuesday",
    ],
)
def test_po_or_on_before_a_topic_finds_no_place(engine, question):
    assert engine.resolver.find(question) is None


def test_a_summit_in_geneva_is_still_about_geneva(engine):
    mention = engine.resolver.find("when is the summit in Geneva")
    assert mention is not None and mention.place.key == "Europe/Zurich"
    answer = engine.ask("when is the summit in Geneva")
    assert answer.place is None


@pytest.mark.parametrize(
    ("question", "zone", "city"),
    [
        ("а в Сибири во сколько", "Asia/Novosibirsk", "Новосибирск"),
        ("what time is it in Siberia", "Asia/Novosibirsk", "Novosibirsk"),
        ("коли на Далекому Сході", "Asia/Vladivostok", "Хабаровськ"),
    ],
)
def test_a_macro_region_of_several_clocks_is_answered_for_its_largest_city(
    engine, question, zone, city
):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == zone
    assert any(city in note for note in answer.notes)  # and says which city it used


@pytest.mark.parametrize("question", ["во сколько на Урале", "коли на Уралі", "time in the Urals"])
def test_a_macro_region_of_one_clock_names_the_city_it_used(engine, question):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == "Asia/Yekaterinburg"
    assert answer.notes


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("а по Самаре?", "Europe/Samara"),
        ("in Denver?", "America/Denver"),
        ("а у Львові?", "Europe/Kyiv"),
        # a relative before the place: the time there
        ("what time is it for my son in Vancouver", "America/Vancouver"),
        ("when can my relatives in Haifa watch", "Asia/Jerusalem"),
        ("во сколько будет разговор для моего сына в Ванкувере", "America/Vancouver"),
        ("котра година буде для доньки в Торонто", "America/Toronto"),
    ],
)
def test_a_place_alone_or_after_a_relative_asks_the_main_event_time_there(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize("question", ["США?", "Украина?", "Женева?"])
def test_a_bare_name_the_base_talks_about_is_not_taken_for_a_time_question(engine, question):
    # Without its preposition a name the fact base reads may be the subject ("Украина?" asks
    # about Ukraine); one it does not know at all is a place (tests/test_asked_odd_clocks.py).
    answer = engine.ask(question)
    assert answer.place is None or answer.fact is None or answer.fact.id != "talks-time"


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("когда в новосибе", "Asia/Novosibirsk"),  # colloquial short names, any case
        ("во сколько в Екб", "Asia/Yekaterinburg"),
        ("коли в Екаті", "Asia/Yekaterinburg"),
    ],
)
def test_a_colloquial_city_name_is_the_city(engine, question, zone):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == zone


def test_a_first_name_is_no_colloquial_city(engine):
    assert engine.resolver.find("когда Владик придёт") is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("what time does it start in dc", "America/New_York"),
        ("when is the call in la", "America/Los_Angeles"),
    ],
)
def test_a_capitals_alias_in_lower_case_counts_after_in_in_a_time_question(engine, question, zone):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == zone


@pytest.mark.parametrize("question", ["when is it for us", "what time is it in us", "la la land"])
def test_a_lower_case_alias_that_is_a_word_or_without_in_is_no_place(engine, question):
    assert engine.resolver.find(question) is None
