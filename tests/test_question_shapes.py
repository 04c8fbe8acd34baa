"""Yes/no questions a fact settles get "Yes." or "No." first; "who said that?" after an
answer names whom the article credits with it."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from knowledge.answering.engine import Conversation, Engine
from knowledge.language.decision import ALWAYS
from knowledge.storage.fact_file import FactsInvalid, parse_facts

FORMAT = "talks-format"
TIME = "talks-time"


@pytest.fixture(scope="module")
def shaped(facts, sources, events) -> Engine:
    """The test content, its format fact settling two yes/no questions and saying who said it;
    the decision answers what ranks first, since shapes, not matching, are tested here."""
    by_id = {fact.id: fact for fact in facts}
    by_id[FORMAT] = replace(
        by_id[FORMAT],
        said_by={
            "en": "the Kremlin's spokesman",
            "ru": "пресс-секретарь Кремля",
            "uk": "речник Кремля",
        },
        yes_no={
            "en": {"will they meet in person": False, "is it a video call": True},
            "ru": {"они встретятся лично": False},
        },
    )
    return Engine(list(by_id.values()), sources, events=events, decision=ALWAYS)


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("will they meet in person?", "en", "No. "),
        ("Will Putin and Biden meet face to face in person?", "en", "No. "),
        ("is it a video call?", "en", "Yes. "),
        ("они встретятся лично?", "ru", "Нет. "),
        ("а они правда встретятся лично", "ru", "Нет. "),
        # "or not" after it keeps it a yes/no question.
        ("is it a video call or not?", "en", "Yes. "),
    ],
)
def test_a_yes_no_question_the_fact_settles_is_answered_yes_or_no_first(
    shaped, question, lang, lead
):
    answer = shaped.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == FORMAT
    assert answer.lead.startswith(lead)
    assert answer.lead.endswith(answer.fact.text[lang])


@pytest.mark.parametrize(
    "question",
    [
        "how will they meet?",  # not a yes/no question
        "is the format a secret?",  # a yes/no question, but not one the fact settles
    ],
)
def test_other_questions_get_the_fact_without_a_verdict(shaped, question):
    answer = shaped.ask(question, lang="en")
    assert answer.fact is not None and answer.fact.id == FORMAT
    assert answer.lead == answer.fact.text["en"]


@pytest.fixture(scope="module")
def timed(facts, sources, events) -> Engine:
    """The test content, its time fact also asked by its date and hour (it says yes to none
    of them: its event's time does)."""
    by_id = {fact.id: fact for fact in facts}
    asked = {
        "en": ("is it on tuesday", "is the call on december 7", "is it at 5 pm"),
        "ru": ("переговоры во вторник", "переговоры 7 декабря", "переговоры в 17:00"),
        "uk": ("переговори у вівторок", "переговори 7 грудня", "переговори о 17:00"),
    }
    time = by_id[TIME]
    questions = {lang: (*time.questions[lang], *asked[lang]) for lang in time.questions}
    by_id[TIME] = replace(time, questions=questions)
    return Engine(list(by_id.values()), sources, events=events, decision=ALWAYS)


@pytest.mark.parametrize(
    ("question", "lang", "lead"),
    [
        ("is it on a tuesday?", "en", "Yes. "),
        ("is it on monday?", "en", "No. "),
        ("it's on wednesday, right?", "en", "No. "),
        ("dec 7?", "en", "Yes. "),
        ("is the call on tuesday the 8th?", "en", "No. "),
        ("the call is at 5 pm kyiv right", "en", "Yes. "),
        ("the talks are at 6pm kyiv time, right?", "en", "No. "),
        ("is it 6pm moscow time", "en", "Yes. "),
        ("is it 5pm moscow time", "en", "No. "),
        ("переговоры 7-го?", "ru", "Да. "),
        ("переговоры в 17:00?", "ru", "Да. "),
        ("переговоры в среду?", "ru", "Нет. "),
        ("переговори 7 грудня?", "uk", "Так. "),
        ("переговори 8-го грудня?", "uk", "Ні. "),
    ],
)
def test_a_date_or_time_put_as_a_question_is_held_against_the_events_time(
    timed, question, lang, lead
):
    answer = timed.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == TIME
    assert answer.lead.startswith(lead)


@pytest.mark.parametrize(
    ("question", "lang"),
    [("monday or tuesday?", "en"), ("may I ask what time the talks are?", "en"), ("biden?", "en")],
)
def test_a_question_naming_no_one_date_or_time_gets_no_verdict(timed, question, lang):
    answer = timed.ask(question, lang=lang)
    assert not answer.lead.startswith(("Yes. ", "No. "))


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("in person or a video call?", "en"),
        ("is it a video call or in person?", "en"),
        ("они встретятся лично или по видеосвязи?", "ru"),
    ],
)
def test_a_choice_offered_gets_the_fact_without_a_yes_or_no(shaped, question, lang):
    """"Yes." to "in person or a video call?" would answer nothing asked: the choice is."""
    answer = shaped.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == FORMAT
    assert answer.lead == answer.fact.text[lang]


def test_who_said_that_names_whom_the_article_credits_with_the_last_answer(shaped):
    conversation = Conversation()
    first = shaped.ask("what is the format of the talks?", conversation=conversation)
    assert first.fact is not None and first.fact.id == FORMAT
    said = shaped.ask("Who said that?", conversation=conversation)
    assert said.answered and said.fact == first.fact
    assert said.lead == "Who said it, according to the article: the Kremlin's spokesman."
    assert said.citations == first.citations
    ru = shaped.ask("а кто это сказал?", lang="ru", conversation=conversation)
    assert ru.lead == "Кто это сказал, по статье: пресс-секретарь Кремля."


def test_who_said_that_about_an_unattributed_fact_says_the_article_does_not_say(shaped):
    conversation = Conversation()
    first = shaped.ask("when are the talks?", conversation=conversation)
    assert first.fact is not None and first.fact.id == TIME and not first.fact.said_by
    said = shaped.ask("who said that?", conversation=conversation)
    assert said.lead == "The article reports it without saying who said it."
    assert said.citations == first.citations


def test_who_said_that_with_nothing_before_is_an_ordinary_question(shaped):
    answer = shaped.ask("who said that?")
    assert not answer.lead.startswith("Who said it, according to the article")


def _one_fact_file(facts, **fields) -> str:
    fact = next(f for f in facts if f.id == FORMAT).to_dict()
    fact.pop("event_id", None)
    fact.update(fields)
    return yaml.safe_dump({"facts": [fact]}, allow_unicode=True)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"yes_no": {"en": {"is it online": "maybe"}}}, "characters) answered yes or no"),
        ({"yes_no": {"de": {"ist es online": True}}}, "characters) answered yes or no"),
        ({"yes_no": {"en": {"x" * 65: True}}}, "at most 64 characters"),
        ({"said_by": {"en": "Peskov"}}, "said_by: missing language 'ru'"),
    ],
)
def test_a_bad_said_by_or_yes_no_is_a_listed_problem(facts, sources, fields, problem):
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(_one_fact_file(facts, **fields), sources)
    assert problem in str(refused.value)


def test_said_by_and_yes_no_survive_the_file_round_trip(facts, sources):
    text = _one_fact_file(
        facts, said_by={"en": "a", "ru": "б", "uk": "в"}, yes_no={"uk": {"це онлайн": True}}
    )
    [fact] = parse_facts(text, sources)
    assert fact.said_by == {"en": "a", "ru": "б", "uk": "в"}
    assert fact.yes_no == {"uk": {"це онлайн": True}}
    assert fact.to_dict()["yes_no"] == {"uk": {"це онлайн": True}}
