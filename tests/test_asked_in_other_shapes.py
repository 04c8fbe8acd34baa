"""Questions in shapes the corpus's writers used little: the sceptic ("is this fake?"), the
lecturer ("what is the bilateral agenda?"), the radio host ("for the bulletin: ..."). Each is
asked of the fact base without that exact wording, as a new user's question would be."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("is this fake news?", "en"),
        ("is the story genuine?", "en"),
        ("is it a hoax?", "en"),
        ("это не вброс?", "ru"),
        ("новость фейковая?", "ru"),
        ("це не фейк?", "uk"),
        ("чи це не вигадка?", "uk"),
    ],
)
def test_whether_the_news_is_fake_is_the_white_houses_confirmation(content, question, lang):
    # The article settles it only by the White House confirming the talks Moscow announced.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "white-house-confirmation"
    # Neither "yes" nor "no" to "is it fake?": the fact's own text is the answer.
    assert answer.lead == answer.fact.text[lang]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("who confirmed it?", "en"),
        ("кто это подтвердил?", "ru"),
        ("хто підтвердив розмову?", "uk"),
    ],
)
def test_who_confirmed_it_is_the_white_house_not_who_announced_it(content, question, lang):
    # Moscow announced the talks; the White House, having denied them, confirmed them.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "white-house-confirmation"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what are the agenda items of the bilateral talks?", "en"),
        ("what items are on the agenda?", "en"),
        ("какие пункты повестки двусторонних переговоров?", "ru"),
        ("які пункти порядку денного?", "uk"),
    ],
)
def test_agenda_items_of_bilateral_talks_are_the_topics(content, question, lang):
    # "Bilateral" says what every talk here is, and an agenda's "items" its topics.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-topics"
    assert not answer.evidence[FEATURES.index("unknown")]


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("for the bulletin: format of the talks?", "format of the talks?", "en"),
        ("in a nutshell, what will they discuss?", "what will they discuss?", "en"),
        ("для эфира: кто участвует?", "кто участвует?", "ru"),
        ("одной строкой: формат переговоров?", "формат переговоров?", "ru"),
        ("одним рядком: формат переговорів?", "формат переговорів?", "uk"),
        ("стисло: коли розмова?", "коли розмова?", "uk"),
    ],
)
def test_a_reporters_framing_reads_as_the_plain_question(content, question, plain, lang):
    engine = anew(content, question, plain)
    assert engine.index.analyse(question, lang).tokens == engine.index.analyse(plain, lang).tokens
    framed, asked = engine.ask(question, lang_hint=lang), engine.ask(plain, lang_hint=lang)
    assert framed.fact is not None and asked.fact is not None and framed.fact.id == asked.fact.id


@pytest.mark.parametrize(
    ("question", "lang"),
    [("in short, is it true Putin is ill?", "en"), ("вкратце: снимут ли санкции?", "ru")],
)
def test_a_framed_question_the_article_cannot_answer_stays_unanswered(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is None or answer.evidence[FEATURES.index("unknown")] > 0


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("did the Americans deny the talks at some point?", "did the Americans deny the talks?"),
        ("is it the middle of the night in Sydney then?", "is it night in Sydney then?"),
        ("when does it begin by our clock?", "when does it begin, what time?"),
        ("what hour is it on my clock then?", "what hour is it then?"),
        ("didn't the US deny everything before?", "didn't the US deny before?"),
        (
            "did the defence secretary say something about diplomacy?",
            "did the defence secretary say about diplomacy?",
        ),
        ("what hour should I turn the telly on?", "what hour should I?"),
        ("when do we switch on the TV for it?", "when do we for it?"),
        ("we're in Haifa, what time is the talk for us?", "we're in Haifa, what time is the talk?"),
    ],
)
def test_fillers_when_it_happened_and_ones_own_clock_read_as_the_plain_question(
    content, question, plain
):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, "en").tokens) == set(index.analyse(plain, "en").tokens)


def test_talks_conducted_are_talks_held(content):
    index = anew(content).index
    conducted = index.analyse("how will the talks be conducted?", "en").tokens
    assert set(conducted) == set(index.analyse("how will the talks be held?", "en").tokens)


@pytest.mark.parametrize(
    "question", ["is the call mostly about Ukraine?", "what is it chiefly about?"]
)
def test_what_a_talk_is_mostly_about_is_its_main_subject(content, question):
    assert "@main" in anew(content).index.analyse(question, "en").tokens


@pytest.mark.parametrize(
    "question",
    [
        "when did Putin come up with the idea of guarantees?",
        "what did Putin put forward?",
        "what did Putin suggest on December 1?",
    ],
)
def test_putting_an_idea_forward_is_proposing_it(content, question):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "security-guarantees-initiative"
    assert not answer.evidence[FEATURES.index("unknown")]


def test_a_subject_that_comes_up_is_still_discussed_not_proposed(content):
    index = anew(content).index
    assert "@discuss" in index.analyse("will NATO come up?", "en").tokens


@pytest.mark.parametrize("question", ["who is joining the call?", "will anyone else join?"])
def test_joining_the_call_is_taking_part_in_it(content, question):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "talks-participants"
    assert not answer.evidence[FEATURES.index("corrected_share")]  # "join" is no slip of "joint"


@pytest.mark.parametrize(
    "question", ["when will it happen?", "so when's this whole thing happening"]
)
def test_when_it_happens_is_the_time_not_who_said_it_would(engine, question):
    answer = engine.ask(question, lang_hint="en")
    assert answer.answered and answer.fact.id == "talks-time"
    said = engine.ask("who said it would happen?", lang_hint="en")
    assert said.answered and said.fact.id == "talks-announcement"


@pytest.mark.parametrize(
    ("wrapped", "plain"),
    [
        ("Kindly advise the scheduled date of the talks.", "the scheduled date of the talks"),
        ("For our records, on what date are the talks?", "on what date are the talks"),
        ("I would be most grateful to learn the date of the talks.", "the date of the talks"),
        ("Please confirm the date of the talks.", "the date of the talks"),
    ],
)
def test_an_officials_way_of_asking_reads_as_the_plain_question(content, wrapped, plain):
    # The clerk's formula asks nothing itself: what follows it is the question.
    index = anew(content).index
    assert index.analyse(wrapped, "en").tokens == index.analyse(plain, "en").tokens
    answer = anew(content, wrapped).ask(wrapped, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "talks-time"


@pytest.mark.parametrize("asked", ["sum it up", "tl;dr", "recap please", "can you sum up"])
def test_summing_up_in_any_of_its_words_is_one_word(content, asked):
    index = anew(content).index
    assert index.analyse(asked, "en").tokens == index.analyse("summarize", "en").tokens
    # an amount stays an amount, a number the article lacks, not the summary
    assert "@count" in index.analyse("what sum will ukraine get", "en").tokens
