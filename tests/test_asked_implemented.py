"""Carrying out what was agreed, in any of its words and forms (@implement in the content
lexicon): a question about how the Geneva agreements are carried out reaches the review of
them, as the facts' "реализация", "виконання", "implemented" do, and not the summit's date.
("реализуются", "реалізуються" alone are @done in words.yaml, whether it has been done.)"""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("ru", "обсудят ли, как исполняются женевские договоренности"),
        ("ru", "будут ли говорить о выполнении женевских договоренностей"),
        ("uk", "обговорюватимуть, як виконуються женевські домовленості?"),
        ("uk", "чи говоритимуть про реалізацію женевських домовленостей"),
        ("en", "will they talk about the implementation of the geneva agreements"),
        ("en", "will they discuss how the geneva agreements are fulfilled"),
    ],
)
def test_carrying_out_an_agreement_reaches_its_review(content, lang, question):
    engine = anew(content, question)
    assert "@implement" in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "summit-review"


@pytest.mark.parametrize(
    ("lang", "asked", "plain"),
    [
        ("ru", "выполнение договоренностей", "реализация договоренностей"),
        ("ru", "как выполняются договоренности", "как исполняются договоренности"),
        ("uk", "виконання домовленостей", "реалізація домовленостей"),
        ("uk", "як виконуються домовленості", "як втілюються домовленості"),
        ("en", "the implementation of the agreements", "the fulfilment of the agreements"),
    ],
)
def test_each_word_for_carrying_out_is_one_token(engine, lang, asked, plain):
    assert engine.index.analyse(asked, lang).tokens == engine.index.analyse(plain, lang).tokens


def test_the_agreements_alone_still_reach_the_summit(content):
    question = "обсудят ли женевские договоренности"
    engine = anew(content, question)
    assert "@implement" not in engine.index.analyse(question, "ru").tokens
    answer = engine.ask(question, lang_hint="ru")
    assert answer.fact is not None and answer.fact.id == "summit-in-geneva"
