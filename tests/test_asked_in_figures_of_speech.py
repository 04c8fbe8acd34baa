"""Metaphors, idioms and genre words for the call and its people, read as the plain ask
(knowledge/content/lexicon.yaml): "the big showdown", a "tete-a-tete", the hotline, a
telebridge, "телемост", "телеміст", "большая разборка" are the call; "the two bears", "the old
men", "the heavyweights", "старики", "ведмеді" its leaders; comparing watches, sitting down
at the table, logging on ("старики сверят часы", "сядут за стол") the call itself, each an
idiom read whole, not word by word; shaking hands or one room ("руки жать друг другу",
"руки тиснути", "в одній кімнаті") meeting in person. A figure of speech never makes an ask
the article does not answer answered: who wins the showdown, how long the circus lasts."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("which day of the week is the big showdown", "which day of the week is the call", "en"),
        ("what time's the tete-a-tete", "what time's the call", "en"),
        ("kyiv time for the hotline chat", "kyiv time for the call", "en"),
        ("when does the hotline ring", "when does the call", "en"),
        ("when is the telebridge", "when is the call", "en"),
        ("what hour do the two bears sit down", "what hour do the two leaders talk", "en"),
        ("when do the old men compare watches", "when do the leaders talk", "en"),
        ("when do the two heavyweights log on", "when do the two leaders talk", "en"),
        ("во сколько по киеву телемост", "во сколько по киеву разговор", "ru"),
        ("какой день недели у этой большой разборки", "какой день недели у разговора", "ru"),
        ("когда старики сверят часы", "когда лидеры разговор", "ru"),
        ("какие два медведя сядут за стол", "какие два лидера разговор", "ru"),
        ("коли телеміст", "коли розмова", "uk"),
        ("хто ті два ведмеді, що сідають за стіл", "хто ті два лідери, що розмова", "uk"),
        ("значит руки жать друг другу не будут?", "значит лично не будут?", "ru"),
        ("руки тиснути не будуть, так?", "особисто не будуть, так?", "uk"),
        ("як у женеві, в одній кімнаті?", "як у женеві, особисто?", "uk"),
        ("will they shake hands", "will they be there in person", "en"),
        ("so it's a telebridge, not a real summit?", "so it's a call, not in person?", "en"),
        ("who wanted a proper sitdown first", "who wanted in person first", "en"),
    ],
)
def test_a_figure_of_speech_reads_as_the_plain_ask(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an idiom is a phrase: its words alone keep their own reading
        ("который час в Москве", "ru"),
        ("compare the two positions", "en"),
        ("where can I watch it", "en"),
    ],
)
def test_an_idioms_words_alone_are_not_the_call(content, text, lang):
    assert "@call" not in anew(content).index.analyse(text, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("who will win the showdown", "en"),
        ("how long is the circus", "en"),
        ("how long will the showdown last", "en"),
        ("is the showdown a fight", "en"),
        ("will the bears fight", "en"),
        ("сколько продлится эта разборка", "ru"),
    ],
)
def test_a_figure_of_speech_asks_nothing_the_article_does_not_say(engine, question, lang):
    answer = engine.ask(question, lang_hint=lang)
    assert answer.fact is None
