"""Words typed with the wrong keyboard layout on (knowledge/language/layout.py): Russian and
Ukrainian typed on the Latin layout, English on the Cyrillic one, whole messages and single
words, read as meant; a real word of either script is never changed."""

from __future__ import annotations

import pytest

from knowledge.answering.rereading import relaid_message
from knowledge.language.layout import layouts


@pytest.mark.parametrize(
    "message",
    [
        "rjulf gthtujdjhs",  # когда переговоры
        "rjulf ,eltn gthtujdjhs?",  # когда будет переговоры: "," is "б"
        "rjkb hjpvjdf",  # коли розмова
        "когда gthtujdjhs",  # one word in a Russian message
        "коли hjpvjdf",
        "црут шы еру сфдд",  # when is the call
    ],
)
def test_a_message_on_the_wrong_layout_is_asked_as_meant(engine, message):
    answer = engine.ask(message)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("rjulf ,eltn pdjyjr", "когда будет звонок"),
        ("j xtv ,elen ujdjhbnm", "о чем будут говорить"),  # "j" alone beside longer ones
        ("oj nfrt ufhfyns] ,tpgtrb", "що таке гарантії безпеки"),  # "]" is "ї", "s" is "і"
        ("j rjnhsq gj rb'de", "о котрій по києву"),  # "'" is "є"
        ("когда будет gtcrjd?", "когда будет песков?"),
        ("црщ шы зыфлш", "who is psaki"),
    ],
)
def test_words_are_read_through_the_layout(engine, typed, meant):
    assert relaid_message(engine, typed) == meant


@pytest.mark.parametrize(
    "message",
    [
        "when is the call",
        "kogda peregovory",  # Russian in Latin letters, read by transliteration
        "koly rozmova",
        "Putin vs Biden",  # "vs" is "мы", but short and beside English
        "utc?",  # a zone: "гес" on the Cyrillic layout
        "when does Putin eat",  # "eat" is "уфе", but one English word of four
        "кто такой Псаки",
        "цру",  # the CIA, though "whe" on the Latin layout
        "ok",
        "что такое нато",
    ],
)
def test_a_real_word_is_never_changed(engine, message):
    assert relaid_message(engine, message) == message


def test_each_layout_has_a_letter_per_key():
    table = layouts()
    assert "s" in table.keys and "]" in table.keys
    assert "ы".translate(table.to_latin) == "s" and "і".translate(table.to_latin) == "s"
