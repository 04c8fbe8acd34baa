"""Where the news is from (round 20, sources): the agency the article cites in every spelling
("риа?", "ріа новості?", "RIA Novosti"), the media asked as such ("what media is this from",
"какое СМИ", "ТАСС?"), whose word a detail is ("по чьим данным", "за чиїми даними") and the
article's own language, which is not the language the two presidents talk in."""

from __future__ import annotations

import pytest

from knowledge.language.lexicon_files import shipped_lexicon
from knowledge.language.reading import intent_mapped
from knowledge.language.text import normalize
from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("это РИА написали?", "ru"),
        ("то РІА Новості чи ТАСС?", "uk"),
        ("what media is this from", "en"),
        ("какое СМИ это опубликовало", "ru"),
        ("яке ЗМІ це опублікувало", "uk"),
    ],
)
def test_the_agency_in_any_spelling_and_the_media_ask_the_source(content, question, lang):
    assert reached(anew(content, question).ask(question, lang_hint=lang)) == "source-article"


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("риа", "ru"),
        ("РИА Новости", "ru"),
        ("ріа", "uk"),
        ("ріа новості", "uk"),
        ("РІА Новини", "uk"),
        ("RIA Novosti", "en"),
    ],
)
def test_the_agency_reads_as_one_name_in_every_spelling(content, name, lang):
    assert anew(content).index.analyse(name, lang).tokens == ("@ria",)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("по чьим словам Песков объявил о переговорах", "ru"),
        ("за чиїми словами Пєсков оголосив про переговори", "uk"),
    ],
)
def test_whose_in_its_other_cases_asks_who(content, question, lang):
    index = anew(content).index
    assert "@who" in index.analyse(question, lang).tokens


@pytest.mark.parametrize(
    ("question", "lang", "intent"),
    [
        ("what language was the article written in", "en", "@written_in"),
        ("на каком языке написана статья", "ru", "@written_in"),
        ("якою мовою написана стаття", "uk", "@written_in"),
        ("оригінал статті українською?", "uk", "@written_in"),
        # The talk's own language stays what no fact says.
        ("what language will they speak", "en", "@language"),
        ("якою мовою вони говоритимуть", "uk", "@language"),
    ],
)
def test_the_articles_language_is_asked_apart_from_the_talks(question, lang, intent):
    lexicon = shipped_lexicon()
    assert intent in intent_mapped(normalize(question), lexicon).split()
