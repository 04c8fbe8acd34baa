"""The place resolver: places and zones named in en, ru and uk, and the event's time there."""

from __future__ import annotations

import datetime

import pytest

from knowledge.places import zones
from knowledge.places.resolver import Place, PlaceResolver

KYIV = zones.get_zone("Europe/Kyiv")
# The call: 2021-12-07 17:00 Kyiv time (UTC+2 in winter), i.e. 15:00 UTC.
EVENT = datetime.datetime(2021, 12, 7, 17, 0, tzinfo=KYIV)


def wall_time(place: Place, moment: datetime.datetime = EVENT) -> str:
    """The event's wall time in the place, with the day: "12-07 10:00"."""
    return moment.astimezone(place.tzinfo).strftime("%m-%d %H:%M")


# (a whole string naming a place, the zone key, the event's wall time there)
PLACES = [
    # English city names and aliases
    ("New York", "America/New_York", "12-07 10:00"),
    ("NYC", "America/New_York", "12-07 10:00"),
    ("new york", "America/New_York", "12-07 10:00"),
    ("in New York", "America/New_York", "12-07 10:00"),
    ("NY time", "America/New_York", "12-07 10:00"),
    ("Washington", "America/New_York", "12-07 10:00"),
    ("DC", "America/New_York", "12-07 10:00"),
    ("LA", "America/Los_Angeles", "12-07 07:00"),
    ("Los Angeles", "America/Los_Angeles", "12-07 07:00"),
    ("SF", "America/Los_Angeles", "12-07 07:00"),
    ("Chicago", "America/Chicago", "12-07 09:00"),
    ("Denver", "America/Denver", "12-07 08:00"),
    ("Toronto", "America/Toronto", "12-07 10:00"),
    ("Mexico City", "America/Mexico_City", "12-07 09:00"),
    ("Sao Paulo", "America/Sao_Paulo", "12-07 12:00"),
    ("São Paulo", "America/Sao_Paulo", "12-07 12:00"),
    ("Tokyo", "Asia/Tokyo", "12-08 00:00"),
    ("Tokyo time", "Asia/Tokyo", "12-08 00:00"),
    ("Seoul", "Asia/Seoul", "12-08 00:00"),
    ("Beijing", "Asia/Shanghai", "12-07 23:00"),
    ("Hong Kong", "Asia/Hong_Kong", "12-07 23:00"),
    ("Singapore", "Asia/Singapore", "12-07 23:00"),
    ("Delhi", "Asia/Kolkata", "12-07 20:30"),
    ("Mumbai", "Asia/Kolkata", "12-07 20:30"),
    ("Bombay", "Asia/Kolkata", "12-07 20:30"),
    ("Kathmandu", "Asia/Kathmandu", "12-07 20:45"),
    ("Tehran", "Asia/Tehran", "12-07 18:30"),
    ("Dubai", "Asia/Dubai", "12-07 19:00"),
    ("Sydney", "Australia/Sydney", "12-08 02:00"),
    ("Adelaide", "Australia/Adelaide", "12-08 01:30"),
    ("Auckland", "Pacific/Auckland", "12-08 04:00"),
    ("London", "Europe/London", "12-07 15:00"),
    ("Berlin", "Europe/Berlin", "12-07 16:00"),
    ("for Berlin", "Europe/Berlin", "12-07 16:00"),
    ("Geneva", "Europe/Zurich", "12-07 16:00"),
    ("Zürich", "Europe/Zurich", "12-07 16:00"),
    ("Moscow", "Europe/Moscow", "12-07 18:00"),
    ("Moskau", "Europe/Moscow", "12-07 18:00"),
    ("St. Petersburg", "Europe/Moscow", "12-07 18:00"),
    ("Kyiv", "Europe/Kyiv", "12-07 17:00"),
    ("Kiev", "Europe/Kyiv", "12-07 17:00"),
    ("Кiev", "Europe/Kyiv", "12-07 17:00"),  # a Cyrillic К among Latin letters
    ("Istanbul", "Europe/Istanbul", "12-07 18:00"),
    ("Honolulu", "Pacific/Honolulu", "12-07 05:00"),
    # Russian: names, locatives, "по" + dative, adjectives, aliases
    ("Нью-Йорк", "America/New_York", "12-07 10:00"),
    ("в Нью-Йорке", "America/New_York", "12-07 10:00"),
    ("нью-йоркское время", "America/New_York", "12-07 10:00"),
    ("по времени Нью-Йорка", "America/New_York", "12-07 10:00"),
    ("Вашингтон", "America/New_York", "12-07 10:00"),
    ("Москва", "Europe/Moscow", "12-07 18:00"),
    ("по Москве", "Europe/Moscow", "12-07 18:00"),
    ("по московскому времени", "Europe/Moscow", "12-07 18:00"),
    ("Киев", "Europe/Kyiv", "12-07 17:00"),
    ("по Киеву", "Europe/Kyiv", "12-07 17:00"),
    ("по киевскому", "Europe/Kyiv", "12-07 17:00"),
    ("киевское время", "Europe/Kyiv", "12-07 17:00"),
    ("в Токио", "Asia/Tokyo", "12-08 00:00"),
    ("в Лондоне", "Europe/London", "12-07 15:00"),
    ("лондонское", "Europe/London", "12-07 15:00"),
    ("Женева", "Europe/Zurich", "12-07 16:00"),
    ("Питер", "Europe/Moscow", "12-07 18:00"),
    ("в Петербурге", "Europe/Moscow", "12-07 18:00"),
    ("в Санкт-Петербурге", "Europe/Moscow", "12-07 18:00"),
    ("в Нижнем Новгороде", "Europe/Moscow", "12-07 18:00"),
    ("в Екатеринбурге", "Asia/Yekaterinburg", "12-07 20:00"),
    ("во Владивостоке", "Asia/Vladivostok", "12-08 01:00"),
    ("в Алматы", "Asia/Almaty", "12-07 21:00"),
    ("в Минске", "Europe/Minsk", "12-07 18:00"),
    ("в Тбилиси", "Asia/Tbilisi", "12-07 19:00"),
    ("в Варшаве", "Europe/Warsaw", "12-07 16:00"),
    ("в Берлине", "Europe/Berlin", "12-07 16:00"),
    ("в Сиднее", "Australia/Sydney", "12-08 02:00"),
    ("в Харькове", "Europe/Kyiv", "12-07 17:00"),
    # Ukrainian
    ("Київ", "Europe/Kyiv", "12-07 17:00"),
    ("у Києві", "Europe/Kyiv", "12-07 17:00"),
    ("за київським часом", "Europe/Kyiv", "12-07 17:00"),
    ("у Нью-Йорку", "America/New_York", "12-07 10:00"),
    ("в Лондоні", "Europe/London", "12-07 15:00"),
    ("у Варшаві", "Europe/Warsaw", "12-07 16:00"),
    ("у Львові", "Europe/Kyiv", "12-07 17:00"),
    ("в Одесі", "Europe/Kyiv", "12-07 17:00"),
    ("у Харкові", "Europe/Kyiv", "12-07 17:00"),
    ("у Празі", "Europe/Prague", "12-07 16:00"),
    ("у Парижі", "Europe/Paris", "12-07 16:00"),
    ("у Вашингтоні", "America/New_York", "12-07 10:00"),
    ("у Женеві", "Europe/Zurich", "12-07 16:00"),
    ("у Токіо", "Asia/Tokyo", "12-08 00:00"),
    ("за токійським часом", "Asia/Tokyo", "12-08 00:00"),
    ("за московським часом", "Europe/Moscow", "12-07 18:00"),
    # Abbreviations: a summer name names the zone, whose December time is shown
    ("UTC", "UTC", "12-07 15:00"),
    ("GMT", "GMT", "12-07 15:00"),
    ("по Гринвичу", "GMT", "12-07 15:00"),
    ("EST", "America/New_York", "12-07 10:00"),
    ("EDT", "America/New_York", "12-07 10:00"),
    ("ET", "America/New_York", "12-07 10:00"),
    ("Eastern Time", "America/New_York", "12-07 10:00"),
    ("PST", "America/Los_Angeles", "12-07 07:00"),
    ("CST", "America/Chicago", "12-07 09:00"),
    ("CET", "Europe/Berlin", "12-07 16:00"),
    ("CEST", "Europe/Berlin", "12-07 16:00"),
    ("EET", "Europe/Kyiv", "12-07 17:00"),
    ("MSK", "Europe/Moscow", "12-07 18:00"),
    ("мск", "Europe/Moscow", "12-07 18:00"),
    ("JST", "Asia/Tokyo", "12-08 00:00"),
    ("BST", "Europe/London", "12-07 15:00"),
    ("IST", "Asia/Kolkata", "12-07 20:30"),
    ("AEDT", "Australia/Sydney", "12-08 02:00"),
    # Fixed offsets, whatever the minus sign
    ("UTC+5:30", "UTC+05:30", "12-07 20:30"),
    ("in UTC+5:30", "UTC+05:30", "12-07 20:30"),
    ("UTC+3", "UTC+03:00", "12-07 18:00"),
    ("GMT-3", "UTC-03:00", "12-07 12:00"),
    ("UTC−4", "UTC-04:00", "12-07 11:00"),
    ("+03:00", "UTC+03:00", "12-07 18:00"),
    ("UTC+0", "UTC+00:00", "12-07 15:00"),
    ("МСК+2", "UTC+05:00", "12-07 20:00"),
    # Raw IANA names in any case, aliases and POSIX-style Etc names (inverted signs)
    ("Europe/Paris", "Europe/Paris", "12-07 16:00"),
    ("europe/berlin", "Europe/Berlin", "12-07 16:00"),
    ("Europe/Kiev", "Europe/Kiev", "12-07 17:00"),
    ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires", "12-07 12:00"),
    ("Etc/GMT+3", "Etc/GMT+3", "12-07 12:00"),
    # Countries with one zone
    ("Japan", "Asia/Tokyo", "12-08 00:00"),
    ("Ukraine", "Europe/Kyiv", "12-07 17:00"),
    ("Україна", "Europe/Kyiv", "12-07 17:00"),
    ("в Украине", "Europe/Kyiv", "12-07 17:00"),
    ("Germany", "Europe/Berlin", "12-07 16:00"),
    ("Германия", "Europe/Berlin", "12-07 16:00"),
    ("India", "Asia/Kolkata", "12-07 20:30"),
    ("в Японии", "Asia/Tokyo", "12-08 00:00"),
    ("UK", "Europe/London", "12-07 15:00"),
    ("Великобритания", "Europe/London", "12-07 15:00"),
    ("Ukrainian time", "Europe/Kyiv", "12-07 17:00"),
    ("японское время", "Asia/Tokyo", "12-08 00:00"),
    # Countries with several zones, at their capital
    ("USA", "America/New_York", "12-07 10:00"),
    ("США", "America/New_York", "12-07 10:00"),
    ("в США", "America/New_York", "12-07 10:00"),
    ("Russia", "Europe/Moscow", "12-07 18:00"),
    ("Россия", "Europe/Moscow", "12-07 18:00"),
    ("у Росії", "Europe/Moscow", "12-07 18:00"),
    ("Canada", "America/Toronto", "12-07 10:00"),
    ("Australia", "Australia/Sydney", "12-08 02:00"),
    ("Brazil", "America/Sao_Paulo", "12-07 12:00"),
    ("Mexico", "America/Mexico_City", "12-07 09:00"),
    ("Kazakhstan", "Asia/Almaty", "12-07 21:00"),
    ("Indonesia", "Asia/Jakarta", "12-07 22:00"),
]


