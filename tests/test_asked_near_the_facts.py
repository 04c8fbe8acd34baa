"""Questions that sit next to a fact without being answered by it: the bot's own view or
advice, what the footage shows (the article says only when it comes out), whom else someone
talks to, what a bare term is ("what is NATO"), and why, the cause, of a fact asked only
what for. Each is asked of the fixture's engine
and its decision; the forms that ask the fact's own answer are asked of an engine that
answers with whatever ranks first however unsure, without their own wording, and still
reach it."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what do you think about Putin", "en"),
        ("do you think the talks will work?", "en"),
        ("what should I tell my kids about the talks", "en"),
        ("что ты думаешь о Путине", "ru"),
        ("как ты думаешь, переговоры помогут?", "ru"),
        ("що ти думаєш про Байдена", "uk"),
        ("що порадиш щодо переговорів", "uk"),
        ("what is on the first footage", "en"),
        ("что будет на кадрах", "ru"),
        ("що буде видно на кадрах", "uk"),
        ("who else will Biden talk to this week", "en"),
        ("с кем еще Байден будет говорить", "ru"),
        ("з ким ще говоритиме Байден", "uk"),
    ],
)
def test_the_bots_view_the_footages_content_and_other_talks_are_no_facts_answer(
    engine, question, lang
):
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("im in chicago when should i tune in", "en", "talks-time"),
        ("когда покажут кадры разговора", "ru", "talks-footage"),
        ("is it just putin and biden or is anyone else joining", "en", "talks-participants"),
        # what for (the purpose) is still Biden's support, asked what he wants from the talks
        ("зачем Байдену этот разговор", "ru", "biden-ukraine-support"),
        ("навіщо Байдену ця розмова", "uk", "biden-ukraine-support"),
        # what the guarantees are is still their fact, the one fact asked what a thing is
        ("что такое эти гарантии безопасности", "ru", "security-guarantees-initiative"),
        ("що таке ті гарантії безпеки", "uk", "security-guarantees-initiative"),
    ],
)
def test_the_facts_own_questions_near_them_still_reach_the_fact(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what is NATO", "en"), ("what's NATO?", "en"), ("whats sovereignty", "en")],
)
def test_what_a_bare_term_is_is_not_the_fact_that_only_names_it(content, question, lang):
    # The topics name NATO, Biden's support sovereignty; only the security guarantees' fact
    # is asked what something is, as "что такое НАТО" is read.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id == "security-guarantees-initiative"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("wat is nato", "en"),
        ("what does NATO mean?", "en"),
        ("что за НАТО такое", "ru"),
        ("шо такое нато", "ru"),
        ("что значит НАТО?", "ru"),
        ("шо таке НАТО", "uk"),
        ("що за НАТО така?", "uk"),
        ("що означає НАТО", "uk"),
    ],
)
def test_a_definition_asked_colloquially_is_not_the_fact_that_only_names_it(
    content, question, lang
):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id == "security-guarantees-initiative"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [("what's the venue", "talks-format"), ("what is the format", "talks-format")],
)
def test_what_is_with_an_article_still_asks_about_the_thing(content, question, fact_id):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("why is the US backing Kyiv", "en"),
        ("почему США поддерживают Украину", "ru"),
        ("чому Вашингтон підтримає Україну", "uk"),
    ],
)
def test_why_of_the_support_is_not_the_fact_asked_what_for(content, question, lang):
    # Biden's support is asked what Biden wants from the talks ("зачем Байдену переговоры"),
    # the purpose; the reason for the support itself is no fact's.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "biden-ukraine-support"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what amount of weapons will the US send", "en"),
        ("на какую сумму будет помощь Киеву", "ru"),
        ("на яку суму буде летальна допомога", "uk"),
    ],
)
def test_a_sum_of_money_is_a_number_the_article_lacks(engine, question, lang):
    assert "@count" in engine.index.analyse(question, lang).tokens
    assert engine.ask(question, lang_hint=lang).fact is None
