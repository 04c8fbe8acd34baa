"""Russian and Ukrainian typed in Latin letters in the other schemes people use
(data/words.yaml `translit`): Czech and Polish letters and digraphs ("čto", "czasu",
"rozmowy"), scholarly ones ("Kyjiv", "je"), chat-style figures ("sh4o": що); read as the
language whose dictionary knows more of the words."""

from __future__ import annotations

import pytest

from knowledge.language.lexicon_files import load_lexicon


@pytest.mark.parametrize(
    ("latin", "lang", "cyrillic"),
    [
        ("čto za", "ru", "что за"),
        ("šč ž", "ru", "щ ж"),
        ("nimeččyna čas", "uk", "німеччина час"),
        ("kyjiv je", "uk", "київ є"),
        ("ïzhak", "uk", "їжак"),
        ("sh4o", "uk", "що"),
    ],
)
def test_accented_letters_and_scholarly_digraphs_read_as_one_letter(latin, lang, cyrillic):
    assert load_lexicon().transliterated(latin, lang) == cyrillic


@pytest.mark.parametrize(
    ("latin", "lang", "cyrillic"),
    [
        ("w kotorom czasu", "ru", "в котором часу"),
        ("rozmowy", "uk", "розмови"),
        ("choče", "uk", "хоче"),
        ("rzeczy", "ru", "жечы"),
    ],
)
def test_polish_and_czech_digraphs_are_another_way_a_known_word_takes(latin, lang, cyrillic):
    known = set(cyrillic.split()).__contains__
    assert load_lexicon().transliterated(latin, lang, known=known) == cyrillic


@pytest.mark.parametrize(
    ("question", "fact", "lang"),
    [
        ("pro ščo hovoryly", "talks-topics", "uk"),
        ("pro sh4o hovoryly", "talks-topics", "uk"),
        ("nimeččyna čas rozmowy", "talks-time", "uk"),
        ("w kotorom czasu rozmowa", "talks-time", "ru"),
        # both readings answer; Ukrainian's dictionary knows its words (чого хоче росія)
        ("choho hoche rosija", "security-guarantees-initiative", "uk"),
    ],
)
def test_other_latin_schemes_are_answered_in_cyrillic(engine, question, fact, lang):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == fact and answer.lang == lang