@pytest.mark.parametrize(("name", "key", "wall"), PLACES)
def test_a_place_name_resolves_to_its_zone_and_the_event_time_there(resolver, name, key, wall):
    place = resolver.resolve(name)
    assert place is not None, name
    assert place.key == key
    assert wall_time(place) == wall


def test_the_table_covers_at_least_eighty_phrasings():
    assert len(PLACES) >= 80


def test_a_country_with_several_zones_is_answered_with_its_capital(resolver):
    usa = resolver.resolve("USA")
    assert usa.kind == "country"
    assert usa.country is not None and usa.country["en"] == "USA"
    assert usa.label("en") == "Washington" and usa.label("ru") == "Вашингтон"
    russia = resolver.resolve("Росія")
    assert russia.country["uk"] == "Росія" and russia.label("uk") == "Москва"
    assert resolver.resolve("Canada").label("en") == "Ottawa"
    assert resolver.resolve("Australia").label("en") == "Canberra"


def test_a_country_with_one_zone_is_named_as_itself(resolver):
    japan = resolver.resolve("Japan")
    assert japan.kind == "country" and japan.country is None
    assert japan.names == {"en": "Japan", "ru": "Япония", "uk": "Японія"}
    # Crimea keeps Moscow time under occupation; Ukraine's own time is Kyiv's.
    assert resolver.resolve("Ukraine").country is None


