"""Quiz prompts, an ornate style and the Englishes of the world (round 19): a blank is the
thing asked ("The Geneva summit took place on ___"), lettered options are claims the answer
picks one of and never confirms ("(a) Monday (b) Tuesday" gets no "Yes"), a quiz's frame
("pick one:", "вставьте:", "true or false:") says how it is put, and ornate or world-English
words ("pray tell", "sovereigns", "изволят", "повідайте", "wat ... dem go", "whit", "by us
in Ireland") are read as the plain words they stand for (data/quiz.yaml, shapes.yaml
`quiz`, `styles`, `styles_rephrased`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS
from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.quiz import blank_read, options_in
from knowledge.language.text import normalize
from tests.asking import anew
from tests.conftest import AFTER_THE_CALL

TIME = "talks-time"


@pytest.mark.parametrize(
    ("question", "lang", "read"),
    [
        ("The Geneva summit took place on ___", "en", "The Geneva summit took place on when"),
        ("the call is between Putin and ___", "en", "the call is between Putin and who"),
        (
            "вставьте: переговоры проведут Путин и ___",
            "ru",
            "вставьте: переговоры проведут Путин и кто",
        ),
        ("переговоры пройдут ___ декабря", "ru", "переговоры пройдут какого числа декабря"),
        ("переговори відбудуться ___ грудня", "uk", "переговори відбудуться якого числа грудня"),
        (
            "остін назвав переговори можливістю для ___",
            "uk",
            "остін назвав переговори можливістю для чого",
        ),
        # "…" is a blank only where the message says to fill something in
        ("fill in the blank: the talks are on …", "en", "fill in the blank: the talks are on when"),
        ("so the call is on tuesday and…", "en", "so the call is on tuesday and…"),
        ("the talks are ___ to me", "en", "the talks are what to me"),
    ],
)
def test_a_blank_is_read_as_the_words_that_ask_for_it(question, lang, read):
    calendar = shipped_lexicon().calendar
    assert normalize(blank_read(question, lang, calendar)) == normalize(read)


def test_lettered_options_are_read_in_order_and_nothing_else_is():
    assert options_in("is it on (a) 1 December (b) 7 December (c) 16 June?") == (
        ("(a)", "1 December"),
        ("(b)", "7 December"),
        ("(c)", "16 June"),
    )
    assert options_in("переговоры в а) понедельник б) вторник?") == (
        ("а)", "понедельник"),
        ("б)", "вторник"),
    )
    assert options_in("plan a) is on tuesday") == ()  # one letter offers nothing
    assert options_in("is it (b) or (a)?") == ()  # not lettered from the first letter


@pytest.fixture(scope="module")
def quizzed(facts, sources, events) -> Engine:
    """The test content, its time fact also asked by its day and saying yes to "is it on
    tuesday": an option list read for its likeness to that question would be confirmed whole."""
    by_id = {fact.id: fact for fact in facts}
    time = by_id[TIME]
    asked = {
        "en": ("is the call on tuesday", "the call is on tuesday"),
        "ru": ("переговоры во вторник",),
        "uk": ("переговори у вівторок",),
    }
    by_id[TIME] = replace(
        time,
        questions={lang: (*time.questions[lang], *asked[lang]) for lang in time.questions},
        yes_no={
            "en": {"is it on tuesday": True, "is it on 7 december": True},
            "ru": {"это во вторник": True},
            "uk": {"це у вівторок": True},
        },
    )
    return Engine(
        list(by_id.values()), sources, events=events, clock=lambda: AFTER_THE_CALL, decision=ALWAYS
    )


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        (
            "quiz q: is the call on (a) 1 December (b) 7 December (c) 16 June?",
            "en",
            "The right option is (b). ",
        ),
        (
            "pick one: the talks fall on a) Monday b) Tuesday c) Friday",
            "en",
            "The right option is b). ",
        ),
        (
            "Is the start in Washington (a) 10:00 (b) 17:00 (c) 18:00?",
            "en",
            "The right option is (a). ",
        ),
        ("переговоры в а) понедельник б) вторник?", "ru", "Верный вариант — б). "),
        ("переговори відбудуться а) 7 грудня б) 8 грудня?", "uk", "Правильний варіант — а). "),
    ],
)
def test_the_option_the_events_time_holds_is_named(quizzed, question, lang, lead):
    answer = quizzed.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == TIME
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is the call on (a) monday (b) wednesday?", "en"),  # none holds: no pick, no "No"
        ("is the call on monday or tuesday?", "en"),
        ("переговоры в понедельник или во вторник?", "ru"),
        ("is it at 5 or 6 pm?", "en"),
    ],
)
def test_options_offered_get_no_yes_or_no(quizzed, question, lang):
    answer = quizzed.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == TIME
    assert not answer.lead.startswith(("Yes", "No", "Да", "Нет", "Так", "Ні"))


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("True or false: the call is on Monday", "en", "No. "),
        ("true or false: the call is on tuesday", "en", "Yes. "),
        ("правда или ложь: переговоры в понедельник", "ru", "Нет. "),
        ("правда чи брехня: переговори в понеділок", "uk", "Ні. "),
    ],
)
def test_true_or_false_checks_the_claim_after_it(quizzed, question, lang, lead):
    answer = quizzed.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == TIME
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        (
            "pray tell, at what hour by Moscow reckoning shall the sovereigns converse",
            "at what time moscow time will the leaders talk",
            "en",
        ),
        (
            "wat date dem go talk, putin and biden",
            "what date will they talk, putin and biden",
            "en",
        ),
        ("what time e go start for abuja", "what time will it start for abuja", "en"),
        ("nigeria time of the call abeg", "lagos time of the call", "en"),
        ("whit time is it on in Edinburgh", "what time is it on in Edinburgh", "en"),
        (
            "в какой день изволят беседовать государи?",
            "в какой день будут говорить президенты?",
            "ru",
        ),
        (
            "повідайте, які справи обговорюватимуть можновладці",
            "скажіть, які теми обговорюватимуть лідери",
            "uk",
        ),
        (
            "повідайте, коли володарі матимуть розмову",
            "скажіть, коли президенти говоритимуть",
            "uk",
        ),
        ("вставьте: переговоры проведут Путин и кто", "переговоры проведут Путин и кто", "ru"),
        ("pick one: the talks fall on monday", "the talks are on monday", "en"),
    ],
)
def test_a_style_or_a_quizs_frame_is_read_as_the_plain_words(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


def test_by_us_in_a_place_is_where_the_asker_is(engine):
    answer = engine.ask("when's it on by us in ireland")
    assert answer.answered and answer.fact.id == TIME
    assert answer.place is not None and answer.place.key == "Europe/Dublin"
