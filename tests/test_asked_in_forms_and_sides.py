"""Round 23's readings of who asks and how: a form to fill read as what its fields ask
(knowledge/language/forms.py, data/forms.yaml), one ask written again in a script the bot does
not read read once (knowledge/language/pasted.py), and perspective words ("їхній", "у наших
границ", "their side") read as no side in particular (`stopwords`, `filler` in words.yaml)."""

from __future__ import annotations

import pytest

from knowledge.language.decision import FEATURES
from knowledge.language.forms import form_message, form_words
from knowledge.language.pasted import unpasted
from tests.asking import anew, reached


@pytest.mark.parametrize(
    ("message", "text", "lang"),
    [
        # blank fields asking two things or more: the article in short, which gives them all
        ("Format: ___\nParticipants: ___", "short summary", "en"),
        ("Who:\nHow:", "short summary", "en"),
        ("Хто: / Коли: / Як:", "короткий зміст", "uk"),
        ("Call type: [video/phone/in person]\nLeaders: ___", "short summary", "en"),
        # "Формат" and "Дата" are Russian and Ukrainian labels, "Учасники" Ukrainian alone
        ("Формат: ___\nУчасники: ___\nДата: ___", "короткий зміст", "uk"),
        # one thing asked beside a filled field: the ask as typed, the event's own field gone
        ("Захід: відеорозмова Байден–путін\nПочаток (UTC): ___", "Початок (UTC): ___", None),
        ("Event: Putin-Biden call\nStart (UTC): ___", "Start (UTC): ___", None),
    ],
)
def test_a_form_is_read_as_what_its_blank_fields_ask(message, text, lang):
    form = form_message(message)
    assert form is not None
    assert (form.text, form.lang) == (text, lang)


@pytest.mark.parametrize(
    "message",
    [
        "Date: ?\nTime (CET): ?",  # one thing asked, every field blank: read as typed
        "fill in pls\nDay:\nDate:",  # a line that is no field
        "Note: when is it\nWho: ?",  # a label the data does not know
        "Format: video\nWho: Putin",  # nothing left blank
        "когда: завтра?",
        "Who:",  # one field alone is an ask, not a form
    ],
)
def test_what_is_no_form_stays_as_typed(message):
    assert form_message(message) is None


def test_a_label_asking_two_things_is_refused_when_loaded(tmp_path):
    path = tmp_path / "forms.yaml"
    path.write_text(
        "blanks: ['___']\nasks:\n  who: {en: [who]}\n  when: {en: [who]}\n"
        "summary: {en: a, ru: b, uk: c}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="asks two things"):
        form_words(path)


@pytest.mark.parametrize(
    ("question", "fact", "lang"),
    [
        ("Захід: відеорозмова Байден–путін\nПочаток (UTC): ___", "talks-time", "uk"),
        ("Мероприятие: ВКС Путин–Байден\nНачало (UTC): ___", "talks-time", "ru"),
    ],
)
def test_a_form_with_its_event_filled_in_asks_its_blank(content, question, fact, lang):
    assert reached(anew(content, question).ask(question, lang_hint=lang)) == fact


@pytest.mark.parametrize(
    ("message", "once"),
    [
        ("tokyo time? / 東京 time?", "tokyo time?"),
        ("tokyo time? / 東京?", "tokyo time?"),
    ],
)
def test_an_ask_again_in_a_script_the_bot_does_not_read_is_read_once(message, once):
    assert unpasted(message) == once


@pytest.mark.parametrize(
    "message", ["in Kyiv / in London", "東京 time?", "when? / коли? / когда?", "Putin / Biden"]
)
def test_parts_of_words_of_their_own_stay(message):
    assert unpasted(message) == message


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("коли їхній з Байденом говоритиме?", "коли з Байденом говоритиме?", "uk"),
        ("їхній виступить після розмови?", "виступить після розмови?", "uk"),
        ("что там с НАТО у наших границ", "что там с НАТО у границ", "ru"),
        ("наш с ихним разговаривать будет?", "наш с разговаривать будет?", "ru"),
        ("why does their side want these talks", "why does want these talks", "en"),
    ],
)
def test_a_perspective_word_is_weighed_as_no_word(content, question, plain, lang):
    """"Їхній", "наших", "their side" name a side of the call but not which: they count
    neither for nor against a fact, as the question without them does."""
    engine = anew(content, question, plain)
    said, bare = engine.ask(question, lang_hint=lang), engine.ask(plain, lang_hint=lang)
    assert reached(said) == reached(bare) != ""
    assert said.evidence == bare.evidence


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        # the Ukrainian press secretary with a hyphen is the word the facts write as one
        ("хто прес-секретар Байдена", "хто прессекретар Байдена", "uk"),
        ("Псакі чия прес-секретарка", "Псакі чия прессекретар", "uk"),
        ("Псаки чья пресс-секретарша", "Псаки чья пресс-секретарь", "ru"),
        # the other order of a pair offered asks nothing more
        ("is Psaki Biden's spokeswoman or vice versa", "is Psaki Biden's spokeswoman", "en"),
        ("Псаки пресс-секретарь Байдена или наоборот", "Псаки пресс-секретарь Байдена", "ru"),
    ],
)
def test_a_role_is_read_in_its_other_spellings(content, question, plain, lang):
    engine = anew(content, question, plain)
    said, bare = engine.ask(question, lang_hint=lang), engine.ask(plain, lang_hint=lang)
    assert reached(said) == reached(bare) != ""
    # the same words read; only the typed wording differs ("wording_agrees")
    for feature in ("coverage", "unknown", "unexplained_share"):
        at = FEATURES.index(feature)
        assert said.evidence[at] == bare.evidence[at]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("who's higher up, Biden or Psaki?", "en"),
        ("is Psaki Biden's boss?", "en"),
        ("кто главнее, Байден или Псаки?", "ru"),
        ("хто головніший, Байден чи Псакі?", "uk"),
    ],
)
def test_who_outranks_whom_is_asked_of_the_role_naming_the_other(content, question, lang):
    """Psaki's fact makes her Biden's press secretary: it is the one that answers which of
    the two is above the other."""
    assert reached(anew(content, question).ask(question, lang_hint=lang)) == "person-psaki"
