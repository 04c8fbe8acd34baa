"""Russian and Ukrainian as writers new to the bot put them: general forms of the language
(a verb of doing before the act it names), each read as its plain wording is."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "plain"),
    [
        # making a statement is the statement itself, in any tense or aspect
        ("будут ли президенты делать заявления?", "ru", "будут ли заявления президентов"),
        ("президенты сделают заявления?", "ru", "будут ли заявления президентов"),
        ("чи будуть президенти робити заяви?", "uk", "чи будуть заяви президентів"),
        ("президенти зроблять заяви?", "uk", "чи будуть заяви президентів"),
    ],
)
def test_a_verb_of_doing_before_an_act_reads_as_the_act(content, question, lang, plain):
    engine = anew(content, question)
    assert set(engine.index.analyse(question, lang).tokens) == set(
        engine.index.analyse(plain, lang).tokens
    )
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "no-joint-statements"


def test_what_they_will_do_still_asks_the_condition(content):
    question = "что сделают американцы, если Россия нападет?"
    answer = anew(content, question).ask(question, lang_hint="ru")
    assert answer.fact is not None and answer.fact.id == "us-support-if-invasion"


@pytest.mark.parametrize(
    ("question", "lang", "plain"),
    [
        # Russia's adjective and its initials name the country, as in "позиция России"
        ("российская позиция", "ru", "позиция России"),
        ("президент РФ", "ru", "президент России"),
        ("російська позиція", "uk", "позиція Росії"),
    ],
)
def test_russias_adjective_and_initials_name_the_country(engine, question, lang, plain):
    asked, said = engine.index.analyse(question, lang), engine.index.analyse(plain, lang)
    assert set(asked.tokens) == set(said.tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("кто изложит позицию российской стороны после созвона?", "ru"),
        ("хто викладе позицію російської сторони після дзвінка?", "uk"),
    ],
)
def test_the_russian_side_is_russias_position(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "russia-position"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # taking part, joining, in either aspect, is one word with the English "join"
        ("кто примет участие в переговорах?", "ru"),
        ("кто-то ещё присоединится к переговорам?", "ru"),
        ("чи ще хтось долучиться до переговорів?", "uk"),
        ("хто приєднається до переговорів?", "uk"),
    ],
)
def test_taking_part_and_joining_ask_the_participants(content, question, lang):
    engine = anew(content, question)
    assert "@takepart" in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-participants"
