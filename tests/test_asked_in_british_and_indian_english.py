"""English as the ninth writer's kinds of people put it, read as the plain question: British,
Australian and Indian turns ("still on", "reckon", "mate", "bloke", "today itself", "do the
needful", "revert with", "chinwag", "the yanks"), "time's" as "time is", a side named by its
country ("the American side's aim"), and a message addressed to an account or tagged as on
social media ("@newsbot when is the call", "#PutinBiden"); thinking about doing a thing as
considering it, "back in November" as "in November", footage shown as released."""

from __future__ import annotations

import pytest

from knowledge.language.text import normalize, untagged
from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("is the call still on for Tuesday?", "is the call on for Tuesday?"),
        ("what time's kick-off?", "what time is kick-off?"),
        ("what date's the call?", "what date is the call?"),
        ("reckon they'll talk about NATO?", "they'll talk about NATO?"),
        ("when's the call, mate?", "when's the call?"),
        ("who is that Peskov bloke?", "who is that Peskov?"),
        ("who's the Austin fella?", "who's the Austin?"),
        ("is the call today itself?", "is the call today?"),
        (
            "kindly do the needful and tell me the date of the call",
            "kindly tell me the date of the call",
        ),
        ("please revert with the date of the call", "the date of the call"),
        ("when's the chinwag?", "when's the call?"),
        ("what do the yanks want?", "what do the americans want?"),
        ("what's the American side's aim?", "what's the US's aim?"),
        ("what is the aim of the american side?", "what is the aim of the US?"),
        ("@newsbot when is the call?", "when is the call?"),
        ("when is the call? @newsbot", "when is the call?"),
        ("when is the call #PutinBiden", "when is the call Putin Biden"),
        ("did @WhiteHouse confirm the call?", "did White House confirm the call?"),
        (
            "is the US thinking about giving lethal weapons to Kyiv?",
            "is the US considering giving lethal weapons to Kyiv?",
        ),
        ("what did Peskov say back in November?", "what did Peskov say in November?"),
        ("when will the first footage be shown?", "when will the first footage be released?"),
        ("when is the call, ta", "when is the call"),
        ("does it kick off this arvo?", "does it kick off this afternoon?"),
    ],
)
def test_the_ninth_writers_english_reads_as_the_plain_question(content, question, plain):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, "en").tokens) == set(index.analyse(plain, "en").tokens)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("is the call still on for the 7th?", "talks-time"),
        ("#BidenPutinCall what time does it start?", "talks-time"),
    ],
)
def test_the_ninth_writers_english_reaches_its_fact(content, question, fact_id):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("#UkraineCrisis", "Ukraine Crisis"),
        ("#USRussiaTalks", "US Russia Talks"),
        ("#ПутинБайден", "Путин Байден"),
        ("#putinbiden", "putinbiden"),
        ("@bot, @news: when?", "when?"),
    ],
)
def test_a_tag_is_read_by_its_words_and_an_addressee_is_dropped(text, read):
    assert normalize(untagged(text)) == normalize(read)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("when is it @WhiteHouse.", "when is it"),
        ("when? @a @b", "when?"),
        ("@a@b when", "when"),
        # a run of mentions inside a message is its words, however long (read word by word;
        # names of two letters, as single letters in a row are read as one spelled-out word)
        ("x " + "@ab" * 500 + " y", "x " + " ".join(["ab"] * 500) + " y"),
    ],
)
def test_addressees_at_either_end_are_dropped_word_by_word(text, read):
    assert normalize(text) == normalize(read)


def test_an_at_sign_that_tags_nothing_stays_as_it_was():
    """An address's "@" and a spaced "@ 5pm" name no account: their words are kept."""
    assert normalize("mail me@mail.com") == "mail me mail com"
    assert normalize("the call @ 5pm") == "the call 5 pm"
