"""The call placed against a public or daily event (knowledge/language/data/anchors.yaml): a
stock exchange's opening on its own clock, lunch, working hours, the evening news at the hour
given, prime time, asked as the time and answered "Yes."/"No." only where the data settles
it (17:00 Kyiv is 10:00 in New York, 15:00 in London, midnight in Tokyo)."""

from __future__ import annotations

import pytest

from knowledge.language.anchors import AFTER, BEFORE, WITHIN, anchors_read, placed_in
from knowledge.language.text import normalize


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Wall Street opens at 9:30 New York time, wherever one asks
        ("це до відкриття біржі в нью-йорку?", "Ні."),
        ("до відкриття уолл-стріт встигнуть?", "Ні."),
        ("is it after the opening bell?", "Yes."),
        ("до обіду за києвом?", "Ні."),
        ("is it during lunch in london?", "No."),
        ("is it during working hours in tokyo?", "No."),
        ("в рабочее время по Киеву?", "Да."),
        ("в рабочее время по Москве?", "Нет."),  # 18:00 there, the day over
        # the evening news at the hour the question gives it
        ("встигнуть до вечірніх новин о сьомій по києву?", "Так."),
        ("is it after the evening news at 6 in kyiv?", "No."),
        ("is the call in prime time in kyiv?", "No."),
        ("під час обіду в лондоні?", "Ні."),
    ],
)
def test_the_anchor_s_hours_say_yes_or_no(engine, question, lead):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    "question",
    [
        # a choice offered, a news hour not given, an exchange of a place the data has no hours for
        "в нью-йорке до открытия биржи или после",
        "це після роботи по києву чи ще в робочий час?",
        "це до вечірнього випуску новин за києвом?",
        "це до відкриття біржі в токіо?",
    ],
)
def test_an_anchor_the_data_does_not_settle_gets_the_time_alone(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert not answer.lead.startswith(("Yes", "No", "Да", "Нет", "Так", "Ні"))


@pytest.mark.parametrize(
    ("question", "anchor", "relation", "offered"),
    [
        ("до обіду за києвом", "lunch", BEFORE, False),
        ("is it after work in london", "working_hours", AFTER, False),
        ("is it around lunch", "lunch", WITHIN, False),
        ("в нью-йорке до открытия биржи или после", "exchange_open", BEFORE, True),
        ("це після роботи чи ще в робочий час", "working_hours", AFTER, True),
    ],
)
def test_the_anchor_and_its_relation_are_read(question, anchor, relation, offered):
    placed = placed_in(normalize(question))
    assert placed is not None
    assert (placed.anchor.name, placed.relation, placed.offered) == (anchor, relation, offered)


def test_the_anchor_and_the_words_of_making_it_in_time_ask_the_time():
    assert anchors_read(normalize("до відкриття уолл-стріт встигнуть").split()) == ["@time"]
    assert anchors_read(["what", "is", "the", "agenda"]) == ["what", "is", "the", "agenda"]


@pytest.mark.parametrize(
    "question", ["will biden watch the evening news", "will they have lunch together"]
)
def test_an_anchor_with_no_relation_places_nothing(question):
    assert placed_in(normalize(question)) is None
