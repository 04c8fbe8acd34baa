"""A month's short form is a month only as written ("бер", "dec"), never as the base form of
another word: "бере" (takes) reduces to "бер", "деки" (decks) to "дек", "mars" to "mar".
Short forms that are everyday words too ("лист", a letter) are a month only beside a day's
number, as "may" is."""

from __future__ import annotations

import pytest

from knowledge.answering.dated import days_in

MONTHS = {"@january", "@february", "@march", "@april", "@may", "@june", "@july", "@august",
          "@september", "@october", "@november", "@december"}  # fmt: skip


def months_read(engine, text: str, lang: str) -> set[str]:
    return set(engine.index.analyse(text, lang).tokens) & MONTHS


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("хто бере участь у переговорах", "uk"),
        ("хто написав лист", "uk"),
        ("кто сдавал деки", "ru"),
        ("what about mars", "en"),
    ],
)
def test_a_word_whose_base_is_a_short_form_names_no_month(engine, question, lang):
    assert months_read(engine, question, lang) == set()


@pytest.mark.parametrize(
    ("question", "lang", "month"),
    [
        ("що було в березні", "uk", "@march"),
        ("що було 16 бер", "uk", "@march"),
        ("что было в декабре", "ru", "@december"),
        ("что было 1 дек", "ru", "@december"),
        ("what happened in march", "en", "@march"),
        ("what happened on dec 1", "en", "@december"),
    ],
)
def test_a_month_named_or_written_short_is_read(engine, question, lang, month):
    assert months_read(engine, question, lang) == {month}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("хто написав лист", set()),
        ("хто бере участь", set()),
        ("did it mar the talks", set()),
        ("16 лист", {(16, 11)}),
        ("mar 3", {(3, 3)}),
        ("1 бер", {(1, 3)}),
        ("у березні", {(None, 3)}),
    ],
)
def test_days_named_by_short_forms(engine, text, days):
    lexicon = engine.index.lexicon
    assert days_in(text, lexicon.calendar, lexicon.stopwords) == days
