"""The answer engine: the right fact, in the asker's language, with times, tense and citations."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from knowledge.answering.engine import Conversation, Engine, UnknownPlace
from knowledge.model import EventTime
from tests.conftest import AFTER_THE_CALL, BEFORE_THE_CALL, DECISION


def spaced(text: str) -> str:
    """CLDR puts no-break spaces in dates ("2021\u00a0г."); compare with plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_call_time_answer_shows_kyiv_and_moscow_and_speaks_in_the_past(engine):
    answer = engine.ask("when is the call?")
    assert answer.answered and answer.fact.id == "talks-time" and answer.lang == "en"
    assert [(t.place, t.role, t.moment.strftime("%H:%M")) for t in answer.times] == [
        ("Kyiv", "source", "17:00"),
        ("Moscow", "reference", "18:00"),
    ]
    assert "Tuesday, 7 December 2021, 17:00 (UTC+2) — Kyiv (source time)" in spaced(answer.text)
    assert "Tuesday, 7 December 2021, 18:00 (UTC+3) — Moscow" in spaced(answer.text)
    assert answer.tense == "That was 5 years ago."


def test_before_the_call_the_answer_speaks_of_the_future(facts, sources, events):
    engine = Engine(facts, sources, events=events, clock=lambda: BEFORE_THE_CALL, decision=DECISION)
    answer = engine.ask("когда переговоры?")
    assert answer.lang == "ru" and answer.fact.id == "talks-time"
    assert answer.tense == "Это будет через 3 дня."
    assert "вторник, 7 декабря 2021 г., 17:00 (UTC+2) — Киев (время источника)" in spaced(
        answer.text
    )


def test_ukrainian_question_gets_a_ukrainian_answer_with_ukrainian_dates(engine):
    answer = engine.ask("коли розмова?")
    assert answer.lang == "uk" and answer.fact.id == "talks-time"
    assert "вівторок, 7 грудня 2021 р., 17:00 (UTC+2) — Київ" in spaced(answer.text)
    assert answer.tense == "Це було 5 років тому."


def test_footage_time_is_given_in_moscow_with_kyiv_beside_it(engine):
    answer = engine.ask("when will the first footage be published?")
    assert answer.fact.id == "talks-footage"
    assert [(t.place, t.moment.strftime("%H:%M")) for t in answer.times] == [
        ("Moscow", "18:00"),
        ("Kyiv", "17:00"),
    ]


def test_every_answer_cites_a_verbatim_quote_with_source_and_paragraph(engine, sources):
    answer = engine.ask("what is the format of the talks?")
    assert answer.fact.id == "talks-format"
    source = sources["glavred-2021-12-putin-biden"]
    for citation in answer.citations:
        assert source.paragraph_of(citation.quote) == citation.paragraph
        assert citation.source_label == "Glavred, citing RIA Novosti"
        assert f"«{citation.quote}»" in spaced(answer.text)
        assert f"— Glavred, citing RIA Novosti, paragraph {citation.paragraph}" in spaced(
            answer.text
        )


def test_the_citation_is_labelled_in_the_readers_language(engine):
    answer = engine.ask("какой формат переговоров?")
    assert "— Главред со ссылкой на РИА Новости, абзац" in spaced(answer.text)


def test_user_zone_adds_the_users_own_time_dst_correct(engine):
    berlin = engine.resolve_place("Berlin")
    answer = engine.ask("when is the call", user_place=berlin)
    [mine] = [t for t in answer.times if t.role == "user"]
    assert (mine.moment.strftime("%H:%M"), mine.moment.utcoffset().total_seconds()) == (
        "16:00",
        3600,
    )


def test_summer_events_use_summer_offsets(facts, sources, events):
    fact = next(f for f in facts if f.id == "talks-time")
    summer = replace(
        fact, event=EventTime(datetime(2021, 7, 7, 17, 0), "Europe/Kyiv", fact.event.title)
    )
    engine = Engine(
        [summer], sources, events=events, clock=lambda: AFTER_THE_CALL, decision=DECISION
    )
    answer = engine.ask("when is the call", user_place=engine.resolve_place("New York"))
    assert [(t.moment.strftime("%H:%M"), str(t.moment.utcoffset())) for t in answer.times] == [
        ("17:00", "3:00:00"),  # Kyiv in summer: UTC+3
        ("17:00", "3:00:00"),  # Moscow: UTC+3 all year since 2014
        ("10:00", "-1 day, 20:00:00"),  # New York in summer: UTC-4
    ]


