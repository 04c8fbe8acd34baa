"""Questions asked for someone else ("внучка спрашивает, когда...", "my mum in odesa wants to
know when...", "скажите бабушке, во сколько"): the one who asks and that they ask wrap the
real question, matched as a pattern over words."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.language.behalf import load_behalf


@pytest.mark.parametrize(
    "question",
    [
        "внучка спрашивает когда будет Путин с Байденом разговаривать",
        "моя мама спрашивает, во сколько переговоры",
        "дочка хочет знать когда будет разговор",
        "бабушке скажите во сколько переговоры",
        "передайте деду во сколько разговор",
        "онук питає коли буде розмова Путіна з Байденом",
        "скажіть бабусі коли розмова",
        "my grandson is asking when Putin and Biden will talk",
        "my grandma wants to know what time the call is",
        "for my grandma: what time is the call?",
        "tell my grandpa when the call is",
    ],
)
def test_a_question_asked_for_someone_else_is_the_question(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "question",
    [
        "внучка спрашивает, Путин болен?",
        "my grandson asks is putin sick",
        "онук питає чи путін хворий",
    ],
)
def test_asking_for_someone_else_answers_nothing_the_question_alone_would_not(engine, question):
    assert not engine.ask(question).answered


BEHALF = load_behalf(
    {
        "en": {
            "possessive": ["my"],
            "askers": ["son", "mum"],
            "asking": ["asks", "wants to know"],
            "told": ["mom"],
            "telling": ["tell"],
            "for": ["for"],
            "hearsay": ["i heard", "heard that"],
            "checked": ["true"],
        }
    },
    Path("words.yaml"),
)


@pytest.mark.parametrize(
    ("words", "left"),
    [
        ("my son asks when", "when"),
        ("asks my son when", "when"),
        ("my mum in oslo wants to know when", "in oslo when"),  # the place between is kept
        ("tell my mom when", "when"),
        ("for my mom when", "when"),
        ("my mom tell when", "when"),
        ("my son is a pilot who often asks when", "my son is a pilot who often asks when"),
        ("when does my son fly", "when does my son fly"),  # no verb: not asked for him
        ("mom when", "mom when"),
        ("i heard it is on tuesday true", "it is on tuesday true"),  # the claim is checked
        ("heard that it is on tuesday true", "it is on tuesday true"),
        ("i heard what about tuesday", "i heard what about tuesday"),  # not a claim to check
        ("it is on tuesday i heard true", "it is on tuesday i heard true"),
    ],
)
def test_an_asker_goes_with_a_verb_near_it_and_one_told_with_a_telling_verb(words, left):
    assert " ".join(BEHALF.dropped(words.split())) == left


@pytest.mark.parametrize(
    ("wrapped", "bare"),
    [
        ("I heard they will talk about NATO, true?", "they will talk about NATO, true?"),
        ("говорят, будут говорить про НАТО, правда?", "будут говорить про НАТО, правда?"),
        ("кажуть, що говоритимуть про НАТО, правда?", "говоритимуть про НАТО, правда?"),
        ("I heard Putin is dying, true?", "Putin is dying, true?"),
        (
            "somebody on the radio said they will talk about NATO, is that so?",
            "they will talk about NATO, is that so?",
        ),
        ("говорят, Путин болен, правда?", "Путин болен, правда?"),
    ],
)
def test_a_claim_heard_and_put_to_be_checked_is_read_as_the_claim(engine, wrapped, bare):
    # Answered alike, with the same fact or none; the wrapper's words may still move the
    # confidence between "did you mean" and a plain decline.
    heard, asked = engine.ask(wrapped), engine.ask(bare)
    assert (heard.answered, heard.answered and heard.fact.id) == (
        asked.answered,
        asked.answered and asked.fact.id,
    )


def test_hearsay_answers_no_claim_the_base_does_not_hold(engine):
    assert not engine.ask("I heard Putin is dying, true?").answered
    assert not engine.ask("говорят, Путин болен, правда?").answered


@pytest.mark.parametrize(
    "table",
    [
        {"en": {"askers": "son"}},
        {"en": {"sayers": ["son"]}},
        {"xx": {"askers": ["son"]}},
        {"en": {"askers": ["my son"]}},  # askers are one word each
    ],
)
def test_on_behalf_lists_must_be_lists_of_single_askers(table):
    with pytest.raises(ValueError, match="on_behalf"):
        load_behalf(table, Path("words.yaml"))


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("my colleague in Kyiv asks what hour it begins", "Europe/Kyiv"),
        ("my aunt in Moscow wants the start time in her time", "Europe/Moscow"),
        ("my mate in Tokyo asks when the talks are for him", "Asia/Tokyo"),
        ("my cousin in Oslo needs the start time", "Europe/Oslo"),
        ("подруга в Нью-Йорке спрашивает, во сколько у нее начало", "America/New_York"),
        ("коллега из Кишинева спрашивает время начала", "Europe/Chisinau"),
        ("сестра з Харкова питає, о котрій у нас починають", "Europe/Kyiv"),
        ("донька в Нью-Йорку питає, о котрій у неї почнеться", "America/New_York"),
        ("племінниця у Варшаві хоче знати, о котрій розмова", "Europe/Warsaw"),
    ],
)
def test_one_asking_for_someone_in_a_place_asks_the_time_there(engine, question, zone):
    # The asker and the verb go together even with the place between them, so the verb is
    # not left a word of the question once the people around the asker are dropped (wave 12).
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    ("words", "left"),
    [
        ("my mate wants when", "when"),
        ("племянница хочет когда", "когда"),
        ("what does russia want", "what does russia want"),  # no asker: the words stay
    ],
)
def test_more_askers_and_wanting_verbs(words, left):
    behalf = load_behalf(
        {
            "en": {"possessive": ["my"], "askers": ["mate"], "asking": ["wants"]},
            "ru": {"askers": ["племянница"], "asking": ["хочет"]},
        },
        Path("words.yaml"),
    )
    assert " ".join(behalf.dropped(words.split())) == left


@pytest.mark.parametrize(
    ("words", "left"),
    [
        ("що хоче дід від путіна", "що хоче дід від путіна"),  # what he wants is asked
        ("чего дед хочет от путина", "чего дед хочет от путина"),
        ("дід хоче коли розмова", "коли розмова"),  # he wants to know: the wrapper goes
        ("коли розмова хоче дід", "коли розмова"),
    ],
)
def test_a_question_word_before_the_asker_asks_about_the_asker(words, left):
    behalf = load_behalf(
        {
            "ru": {"askers": ["дед"], "asking": ["хочет"], "objects": ["чего"]},
            "uk": {"askers": ["дід"], "asking": ["хоче"], "objects": ["що"]},
        },
        Path("words.yaml"),
    )
    assert " ".join(behalf.dropped(words.split())) == left
