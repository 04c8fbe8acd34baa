"""Towns under the cities' bar, a town told apart by the region after it, and a lesser city
named bare opening a question about time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.places.resolver import PlaceResolver

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.default()


# (question, zone, kind (None: any), phrase found)
TOWNS = [
    # towns of 15,000+ people, with their Cyrillic names and cases
    ("what time is the call in Bozeman", "America/Denver", "city", "in Bozeman"),
    ("во сколько будет в Урюпинске", "Europe/Volgograd", "city", "в Урюпинске"),
    ("а у нас в урюпинске во сколько смотреть", "Europe/Volgograd", "city", None),
    ("во сколько в Жмеринке", "Europe/Kyiv", "city", "в Жмеринке"),
    ("о котрій у Жмеринці", "Europe/Kyiv", "city", "у Жмеринці"),
    # a region, a country or a state's code after the town: agreeing, the town and both
    ("what time is the call in Bozeman, Montana", "America/Denver", "city", "in Bozeman, Montana"),
    ("bozeman mt time??", "America/Denver", "city", "bozeman mt time"),
    ("I'm in Bozeman MT, when do I need to be up", "America/Denver", "city", "I'm in Bozeman MT"),
    ("what time is it in Nome, Alaska", "America/Nome", "city", "in Nome, Alaska"),
    ("whats the start time for walla walla WA", "America/Los_Angeles", "city", None),
    ("Alice Springs, NT: what time", "Australia/Darwin", "city", "Alice Springs, NT"),
    ("Камышин Волгоградской области, во сколько", "Europe/Volgograd", "city", None),
    ("о котрій у Саскатуні, Канада", "America/Regina", "city", "у Саскатуні, Канада"),
    ("саскатун саскачеван час розмови", "America/Regina", None, None),
    ("what time in Portland, Oregon", "America/Los_Angeles", "city", "in Portland, Oregon"),
    # disagreeing: the index's Portland is Oregon's, London England's; the region's clock
    ("portland ME start time", "America/New_York", "region", "portland ME"),
    ("Portland (Maine, the east coast one) what time", "America/New_York", None, None),
    ("what time is it in Portland, Maine", "America/New_York", "region", "in Portland, Maine"),
    ("what time in London, Ontario", "America/Toronto", "region", "in London, Ontario"),
    # a town the index does not know, before its region: the region's clock
    ("what time is the call in Whitefish, Montana", "America/Denver", "region", None),
    ("во сколько в Новохопёрске Воронежской области", "Europe/Moscow", "region", None),
    # a lesser city bare, opening the question
    ("ИВАНОВО ВО СКОЛЬКО", "Europe/Moscow", "city", "ИВАНОВО"),
    ("КРЕМЕНЧУК О КОТРІЙ", "Europe/Kyiv", "city", "КРЕМЕНЧУК"),
    ("иваново во сколько", "Europe/Moscow", "city", "иваново"),
]


@pytest.mark.parametrize(("question", "zone", "kind", "phrase"), TOWNS)
def test_town_in_question(
    resolver: PlaceResolver, question: str, zone: str, kind: str | None, phrase: str | None
) -> None:
    found = resolver.find(question)
    assert found is not None, question
    assert found.place.key == zone
    assert kind is None or found.place.kind == kind
    if phrase:
        assert found.text == phrase


NOT_PLACES = [
    # a code that is a word, in lower case, is the word
    "what time is the call in Portland in the evening",
    # a lesser city bare counts only opening a question about time
    "tell me about the talks, Ivanovo",
    # a possessive before a region is a person's, not a town's
    "what time is it in Biden's Delaware home",
]


@pytest.mark.parametrize("question", NOT_PLACES)
def test_no_region_misread(resolver: PlaceResolver, question: str) -> None:
    found = resolver.find(question)
    assert found is None or found.place.kind != "region", question
    if question.startswith("tell"):
        assert found is None or found.place.key != "Europe/Moscow"


def test_town_names_claim_nothing_a_city_holds(resolver: PlaceResolver) -> None:
    # Moscow, Idaho is a town of 25,000: "Moscow" stays Russia's capital.
    assert resolver.resolve("Moscow").key == "Europe/Moscow"
    assert resolver.resolve("Portland").key == "America/Los_Angeles"
    # Montana, Bulgaria (40,000 people) does not take the state's name.
    assert resolver.resolve("Montana").kind == "region"


# Words that were towns' names or their cases: Koło's GeoNames name "Кола" (Kola, and cola)
# read the Ukrainian follow-up "а коли?" ("and when?") as Poland; Paphos's "Пафос" is pathos.
WORDS_NOT_TOWNS = ["а коли?", "а коли почнуть?", "о пафосе этих переговоров, во сколько"]


@pytest.mark.parametrize("question", WORDS_NOT_TOWNS)
def test_a_word_is_no_town(resolver: PlaceResolver, question: str) -> None:
    found = resolver.find(question)
    assert found is None or found.place.key not in {"Europe/Warsaw", "Asia/Nicosia"}, question


def test_a_name_the_dictionary_reads_otherwise_is_no_town_name() -> None:
    # Any reading that is not a place makes the word ordinary, not only when none is one.
    code = (
        "from gazetteer.names import dictionary_word as d;"
        "print([d(w) for w in ('Кола', 'Пафос', 'Будё', 'Урюпинск', 'Жмеринка', 'Бозмен')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=SCRIPTS, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[True, True, True, False, False, False]"


def test_a_case_of_a_held_name_is_no_town_name() -> None:
    # Neapoli's "Неаполі" is Ukrainian "in Naples"; Lodi's "Лодзі" is "in Łódź".
    code = (
        "from gazetteer.names import case_of_a_held_name as c;"
        "h = {'неаполь', 'лодзь'};"
        "print([c(w, h) for w in ('Неаполі', 'Лодзі', 'Урюпинск', 'Неаполь')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=SCRIPTS, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[True, True, False, False]"


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("я в неаполі, о котрій починається розмова", "Europe/Rome"),
        ("у Лодзі о котрій", "Europe/Warsaw"),
    ],
)
def test_a_citys_case_stays_the_city(resolver: PlaceResolver, question: str, zone: str) -> None:
    found = resolver.find(question)
    assert found is not None and found.place.key == zone, question
