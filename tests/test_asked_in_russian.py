"""Russian as a new writer asks it: everyday verbs and nouns for the call, and framing around
the question. Each pair reads as one question, so the fact one reaches is the fact the other
does. (A clock asked "по" a country is in test_asked_times_and_places.py.)"""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        # calling each other, imperfective, is the call as "созвониться" is
        ("когда они созваниваются?", "когда у них звонок?"),
        # a meeting held online is the call; a meeting alone may be Geneva's
        ("какого числа их онлайн-встреча", "какого числа их разговор"),
        ("когда виртуальная встреча президентов", "когда разговор президентов"),
    ],
)
def test_a_russian_word_for_the_call_reads_as_the_call(engine, asked, plain):
    assert engine.index.analyse(asked, "ru").tokens == engine.index.analyse(plain, "ru").tokens


def test_a_meeting_alone_is_not_the_call(engine):
    assert "@call" not in engine.index.analyse("когда встреча в Женеве", "ru").tokens


@pytest.mark.parametrize(
    ("asked", "plain"),
    [
        # stating, in any tense, is saying; someone's words to quote are what they said
        ("что Песков заявлял про Женеву", "что Песков сказал про Женеву"),
        ("какие слова Пескова про Женеву", "что сказал Песков про Женеву"),
        ("что процитировать из Пескова про Женеву", "что сказал Песков про Женеву"),
    ],
)
def test_stating_and_quoting_in_russian_is_what_was_said(engine, asked, plain):
    def said(question: str) -> set[str]:
        return set(engine.index.analyse(question, "ru").tokens)

    assert said(asked) == said(plain)


