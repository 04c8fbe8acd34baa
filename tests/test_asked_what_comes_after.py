"""Questions about what the article cannot know, which reuse a fact's words: what comes after
the call or of it, whether an invasion or a war will happen, a meeting after this one, what
NATO is; a reason asked as a thing; and where to find what the part before asks ("what
website?"), which read alone is the article's source. Each is asked of an engine that
answers with whatever ranks first however unsure; beside each, the fact's own question
that must stay."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # What comes after the call or of it: the article was written before it.
        ("what happens after the call?", "en"),
        ("what comes next?", "en"),
        ("what are the consequences of the talks", "en"),
        ("will it help?", "en"),
        ("что будет потом?", "ru"),
        ("а после переговоров что дальше", "ru"),
        ("к чему приведёт этот разговор", "ru"),
        ("что будет с нефтью после их разговора", "ru"),
        ("що буде далі?", "uk"),
        ("які будуть наслідки переговорів", "uk"),
        # Whether an invasion or a war will happen: the US's support answers "what if".
        ("will there be an invasion?", "en"),
        ("is there going to be a war", "en"),
        ("будет вторжение?", "ru"),
        ("война будет?", "ru"),
        ("то що, вторгнення буде?", "uk"),
        ("чи буде війна", "uk"),
        # Whether it has ended: the article gives the start only.
        ("are they done talking", "en"),
        ("when will they be done", "en"),
        ("уже закончили?", "ru"),
        ("в києві сьома, вони вже закінчили?", "uk"),
    ],
)
def test_what_the_article_cannot_know_is_no_facts_answer(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("нато это что", "ru"),
        ("что за НАТО такое", "ru"),
        ("шо таке нато", "uk"),
        ("нато це що", "uk"),
    ],
)
def test_what_nato_is_is_not_the_security_guarantees(content, question, lang):
    # The article names NATO in Moscow's demands and never says what it is; the guarantees,
    # the one thing it explains, are asked what they are.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "security-guarantees-initiative"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is there going to be a face to face summit after this?", "en"),
        ("will they meet in person after that", "en"),
        ("будет ли очная встреча после этого", "ru"),
        ("будет ли очная встреча после", "ru"),
        ("чи буде очна зустріч після цього", "uk"),
    ],
)
def test_a_meeting_after_this_one_moves_the_question_elsewhere(content, question, lang):
    # The format says the call is by video, not in person; a meeting after it is a later one.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.evidence and answer.evidence[FEATURES.index("shifted")] == 1.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("в чём причина, что Москва настаивала на встрече", "ru"),
        ("what's the reason Moscow insisted on a meeting", "en"),
    ],
)
def test_a_reason_asked_as_a_thing_asks_why(content, question, lang):
    # Moscow's motives answer why; what Moscow insisted on does not.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "moscow-insisted"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("where can I watch the first pictures, what website?", "en"),
        ("будет прямой эфир? ссылку дай", "ru"),
        ("чи буде пряма трансляція? посилання дай", "uk"),
    ],
)
def test_where_to_find_it_is_asked_of_the_part_before(content, question, lang):
    # Read alone, "what website?" is the article's source; here it asks where to watch.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "source-article"


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("will the US help Ukraine if Russia invades", "en", "us-support-if-invasion"),
        ("что если Россия нападет", "ru", "us-support-if-invasion"),
        ("any statements after the talks", "en", "no-joint-statements"),
        ("будут ли заявления после разговора", "ru", "no-joint-statements"),
        ("когда покажут кадры после разговора", "ru", "talks-footage"),
        ("что потом заявил Белый дом", "ru", "white-house-confirmation"),
        ("what are security guarantees", "en", "security-guarantees-initiative"),
        ("why did Moscow insist on a meeting", "en", "moscow-motives"),
        ("which website is this from", "en", "source-article"),
        ("when is the call and what website is this from?", "en", "talks-time"),
    ],
)
def test_the_facts_own_asks_beside_them_stay(content, question, lang, fact):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact
