"""Ukrainian as the fourth writer typed it (issue 10, round 9): words and shapes the earlier
writers used little. Each is asked of the fact base without that exact wording, as a new
user's question would be."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("на чому наполягав Кремль?", "moscow-insisted"),
        ("у чому полягала ініціатива Путіна щодо гарантій?", "security-guarantees-initiative"),
    ],
)
def test_chomu_after_a_preposition_is_what_not_why(content, question, fact):
    engine = anew(content, question)
    assert "@why" not in engine.index.analyse(question, "uk").tokens
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == fact


def test_the_reason_in_chomu_still_asks_why(engine):
    assert "@why" in engine.index.analyse("у чому причина розмови", "uk").tokens


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("uk", "як Кремль повідомить про підсумки"),
        ("uk", "хто розповість підсумки з боку Росії"),
        ("uk", "хто від Кремля коментуватиме підсумки"),
        ("ru", "кто от Кремля будет комментировать итоги"),
    ],
)
def test_who_reports_the_results_is_no_question_about_the_outcome(engine, lang, question):
    assert "@outcome" not in engine.index.analyse(question, lang).tokens


def test_who_reports_the_results_asks_for_the_readout(content):
    question = "хто розповість підсумки з боку Росії"
    assert anew(content, question).ask(question, lang_hint="uk").fact.id == "russia-position"


def test_the_outcome_asked_alone_is_still_the_outcome(engine):
    assert "@outcome" in engine.index.analyse("які підсумки переговорів?", "uk").tokens


def test_media_is_an_outlet(content):
    question = "що за медіа це написало?"
    engine = anew(content, question)
    assert "@outlet" in engine.index.analyse(question, "uk").tokens
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == "source-article"


@pytest.mark.parametrize(
    "question",
    ["Шановні, підкажіть, будь ласка, точний час початку розмови", "година?", "година початку?"],
)
def test_an_address_and_the_exact_hour_ask_the_time(content, question):
    engine = anew(content, question)
    assert not engine.index.analyse(question, "uk").unknown  # "шановні", "точний" say nothing
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == "talks-time"


def test_hours_counted_are_no_time_of_day(engine):
    assert "@time" not in engine.index.analyse("скільки годин триватиме розмова", "uk").tokens


def test_na_vypadok_is_a_condition(content):
    question = "що Вашингтон обіцяє на випадок вторгнення?"
    engine = anew(content, question)
    assert "@if" in engine.index.analyse(question, "uk").tokens
    assert engine.ask(question, lang_hint="uk").fact.id == "us-support-if-invasion"
