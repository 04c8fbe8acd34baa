"""Questions that reuse a fact's words but ask what the article leaves out: a number it never
gives (how many troops), a link or channel to watch on, whether the call is broadcast at all,
who else is on the call, their contacts between Geneva and this call, which weapons, what a
name it only mentions is; and acts it never reports, asked yes or no (a withdrawal, a
meeting later). Each is asked of an engine that answers with whatever ranks first however
unsure, so what is tested is that no fact can be that answer, or that the decision is told
the question moves elsewhere; beside each, the fact's own question that must stay."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "reused"),
    [
        # A size is a number, which the article never gives.
        ("number of troops at the border?", "en", "biden-troop-buildup"),
        ("how big is the russian army near ukraine", "en", "biden-troop-buildup"),
        ("численность войск у границы?", "ru", "biden-troop-buildup"),
        ("чисельність військ біля кордону?", "uk", "biden-troop-buildup"),
        # A link or a channel to watch it on, and whether it is broadcast at all.
        ("link to the stream?", "en", None),
        ("which channel will show the talks", "en", None),
        ("is there a livestream of the call", "en", None),
        ("ссылку на трансляцию дай", "ru", None),
        ("на каком канале покажут переговоры?", "ru", None),
        ("будет ли прямая трансляция", "ru", None),
        ("дай посилання на трансляцію", "uk", None),
        ("на якому каналі покажуть розмову?", "uk", None),
        ("чи буде пряма трансляція розмови", "uk", None),
        ("есть трансляция?", "ru", None),
        ("є трансляція?", "uk", None),
        # Who else is there: the article names the two leaders, no advisers.
        ("who else is on the call besides the two", "en", "talks-participants"),
        ("кто ещё будет на переговорах кроме них", "ru", "talks-participants"),
        ("хто ще буде на розмові", "uk", "talks-participants"),
        # Their contacts between Geneva and this call.
        ("is this their first conversation since geneva?", "en", None),
        ("они с июня вообще общались?", "ru", None),
        ("когда последний раз созванивались до этого", "ru", None),
        ("коли була попередня розмова", "uk", None),
        # Which weapons: the article says lethal ones are being considered, not which.
        ("what weapons exactly will the US send to Kyiv", "en", "lethal-weapons"),
        ("какое летальное оружие пришлют Украине", "ru", "lethal-weapons"),
        ("що за летальна зброя", "uk", "lethal-weapons"),
    ],
)
def test_what_the_article_leaves_out_is_not_the_fact_whose_words_it_reuses(
    content, question, lang, reused
):
    # None: no fact asks this way at all. Otherwise the fact whose words it reuses cannot be
    # the answer (the topics, which ask "how many" and "which", may still rank).
    answer = anew(content, question).ask(question, lang_hint=lang)
    if reused is None:
        assert answer.fact is None
    else:
        assert answer.fact is None or answer.fact.id != reused


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("number of topics?", "en", "talks-topics"),
        ("when does the stream start", "en", "talks-time"),
        ("коли початок трансляції", "uk", "talks-time"),
        ("will the US send weapons to Ukraine", "en", "lethal-weapons"),
        ("what weapons is Washington considering for Kyiv", "en", "lethal-weapons"),
        ("когда покажут кадры после разговора", "ru", "talks-footage"),
        ("чи надішлють США зброю", "uk", "lethal-weapons"),
        ("is it just putin and biden or is anyone else joining", "en", "talks-participants"),
        ("со ссылкой на кого это пишут", "ru", "source-article"),
    ],
)
def test_the_facts_own_asks_beside_them_stay(content, question, lang, fact):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what is RIA Novosti", "en"),
        ("риа это вообще что", "ru"),
    ],
)
def test_what_a_name_the_article_only_mentions_is_is_not_the_source(content, question, lang):
    # Asked what it is, the outlet's name asks its meaning, which the source does not give.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "source-article"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("will Russia withdraw its troops from the border?", "en"),
        ("Россия уберёт армию от границы?", "ru"),
        ("Росія відведе війська від кордону?", "uk"),
        ("встретятся ли они лично позже", "ru"),
        ("чи зустрінуться вони особисто згодом", "uk"),
    ],
)
def test_an_act_the_article_never_reports_moves_the_question_elsewhere(content, question, lang):
    # A withdrawal, a meeting later: the fact's other words match, the act is not its own.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.evidence and answer.evidence[FEATURES.index("shifted")] == 1.0
