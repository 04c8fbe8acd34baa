"""A place named by what stands there (an airport by its code or name, a landmark, a street),
by an old name or by a region (wave 14): "what time at JFK", "on Wall Street", "by the Kremlin
clock", "на Крещатике", "біля Говерли", "в Карпатах", "во Фрунзе", "у Лемберзі" (sites.yaml);
an old or colloquial name in lower case ("what time in piter"), and a country by its
people's adjective ("irish time")."""

from __future__ import annotations

import pytest

from knowledge.places import demonyms, sites
from knowledge.places.resolver import PlaceResolver


@pytest.mark.parametrize(
    ("question", "zone", "site"),
    [
        ("what time at JFK", "America/New_York", "JFK"),
        ("KBP time?", "Europe/Kyiv", "KBP"),
        ("what time at Sheremetyevo when they start talking", "Europe/Moscow", "Sheremetyevo"),
        ("what time at Murtala Muhammed airport", "Africa/Lagos", "Murtala Muhammed airport"),
        ("what time at Changi", "Asia/Singapore", "Changi"),
        ("what time is the call on Wall Street", "America/New_York", "Wall Street"),
        ("what time at the Eiffel Tower", "Europe/Paris", "Eiffel Tower"),
        ("what time by the Kremlin clock does it begin", "Europe/Moscow", "Kremlin clock"),
        ("what hour at the Bosphorus when they start", "Europe/Istanbul", "Bosphorus"),
        ("который час будет на площади Тяньаньмэнь", "Asia/Shanghai", "площадь Тяньаньмэнь"),
        ("сколько будет на Крещатике, когда начнут", "Europe/Kyiv", "Крещатик"),
        ("который час будет в Шереметьево", "Europe/Moscow", "Шереметьево"),
        ("сколько будет на часах Спасской башни к началу", "Europe/Moscow", "Спасская башня"),
        ("время у Эрмитажа в момент разговора", "Europe/Moscow", "Эрмитаж"),
        ("во сколько во Фрунзе", "Asia/Bishkek", "Фрунзе"),
        ("котра година біля Говерли, коли почнуть", "Europe/Kyiv", "Говерла"),
        # "Карпатах" reads to both languages' names; the first listed (ru) is shown.
        ("о котрій це буде в Карпатах", "Europe/Kyiv", "Карпаты"),
        ("о котрій у Константинополі", "Europe/Istanbul", "Константинополь"),
        ("котра година буде біля Біг-Бена", "Europe/London", "Біг-Бен"),
        ("о котрій у Лемберзі", "Europe/Kyiv", "Лемберг"),
        ("скільки буде на площі Ринок у Львові", "Europe/Kyiv", "площа Ринок"),
        ("скільки буде на курантах Спаської вежі", "Europe/Moscow", "Спаська вежа"),
        # "по"/"за" a clock (round 24)
        ("по кремлёвским курантам во сколько разговор", "Europe/Moscow", "кремлёвские куранты"),
        ("за кремлівськими курантами о котрій розмова", "Europe/Moscow", "кремлівські куранти"),
    ],
)
def test_a_site_beside_a_preposition_or_a_time_word_is_its_city(question, zone, site):
    mention = sites.find(PlaceResolver.default(), question)
    assert mention is not None and mention.place.key == zone
    assert mention.place.site == site


@pytest.mark.parametrize(
    "question",
    [
        "what time at the ZOO",  # a word in capitals is no airport code
        "CAT time?",  # nor a zone's label (the resolver reads that one)
        "what time at jfk",  # a code counts in capitals only
        "WHAT TIME AT JFK",  # and not in a message all in capitals
        "what did the Kremlin say",  # the Kremlin alone is who speaks, not a clock
        "что говорят в Пентагоне",  # an institution named by its building
        "что на рынке",  # an ordinary word ("ринок") counts only in the square's name
        "is the Eiffel Tower mentioned",  # no preposition before it, no time word after
        "переговоры по Украине",  # "по" opens a site only: a country is no site
    ],
)
def test_a_word_or_a_site_talked_about_is_no_site(question):
    assert sites.find(PlaceResolver.default(), question) is None


def test_every_site_names_a_known_city():
    sites.validate(PlaceResolver.default())


@pytest.mark.parametrize(
    ("question", "zone", "note"),
    [
        ("what time at JFK", "America/New_York", "JFK: New York."),
        ("котра година буде на Хрещатику, коли почнуть", "Europe/Kyiv", "Хрещатик: Київ."),
        ("скільки буде на площі Ринок у Львові", "Europe/Kyiv", "площа Ринок: Львів."),
    ],
)
def test_the_answer_names_the_city_of_the_site(engine, question, zone, note):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone
    assert note in answer.text


@pytest.mark.parametrize(
    ("question", "zone", "note"),
    [
        ("what time in piter", "Europe/Moscow", "Piter: Saint Petersburg."),
        ("what time in lemberg", "Europe/Kyiv", "Lemberg: Lviv."),
    ],
)
def test_an_old_or_colloquial_name_in_lower_case_is_its_city(engine, question, zone, note):
    answer = engine.ask(question)
    assert answer.place is not None and answer.place.key == zone
    assert note in answer.text


def test_the_asker_by_us_is_where_they_are():
    mention = PlaceResolver.default().find("when is it by us in Dublin")
    assert mention is not None and mention.place.key == "Europe/Dublin"
    assert mention.text.startswith("by us")


def test_a_lower_case_word_after_a_preposition_stays_a_word():
    for question in ("what time in rom", "what time in the morning", "what time in march"):
        assert sites.find(PlaceResolver.default(), question) is None, question


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("irish time for the call?", "Europe/Dublin"),
        ("scottish time?", "Europe/London"),
        ("what time for nigerians", "Africa/Lagos"),
    ],
)
def test_a_country_by_its_people_in_a_question_about_time(question, zone):
    mention = demonyms.find(PlaceResolver.default(), question)
    assert mention is not None and mention.place.key == zone


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("а колькі часу ў Мінску", "Europe/Minsk"),  # Belarusian "ў" and the city's case
        ("у колькі ў Маскве", "Europe/Moscow"),
        ("колькі часу ў Лондане", "Europe/London"),
    ],
)
def test_a_belarusian_place_after_short_u(question, zone):
    mention = PlaceResolver.default().find(question)
    assert mention is not None and mention.place.key == zone
