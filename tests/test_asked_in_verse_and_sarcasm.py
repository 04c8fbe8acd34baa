"""Verse, slogans and sarcasm around a plain ask (knowledge/language/data/words.yaml
`filler`, knowledge/content/lexicon.yaml): a counting rhyme from one ("one two three four",
"раз-два-три-четыре-пять", "раз, два, три, чотири, п'ять"), a rhyme's tag or refrain ("tell
me more", "скажите, люди", "гей-гей, ... скажи скорій") and a sarcastic opener ("oh great,
another ...", "ага, звісно, ...") are read away, and the ask left is asked: "Вова с Джо на
связи будут — когда? скажите, люди" asks when they talk."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("one two three four, when's the call, tell me more", "when's the call", "en"),
        ("oh great, another call. when is it?", "call. when is it?", "en"),
        ("yeah right, when is the call", "when is the call", "en"),
        (
            "раз-два-три-четыре-пять, когда путину с байденом болтать?",
            "когда путину с байденом болтать?",
            "ru",
        ),
        ("Вова с Джо на связи будут — когда? скажите, люди", "когда Путин и Байден разговор", "ru"),
        ("ну конечно, когда разговор?", "когда разговор?", "ru"),
        (
            "Путін з Байденом, гей-гей, коли дзвінок, скажи скорій",
            "коли дзвінок Путіна з Байденом",
            "uk",
        ),
        (
            "раз, два, три, чотири, п'ять — коли вони будуть говорити?",
            "коли вони будуть говорити?",
            "uk",
        ),
        ("ага, звісно, о котрій розмова?", "о котрій розмова?", "uk"),
        ("вони вже на зв'язку?", "вони вже розмова?", "uk"),
    ],
)
def test_verse_and_sarcasm_read_as_the_plain_ask(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("how many troops: one two three?", "en"),  # a count still counts
        ("oh great", "en"),
        ("ну конечно", "ru"),
    ],
)
def test_a_rhyme_or_a_sneer_alone_is_not_the_call(content, question, lang):
    assert "@call" not in anew(content).index.analyse(question, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang", "fact_id"),
    [
        ("one two three four, when's the call, tell me more", "en", "talks-time"),
        ("раз-два-три, когда разговор? скажите, люди", "ru", "talks-time"),
    ],
)
def test_a_rhyme_reaches_its_fact(content, question, lang, fact_id):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == fact_id


def test_a_rhymes_nonsense_words_are_not_a_place(engine):
    answer = engine.ask("Putin and Joe on the telly, what time do I grab my jelly?", lang_hint="en")
    assert answer.place is None
