"""Questions about a side the article does not speak for: what Ukraine wants of the call,
NATO's own aims or next move, who speaks for the US afterwards. Their words are a fact's
words (Ukraine in Biden's support, NATO among the topics, a spokesman for Russia), but the
side asked about is another. And "us" the pronoun is not the US."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what does Ukraine want from the call", "en"),
        ("what does Kyiv expect from the talks", "en"),
        ("чего хочет Украина от разговора", "ru"),
        ("чого хоче Київ від переговорів", "uk"),
        ("what does NATO want", "en"),
        ("what will NATO do if Russia attacks", "en"),
        ("что сделает НАТО, если Россия нападет", "ru"),
        ("позиція НАТО щодо переговорів", "uk"),
    ],
)
def test_ukraines_and_natos_own_aims_are_no_facts_answer(engine, question, lang):
    # Asked of the content's own decision: a reading that drops the side's words may still rank a
    # fact, unsure.
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is None


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        # Moscow's demands of NATO and NATO as a topic stay the facts that give them
        ("чого Росія хоче від НАТО", "uk", "security-guarantees-initiative"),
        ("will NATO be discussed", "en", "talks-topics"),
    ],
)
def test_a_sides_aims_the_article_gives_still_reach_their_fact(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("who will tell us what Russia said", False),
        ("can you give us the Russian side", False),
        ("what does it mean for us", False),
        ("who will speak for the US after the talks", True),
        ("why are the talks important for the US", True),
        ("does the us support ukraine", True),
    ],
)
def test_us_after_a_verb_or_preposition_is_the_pronoun(engine, question, country):
    tokens = engine.index.analyse(question, "en").tokens
    assert ("@us" in tokens) == country


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("who will speak for the US after the talks", "en"),
        ("who speaks for Ukraine after the talks", "en"),
    ],
)
def test_naming_a_side_the_fact_never_does_shifts_the_question(content, question, lang):
    # Russia's spokesman does not speak for the US or Ukraine: the question is weighed as
    # being about something else than the fact that ranks first.
    answer = anew(content).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "russia-position"
    assert answer.evidence[FEATURES.index("shifted")] == 1.0


@pytest.mark.parametrize(
    ("question", "lang", "wants", "other"),
    [
        ("why does Biden want to talk to Putin", "en", "@biden", "@putin"),
        ("why does Putin want to speak with Biden", "en", "@putin", "@biden"),
        ("зачем Байдену разговор с Путиным", "ru", "@biden", "@putin"),
        ("почему Путин хочет поговорить с Байденом", "ru", "@putin", "@biden"),
        ("навіщо Байдену розмова з Путіним", "uk", "@biden", "@putin"),
    ],
)
def test_the_other_side_of_the_call_is_not_the_side_asked(engine, question, lang, wants, other):
    # Every fact has both presidents on the call; whom one talks to is not whose aims are
    # asked, so only the one who wants is read.
    tokens = engine.index.analyse(question, lang).tokens
    assert wants in tokens and other not in tokens



@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("откуда известно", "ru"),
        ("звідки відомо", "uk"),
        ("how is this known", "en"),
    ],
)
def test_how_it_is_known_asks_the_source_not_the_year(content, question, lang):
    # "откуда известен год" is the year's own question; bare, how it is known is the source.
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "source-article"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("who is the russian defence minister", "en"),
        ("who is the ukrainian defense secretary", "en"),
        ("кто украинский министр обороны", "ru"),
        ("хто український міністр оборони", "uk"),
    ],
)
def test_the_other_sides_counterpart_of_an_official_is_another_person(content, question, lang):
    # Austin is the US's defence secretary: a Russian or Ukrainian one, named by the side's
    # adjective, is weighed as someone else, as the country's name already is.
    answer = anew(content).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "person-austin"
    assert answer.evidence[FEATURES.index("shifted")] == 1.0


def test_the_officials_own_side_is_no_shift(content):
    answer = anew(content).ask("who is the american defense secretary", lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "person-austin"
    assert answer.evidence[FEATURES.index("shifted")] == 0.0


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what did NATO say about the talks", "en"),
        ("has NATO responded to Putin's initiative", "en"),
        ("что сказали в НАТО о переговорах", "ru"),
        ("как отреагировало НАТО на гарантии", "ru"),
        ("що відповіло НАТО на гарантії", "uk"),
    ],
)
def test_what_nato_said_is_natos_own_side(engine, question, lang):
    # The topics name NATO and a spokesman saying things; the article quotes no one from NATO,
    # so what it said is asked as its aims are, of no fact.
    assert "@alliance" in engine.index.analyse(question, lang).tokens
    assert engine.ask(question, lang_hint=lang).fact is None