@pytest.mark.parametrize(
    ("lang", "question", "concept", "fact_id"),
    [
        # a subject on the agenda is a subject discussed
        ("ru", "войска у границ в повестке или нет", "обсуждать", "biden-troop-buildup"),
        ("ru", "войска у границы на повестке дня?", "обсуждать", "biden-troop-buildup"),
        (
            "uk",
            "війська біля кордонів у порядку денному чи ні",
            "обговорювати",
            "biden-troop-buildup",
        ),
        ("uk", "війська біля кордону на порядку денному?", "обговорювати", "biden-troop-buildup"),
        ("en", "are the troops at the border on the agenda?", "@discuss", "biden-troop-buildup"),
        # every word for "at first" asks what came first
        ("ru", "США сперва отказывались от встречи?", "@atfirst", "white-house-denial"),
        ("uk", "США спершу відмовлялись від зустрічі?", "@atfirst", "white-house-denial"),
        # every verb of sending sends
        ("ru", "оружие Киеву пришлют?", "@send", "lethal-weapons"),
        ("uk", "чи пришлють зброю Україні?", "@send", "lethal-weapons"),
    ],
)
def test_a_word_reads_as_its_concept_and_reaches_its_fact(
    content, lang, question, concept, fact_id
):
    engine = anew(content, question)
    assert concept in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("lang", "asked", "plain"),
    [
        # words for what is asked read as their concept
        # a newspaper "утка" is a hoax, as "фейк" is
        ("ru", "это утка?", "это фейк?"),
        # sitting at one table is meeting in person
        ("ru", "они будут за одним столом?", "они будут очно?"),
        ("ru", "когда первые изображения", "когда первые кадры"),
        # talk around a question says nothing of what it asks
        ("ru", "то есть разговор из-за НАТО, так?", "разговор из-за НАТО, так?"),
        ("ru", "объясните по-простому эти гарантии безопасности", "эти гарантии безопасности"),
        ("ru", "какие слова Пескова процитировать в эфире", "какие слова Пескова процитировать"),
        ("ru", "во сколько кадры для вечернего эфира", "во сколько кадры"),
        ("ru", "вживую не увидятся получается?", "вживую не увидятся?"),
        # the exact time is the time; yet another hoax is a hoax
        ("ru", "точное время начала беседы", "время начала беседы"),
        ("ru", "это очередная утка?", "это утка?"),
        # what a subject has to do with it asks about it
        ("ru", "при чем тут Женева", "а что с Женевой"),
        ("ru", "а НАТО здесь при чём?", "а что с НАТО?"),
        # a question's shape asks its kind
        # asking someone's name asks who they are
        ("ru", "как зовут министра обороны США", "кто министр обороны США"),
        ("ru", "когда ожидать кадры", "когда ждать кадры"),
        ("ru", "к какому часу кадры", "во сколько кадры"),
        # being against it is refusing it
        ("ru", "Белый дом сначала был против?", "Белый дом сначала отказывался?"),
        ("uk", "Білий дім спершу був проти?", "Білий дім спершу відмовлявся?"),
        # "какова" and a future noun say nothing of what is asked
        ("ru", "какова повестка разговора", "повестка разговора"),
        ("uk", "які теми майбутнього діалогу", "які теми діалогу"),
        # going to, in either aspect
        ("ru", "что они собрались обсуждать", "что они собираются обсуждать"),
        ("uk", "що зібралися обговорювати", "що збираються обговорювати"),
        # the alliance is NATO
        ("ru", "расширение альянса обсудят?", "расширение НАТО обсудят?"),
        ("uk", "розширення альянсу обговорять?", "розширення НАТО обговорять?"),
        # offline is in person
        ("ru", "онлайн или офлайн", "онлайн или очно"),
        ("uk", "онлайн чи офлайн", "онлайн чи особисто"),
        # putting an idea forward is proposing it
        ("ru", "когда Путин выдвинул идею гарантий", "когда Путин предложил идею гарантий"),
        ("uk", "коли Путін висунув ідею гарантій", "коли Путін запропонував ідею гарантій"),
        # a statement on the results, as an adjective or a noun
        ("ru", "итоговое заявление будет?", "по итогам заявление будет?"),
        ("uk", "підсумкова заява буде?", "за підсумками заява буде?"),
        # going back to an agreement is checking it
        ("ru", "вернутся ли к женевским договоренностям", "проверят ли женевские договоренности"),
        ("uk", "чи повернуться до домовленостей Женеви", "чи перевірять домовленості Женеви"),
        # flying over is meeting in person
        ("ru", "Байден прилетит в Москву?", "Байден очно в Москву?"),
        ("uk", "Байден прилетить до Москви?", "Байден особисто до Москви?"),
        # how plainly to put it is not what is asked
        ("ru", "как объяснить ребёнку, о чём будут говорить", "о чём будут говорить"),
        ("ru", "расскажи как для первоклассника о чём переговоры", "о чём переговоры"),
        ("uk", "як пояснити дитині, про що говоритимуть", "про що говоритимуть"),
        ("uk", "про що розмова, простими словами?", "про що розмова?"),
        # an official's wrapper and the term of holding: the date asked
        ("ru", "Просьба предоставить сведения о сроках проведения переговоров", "когда переговоры"),
        ("uk", "З метою планування уточніть термін проведення переговорів", "коли переговори"),
        ("ru", "оружие от Соединённых Штатов", "оружие от Штатов"),
        ("uk", "президенти Російської Федерації та США", "президенти Російської та США"),
        # refusing, in either aspect
        ("ru", "Белый дом отказался от встречи?", "Белый дом отказывался от встречи?"),
        ("uk", "Білий дім відмовився від зустрічі?", "Білий дім відмовлявся від зустрічі?"),
        # word for word asks what was said
        ("ru", "что дословно сказал Песков", "что сказал Песков"),
        ("uk", "що дослівно сказав Пєсков", "що сказав Пєсков"),
    ],
)
def test_a_wording_reads_as_its_plain_form(engine, lang, asked, plain):
    assert engine.index.analyse(asked, lang).tokens == engine.index.analyse(plain, lang).tokens
