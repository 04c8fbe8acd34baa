"""Questions about what the article mentions (round 16, the eleventh writer's kinds): whether
it mentions a thing ("does the article mention troops at the border?", "есть ли там что-то
про оружие", "чи згадується НАТО?"), what a name, an hour or a day in it refers to ("what's
Glavred?", "what's the 19:00?", "что за 1 декабря в тексте"), and a reader years later ("how
long ago was the call?", "что было на повестке того разговора в 2021?")."""

from __future__ import annotations

import pytest

from knowledge.answering.dated import hours_in
from knowledge.language.decision import FEATURES
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.reading import intent_mapped
from knowledge.language.text import normalize
from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        # The frame asks about the thing itself, not the article's source or summary.
        ("does the article mention troops at the border?", "en", "biden-troop-buildup"),
        ("в статье есть про войска у границы?", "ru", "biden-troop-buildup"),
        ("есть ли в статье что белый дом подтвердил", "ru", "white-house-confirmation"),
        ("упоминается ли Остин?", "ru", "person-austin"),
        ("Остін у статті є?", "uk", "person-austin"),
        ("чи є там про те, що псакі щось сказала?", "uk", "psaki-statement"),
        # The outlet the article comes from is its source, not a term to define.
        ("what's Glavred?", "en", "source-article"),
        ("что такое Главред?", "ru", "source-article"),
        ("що таке Главред?", "uk", "source-article"),
        # A reader years later: how long ago it was asks the year; the call's year beside
        # "that call" only says which call.
        ("how long ago was the call?", "en", "talks-year"),
        ("как давно был этот разговор?", "ru", "talks-year"),
        ("скільки років тому це було?", "uk", "talks-year"),
        ("что было на повестке того разговора в 2021?", "ru", "talks-topics"),
        ("що було на порядку денному тієї розмови у 2021?", "uk", "talks-topics"),
    ],
)
def test_a_mention_reaches_the_fact_about_the_thing(content, question, lang, fact_id):
    assert reached(anew(content, question).ask(question, lang_hint=lang)) == fact_id


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("does it mention China?", "en"),
        ("is there anything about the Olympics in the article?", "en"),
        ("Си Цзиньпин там упоминается?", "ru"),
        ("в статье есть что-то про Китай?", "ru"),
        ("чи згадується Китай?", "uk"),
    ],
)
def test_a_mention_of_what_the_article_never_names_is_declined(engine, question, lang):
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what's the 19:00?", "en"), ("что за 19:00 в статье?", "ru"), ("що за 19:00?", "uk")],
)
def test_an_hour_asked_about_is_the_fact_that_gives_it(content, question, lang):
    # The screening is at 19:00; the call's facts give 17:00 and 18:00 only.
    assert reached(anew(content, question).ask(question, lang_hint=lang)) == "screening-time"


def test_an_hour_no_fact_gives_asked_alone_is_not_answered(engine):
    assert not engine.ask("what's the 21:00 in the article?", lang_hint="en").answered


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # A time asked besides the hour, or the hour put to be checked: the call's to say.
        ("what time is the call, 19:00?", ""),
        ("is the call at 19:00?", "No."),
    ],
)
def test_an_hour_beside_a_time_asked_stays_with_the_call(content, question, lead):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert reached(answer) == "talks-time"
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang"),
    [("что было 1 декабря в статье", "ru"), ("що було 1 грудня у статті", "uk")],
)
def test_a_day_asked_about_reaches_its_fact_even_when_the_ranking_is_unsure(engine, question, lang):
    # The shipped-like decision is unsure of the first-ranked fact (the call, by wording);
    # the day still decides among the facts that give it.
    assert reached(engine.ask(question, lang_hint=lang)) == "security-guarantees-initiative"


@pytest.mark.parametrize(
    ("question", "lang", "owned"),
    [
        # The hour or day chose the fact among those that give it: the decision is told so.
        ("what's the 19:00?", "en", 1.0),
        ("что за 19:00 в статье?", "ru", 1.0),
        # Ranked among all facts, no hour or day chose: no such evidence.
        ("when is the call?", "en", 0.0),
        ("что за гарантии безопасности", "ru", 0.0),
    ],
)
def test_the_decision_hears_when_the_hour_or_day_named_chose_the_fact(
    content, question, lang, owned
):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.evidence[FEATURES.index("time_owned")] == owned


def test_hours_in_reads_figures_and_parts_of_the_day():
    calendar = shipped_lexicon().calendar
    assert hours_in("what's the 18:00 in the article?", calendar) == [(frozenset({18}), 0)]
    assert hours_in("what's at 6 pm", calendar) == [(frozenset({18}), None)]
    assert hours_in("what happened in 2021", calendar) == []


@pytest.mark.parametrize(
    ("framed", "bare"),
    [
        ("does the article mention troops at the border", "troops at the border"),
        ("does it mention nato", "nato"),
        ("is there anything about geneva in the article", "about geneva"),
        ("does the article say anything about weapons", "about weapons"),
        ("есть ли там что-то про оружие", "про оружие"),
        ("в статье есть про войска у границы", "про войска у границы"),
        ("упоминается ли остин", "остин"),
        ("чи згадується нато", "нато"),
        ("чи є там про зброю", "про зброю"),
        (
            "що було на порядку денному тієї розмови у 2021",
            "що було на порядку денному тієї розмови",
        ),
        ("что было на повестке того разговора в 2021", "что было на повестке того разговора"),
    ],
)
def test_the_mention_frame_and_the_calls_year_are_read_as_nothing(framed, bare):
    # Without the frame, "article" pulled the question to the source or the summary and
    # "2021" to the year.
    lexicon = shipped_lexicon()
    assert intent_mapped(normalize(framed), lexicon) == intent_mapped(normalize(bare), lexicon)