def test_unknown_user_zone_is_refused_with_suggestions(engine):
    with pytest.raises(UnknownPlace) as refused:
        engine.resolve_place("Berlinn")
    assert "Berlin" in refused.value.suggestions


@pytest.mark.parametrize(
    "question",
    [
        "how long will the call last?",
        "what's the weather in Kyiv?",
        "tell me a joke",
        "сколько стоит биткоин",
        "розкажи анекдот",
    ],
)
def test_questions_the_article_cannot_answer_are_declined(engine, question):
    answer = engine.ask(question)
    assert not answer.answered
    assert answer.status in ("declined", "unsure")


@pytest.mark.parametrize(
    "question",
    [
        "when do they hop on",
        "what time do they go live",
        "when does it go down",
        "когда они выйдут на связь",
        "коли вони вийдуть на зв'язок",
    ],
)
def test_everyday_words_for_the_call_taking_place_ask_its_time(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


def test_a_declined_answer_offers_what_the_bot_can_answer(engine):
    answer = engine.ask("tell me a joke")
    assert answer.status == "declined"
    assert "The article doesn't say that" in answer.lead
    assert [s.fact_id for s in answer.suggestions][:2] == ["talks-time", "talks-format"]


def test_follow_up_place_converts_the_same_event(engine):
    conversation = Conversation()
    first = engine.ask("when is the call?", conversation=conversation)
    follow_up = engine.ask("and in Tokyo?", conversation=conversation)
    assert first.fact.id == follow_up.fact.id == "talks-time"
    [asked] = [t for t in follow_up.times if t.role == "asked"]
    assert asked.moment.strftime("%d %H:%M") == "08 00:00"  # past midnight in Tokyo


def test_follow_up_about_another_topic_needs_no_subject(engine):
    conversation = Conversation()
    engine.ask("when is the call?", conversation=conversation)
    assert engine.ask("and the format?", conversation=conversation).fact.id == "talks-format"


def test_place_without_a_conversation_asks_the_main_event_time_there(engine):
    answer = engine.ask("and in Tokyo?")
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == "Asia/Tokyo"


def test_empty_and_invisible_questions_get_a_hint_not_a_crash(engine):
    for question in ("", "   ", "\u200b\u200d", "🙂"):
        answer = engine.ask(question)
        assert not answer.answered and answer.text


def test_forced_language_wins_over_detection(engine):
    answer = engine.ask("when is the call", lang="uk")
    assert answer.lang == "uk" and "Київ" in answer.text


@pytest.mark.parametrize(
    ("first", "follow_up", "place", "wall_time"),
    [
        ("когда переговоры?", "а в Лондоне?", "Лондон", "15:00"),
        ("коли розмова?", "а у Варшаві?", "Варшава", "16:00"),
        ("when is the call?", "and in Tokyo?", "Tokyo", "00:00"),
    ],
)
def test_follow_ups_work_in_every_language(engine, first, follow_up, place, wall_time):
    conversation = Conversation()
    engine.ask(first, conversation=conversation)
    answer = engine.ask(follow_up, conversation=conversation)
    assert answer.fact.id == "talks-time"
    [asked] = [t for t in answer.times if t.role == "asked"]
    assert (asked.place, asked.moment.strftime("%H:%M")) == (place, wall_time)
    assert answer.times[0].role == "source"  # the source-zone time stays beside it


def test_a_country_with_several_zones_says_which_city_it_used(engine):
    answer = engine.ask("when is the call in the USA?")
    [asked] = [t for t in answer.times if t.role == "asked"]
    assert asked.moment.strftime("%H:%M") == "10:00"
    # its other main zones follow (data/country_zones.yaml), and the note says so
    others = [(t.place, t.moment.strftime("%H:%M")) for t in answer.times if t.role == "elsewhere"]
    assert others == [("Chicago", "09:00"), ("Denver", "08:00"), ("Los Angeles", "07:00")]
    assert "USA has several time zones; I give the time in its main ones, Washington first." in (
        answer.notes
    )


def test_an_ambiguous_abbreviation_says_how_it_was_read(engine):
    answer = engine.ask("call time IST")
    [asked] = [t for t in answer.times if t.role == "asked"]
    assert asked.moment.strftime("%H:%M") == "20:30"
    assert any("IST can mean more than one zone; I read it as Kolkata" in n for n in answer.notes)


def test_a_place_that_is_the_subject_is_not_taken_for_a_time_zone(engine):
    answer = engine.ask("когда был саммит в Женеве?")
    assert answer.fact.id == "summit-in-geneva"
    assert answer.place is None


@pytest.mark.parametrize(
    "question",
    ["what is the format in London", "who takes part in London?", "кто участвует в Сочи?"],
)
def test_a_place_is_not_taken_out_for_a_fact_without_a_time(engine, question):
    # Only a time can be shown in a place: for an untimed fact the place is part of what is
    # asked ("will Putin be in Sochi?"), which the fact does not say.
    answer = engine.ask(question)
    assert not answer.answered


@pytest.mark.parametrize("question", ["the talks in UTC+5?", "the talks in EST?"])
def test_a_clock_named_without_a_time_word_still_asks_for_a_time(engine, question):
    # A zone or an offset is never what a fact is about, unlike a city.
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place is not None
    assert any(t.role == "asked" for t in answer.times)


@pytest.mark.parametrize(
    "question", ["when is the election in the US", "когда матч в Лондоне", "коли вибори у Польщі"]
)
def test_another_event_in_a_place_is_not_the_talks_there(engine, question):
    # Only "when" is left once the place is out; the subject is a word no fact knows.
    assert not engine.ask(question).answered


def test_each_zone_is_shown_once_even_when_asked_for(engine):
    answer = engine.ask("во сколько переговоры по московскому времени?")
    assert [(t.place, t.role) for t in answer.times] == [
        ("Киев", "source"),
        ("Москва", "asked"),
    ]
    kyiv = engine.ask("о котрій розмова за київським часом?")
    assert [t.place for t in kyiv.times] == ["Київ", "Москва"]


def test_a_time_word_inside_the_place_phrase_still_asks_for_a_time(engine):
    answer = engine.ask("нью-йоркское время переговоров")
    assert answer.fact.id == "talks-time"
    [asked] = [t for t in answer.times if t.role == "asked"]
    assert (asked.place, asked.moment.strftime("%H:%M")) == ("Нью-Йорк", "10:00")


def test_letters_without_a_unicode_name_do_not_break_the_morphology(engine):
    # pymorphy3 asks unicodedata.name about every letter; Python 3.11 has none for Tangut.
    answer = engine.ask("when is the call 𗀀Ѐ")
    assert answer.status in ("answered", "unsure", "declined")
    assert engine.ask("коли розмова 𗀀").status in ("answered", "unsure", "declined")


def test_russian_and_ukrainian_typed_in_latin_letters_are_answered_in_cyrillic(engine):
    answer = engine.ask("kogda budut pervye kadry", lang_hint="ru")
    assert answer.answered and answer.fact.id == "talks-footage" and answer.lang == "ru"
    answer = engine.ask("koly budut pershi kadry", lang_hint="uk")
    assert answer.answered and answer.fact.id == "talks-footage" and answer.lang == "uk"
    answer = engine.ask("pro shcho hovoryly")
    assert answer.answered and answer.fact.id == "talks-topics" and answer.lang == "uk"


def test_a_latin_word_is_spelt_in_cyrillic_the_way_the_dictionary_knows(engine):
    # The table's first reading of "skilky" is "скілки" (people drop the soft sign) and of
    # "kyievom" "кїевом" ("yi" is "ї" in "Kyiv"); neither is a word.
    answer = engine.ask("o kotrii za kyievom", lang_hint="uk")
    assert answer.answered and answer.fact.id == "talks-time" and answer.lang == "uk"
    answer = engine.ask("skilky bude v tokio", lang_hint="uk")
    assert answer.answered and answer.fact.id == "talks-time"
    assert [t.place for t in answer.times if t.role == "asked"] == ["Токіо"]


def test_informal_latin_spellings_of_ukrainian_are_answered(engine):
    # "-tsia" for "-ться", "e" for "є" after a vowel, a soft sign dropped ("kyivskyi").
    for question in ("o kotrii pochynaetsia rozmova", "kyivskyi chas rozmovy?"):
        answer = engine.ask(question, lang_hint="uk")
        assert answer.answered and answer.fact.id == "talks-time" and answer.lang == "uk"


def test_what_about_a_place_after_a_time_answer_converts_the_same_event(engine):
    conversation = Conversation()
    engine.ask("when is the call?", conversation=conversation)
    for follow_up, city in (("how about Rome?", "Rome"), ("and for Chicago?", "Chicago")):
        answer = engine.ask(follow_up, conversation=conversation)
        assert answer.answered and answer.fact.id == "talks-time"
        assert answer.times[-1].place == city
