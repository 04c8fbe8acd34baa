"""Questions in everyday words: verbs and slang read as the fact's concept, the upcoming
call or a conversation as the call, a quote as what was said, and the ask read apart from
its context. Each is asked as a user's new question would be: the fact base without that
exact wording."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang", "concept", "fact_id"),
    [
        # The facts say who wrote it ("кто написал статью"): the tense is no other question.
        ("кто об этом пишет", "ru", "@write", "source-article"),
        ("хто про це пише", "uk", "@write", "source-article"),
        # The facts say "поспорят": the aspect is no other question here.
        ("о чем будут спорить", "ru", "@argue", "talks-topics"),
        ("про що сперечатимуться", "uk", "@argue", "talks-topics"),
        # Slang for the information asks the source.
        ("откуда инфа", "ru", "@info", "source-article"),
        ("звідки інфа", "uk", "@info", "source-article"),
        # NATO's "expansion" in other words: moving east, creeping up, enlarging.
        ("is nato moving east a topic in the call", "en", "@expansion", "talks-topics"),
        ("nato creeping up to the borders, discussed?", "en", "@expansion", "talks-topics"),
        ("продвижение НАТО обсудят?", "ru", "@expansion", "talks-topics"),
        ("просування НАТО обговорять?", "uk", "@expansion", "talks-topics"),
        # A frame of video is footage, as "кадр" is.
        ("first video frames when", "en", "@footage", "talks-footage"),
        # Peskov's own "пробежаться", in English: running through Geneva is reviewing it.
        ("will they run through the geneva understandings", "en", "@review", "summit-review"),
        # Coming to want it, and needing it, are wanting it; "because of what" asks why.
        ("з якої причини росія захотіла розмову", "uk", "@aim", "moscow-motives"),
        ("the kremlin needed the talks because of what", "en", "@why", "moscow-motives"),
        # The press service in any spelling is the facts' "пресслужба".
        ("прес-служба кремля що робитиме", "uk", "@pressservice", "russia-position"),
    ],
)
def test_everyday_verbs_and_slang_read_as_the_facts_concept(
    content, question, lang, concept, fact_id
):
    engine = anew(content, question)
    assert concept in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


def test_dobyvatysia_is_domahatysia_in_ukrainian(engine):
    # Ukrainians say "добивається" as often as "домагається", the facts use the latter.
    read = engine.index.analyse
    asked = read("чого добивається Москва", "uk").tokens
    assert asked == read("чого домагається Москва", "uk").tokens


def test_a_video_link_is_the_call_and_a_link_to_the_video_is_not_asked(engine):
    # "link" and "video" apart had the format's "video link or in person" answer a request
    # for a link to watch, which the article never gives.
    assert "@call" in engine.index.analyse("will they talk by video link", "en").tokens
    assert engine.ask("will they talk by video link", lang_hint="en").fact.id == "talks-format"
    assert not engine.ask("link to the video pls", lang_hint="en").answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # Only the White House's confirmation asked with "happen"; the facts now do too.
        ("in what form will the talks happen", "talks-format"),
        ("who said the talks would happen", "talks-announcement"),
        ("which year did this happen", "talks-year"),
        ("when was the guarantees initiative announced", "security-guarantees-initiative"),
        # A real meeting is one in person; "sit" was corrected to "site", the outlet.
        ("is it a real meeting or online", "talks-format"),
        ("will they sit face to face", "talks-format"),
        # The fact is a "no": asked as one ("no press conference?"), its "no" is the fact's.
        ("no press conference?", "no-joint-statements"),
    ],
)
def test_the_fact_explains_every_word_of_an_everyday_question(content, question, fact_id):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact_id
    assert answer.evidence[FEATURES.index("unexplained_share")] == 0


def test_what_someone_announced_is_the_time_and_who_announced_the_announcement(content):
    # "what did Peskov announce" went to who announced it: the time's questions never said
    # "announce", the announcement's did.
    engine = anew(content, "what did peskov announce", "who announced the talks")
    assert engine.ask("what did peskov announce", lang_hint="en").fact.id == "talks-time"
    assert engine.ask("who announced the talks", lang_hint="en").fact.id == "talks-announcement"


@pytest.mark.parametrize(
    ("question", "lang"), [("цитата Пескова про Женеву", "ru"), ("цитата Пєскова про Женеву", "uk")]
)
def test_a_quote_asks_what_was_said(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "summit-review"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("предусмотрены ли заявления лидеров после переговоров?", "ru"),
        ("Чи передбачено заяви лідерів після переговорів?", "uk"),
        ("планируются ли заявления после переговоров?", "ru"),
        ("чи плануються заяви після переговорів?", "uk"),
    ],
)
def test_planned_statements_ask_whether_there_are_any(content, question, lang):
    engine = anew(content, question)
    assert engine.index.analyse(question, lang).tokens[0] == "@scheduled"  # as "scheduled"
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "no-joint-statements"


@pytest.mark.parametrize(
    ("question", "lang"), [("про україну мова піде?", "uk"), ("про Украину речь пойдет?", "ru")]
)
def test_what_the_talk_will_turn_to_asks_the_topics(content, question, lang):
    # "мова піде", "речь пойдет": the idiom for what will be talked about
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-topics"


@pytest.mark.parametrize(
    ("question", "plain", "lang", "fact_id"),
    [
        ("Какие темы предстоящего разговора?", "Какие темы разговора?", "ru", "talks-topics"),
        ("Які основні теми майбутньої розмови?", "Які основні теми розмови?", "uk", "talks-topics"),
        (
            "що сказав Остін про майбутню розмову?",
            "що сказав Остін про розмову?",
            "uk",
            "austin-view",
        ),
    ],
)
def test_the_upcoming_call_is_the_call(content, question, plain, lang, fact_id):
    engine = anew(content, question)
    # "upcoming" says nothing: the call asked about is this one
    assert engine.index.analyse(question, lang).tokens == engine.index.analyse(plain, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("какого числа они будут разговаривать", "ru", "talks-time"),
        ("о чем будут разговаривать", "ru", "talks-topics"),
        ("про що розмовлятимуть?", "uk", "talks-topics"),
        # the broadcast is the call as people watch it
        ("когда начало трансляции", "ru", "talks-time"),
        ("коли початок трансляції", "uk", "talks-time"),
        ("when does the livestream begin", "en", "talks-time"),
        ("what time is the broadcast", "en", "talks-time"),
    ],
)
def test_conversing_is_the_call(content, question, lang, fact_id):
    engine = anew(content, question)
    assert "@call" in engine.index.analyse(question, lang).tokens
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


def test_a_conference_is_the_call_but_a_press_conference_is_not(content):
    engine = anew(content, "when is the conference")
    assert "@call" in engine.index.analyse("when is the conference", "en").tokens
    assert engine.ask("when is the conference").fact.id == "talks-time"
    assert "@call" not in engine.index.analyse("will there be a press conference", "en").tokens
    answer = engine.ask("is there a press conference after the talks")
    assert answer.fact is not None and answer.fact.id == "no-joint-statements"


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        # which leaders asks who: a date beside it is context, not the ask
        ("which leaders will talk on 7 December", "en", "talks-participants"),
        ("какие лидеры будут разговаривать 7 декабря", "ru", "talks-participants"),
        ("які президенти говоритимуть 7 грудня", "uk", "talks-participants"),
        # the cause in other words
        ("из-за чего Москва настаивала на разговоре", "ru", "moscow-motives"),
        ("з якої причини Москва наполягала на розмові", "uk", "moscow-motives"),
    ],
)
def test_the_ask_is_read_apart_from_its_context(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


def test_in_the_first_place_asks_the_same_thing(engine):
    # Not which came first: "first" moves a question elsewhere.
    read = engine.index.analyse
    asked = read("why did russia want talks in the first place", "en").tokens
    assert asked == read("why did russia want talks", "en").tokens
