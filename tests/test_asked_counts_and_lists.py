"""Counts and lists, as the tenth writer asked them: how many topics in Russian and Ukrainian
is which topics (as in English), and a list of everyone asks who they are ("list everyone on
the call" is "who is on the call", "перечисли всех участников" is "кто участники")."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("сколько тем обсудят?", "какие темы обсудят?", "ru"),
        ("сколько главных тем у переговоров?", "какие главные темы у переговоров?", "ru"),
        ("количество тем?", "темы?", "ru"),
        ("скільки тем обговорять?", "які теми обговорять?", "uk"),
        ("скільки основних тем у розмови?", "які основні теми у розмови?", "uk"),
        ("list everyone on the call", "who is on the call", "en"),
        ("name everybody taking part", "who is taking part", "en"),
        ("перечисли всех участников", "кто участники", "ru"),
        ("перечислите участников переговоров", "кто участники переговоров", "ru"),
        ("перелічи всіх учасників", "хто учасники", "uk"),
        ("перелічіть учасників розмови", "хто учасники розмови", "uk"),
    ],
)
def test_a_count_or_a_list_reads_as_the_plain_question(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("сколько тем будет на переговорах?", "ru", "talks-topics"),
        ("скільки головних тем обговорюватимуть?", "uk", "talks-topics"),
        ("list everybody taking part in the call", "en", "talks-participants"),
        ("перечислите всех участников разговора", "ru", "talks-participants"),
        ("перелічи учасників переговорів", "uk", "talks-participants"),
    ],
)
def test_a_count_or_a_list_reaches_its_fact(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("сколько человек погибло?", "ru"),  # a count the article does not give stays one
        ("how many people will watch", "en"),
    ],
)
def test_other_counts_are_not_the_topics(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "talks-topics"