def test_a_city_carries_its_names_in_three_languages(resolver):
    place = resolver.resolve("у Києві")
    assert place.kind == "city"
    assert place.names == {"en": "Kyiv", "ru": "Киев", "uk": "Київ"}
    assert resolver.resolve("Нью-Йорк").names == {
        "en": "New York",
        "ru": "Нью-Йорк",
        "uk": "Нью-Йорк",
    }


@pytest.mark.parametrize("name", ["Kherson", "у Херсоні", "в Херсоне", "Херсон"])
def test_a_regional_centre_under_the_population_bar_is_kept(resolver, name):
    # GeoNames counts Kherson at 66,000 since 2022, under the index's 100,000 bar; it is
    # kept by knowledge/places/data/below_the_bar.yaml.
    place = resolver.resolve(name)
    assert place is not None and place.key == "Europe/Kyiv"
    assert place.names == {"en": "Kherson", "ru": "Херсон", "uk": "Херсон"}


def test_an_ambiguous_abbreviation_names_the_readings_not_taken(resolver):
    ist = resolver.resolve("IST")
    assert ist.kind == "abbreviation" and ist.key == "Asia/Kolkata"
    assert ist.other_readings == ("Israel", "Ireland")
    assert ist.label("en") == "IST"
    assert resolver.resolve("EST").other_readings == ()


