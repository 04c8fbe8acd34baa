"""Questions as typed on a mixed or plain keyboard: surzhyk, a Russian word in a Ukrainian
question or a Ukrainian word in a Russian one, read as its own language reads it when the
fact base knows it so; a Ukrainian word typed without its apostrophe ("відеозвязок"); the
Ukrainian "чи" between two things read as "or", as the Russian "или" is; what someone
thinks, "думка" or "мнение", one word in either language; a head of state is a leader, and
"возле", "для" or a polite "позвольте" says no more than the Ukrainian "біля" or "дозвольте";
touching on or mentioning a subject ("затронут", "зачеплять", "згадають") asks what is
discussed, as "touch on" does;
the head of the Pentagon speaks for it."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "borrowed"),
    [
        # read in its own language, the verb is its concept: proposing in every language
        ("шо путін предложив першого декабря", "uk", "@propose"),
        ("что путин запропонував", "ru", "@propose"),
    ],
)
def test_a_borrowed_word_is_read_in_its_own_language(content, question, lang, borrowed):
    engine = anew(content, question)
    assert borrowed in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "security-guarantees-initiative"


@pytest.mark.parametrize("question", ["це буде відеозвязок?", "розмова по відеозвязку?"])
def test_a_left_out_apostrophe_is_read_back(content, question):
    engine = anew(content, question)
    read = engine.index.analyse(question, "uk")
    # a spelling people use, not a slip: no typo correction weighs against the answer
    assert "відеозв'язок" in read.tokens and read.corrected == 0
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == "talks-format"


@pytest.mark.parametrize("question", ["це дзвінок чи відео?", "це відеодзвінок чи відео?"])
def test_either_or_in_ukrainian_asks_which_of_the_two(content, question):
    engine = anew(content, question)
    assert "або" in engine.index.analyse(question, "uk").tokens
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == "talks-format"


@pytest.mark.parametrize("question", ["чи буде відео розмови", "в понеділок чи шо?"])
def test_whether_and_a_closing_or_what_are_not_either_or(content, question):
    # "чи" opening a question asks yes or no; "чи шо" at the end only asks
    assert "або" not in anew(content).index.analyse(question, "uk").tokens


def test_an_opinion_is_asked_the_same_in_ukrainian_and_russian(content):
    question = "думка міністра оборони США?"
    engine = anew(content, question)
    opinion = engine.index.analyse("мнение", "ru").tokens
    assert opinion and opinion[0] in engine.index.analyse(question, "uk").tokens
    answer = engine.ask(question, lang_hint="uk")
    assert answer.fact is not None and answer.fact.id == "austin-view"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("когда главы государств выйдут на связь", "ru"), ("коли голови держав поговорять", "uk")],
)
def test_a_head_of_state_is_a_leader(content, question, lang):
    index = anew(content).index
    leader = index.analyse("лидер", "ru").tokens
    assert leader and leader[0] in index.analyse(question, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang", "plain"),
    [
        ("войска возле украины?", "ru", "войска украины?"),
        ("позвольте уточнить, когда переговоры?", "ru", "когда переговоры?"),
        ("дозвольте уточнити, коли переговори?", "uk", "коли переговори?"),
        ("гарантии для чего?", "ru", "гарантии чего?"),
        ("гарантії для чого?", "uk", "гарантії чого?"),
    ],
)
def test_a_preposition_or_a_polite_wrapper_says_nothing(content, question, lang, plain):
    index = anew(content).index
    assert index.analyse(question, lang).tokens == index.analyse(plain, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("затронут ли женевские договоренности?", "ru", "summit-in-geneva"),
        ("чи зачеплять женевські домовленості?", "uk", "summit-in-geneva"),
        ("затронут ли тему НАТО?", "ru", "talks-topics"),
        ("чи згадають женевські домовленості?", "uk", "summit-in-geneva"),
        ("will they mention the geneva agreements?", "en", "summit-in-geneva"),
    ],
)
def test_touching_on_a_subject_asks_what_is_discussed(content, question, lang, fact):
    engine = anew(content)
    assert "@discuss" in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact


@pytest.mark.parametrize(
    ("question", "lang", "plain", "fact"),
    [
        ("що сказав голова пентагону", "uk", "що сказав пентагон", "austin-view"),
        ("что сказал глава Пентагона?", "ru", "что сказал Пентагон?", "austin-view"),
        ("what did the pentagon chief say", "en", "what did the pentagon say", "austin-view"),
        ("хто такий голова пентагону", "uk", "хто такий пентагон", "person-austin"),
    ],
)
def test_the_head_of_the_pentagon_speaks_for_it(content, question, lang, plain, fact):
    engine = anew(content)
    assert engine.index.analyse(question, lang).tokens == engine.index.analyse(plain, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact
