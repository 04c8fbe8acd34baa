"""Russian and Ukrainian as new writers word their asks: an indirect ask ("мне бы узнать",
"мені б дізнатися"), news asked of a thing ("что слышно про", "що чути про"), "через кого" as
who, a thing "talked of" ("речь пойдёт о", "мова йтиме про") as discussed, a quote asked
for ("приведите цитату", "наведіть пряму цитату"), "яким є" as "какова", supplying as sending
("поставлять", "постачати"), the Ukrainian "ціль" as "мета", and what someone means by a term
("что Кремль подразумевает под", "що мається на увазі під") as what it means; a title for a
name ("хозяин Кремля", "господар Білого дому") as the name; "повестка дня"
as the agenda, "по поводу"/"з приводу" as about, a possible thing as the thing, "по
завершении" as after; and planning the day around the call ("успею к началу?", "встигну на
початок?", "не пересікається?") as asking when it is. Each pair reads as one question."""

from __future__ import annotations

import pytest

from knowledge.answering.rereading import _knows
from tests.asking import anew


@pytest.mark.parametrize(
    ("asked", "lang", "plain"),
    [
        # an indirect ask is the ask
        ("мне бы узнать, когда созвон", "ru", "когда созвон"),
        ("мне нужно узнать время начала разговора", "ru", "время начала разговора"),
        ("мені б дізнатися, коли розмова", "uk", "коли розмова"),
        ("треба дізнатися, хто бере участь", "uk", "хто бере участь"),
        # news of a thing asks about it
        ("что слышно про оружие для Украины", "ru", "оружие для Украины"),
        ("що чути про зброю для України", "uk", "зброя для України"),
        # through whom is who
        ("через кого Кремль озвучит позицию", "ru", "кто озвучит позицию Кремля"),
        ("через кого Кремль озвучить позицію", "uk", "хто озвучить позицію Кремля"),
        # a thing talked of is a thing discussed
        ("о войсках у границы речь идет?", "ru", "обсуждать войска у границы?"),
        ("речь пойдет о НАТО?", "ru", "обсуждать НАТО?"),
        ("мова йтиме про війська біля кордону?", "uk", "обговорювати про війська біля кордону?"),
        # a quote asked for is what was said
        ("приведите точную цитату Остина", "ru", "что сказал Остин"),
        ("наведіть пряму цитату Остіна", "uk", "що сказав Остін"),
        # "яким є", "якими будуть" as "какова"
        ("Яким буде формат розмови?", "uk", "формат розмови?"),
        ("Якими є основні теми діалогу?", "uk", "основні теми діалогу?"),
        # supplying is sending
        ("будут ли США поставлять оружие", "ru", "отправят ли США оружие"),
        ("чи постачатимуть США зброю", "uk", "чи надішлють США зброю"),
        # a goal in Ukrainian
        ("які цілі Байдена", "uk", "яка мета Байдена"),
        # the agenda of the day is the agenda
        ("повестка дня какая", "ru", "повестка какая"),
        # "по поводу", "з приводу" say "about"; a possible invasion is the invasion
        ("позиция США по поводу возможного вторжения", "ru", "позиция США о вторжении"),
        ("позиція США з приводу можливого вторгнення", "uk", "позиція США: вторгнення"),
        # at the end of the talks is after them
        ("що скажуть по завершенню переговорів", "uk", "що скажуть після переговорів"),
        ("что скажут по завершении переговоров", "ru", "что скажут после переговоров"),
        # a title for a name is the name
        ("чего хочет хозяин Кремля", "ru", "чего хочет Путин"),
        ("що хоче господар Кремля", "uk", "що хоче Путін"),
        ("что думает хозяин Белого дома", "ru", "что думает Байден"),
        ("чого хоче глава Білого дому", "uk", "чого хоче Байден"),
        # whom a president will say it to is the call's other side
        ("что Байден скажет Путину", "ru", "что Байден скажет"),
        ("що Байден збирається сказати Путіну", "uk", "що Байден збирається сказати"),
        # "шоб", "чтоб" as "щоб", "чтобы"
        (
            "путін пропонував шоб нато не розширювалось?",
            "uk",
            "путін пропонував щоб нато не розширювалось?",
        ),
        (
            "путин предлагал, чтоб нато не расширялось?",
            "ru",
            "путин предлагал, чтобы нато не расширялось?",
        ),
    ],
)
def test_a_wording_reads_as_the_plain_ask(content, asked, lang, plain):
    index = anew(content).index
    assert sorted(index.analyse(asked, lang).tokens) == sorted(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("успею к началу разговора?", "ru"),
        ("не пропущу начало переговоров?", "ru"),
        ("встигну на початок розмови?", "uk"),
        ("тренування о 17:30, не пересікається з розмовою?", "uk"),
    ],
)
def test_planning_the_day_around_it_asks_when_it_is(content, question, lang):
    engine = anew(content, question)
    assert "@when" in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-time"


def test_the_presidents_of_two_countries_are_not_one_of_them(content):
    # a president is a leader: a title of Putin's that named a country would take the plural
    # "президенты РФ и США" for him
    index = anew(content).index
    assert "@putin" not in index.analyse("президенты РФ и США когда говорят", "ru").tokens


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("что Кремль подразумевает под гарантиями безопасности", "ru"),
        ("что имеется в виду под юридическими гарантиями", "ru"),
        ("що Кремль розуміє під гарантіями безпеки", "uk"),
        ("що мається на увазі під юридичними гарантіями", "uk"),
    ],
)
def test_what_is_meant_by_a_term_asks_what_it_means(content, question, lang):
    engine = anew(content, question)
    assert "@define" in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "security-guarantees-initiative"


@pytest.mark.parametrize(
    ("question", "lang", "fact"),
    [
        ("мне бы узнать, когда созвон", "ru", "talks-time"),
        ("через кого российская сторона озвучит позицию", "ru", "russia-position"),
        ("о войсках у границы речь идет?", "ru", "biden-troop-buildup"),
        ("чи постачатимуть США зброю Україні", "uk", "lethal-weapons"),
        ("наведіть пряму цитату Остіна", "uk", "austin-view"),
    ],
)
def test_a_wording_reaches_its_fact(content, question, lang, fact):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("ukraina v poriadku dennomu", "україна в порядку денному"),
        ("pro ukrainu bude mova", "про україну буде мова"),
    ],
)
def test_latin_ukrainian_is_read_as_spelt_right_not_as_a_listed_misspelling(
    content, latin, cyrillic
):
    # the Ukrainian dictionary lists "украіна" as a misspelling of "україна"
    engine = anew(content)
    read = engine.index.lexicon.transliterated(
        latin, "uk", known=lambda word: _knows(engine, word, "uk")
    )
    assert read == cyrillic
