"""Questions the article cannot answer though their words are the facts' words: the call's
outcome (the article was written before it), which one exactly (a detail no fact lists), the
language they talk in, whether what was agreed has been done, Ukraine's own side, where a
president will be, watching it live; and the bot itself.
Each is asked of an engine that answers with whatever ranks first however unsure, so what is
tested is that no fact can be that answer; a person's health is asked of the tests' decision."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what did they agree on?", "en"),
        ("did they reach an agreement", "en"),
        ("what was the outcome of the call", "en"),
        ("итоги?", "ru"),
        ("какие итоги переговоров", "ru"),
        ("что было после переговоров", "ru"),
        ("о чем договорились?", "ru"),
        ("підсумки?", "uk"),
        ("чим закінчилися переговори", "uk"),
        ("що було після переговорів", "uk"),
        # The language they talk in: the call's own words ("говорити", "speak") would take
        # these to the format or topics.
        ("what language will they speak", "en"),
        ("will there be interpreters", "en"),
        ("на каком языке они будут говорить", "ru"),
        ("будет переводчик?", "ru"),
        ("якою мовою вони говоритимуть", "uk"),
        ("хто перекладає розмову", "uk"),
        # Ukraine's own side: the article gives Moscow's and Washington's, never Kyiv's, and
        # Biden's support for Ukraine does not answer what Ukraine thinks.
        ("what is Ukraine's position on the talks?", "en"),
        ("will Ukraine's leader join the call?", "en"),
        ("будет ли участвовать президент Украины", "ru"),
        ("позиция Украины по переговорам?", "ru"),
        ("что думает Киев о разговоре", "ru"),
        ("позиція України щодо переговорів?", "uk"),
        ("чи візьме участь президент України", "uk"),
    ],
)
def test_the_calls_outcome_its_language_and_ukraines_side_are_no_facts_answer(
    content, question, lang
):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("where is Putin calling from?", "en"),
        ("откуда будет говорить Путин", "ru"),
        ("звідки говоритиме Байден", "uk"),
    ],
)
def test_where_a_president_will_be_is_not_the_format_or_source(content, question, lang):
    # The talks are by video link; where each president sits is not said, and "звідки" of a
    # president is not where the news comes from.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id not in ("talks-format", "source-article")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("can I watch the talks live?", "en"),
        ("можно ли смотреть разговор вживую?", "ru"),
        ("чи можна дивитися переговори наживо?", "uk"),
    ],
)
def test_watching_the_call_live_is_not_the_format(content, question, lang):
    # "вживую", "наживо" after a watching word is the broadcast, not meeting in person.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "talks-format"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what specific weapons will Washington send", "en"),
        ("какое именно оружие получит Украина", "ru"),
        ("які саме озброєння дадуть Україні", "uk"),
        # what a past agreement said: "какие были", "які були", "what were"
        ("what were the geneva agreements", "en"),
        ("какие были женевские договоренности", "ru"),
        ("які були женевські домовленості", "uk"),
    ],
)
def test_which_one_exactly_is_not_the_fact_naming_it(content, question, lang):
    # The fact says weapons are considered, not which: only a fact listing its answer (the
    # topics) is asked which one exactly, and a question about weapons is not that either.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id not in ("lethal-weapons", "summit-in-geneva")


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        # "вживую", "наживо" without a watching word: meeting in person
        ("они встретятся вживую?", "ru", "talks-format"),
        ("чи зустрінуться вони наживо", "uk", "talks-format"),
        # Washington's own position, not Kyiv's
        ("what is Biden's position on Ukraine", "en", "biden-ukraine-support"),
        ("какая позиция США по Украине", "ru", "biden-ukraine-support"),
        # "по итогам", "за підсумками" say when, not what came of it
        ("will there be statements after the call", "en", "no-joint-statements"),
        ("заявления по итогам будут?", "ru", "no-joint-statements"),
        ("чи будуть заяви за підсумками", "uk", "no-joint-statements"),
        # the topics are a list the article gives: asking which exactly is asking it
        ("what specific topics are on the agenda", "en", "talks-topics"),
        ("какие именно темы будут на повестке", "ru", "talks-topics"),
        ("які саме теми будуть на порядку денному", "uk", "talks-topics"),
        ("what were the topics", "en", "talks-topics"),
        # next to a premise the article never states (below): the news, not a person, is
        # what is doubted
        ("is the call between Putin and Biden fake?", "en", "white-house-confirmation"),
        ("разговор путина и байдена это фейк?", "ru", "white-house-confirmation"),
        # how it will go, in the future: the format
        ("как пройдет встреча", "ru", "talks-format"),
        ("як пройде розмова", "uk", "talks-format"),
        # what was said in a statement, not in the call
        ("what did Peskov say in November", "en", "moscow-insisted"),
        ("что сказал Песков о Женеве", "ru", "summit-review"),
        ("що сказав Пєсков про Женеву", "uk", "summit-review"),
    ],
)
def test_what_the_article_does_say_next_to_a_near_miss_still_reaches_its_fact(
    content, question, lang, fact_id
):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


# The fixture's review fact asks how far Geneva has got; the content's does not.
ASKS_WHETHER_DONE = (
    "are the Geneva understandings being implemented",
    "what has been implemented",
    "что уже реализовано",
    "що вже реалізовано",
)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("have the geneva agreements been fully implemented", "en"),
        ("выполнены ли женевские договоренности", "ru"),
        ("чи виконані женевські домовленості", "uk"),
    ],
)
def test_whether_geneva_was_carried_out_needs_a_fact_that_asks_it(content, question, lang):
    # A fact that only says the implementation will be discussed is not the answer.
    answer = anew(content, question, *ASKS_WHETHER_DONE).ask(question, lang_hint=lang)
    assert answer.fact is None
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "summit-review"


def test_checking_the_geneva_agreements_is_still_the_review(content):
    question = "будут ли проверять выполнение договоренностей из женевы"
    answer = anew(content, question, *ASKS_WHETHER_DONE).ask(question, lang_hint="ru")
    assert answer.fact is not None and answer.fact.id == "summit-review"


@pytest.mark.parametrize(
    "question", ["is Psaki dying", "Psaki is dying?", "is Psaki dead", "is Psaki sick"]
)
def test_a_persons_health_is_no_facts_answer(engine, question):
    # "dying" is a real word, not a slip of "doing": it stays unknown to the facts and
    # weighs against the person's fact as "ill" does.
    assert {"die", "dead", "sick"} & set(engine.index.analyse(question, "en").unknown)
    assert not engine.ask(question, lang_hint="en").answered


@pytest.mark.parametrize(
    "question", ["who talks for the Kremlin?", "who talks for the White House"]
)
def test_who_talks_for_someone_is_not_the_call(engine, question):
    # "talks" there is speaking on someone's behalf: no fact about the call answers it.
    assert not engine.ask(question, lang_hint="en").answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # whether a person is real: the sceptic's word next to a name
        ("is Biden fake?", "en"),
        ("is Putin real?", "en"),
        ("путин фейк?", "ru"),
        ("байден настоящий?", "ru"),
        ("путін справжній?", "uk"),
        # why the call was called off or moved: the article gives one time and no change to
        # it (whether it was, "was the call postponed", is answered with that time and a line
        # that the article predates the call: test_asked_status.py)
        ("why did Putin cancel the call?", "en"),
        ("почему отменили разговор", "ru"),
        ("чому скасували розмову?", "uk"),
        # how it went, in the past: the article was written before the call
        ("how was the call", "en"),
        ("как прошел разговор?", "ru"),
        ("як пройшла розмова?", "uk"),
        # what was said in the call, in the past
        ("what exactly did Biden say to Putin", "en"),
        ("did Putin and Biden argue", "en"),
        ("что сказал Путин Байдену", "ru"),
        ("спорили?", "ru"),
        ("що Путін відповів Байдену", "uk"),
    ],
)
def test_a_premise_the_article_never_states_is_not_answered(engine, question, lang):
    # The name and the call still rank facts; the premise's word, which no fact uses,
    # keeps any of them from being the answer.
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # The asker as one side of a talk: "talking to" and "с кем ... говорю" are the call's
        # words, so the participants would otherwise be the answer.
        ("who am I talking to?", "en"),
        ("с кем я разговариваю", "ru"),
        ("кто со мной говорит", "ru"),
        ("з ким я розмовляю?", "uk"),
        ("хто зі мною говорить", "uk"),
        # The bot as a thing written: the source's "wrote" would take these to the article.
        ("who wrote you", "en"),
        ("кто тебя написал", "ru"),
        ("хто тебе написав", "uk"),
    ],
)
def test_a_question_about_the_bot_itself_is_no_facts_answer(engine, question, lang):
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("что такое территориальная целостность", "ru"),
        ("що таке територіальна цілісність", "uk"),
        ("что такое НАТО", "ru"),
        ("що таке НАТО?", "uk"),
        ("what does NATO stand for", "en"),
    ],
)
def test_what_a_word_means_is_no_answer_of_a_fact_that_only_names_it(engine, question, lang):
    # Biden's support names territorial integrity, the topics name NATO; neither says what
    # it is, and only the security guarantees' fact is asked what they are.
    assert not engine.ask(question, lang_hint=lang).answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what understandings were reached in Geneva", "en"),
        ("что за договоренности были в Женеве", "ru"),
        ("список договорённостей женевского саммита", "ru"),
        ("перелік домовленостей женевського саміту", "uk"),
    ],
)
def test_what_the_geneva_agreements_said_is_not_the_summit(content, question, lang):
    # The article says the agreements will be reviewed, not what they were.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id != "summit-in-geneva"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("where can I watch the call", "en"),
        ("где можно посмотреть трансляцию переговоров", "ru"),
        ("де можна подивитися розмову", "uk"),
    ],
)
def test_where_to_watch_the_call_is_not_the_format_or_source(content, question, lang):
    # The article names no stream: where to watch is not where they meet, nor the source.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.fact.id not in ("talks-format", "source-article")


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        # where they meet, with no watching word, stays the format
        ("where will the talks take place", "en", "talks-format"),
        ("где пройдут переговоры", "ru", "talks-format"),
    ],
)
def test_where_they_meet_stays_the_format(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id
