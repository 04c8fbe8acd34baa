"""The matcher's words are data: loaded, checked, and extendable without code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.language.lexicon_files import WORDS_PATH, LexiconInvalid, load_lexicon
from knowledge.language.matcher import FactIndex
from knowledge.model import Citation, Fact
from tests.conftest import DECISION


def _fact() -> Fact:
    return Fact(
        id="screening",
        text={
            "en": "The film is shown at 19:00.",
            "ru": "Фильм покажут в 19:00.",
            "uk": "Фільм покажуть о 19:00.",
        },
        questions={"en": ("when is the screening",), "ru": ("когда показ",), "uk": ("коли показ",)},
        citations=(Citation("src", "Фильм покажут в 19:00"),),
    )


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexicon.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_concept_added_to_the_content_lexicon_lets_a_new_word_match(tmp_path):
    without = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=None), decision=DECISION)
    assert without.match("when is the premiere", "en").best is None
    lexicon = load_lexicon(
        concepts_path=_write(tmp_path, "concepts:\n  '@show': [screening, premiere]\n")
    )
    index = FactIndex([_fact()], lexicon=lexicon, decision=DECISION)
    matched = index.match("when is the premiere", "en")
    assert matched.best is not None and matched.best.fact_id == "screening"


def test_a_concept_said_in_several_words_is_one_token_in_any_inflection(tmp_path):
    text = "concepts:\n  '@show': [screening, film night, кіновечір, вечер кино]\n"
    index = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=_write(tmp_path, text)))
    assert index.analyse("when is the film night?", "en").tokens == ("@when", "@show")
    assert index.analyse("когда будет вечер кино", "ru").tokens == ("@when", "@show")
    assert index.analyse("о вечере кино", "ru").tokens == ("@show",)
    # Each word alone is only itself: "film" is not the screening.
    assert "@show" not in index.analyse("when is the film", "en").tokens


def test_a_phrase_holds_its_small_words_too(tmp_path):
    # "on the" are stopwords, dropped from any question; inside a phrase they still count.
    text = "concepts:\n  '@show': [screening, go on the big screen, выйти на экран]\n"
    index = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=_write(tmp_path, text)))
    assert index.analyse("when does it go on the big screen", "en").tokens == ("@when", "@show")
    assert index.analyse("когда он выйдет на экран", "ru").tokens == ("@when", "@show")
    assert "@show" not in index.analyse("when does it go big screen", "en").tokens
    assert index.analyse("the big screen", "en").tokens == ("big", "screen")


def test_small_words_may_stand_before_a_phrases_own_small_word(tmp_path):
    # "выйдет он на экран" is "выйти на экран"; a gap never joins two words of substance.
    text = "concepts:\n  '@show': [screening, выйти на экран, film night]\n"
    index = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=_write(tmp_path, text)))
    assert index.analyse("когда выйдет он на экран", "ru").tokens == ("@when", "@show")
    assert "@show" not in index.analyse("when is the film of the night", "en").tokens


def test_intents_come_from_the_words_file():
    lexicon = load_lexicon()
    assert ("во сколько", "@time") in lexicon.intent_phrases
    assert lexicon.single_word_intents["коли"] == "@when"
    assert {"the", "пожалуйста", "будь"} <= lexicon.stopwords


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("concepts:\n  show: [screening]\n", "show: a name is one word starting with @"),
        ("concepts:\n  '@show': []\n", "@show: expected a non-empty list"),
        ("concepts:\n  '@show': [Screening]\n", "must be lower case"),
        ("concepts:\n  '@when': [screening]\n", "@when is an intent"),
        ("concepts: [a, b]\n", "expected a mapping of @name to phrases"),
        ("concepts: {'@show': [a\n", "cannot be read"),
    ],
)
def test_a_bad_lexicon_is_refused_with_the_file_and_entry(tmp_path, text, complaint):
    with pytest.raises(LexiconInvalid) as refused:
        load_lexicon(WORDS_PATH, _write(tmp_path, text))
    assert str(refused.value).startswith("lexicon.yaml: ")
    assert complaint in str(refused.value)


def test_a_word_that_is_both_a_stopword_and_a_shifter_is_refused(tmp_path):
    words = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    words["shifters"]["en"] += " the"
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconInvalid) as refused:
        load_lexicon(path)
    assert str(refused.value) == "words.yaml: shifters: en the is a stopword"


def test_an_either_or_word_without_its_or_is_refused(tmp_path):
    assert load_lexicon().or_between["uk"] == ("чи", "або")
    words = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    words["or_between"]["uk"] = ["чи"]
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconInvalid, match="or_between"):
        load_lexicon(path)


def test_the_time_intents_must_be_intents(tmp_path):
    assert load_lexicon().time_intents == {"@when", "@time"}
    words = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    words["time_intents"].append("@hour")
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconInvalid, match="time_intents"):
        load_lexicon(path)


def test_a_part_of_the_day_claims_its_hours_and_a_bad_span_is_refused(tmp_path):
    parts = load_lexicon().calendar.day_parts
    assert parts["ночью"] == parts["night"] == frozenset({22, 23, 0, 1, 2, 3, 4})
    assert parts["ввечері"] == frozenset(range(17, 22))
    words = yaml.safe_load(WORDS_PATH.read_text(encoding="utf-8"))
    words["calendar"]["day_part_hours"][0] = [22, 24]
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconInvalid, match="day_part_hours"):
        load_lexicon(path)


def test_a_spelling_ending_in_a_dollar_sign_holds_only_at_a_words_end():
    lexicon = load_lexicon()
    # "yi" is "ї" inside a word and "ий" at its end; "ii" at the end is "ій".
    assert lexicon.transliterated("yizhak takyi", "uk") == "їжак такий"
    assert lexicon.transliterated("o kotrii", "uk") == "о котрій"
    assert lexicon.transliterated("kto takoy", "ru") == "кто такой"


def test_a_spelling_listed_twice_reads_the_way_known_accepts():
    lexicon = load_lexicon()
    known = {"києвом", "скільки"}.__contains__
    assert lexicon.transliterated("za kyievom", "uk") == "за кїевом"
    assert lexicon.transliterated("za kyievom", "uk", known=known) == "за києвом"
    assert lexicon.transliterated("skilky", "uk", known=known) == "скільки"
    # A word no reading of which is known keeps the table's first reading.
    assert lexicon.transliterated("skilky", "uk", known=lambda word: False) == "скілки"


def test_informal_latin_spellings_read_as_the_dictionary_knows_them():
    lexicon = load_lexicon()
    known = {"починається", "київський", "хто", "начинается", "начинаться", "ще"}.__contains__
    # A verb's "-tsia"/"-tsya" ending is "-ться"; "e" after a vowel may be "є"; "i" may be
    # "ї", with the soft sign dropped before it ("kyivskyi").
    assert lexicon.transliterated("pochynaetsia", "uk", known=known) == "починається"
    assert lexicon.transliterated("pochynayetsya", "uk", known=known) == "починається"
    assert lexicon.transliterated("kyivskyi", "uk", known=known) == "київський"
    assert lexicon.transliterated("xto", "uk", known=known) == "хто"
    assert lexicon.transliterated("nachinaetsya", "ru", known=known) == "начинается"
    assert lexicon.transliterated("nachinatsya", "ru", known=known) == "начинаться"
    # Read another way only where the first is no word: "ulitsa" stays "улица".
    assert lexicon.transliterated("ulitsa", "ru") == "улица"


def test_filler_phrases_are_dropped_before_their_words_are_read():
    lexicon = load_lexicon()
    index = FactIndex([], lexicon=lexicon)
    # "кто" in "для тех кто в Праге" asks nothing: the question is for Prague's time.
    assert "@who" not in index.analyse("для тех кто в Праге во сколько", "ru").tokens
    assert "@who" in index.analyse("кто в Праге", "ru").tokens


def test_a_gapped_phrase_holds_with_a_few_words_between_in_order():
    index = FactIndex([], lexicon=load_lexicon())
    # Watching the call live, not meeting in person: "вживую" a few words after the verb.
    assert "@live" in index.analyse("можно смотреть эти переговоры вживую", "ru").tokens
    assert "@live" in index.analyse("can i watch the talks live", "en").tokens
    # Too far apart, or the other order, is not the phrase.
    far = "смотреть как пройдут эти переговоры вживую"
    assert "@live" not in index.analyse(far, "ru").tokens
    assert "@live" not in index.analyse("i live in oslo, when do i watch", "en").tokens


@pytest.mark.parametrize(
    ("question", "lang", "asks_it"),
    [
        ("what still requires work after Geneva", "en", True),
        ("что еще требует усилий после Женевы", "ru", True),
        ("що ще треба зробити після Женеви", "uk", True),
        # What someone said needs work is their statement, which a fact can answer.
        ("what did Peskov say needs more work", "en", False),
    ],
)
def test_what_is_left_to_do_is_its_own_kind(question, lang, asks_it):
    # Only a fact whose questions ask which parts need more work answers it.
    tokens = FactIndex([], lexicon=load_lexicon()).analyse(question, lang).tokens
    assert ("@unfinished" in tokens) is asks_it


def test_a_word_longer_than_any_real_one_keeps_its_first_reading():
    # The readings are searched word by word; thousands of letters must not recurse deep.
    lexicon = load_lexicon()
    word = "skilky" * 1000
    assert lexicon.transliterated(word, "uk", known=lambda w: True) == "скілки" * 1000


def test_dates_and_hours_are_read_as_the_facts_write_them():
    index = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=None))

    def read(text: str, lang: str) -> tuple[str, ...]:
        return tuple(sorted(index.analyse(text, lang).tokens))

    # A month in any language and abbreviated is one token; every weekday is one token.
    assert read("dec 7", "en") == read("7 декабря", "ru") == read("7 грудня", "uk")
    assert read("on monday", "en") == read("во вторник", "ru") == read("у середу", "uk")
    # A day of the month, with its ordinal ending or in words, asks for a date, and an hour,
    # in figures or words, for a time (which day and hour are the event's to say).
    day = ("@day",)
    assert read("the 7th", "en") == read("7-го", "ru") == read("7-е", "uk") == day
    assert read("восьмого числа", "ru") == read("шостого", "uk") == day
    hour = ("@time",)
    assert read("at 5 pm", "en") == read("at 5pm", "en") == read("в 5 вечера", "ru") == hour
    assert read("at five", "en") == read("в пять вечера", "ru") == read("о п'ятій", "uk") == hour
    assert read("at two", "en") == hour  # "two" is a stopword elsewhere ("the two leaders")
    assert read("17:00", "en") == read("о 17", "uk") == hour
    # A number word elsewhere is no hour.
    assert read("five topics", "en") != hour


def test_a_colloquial_why_and_an_explain_wrapper_read_as_the_plain_question():
    index = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=None))

    def read(text: str, lang: str) -> tuple[str, ...]:
        return index.analyse(text, lang).tokens

    assert read("нафига этот показ", "ru") == read("зачем этот показ", "ru")
    assert read("на кой этот показ", "ru") == read("зачем этот показ", "ru")
    assert read("нашо цей показ", "uk") == read("навіщо цей показ", "uk")
    # "what for" asks the purpose, as "зачем" does, apart from "why", the cause.
    assert read("what for the screening", "en")[0] == read("зачем этот показ", "ru")[0]
    assert read("what for the screening", "en")[1:] == read("why the screening", "en")[1:]
    # "explain", "объясните", "поясніть" ask nothing the plain question does not.
    assert read("explain the screening", "en") == read("the screening", "en")
    assert read("объясните про показ", "ru") == read("про показ", "ru")
    assert read("поясніть про показ", "uk") == read("про показ", "uk")


def test_a_persons_full_name_and_their_name_in_any_language_are_one_token(tmp_path):
    text = "concepts:\n  '@petrova': [petrova, anna petrova, петрова, анна петрова]\n"
    index = FactIndex([_fact()], lexicon=load_lexicon(concepts_path=_write(tmp_path, text)))
    # "who is Anna Petrova" is "who is Petrova", not "who is Petrova's <someone>" a word short.
    assert (
        index.analyse("who is Anna Petrova", "en").tokens
        == index.analyse("кто такая Анна Петрова", "ru").tokens
        == index.analyse("хто така Петрова", "uk").tokens
        == ("@who", "@petrova")
    )
