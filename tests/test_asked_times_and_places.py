"""Questions about when and where as people type them (issue 10): misspelt and slang question
words, the date or weekday alone, hours in words (places named loosely are in
test_asked_places_named_loosely.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "во скока созвон",  # clipped
        "во сколка переговоры",  # misspelt
        "во скольк разговор",
        "шо по часу",  # slang: "what about the time"
        "що по часу?",
        "что по времени",
        "када переговоры",  # misspelt "когда"
        "колі розмова",  # misspelt "коли", which the dictionary reads as the name Коля
        "восколько созвон",  # run together
        "о котрий розмова",  # Ukrainian typed without "і"
        "which weekday do they talk",
        "в какой день недели созвон",
        "яке число розмова?",
        "starting hour of the talks?",  # "hour" asks for the time, as "what hour" does
    ],
)
def test_misspelt_and_slang_question_words_ask_for_the_time(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize("question", ["так когда уже всё это будет", "то коли вже все це буде"])
def test_when_will_all_this_be_asks_the_time_of_what_was_talked_about(engine, question):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "question",
    ["когда начнется движуха", "ну и когда этот цирк", "когда батл", "коли почнеться движ"],
)
def test_slang_for_the_event_asks_its_time(engine, question):
    # Whether it is answered or offered depends on the decision's threshold; the
    # slang's reading is the call, and the time is the fact it leads to.
    lang = "uk" if "почнеться" in question else "ru"
    assert "@call" in engine.index.analyse(question, lang).tokens
    assert engine.index.match(question, lang).candidates[0].fact_id == "talks-time"


@pytest.mark.parametrize(
    "question",
    [
        "когда будет разговор по видео?",
        "Когда будет их разговор, по видео который?",
        "коли буде розмова по відео?",
        "when is the call by video?",
    ],
)
def test_a_call_by_video_asks_the_calls_time_not_its_footage(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "question", ["разговор будет по видео", "розмова буде по відео", "the talks will be by video"]
)
def test_a_call_that_will_be_by_video_is_its_format_not_its_footage(engine, question):
    assert engine.ask(question).fact.id == "talks-format"


def test_a_video_of_the_call_is_still_its_footage(engine):
    assert engine.ask("когда покажут видео разговора?").fact.id == "talks-footage"


@pytest.mark.parametrize("question", ["shcho po chasu", "shto po vremeni"])
def test_slang_typed_in_latin_letters_is_read_in_cyrillic(engine, question):
    answer = engine.ask(question, lang_hint="uk" if question.startswith("shcho") else "ru")
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.lang in ("ru", "uk")


def test_a_name_typed_in_latin_letters_is_read_as_the_bases_name(engine):
    # "baiden" read "баидень" by the table's first way was no word the base knows, so the
    # Russian reading failed and the question was answered, if at all, in Ukrainian.
    answer = engine.ask("kogda pogovoryat putin i baiden", lang_hint="ru")
    assert answer.answered and answer.fact.id == "talks-time" and answer.lang == "ru"


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("я в токио, у нас уже ночь будет?", "Да."),  # 17:00 Kyiv is midnight in Tokyo
        ("в нью-йорке это будет ночью?", "Нет."),  # 10:00 there
        ("у Нью-Йорку це буде вранці?", "Так."),
        ("is it evening in kyiv?", "Yes."),
        ("is it morning in kyiv?", "No."),
        # An hour, in figures or words.
        ("is it at five", "Yes."),  # 17:00 Kyiv: five in the afternoon
        ("is it at 3 pm?", "No."),
        ("в пять вечера?", "Да."),
        ("о п'ятій вечора?", "Так."),
        ("о дев'ятій ранку?", "Ні."),
    ],
)
def test_a_claimed_hour_or_part_of_the_day_is_held_against_the_event_time(engine, question, lead):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.lead.startswith(lead)


def test_ukrainian_in_latin_letters_without_a_hint_is_not_misread_as_russian(engine):
    answer = engine.ask("o kotriy rozmova")
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    "question", ["when are they meeting up online?", "when will they meet by video"]
)
def test_meeting_online_is_the_call_not_the_geneva_meeting(engine, question):
    assert "@call" in engine.index.analyse(question, "en").tokens
    answer = engine.ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("question", "hint", "city"),
    [
        ("I'm in Kyiv, when should I expect it?", None, "Kyiv"),
        ("я в Лондоне, когда ждать?", None, "Лондон"),
        ("я в Лондоні, коли чекати?", None, "Лондон"),
    ],
)
def test_waiting_for_it_in_ones_own_place_asks_the_time_there(engine, question, hint, city):
    answer = engine.ask(question, lang_hint=hint)
    assert answer.answered and answer.fact.id == "talks-time"
    assert city in [t.place for t in answer.times]


@pytest.mark.parametrize(
    ("question", "hint"),
    [("v skolko po kievu", "ru"), ("vo skilky rozmova", "uk"), ("yakyi den tyzhnya", "uk")],
)
def test_time_questions_in_latin_letters_read_back_to_their_question_words(engine, question, hint):
    answer = engine.ask(question, lang_hint=hint)
    assert answer.answered and answer.fact.id == "talks-time" and answer.lang == hint


def test_h_for_the_ukrainian_kh_and_den_for_den_are_read_as_words(engine):
    lexicon = engine.index.lexicon
    known = {"хто", "день"}.__contains__
    assert lexicon.transliterated("hto den", "uk", known=known) == "хто день"
    assert lexicon.transliterated("den nedeli", "ru") == "день недели"


@pytest.mark.parametrize(
    ("question", "label", "hour"),
    [
        ("when is it on the east coast", "ET", "10:00"),
        ("what time on the west coast", "PT", "07:00"),
        ("о котрій на східному узбережжі", "ET", "10:00"),
        ("тихоокеанское время какое", "PT", "07:00"),
        ("о котрій за тихоокеанським часом", "PT", "07:00"),
        # the country before a zone's name says whose zone, not a second place
        ("when do they talk in us eastern time", "ET", "10:00"),
        ("what time is the call in us pacific time", "PT", "07:00"),
    ],
)
def test_a_coast_or_a_zones_name_asks_the_time_on_that_clock(engine, question, label, hour):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    asked = [(t.place, t.moment.strftime("%H:%M")) for t in answer.times if t.role == "asked"]
    assert asked == [(label, hour)]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("переговоры восьмого декабря?", "Нет."),  # a day in words beside a month
        ("переговоры седьмого декабря?", "Да."),
        ("розмова шостого грудня?", "Ні."),
        ("is the call on dec 8", "No."),  # a day's number beside a month
        ("is the call on 7 dec", "Yes."),
    ],
)
def test_a_day_of_the_month_in_words_or_figures_is_held_against_the_event_date(
    engine, question, lead
):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.lead.startswith(lead)


def test_a_day_in_words_is_a_date_only_where_it_stands_for_one(engine):
    from knowledge.answering.moments import claims_in
    from knowledge.language.clock_words import DAY, clock_read

    calendar = engine.index.lexicon.calendar

    def read(text: str) -> list[str]:
        return clock_read(text.split(), calendar)

    assert read("коли буде шосте відео") == ["коли", "буде", "шосте", "відео"]
    assert read("шостого грудня") == [DAY, "грудня"]
    assert read("dec 8") == ["dec", DAY]
    # Before "числа" or ending the question, a day in words or figures is a date too.
    assert read("переговоры восьмого числа") == ["переговоры", DAY]
    assert read("розмова шостого") == ["розмова", DAY]
    assert read("розмова 7 числа") == ["розмова", DAY]
    assert read("розмова 7") == ["розмова", "7"]
    lexicon = engine.index.lexicon
    assert claims_in("переговоры восьмого числа", "ru", calendar, lexicon.stopwords).day == 8
    assert claims_in("розмова шостого", "uk", calendar, lexicon.stopwords).day == 6


@pytest.mark.parametrize(
    "question",
    [
        "when is it for washington",  # the base talks about Washington (the US), yet "for" reckons
        "when is it for the white house",  # a landmark next to a preposition is its city
        "what time is it at the white house",
        "when is the call in white house time",
    ],
)
def test_a_time_for_a_place_or_its_landmark_is_that_places_clock(engine, question):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == "America/New_York"


@pytest.mark.parametrize(
    "question", ["what did the white house say later", "did the white house confirm the talks"]
)
def test_the_white_house_without_a_preposition_is_who_spoke(engine, question):
    answer = engine.ask(question)
    assert answer.place is None
    assert answer.fact is None or answer.fact.id.startswith("white-house")


@pytest.mark.parametrize("question", ["по Москві це скільки", "а по Києву це скільки буде"])
def test_how_much_it_comes_to_by_a_places_clock_asks_the_time(engine, question):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert answer.place is not None


def test_the_weekend_is_claimed_as_saturday_is(engine):
    def read(text: str) -> tuple[str, ...]:
        return engine.index.analyse(text, "en").tokens

    assert read("is the call this weekend") == read("is the call on saturday")
