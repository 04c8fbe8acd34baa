"""A name or a post mixed up (knowledge/language/mixups.py, data/mixups.yaml): someone the
article does not name put beside one of the call's sides ("путин и зеленский будут
говорить?", "трамп і путін говорять 7 грудня так?") is read as the other side, and the answer
says first that the article does not name them; a post put to one of the article's people
("is Austin the secretary of state?") is answered by that person's fact, "No" first. A name
alone ("will Zelensky join?") is no mix-up: the article says nothing of it."""

from __future__ import annotations

import pytest

from knowledge.answering.mixed_up import mixed_up_answer
from knowledge.i18n import ANSWERS
from knowledge.language.mixups import mixed_up, role_named
from tests.asking import anew

SIDES = (("@putin", "Putin"), ("@biden", "Biden"))
PEOPLE = {"putin": "@putin", "путин": "@putin", "biden": "@biden", "байденом": "@biden"}


@pytest.mark.parametrize(
    ("question", "reread", "name"),
    [
        ("will Putin and Zelensky talk?", "will Putin and Biden talk?", "Zelensky"),
        ("Trump and Putin talk on the 7th?", "Biden and Putin talk on the 7th?", "Trump"),
        ("путин и зеленский будут говорить?", "путин и Biden будут говорить?", "зеленский"),
        ("зеленський з байденом говоритимуть?", "Putin з байденом говоритимуть?", "зеленський"),
        ("Trump-Putin call when", "Biden-Putin call when", "Trump"),
    ],
)
def test_a_name_paired_with_a_side_is_read_as_the_other_side(question, reread, name):
    mixup = mixed_up(question, SIDES, lambda word: PEOPLE.get(word.casefold()))
    assert mixup is not None and (mixup.reread, mixup.name) == (reread, name)


@pytest.mark.parametrize(
    "question",
    [
        "will Zelensky join?",  # no pair: the article does not say
        "what did Biden promise Zelensky",
        "when is the call between Putin and Biden?",
        "Trump and Obama talk?",  # neither is one of the call's sides
    ],
)
def test_a_name_without_a_side_beside_it_is_no_mixup(question):
    assert mixed_up(question, SIDES, lambda word: PEOPLE.get(word.casefold())) is None


@pytest.mark.parametrize(
    ("question", "rest", "post"),
    [
        ("is Austin the secretary of state?", "is Austin the ?", "secretary of state"),
        ("Остін це держсекретар?", "Остін це ?", "держсекретар"),
        ("Остин госсекретарь?", "Остин ?", "госсекретарь"),
        ("Песков премьер-министр?", "Песков ?", "премьер-министр"),
    ],
)
def test_a_post_is_read_apart(question, rest, post):
    assert role_named(question) == (rest, post)


@pytest.mark.parametrize("question", ["что будет после разговора", "is Psaki the press secretary"])
def test_no_post_named(question):
    assert role_named(question) is None


@pytest.mark.parametrize(
    ("question", "lang", "name"),
    [
        ("путин и зеленский будут говорить?", "ru", "зеленский"),
        ("зеленський з байденом говоритимуть?", "uk", "зеленський"),
        ("do Trump and Putin take part in the talks?", "en", "Trump"),
    ],
)
def test_a_mixed_up_name_is_corrected_first_then_answered(content, question, lang, name):
    engine = anew(content, question)
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-participants"
    title = engine.main_event.title[lang]
    assert answer.lead.startswith(ANSWERS("answer.mixed_up", lang, name=name, title=title))


def test_a_right_detail_beside_a_mixed_up_name_is_no_yes(content):
    question = "трамп і путін говорять 7 грудня так?"
    answer = anew(content, question).ask(question, lang_hint="uk")
    assert answer.lead.startswith(ANSWERS("answer.no", "uk").rstrip("."))
    assert ANSWERS("answer.yes", "uk") not in answer.lead


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is Austin the secretary of state?", "en"),
        ("Остін це держсекретар?", "uk"),
        ("Остин госсекретарь?", "ru"),
    ],
)
def test_a_post_mixed_up_is_answered_no_by_the_persons_fact(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "person-austin"
    assert answer.lead.startswith(ANSWERS("answer.no", lang))


def test_a_name_alone_is_left_as_asked(content):
    engine = anew(content)
    assert mixed_up_answer(engine, "will Zelensky join?", "en", None, None) is None


def test_a_message_of_many_mixed_up_pairs_is_asked_again_once_not_once_a_pair(content):
    """Read again with one name put right, a question is not read for mix-ups again: a flood
    of pairs ("трамп и путин трамп и путин …") had been asked again a pair at a time."""
    engine = anew(content)
    asked_again: list[str] = []
    ask_one = engine.ask_one

    def counted(text: str, **kwargs):
        asked_again.append(text)
        return ask_one(text, **kwargs)

    engine.ask_one = counted
    assert mixed_up_answer(engine, "трамп и путин " * 40, "ru", None, None) is not None
    assert len(asked_again) == 1
