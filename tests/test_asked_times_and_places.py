"""Questions about when and where as people type them (issue 10): misspelt and slang question
words, the date or weekday alone, hours in words, places named loosely."""

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


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("время по Калифорнии", "America/Los_Angeles"),  # a time word before "по" and a state
        ("час за Каліфорнією", "America/Los_Angeles"),
        ("время по Украине", "Europe/Kyiv"),
        # a question for the hour before "по", as a time word there
        ("во сколько по израилю", "Asia/Jerusalem"),
        ("в котором часу по Японии", "Asia/Tokyo"),
    ],
)
def test_a_time_word_before_po_makes_a_state_or_country_the_place(engine, question, zone):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place is not None
    assert answer.place.key == zone


def test_po_with_a_country_and_no_time_word_is_still_about_it(engine):
    assert engine.resolver.find("переговоры по Украине") is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        # after a noun, "по" and a region named with its unit asks its clock: no talks are
        # about an oblast
        ("во сколько переговоры по Московской области", "Europe/Moscow"),
        ("коли переговори по Львівській області", "Europe/Kyiv"),
        ("во сколько разговор по Новосибирской области", "Asia/Novosibirsk"),
        ("во сколько переговоры по ташкентской области", "Asia/Tashkent"),
        # "on" before an island, and islands named in the plural
        ("when is the call on Easter Island", "Pacific/Easter"),
        ("what time on Hawaii", "Pacific/Honolulu"),
        ("when is it on Bali", "Asia/Makassar"),
        ("во сколько на Азорах", "Atlantic/Azores"),
        ("во сколько на Гавайях", "Pacific/Honolulu"),
        ("когда на Канарах", "Atlantic/Canary"),
        # an unknown place adjective in an oblique case
        ("во сколько в Свентокшиском воеводстве", "Europe/Warsaw"),
    ],
)
def test_a_region_or_island_named_loosely_is_the_place_whose_clock_is_asked(engine, question, zone):
    assert engine.resolver.find(question).place.key == zone
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize(
    "question",
    [
        # "во сколько переговоры по Украине" is read as a place and left the topic by the
        # answer (test_asked_places_in_own_words.py): the base talks about Ukraine.
        "переговоры по Московской области",  # no question about time
        "talks on Ukraine",  # "on" is what they are about but before an island
        "when are the talks on Ukraine",
        "when is the call on Tuesday",
    ],
)
def test_po_or_on_before_a_topic_finds_no_place(engine, question):
    assert engine.resolver.find(question) is None


def test_a_summit_in_geneva_is_still_about_geneva(engine):
    mention = engine.resolver.find("when is the summit in Geneva")
    assert mention is not None and mention.place.key == "Europe/Zurich"
    answer = engine.ask("when is the summit in Geneva")
    assert answer.place is None


@pytest.mark.parametrize(
    ("question", "zone", "city"),
    [
        ("а в Сибири во сколько", "Asia/Novosibirsk", "Новосибирск"),
        ("what time is it in Siberia", "Asia/Novosibirsk", "Novosibirsk"),
        ("коли на Далекому Сході", "Asia/Vladivostok", "Хабаровськ"),
    ],
)
def test_a_macro_region_of_several_clocks_is_answered_for_its_largest_city(
    engine, question, zone, city
):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == zone
    assert any(city in note for note in answer.notes)  # and says which city it used


@pytest.mark.parametrize("question", ["во сколько на Урале", "коли на Уралі", "time in the Urals"])
def test_a_macro_region_of_one_clock_names_the_city_it_used(engine, question):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == "Asia/Yekaterinburg"
    assert answer.notes


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("а по Самаре?", "Europe/Samara"),
        ("in Denver?", "America/Denver"),
        ("а у Львові?", "Europe/Kyiv"),
        # a relative before the place: the time there
        ("what time is it for my son in Vancouver", "America/Vancouver"),
        ("when can my relatives in Haifa watch", "Asia/Jerusalem"),
        ("во сколько будет разговор для моего сына в Ванкувере", "America/Vancouver"),
        ("котра година буде для доньки в Торонто", "America/Toronto"),
    ],
)
def test_a_place_alone_or_after_a_relative_asks_the_main_event_time_there(engine, question, zone):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
    assert answer.place is not None and answer.place.key == zone


@pytest.mark.parametrize("question", ["США?", "Украина?", "Женева?"])
def test_a_bare_name_the_base_talks_about_is_not_taken_for_a_time_question(engine, question):
    # Without its preposition a name the fact base reads may be the subject ("Украина?" asks
    # about Ukraine); one it does not know at all is a place (tests/test_asked_odd_clocks.py).
    answer = engine.ask(question)
    assert answer.place is None or answer.fact is None or answer.fact.id != "talks-time"


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("когда в новосибе", "Asia/Novosibirsk"),  # colloquial short names, any case
        ("во сколько в Екб", "Asia/Yekaterinburg"),
        ("коли в Екаті", "Asia/Yekaterinburg"),
    ],
)
def test_a_colloquial_city_name_is_the_city(engine, question, zone):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == zone


def test_a_first_name_is_no_colloquial_city(engine):
    assert engine.resolver.find("когда Владик придёт") is None


@pytest.mark.parametrize(
    ("question", "zone"),
    [
        ("what time does it start in dc", "America/New_York"),
        ("when is the call in la", "America/Los_Angeles"),
    ],
)
def test_a_capitals_alias_in_lower_case_counts_after_in_in_a_time_question(engine, question, zone):
    answer = engine.ask(question)
    assert answer.fact.id == "talks-time" and answer.place.key == zone


@pytest.mark.parametrize("question", ["when is it for us", "what time is it in us", "la la land"])
def test_a_lower_case_alias_that_is_a_word_or_without_in_is_no_place(engine, question):
    assert engine.resolver.find(question) is None


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
