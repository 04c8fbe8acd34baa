"""Language detection and normalisation: what the matcher and the reply language rest on."""

from __future__ import annotations

import pytest

from knowledge.language.text import APOSTROPHES, detect_language, morph_parse, normalize
from knowledge.places.tokens import name_key


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("when is the call?", "en"),
        ("WHEN IS THE CALL", "en"),
        ("wen is teh call", "en"),
        ("когда переговоры?", "ru"),
        ("во сколько созвон", "ru"),
        ("кагда перигаворы", "ru"),
        ("Это правда, что будет видеосвязь?", "ru"),
        ("коли розмова?", "uk"),
        ("о котрій переговори", "uk"),
        ("Що відомо про зустріч у Женеві?", "uk"),
        ("хто оголосив", "uk"),
        ("їх буде двоє?", "uk"),
        ("переговори", "uk"),  # no tell-tale letter: the dictionaries decide
        ("переговоры", "ru"),
        ("when is переговоры", "ru"),  # mostly Cyrillic letters
        ("Biden Путин call time", "en"),  # mostly Latin letters
    ],
)
def test_language_is_detected_from_the_question(question, expected):
    assert detect_language(question) == expected


def test_client_language_breaks_a_tie_between_russian_and_ukrainian():
    assert detect_language("Путин Байден", hint="uk") == "uk"
    assert detect_language("Путин Байден", hint="ru") == "ru"


def test_latin_question_stays_english_whatever_the_client_says():
    assert detect_language("when is the call", hint="uk") == "en"


def test_question_without_letters_follows_the_client_language():
    assert detect_language("???", hint="uk") == "uk"
    assert detect_language("???") == "en"


def test_normalisation_folds_case_yo_apostrophes_punctuation_and_invisible_characters():
    assert normalize("  Ещё   РАЗ!!! зв’язок\u200b, «Киев»… ") == "еще раз зв'язок киев"
    assert normalize("ＷＨＥＮ is\tthe\ncall") == "when is the call"


@pytest.mark.parametrize("mark", list(APOSTROPHES))
def test_every_apostrophe_mark_folds_alike_in_questions_and_place_names(mark: str) -> None:
    written = f"Кам{mark}янське"
    assert normalize(written) == "кам'янське"
    assert name_key(written) == name_key("Кам'янське") == "кам'янське"


def test_a_word_of_thousands_of_letters_is_read_as_no_word_without_running_out_of_stack():
    # pymorphy3 reads an unknown word prefix by prefix, one call deeper each time.
    assert morph_parse("uk", "після" * 1000) == []
    assert morph_parse("ru", "после") != []
