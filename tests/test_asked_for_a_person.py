"""The time for a person or an institution, and names and words in pet forms (round 20):
"а для Псаки во сколько начало", "во сколько это для Остина", "time at the pentagon",
"у путінчика о котрій почнеться" ask the clock where that person works, and the answer
says whose clock it used (landmarks.yaml); "путинчик", "дедуля байден", "созвончик",
"питаннячко" are read as the plain words they stand for (lexicon.yaml, words.yaml)."""

from __future__ import annotations

import pytest

from knowledge.places import demonyms, landmarks

WASHINGTON, MOSCOW = "America/New_York", "Europe/Moscow"


@pytest.mark.parametrize(
    ("question", "zone", "label"),
    [
        ("а для Псаки во сколько начало", WASHINGTON, "Псаки"),
        ("for psaki what's the time", WASHINGTON, "Psaki"),
        ("во сколько это для Остина", WASHINGTON, "Остин"),  # a case form of a listed name
        ("у министра обороны сша сколько будет времени", WASHINGTON, "Остин"),  # a title
        ("time at the pentagon when they begin", WASHINGTON, "Pentagon"),
        ("по времени белого дома во сколько", WASHINGTON, "Белый дом"),
        ("для дедушки Байдена это во сколько", WASHINGTON, "Байден"),  # a pet word between
        ("который час будет у Путинчика, когда начнут", MOSCOW, "Путин"),  # a pet name
        ("во сколько у Вовочки начнётся", MOSCOW, "Путин"),
        ("за часом путіна коли починається", MOSCOW, "Путін"),
        ("котра година в пєскова, коли почнуть", MOSCOW, "Пєсков"),
        ("для пресс-секретаря Кремля это во сколько", MOSCOW, "Песков"),
    ],
)
def test_a_person_or_building_stands_for_where_they_work(resolver, question, zone, label):
    mention = landmarks.find(resolver, question)
    assert mention is not None and mention.place.key == zone
    assert mention.place.site == label


@pytest.mark.parametrize(
    "question",
    [
        "what did Psaki say",  # no preposition, no time word: who spoke
        "who speaks for the kremlin after the talks",  # the Kremlin's clock only after "для"
        "what time is it in austin",  # the city, not the defense secretary
        "что сказал котик",
    ],
)
def test_a_person_talked_about_is_no_place(resolver, question):
    assert landmarks.find(resolver, question) is None


def test_every_landmark_names_a_known_place(resolver):
    landmarks.validate(resolver)


@pytest.mark.parametrize(
    ("question", "zone", "note"),
    [
        ("а для Псаки во сколько начало", WASHINGTON, "Псаки: Вашингтон"),
        ("у путінчика о котрій почнеться", MOSCOW, "Путін: Москва"),
        ("time at the pentagon when they begin", WASHINGTON, "Pentagon: Washington"),
        # A person who keeps the clock of the place named only says where.
        ("по вашингтонскому времени для Псаки?", WASHINGTON, ""),
        ("for psaki at the white house what's the time", WASHINGTON, "Psaki: Washington"),
    ],
)
def test_the_clock_of_a_person_is_answered_and_named(engine, question, zone, note):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone
    assert note in answer.text


@pytest.mark.parametrize("question", ["what time for the russians", "for the americans what time"])
def test_a_side_after_an_article_is_its_clock(resolver, question):
    assert demonyms.find(resolver, question) is not None


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("что обсудят путинчик с байденом", "talks-topics"),
        ("what will putler and biden discuss", "talks-topics"),
        ("переговорчики между кем", "talks-participants"),
        ("when is the lil chat", "talks-time"),
        ("коли та розмовонька", "talks-time"),
        ("привіт\nпитаннячко\nколи розмова\nдякую", "talks-time"),
        ("привет\nвопросик\nкогда созвон\nспасибо", "talks-time"),
    ],
)
def test_pet_forms_are_read_as_the_plain_words(engine, question, fact):
    answer = engine.ask(question)
    assert answer.answered and answer.fact is not None and answer.fact.id == fact


def test_a_pet_form_of_a_word_not_about_the_article_matches_nothing(engine):
    assert not engine.ask("что обсудят котик с собачкой").answered
