"""Messages built to cost: a long message of words nobody knows (random letters in Latin or
Cyrillic, "words" longer than any language has) is read as written, so it costs a few
dozen dictionary lookups rather than thousands of guesses (typo search, transliteration,
the wrong keyboard layout, lemmas by analogy: knowledge/language/text.py READ_CLOSELY_WORDS).
The cost is counted in pymorphy3 lookups, not timed. The sentence that asks in a long
message is short again, and still gets every reading."""

from __future__ import annotations

import random
import string

import pymorphy3
import pytest

from knowledge.language.text import READ_CLOSELY_WORDS, read_closely

# A story of plain English words around the question, long enough not to be read closely.
STORY = (
    "My neighbour and I were arguing over coffee this morning about the news, and neither of us "
    "could remember the details, so we decided to settle it properly instead of guessing. She "
    "thinks everything was already over last week, while I am fairly sure it has not even "
    "started yet, and my brother, who usually follows politics closely, was no help at all "
    "because he was travelling and had no signal on the train."
)


@pytest.fixture
def lookups(engine, monkeypatch) -> list[str]:
    """Every word pymorphy3 is asked to parse while the test runs (the place words, the
    sites' and the persons' names are read first, as the bot reads them at start): run
    alone, the module would otherwise count the persons' nicknames read on the first ask."""
    engine.warm_up()
    asked: list[str] = []
    parse = pymorphy3.MorphAnalyzer.parse

    def counted(self, word):
        asked.append(word)
        return parse(self, word)

    monkeypatch.setattr(pymorphy3.MorphAnalyzer, "parse", counted)
    return asked


def _gibberish(letters: str, seed: int, length: int = 1000) -> str:
    draw = random.Random(seed)
    words = ("".join(draw.choice(letters) for _ in range(draw.randint(2, 9))) for _ in range(400))
    return " ".join(words)[:length].strip()


def _long_words(letters: str, seed: int) -> str:
    draw = random.Random(seed)
    return " ".join("".join(draw.choice(letters) for _ in range(60)) for _ in range(16))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param(_gibberish(string.ascii_lowercase, 1), id="latin"),
        pytest.param(_gibberish(string.ascii_letters, 2), id="latin-mixed-case"),
        pytest.param(_gibberish("йцукенгшщзхъфывапролджэячсмитьбю", 3), id="russian-letters"),
        pytest.param(_gibberish("йцукенгшщзхїфівапролджєячсмитьбюґ", 4), id="ukrainian-letters"),
        pytest.param(_long_words(string.ascii_lowercase, 6), id="sixty-letter-words"),
    ],
)
def test_a_long_message_of_unknown_words_is_declined_after_few_lookups(engine, lookups, message):
    answer = engine.ask(message)
    assert answer.status == "declined"
    # Without the bound: 5,600 lookups for the Latin letters (0.5-0.9 s of the event loop
    # on the shipped base), 1,300 for the Cyrillic ones, 330 for the long words; with it, 0-40.
    assert len(lookups) < 100, len(lookups)


def test_a_message_just_short_enough_to_be_read_closely_guesses_only_what_could_be_known(
    engine, lookups
):
    # Sixty words of random letters: each is still read as Russian or Ukrainian in Latin
    # letters, but a spelling that starts as no word the fact base knows is not looked up.
    draw = random.Random(60)
    words = (
        "".join(draw.choice(string.ascii_lowercase) for _ in range(draw.randint(2, 9)))
        for _ in range(READ_CLOSELY_WORDS)
    )
    answer = engine.ask(" ".join(words))
    assert answer.status == "declined"
    assert len(lookups) < 1000, len(lookups)  # 1,900 when every spelling was looked up


def test_only_the_long_message_is_read_as_written():
    assert read_closely(" ".join(["word"] * READ_CLOSELY_WORDS))
    assert not read_closely(" ".join(["word"] * (READ_CLOSELY_WORDS + 1)))
    assert len(f"{STORY} when is it?".split()) > READ_CLOSELY_WORDS


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("When is teh calll?", "talks-time"),  # typos, read as the words meant
        ("Kogda budut pervye kadry?", "talks-footage"),  # Russian in Latin letters
    ],
)
def test_the_question_in_a_long_message_is_still_read_closely(engine, question, fact_id):
    answer = engine.ask(f"{STORY} {question}")
    assert answer.answered and answer.fact.id == fact_id


@pytest.mark.parametrize("blank", ["___ ", "Putin and ___ ", "вставьте: ___ "])
def test_a_message_of_a_thousand_blanks_looks_only_beside_each(engine, monkeypatch, blank):
    # A quiz's blank is read by the word beside it (knowledge/language/quiz.py); a run of
    # blanks once walked over all the rest at each one: 376,000 normalisations, 1.4 s.
    from knowledge.language import quiz

    normalised: list[str] = []
    normalize = quiz.normalize

    def counted(text: str) -> str:
        normalised.append(text)
        return normalize(text)

    monkeypatch.setattr(quiz, "normalize", counted)
    message = (blank * (4096 // len(blank) + 1))[:4096]
    assert engine.ask(message).status in {"answered", "unsure", "declined"}
    assert len(normalised) < 3 * message.count("___"), len(normalised)
