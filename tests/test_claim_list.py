"""Several claims put to be checked at once ("so it's wednesday at 17:00 kyiv by video,
right?"): each claim is checked by the fact that settles it, "Yes." only when every one holds,
"No: …" naming the ones that do not (knowledge/answering/claim_list.py, claims.yaml)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.answering.claim_list import split_claims, who_it_is
from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS
from tests.conftest import AFTER_THE_CALL

FORMAT = "talks-format"
TIME = "talks-time"


@pytest.fixture(scope="module")
def checking(facts, sources, events) -> Engine:
    """The test content, its format fact settling whether it is a video or a phone call; the
    decision answers what ranks first, since reading the list, not matching, is tested."""
    by_id = {fact.id: fact for fact in facts}
    by_id[FORMAT] = replace(
        by_id[FORMAT],
        yes_no={
            "en": {"is it by video": True, "is it by phone": False},
            "ru": {"это по видео": True, "это по телефону": False},
            "uk": {"це по відео": True, "це по телефону": False},
        },
    )
    return Engine(
        list(by_id.values()), sources, events=events, decision=ALWAYS,
        clock=lambda: AFTER_THE_CALL,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("question", "lang", "parts"),
    [
        (
            "so it's wednesday at 17:00 kyiv by video right?",
            "en",
            ["wednesday at 17:00 kyiv", "by video"],
        ),
        ("разговор 8 декабря по видео, правильно?", "ru", ["разговор 8 декабря", "по видео"]),
        (
            "правильно розумію: вівторок, відео, Женева в червні?",
            "uk",
            ["вівторок", "відео", "Женева в червні"],
        ),
        (
            "geneva summit 16 june, and peskov wants to review it. right?",
            "en",
            ["geneva summit 16 june", "peskov wants to review it"],
        ),
        (
            "Остін міністр оборони, а Пєсков з Кремля — правильно зрозумів?",
            "uk",
            ["Остін міністр оборони", "Пєсков з Кремля"],
        ),
    ],
)
def test_a_list_of_claims_is_read_claim_by_claim(question, lang, parts):
    assert split_claims(question, lang) == parts


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("at 17:00 kyiv, right?", "en"),  # one claim: the yes/no reading answers it
        ("when is it, and who announced it?", "en"),  # no confirmation asked
        ("в 17 по Киеву, да?", "ru"),
    ],
)
def test_one_claim_or_no_confirmation_is_no_list(question, lang):
    assert split_claims(question, lang) is None


@pytest.mark.parametrize(
    ("question", "lang", "wrong"),
    [
        ("so it's wednesday at 17:00 kyiv by video, right?", "en", "wednesday at 17:00 kyiv"),
        ("so it's tuesday at 17:00 kyiv by phone, yeah?", "en", "by phone"),
        ("то есть в среду в 17 по Киеву, по телефону, да?", "ru", "в среду в 17 по Киеву"),
        ("то есть во вторник в 17 по Киеву, по телефону, да?", "ru", "по телефону"),
        ("тобто в середу о 17 за Києвом, по відео, так?", "uk", "в середу о 17 за Києвом"),
        ("тобто у вівторок о 17 за Києвом, по телефону, вірно?", "uk", "по телефону"),
    ],
)
def test_a_list_with_one_wrong_claim_is_never_answered_yes(checking, question, lang, wrong):
    answer = checking.ask(question, lang=lang)
    no = answer.lead.split(" ", 1)[0]
    assert no in ("No:", "Нет:", "Ні:"), answer.lead
    assert wrong in answer.lead
    assert answer.fact is not None and answer.fact.id == TIME
    if "by" in wrong or "по" in wrong:  # the format's fact is cited after the time's
        assert [more.fact.id for more in answer.more if more.fact] == [FORMAT]


@pytest.mark.parametrize(
    ("question", "lang", "yes"),
    [
        ("so it's tuesday at 17:00 kyiv, by video, right?", "en", "Yes. "),
        ("то есть в 17 по Киеву, 7 декабря, да?", "ru", "Да. "),
        ("тобто о 17 за Києвом, 7 грудня, так?", "uk", "Так. "),
    ],
)
def test_a_list_whose_every_claim_holds_is_answered_yes(checking, question, lang, yes):
    answer = checking.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == TIME
    assert answer.lead.startswith(yes)


def test_a_claim_the_article_does_not_settle_is_not_called_true(engine):
    answer = engine.ask("so it's tuesday at 17:00 kyiv, and the moon is made of cheese, right?")
    assert answer.fact is not None and answer.fact.id == TIME
    assert not answer.lead.startswith("Yes")
    assert answer.unanswered == ("the moon is made of cheese",)


@pytest.mark.parametrize(
    ("question", "lang", "parts"),
    [
        # "not" stays with its claim; a heard-from opener and "that" claim nothing
        ("so it's by video, not in person, right?", "en", ["by video", "not in person"]),
        (
            "слышал, будут разбирать женевские договоренности, верно?",
            "ru",
            None,
        ),
        (
            "я правильно розумію, що це відеозв'язок, а не особиста зустріч?",
            "uk",
            ["відеозв'язок", "не особиста зустріч"],
        ),
        # "neither ... nor" is one claim about both
        ("тобто ні Путін, ні Байден нічого не заявлятимуть після, так?", "uk", None),
    ],
)
def test_what_is_no_claim_of_its_own_stays_out_of_the_list(question, lang, parts):
    assert split_claims(question, lang) == parts


def test_a_denied_claim_that_holds_is_not_called_wrong(checking):
    answer = checking.ask("so it's tuesday at 17:00 kyiv, not by phone, right?", lang="en")
    assert answer.fact is not None and answer.fact.id == TIME
    assert answer.lead.startswith("Yes. ")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("psaki is biden's press secretary, austin the us defense secretary — right?", "en"),
        ("Псаки пресс-секретарь Байдена, Остин министр обороны США, верно?", "ru"),
    ],
)
def test_claims_of_who_people_are_are_answered_by_the_people_not_their_words(
    checking, question, lang
):
    # "psaki is biden's press secretary" shares its words with "what did Biden's press
    # secretary say" (Psaki's words): the claim asks who she is, which her own fact says.
    answer = checking.ask(question, lang=lang)
    assert answer.fact is not None and answer.fact.id == "person-psaki"
    assert [more.fact.id for more in answer.more if more.fact] == ["person-austin"]
    assert not answer.lead.startswith(("Yes", "Да")), answer.lead  # a role is shown, not checked


@pytest.mark.parametrize(
    ("claim", "lang", "asked"),
    [
        ("psaki is biden's press secretary", "en", "who is Psaki"),
        ("Остін міністр оборони США", "uk", "хто такий Остін"),
        ("psaki said the us knew nothing", "en", None),  # what she said: her words settle it
        ("psaki in washington", "en", None),  # where she is: no fact of who she is says it
        ("psaki", "en", None),  # a name alone claims nothing of who she is
    ],
)
def test_a_claim_of_who_someone_is_is_asked_as_their_fact_asks_it(checking, claim, lang, asked):
    assert who_it_is(checking, claim, lang) == asked