def test_zoneinfo_fixed_offset_abbreviations_are_not_used(resolver):
    # zoneinfo's "EST" never observes daylight time; New York does.
    july = datetime.datetime(2021, 7, 1, 12, tzinfo=datetime.UTC)
    assert july.astimezone(resolver.resolve("EST").tzinfo).strftime("%H:%M") == "08:00"


def test_an_offset_is_a_fixed_timezone_with_a_canonical_key(resolver):
    place = resolver.resolve("utc+5:30")
    assert place.kind == "offset" and place.key == "UTC+05:30"
    assert isinstance(place.tzinfo, datetime.timezone)
    assert place.label("uk") == "UTC+05:30"
    assert resolver.resolve("UTC+15") is None


def test_a_raw_zone_is_labelled_with_its_exemplar_city(resolver):
    place = resolver.resolve("Europe/Kiev")
    assert place.kind == "zone"
    assert place.label("uk") == "Київ"


@pytest.mark.parametrize(
    ("name", "december", "july"),
    [
        ("Berlin", "+0100", "+0200"),
        ("New York", "-0500", "-0400"),
        ("Sydney", "+1100", "+1000"),  # the southern summer is in December
    ],
)
def test_daylight_saving_time_is_applied_on_both_sides_of_the_year(resolver, name, december, july):
    zone = resolver.resolve(name).tzinfo
    assert datetime.datetime(2021, 12, 7, 12, tzinfo=zone).strftime("%z") == december
    assert datetime.datetime(2021, 7, 7, 12, tzinfo=zone).strftime("%z") == july


@pytest.mark.parametrize("name", ["Narnia", "Berln", "Масква-сити-град", "Хогвартс", "xyz"])
def test_an_unknown_place_resolves_to_none(resolver, name):
    assert resolver.resolve(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Berln", "Berlin"),
        ("Toky", "Tokyo"),
        ("Nw York", "New York"),
        ("Лондн", "Лондон"),
        ("у Берлини", "Берлін"),
        ("Масква", "Москва"),
    ],
)
def test_an_unknown_place_gets_close_suggestions_in_its_own_script(resolver, name, expected):
    suggestions = resolver.suggest(name)
    assert expected in suggestions
    assert 0 < len(suggestions) <= 3


def test_suggest_keeps_to_the_script_of_the_input(resolver):
    assert all(not s.isascii() for s in resolver.suggest("Лондн"))
    assert all(s.isascii() for s in resolver.suggest("Lndon"))
    assert resolver.suggest("") == []


def test_the_default_resolver_is_shared(resolver):
    assert PlaceResolver.default() is resolver


def test_places_are_values(resolver):
    assert resolver.resolve("Berlin") == resolver.resolve("Берлин")
    assert len({resolver.resolve("Berlin"), resolver.resolve("в Берлине")}) == 1


def test_the_index_credits_geonames_and_stays_compact():
    from importlib import resources

    data = resources.files("knowledge.places").joinpath("data", "places.json")
    head = data.read_text("utf-8")[:2000]
    assert "GeoNames" in head and "CC BY 4.0" in head
    # The towns of 15,000+ people (a second tier) took it from 1.6 MB to 4.3 MB.
    assert len(data.read_bytes()) < 5_000_000
