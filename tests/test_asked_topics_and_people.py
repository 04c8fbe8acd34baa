"""Questions asked the way people ask them: the format or venue, the source, the topics, a
person, and a plain question in a polite wrapper. Each is asked as a user's new question
would be: the fact base without that exact wording."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("wrapped", "plain", "lang"),
    [
        ("Could you tell me when the call is?", "when is the call?", "en"),
        (
            "May I ask when the video conference is due to take place?",
            "when does the video conference take place?",
            "en",
        ),
        ("Kindly state the scheduled time of the call.", "scheduled time of the call", "en"),
        (
            "Would you mind telling me when the upcoming call is expected to take place?",
            "when is the call?",
            "en",
        ),
        ("I was wondering who is set to take part", "who takes part", "en"),
        ("when do the two of them talk", "when do they talk", "en"),  # "two", "both": who is known
        ("ugh what do they even want to discuss lol", "what do they want to discuss", "en"),
        # an oath or "already" says nothing about which fact: "just tell me the damn time"
        ("just tell me the damn time", "tell me the time", "en"),
        ("what time is it already", "what time is it", "en"),
        # "learn", as "know", is what the asker wants, not what about
        ("I would like to learn the date of the talks", "the date of the talks", "en"),
        # "yes or no" asks for the answer it would get anyway
        ("ukraine topic yes or no", "ukraine topic", "en"),
        ("will they meet in person or not", "will they meet in person", "en"),
        ("Украина в темах, да или нет?", "Украина в темах?", "ru"),
        ("Україна в темах, так чи ні?", "Україна в темах?", "uk"),
        # "this time" is this occasion, not a time asked for
        ("so no face to face meeting this time?", "no face to face meeting?", "en"),
        ("whats the deal with nato in these talks", "what about nato in the talks", "en"),
        ("peskov quote on geneva?", "what did peskov say on geneva", "en"),  # a quote is said
        ("цитата Пескова про Женеву", "что сказал Песков про Женеву", "ru"),
        ("цитата Пєскова про Женеву", "що сказав Пєсков про Женеву", "uk"),
        ("whose list of topics is it", "who listed the topics", "en"),
        # "confirm when" asks when, not whether anyone confirmed it
        ("Would you be so kind as to confirm when the call is?", "when is the call?", "en"),
        ("Не подскажете ли, когда переговоры?", "когда переговоры?", "ru"),
        ("Не могли бы вы уточнить время переговоров?", "время переговоров", "ru"),
        ("Чи не могли б ви уточнити дату й час розмови?", "дату й час розмови", "uk"),
        ("Прошу повідомити час проведення відеоконференції.", "час відеоконференції", "uk"),
        ("Скажіть, на який час призначено розмову?", "на який час заплановано розмову", "uk"),
        # "двух", "обох", "ж": who is known, and a particle, as "two", "both" in English
        ("когда разговор двух президентов?", "когда разговор президентов?", "ru"),
        ("коли ж розмова обох президентів?", "коли розмова президентів?", "uk"),
        ("ситуация вокруг Украины", "ситуация Украины", "ru"),
        ("ситуація навколо України", "ситуація України", "uk"),
        ("сначала американцы все отрицали?", "сначала американцы отрицали?", "ru"),
        ("спочатку американці все заперечували?", "спочатку американці заперечували?", "uk"),
        # impatient: clipped "во скок", and "answer already" says nothing of what is asked
        ("во скок созвон", "во сколько созвон", "ru"),
        ("ну и во сколько, отвечай уже", "во сколько", "ru"),
        ("о котрій, відповідай", "о котрій", "uk"),
        # a negative auxiliary, typed with or without its apostrophe, asks as its positive
        # does: "wasnt" was read as a typo of "want"
        ("wasnt the summit in geneva", "was the summit in geneva", "en"),
        ("didn't they meet in person", "did they meet in person", "en"),
        # converting the time to one's own asks the time: "переведіть на мій час"
        ("convert the call time to my time", "the call time my time", "en"),
        ("переведите время разговора", "время разговора", "ru"),
        ("переведіть час розмови", "час розмови", "uk"),
        # keen or eager to is wanting to
        ("why is putin so keen to talk", "why does putin want to talk", "en"),
        # a reaction is what was said about it
        ("how did the pentagon react", "what did the pentagon say", "en"),
        ("biden's reaction", "biden said", "en"),
        # "each other" says nothing of who; "over a video link" is the means, not "is it over"
        ("which leaders are talking to each other", "which leaders are talking", "en"),
        ("ugh what time is it, answer me", "what time is it", "en"),
        ("will it be over a video link", "will it be a video link", "en"),
        # a pronoun's contraction says no more than the pronoun
        ("when they're going to talk", "when they are going to talk", "en"),
        ("как отреагировал Пентагон", "что сказал Пентагон", "ru"),
        ("яка реакція Байдена", "що сказав Байден", "uk"),
        # a learner's English: "me not understand" asks nothing, "what the day" is "what day"
        ("time of talk please me not understand", "time of talk", "en"),
        ("sorry my english, when the presidents talk?", "when the presidents talk?", "en"),
        ("what the day they speak?", "what day they speak?", "en"),
        # how to put the answer, and punctuation said aloud to a phone, ask nothing
        ("what will they talk about, in simple words?", "what will they talk about", "en"),
        ("when is the call question mark", "when is the call", "en"),
    ],
)
def test_a_polite_wrapper_reads_as_the_plain_question(engine, wrapped, plain, lang):
    assert engine.index.analyse(wrapped, lang).tokens == engine.index.analyse(plain, lang).tokens


@pytest.mark.parametrize(
    "question",
    [
        "May I ask when the video conference is?",
        "Не подскажете ли, когда переговоры?",
        "во скок созвон",
    ],
)
def test_a_politely_wrapped_time_question_gets_the_time(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Когда запланирован разговор двух президентов?", "ru"),
        ("коли ж обидва говоритимуть?", "uk"),
    ],
)
def test_two_or_both_leaders_asks_the_time_of_the_call(content, question, lang):
    answer = anew(content, question).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "talks-time"


def test_is_it_a_video_link_asks_the_format_not_the_time(content):
    # The time's questions name the call "видеосвязь" ("во сколько видеосвязь"): the word
    # alone went to the time until the format's questions asked it on its own too.
    engine = anew(content, "это видеосвязь?", "це відеозв'язок?")
    for question in ("это видеосвязь?", "це відеозв'язок?"):
        answer = engine.ask(question)
        assert answer.fact is not None and answer.fact.id == "talks-format", question
    assert engine.ask("во сколько видеосвязь?").fact.id == "talks-time"


def test_will_biden_come_to_moscow_asks_the_format(content):
    answer = anew(content).ask("Байден приедет в Москву?")
    assert answer.fact is not None and answer.fact.id == "talks-format"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("хто автор новини", "uk"), ("кто автор новости", "ru"), ("who is the author of this", "en")],
)
def test_who_wrote_it_asks_the_source(content, question, lang):
    answer = anew(content).ask(question, lang_hint=lang)
    assert answer.fact is not None and answer.fact.id == "source-article"


@pytest.mark.parametrize(
    "question",
    [
        "будут ли обсуждать Украину?",
        "чи обговорюватимуть Україну?",
        # "вокруг", "навколо" ("the situation around") say nothing of which fact
        "будут ли обсуждать ситуацию вокруг Украины?",
        "чи обговорюватимуть ситуацію навколо України?",
    ],
)
def test_will_they_discuss_ukraine_asks_the_topics(content, question):
    engine = anew(content, "будут ли обсуждать Украину", "чи обговорюватимуть Україну")
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "talks-topics"


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("will the Geneva agreements come up?", "summit-in-geneva"),
        ("will they touch on NATO?", "talks-topics"),
        ("will Biden bring up the troops?", "biden-troop-buildup"),
    ],
)
def test_come_up_bring_up_touch_on_ask_what_is_discussed(content, question, fact):
    engine = anew(content)
    assert "@discuss" in engine.index.analyse(question, "en").tokens
    answer = engine.ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact


def test_what_will_dominate_asks_the_main_topics(content):
    engine = anew(content)
    read = engine.index.analyse
    dominate = read("which issues will dominate the talks", "en").tokens
    assert sorted(dominate) == sorted(read("main issues of the talks", "en").tokens)
    answer = engine.ask("which subjects will dominate the talks?", lang_hint="en")
    assert answer.fact is not None and answer.fact.id == "talks-topics"


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Lloyd Austin", "person-austin"),
        ("Ллойд Остин?", "person-austin"),
        ("Джен Псакі", "person-psaki"),
        ("кем работает Остин", "person-austin"),
        ("what is Jen Psaki's role", "person-psaki"),
    ],
)
def test_a_bare_name_or_a_job_asks_the_person(content, question, person):
    answer = anew(content, "кем работает Остин").ask(question)
    assert answer.fact is not None and answer.fact.id == person


@pytest.mark.parametrize("question", ["как прошли переговоры?", "як пройшли переговори?"])
def test_how_the_talks_went_is_not_answered_with_their_format(engine, question):
    # Lemmas lose the tense: "как пройдут переговоры" among the format's questions would
    # answer how they went, which the article does not say.
    assert not engine.ask(question).answered


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("кто первым сообщил о переговорах", "ru"),
        ("хто першим заявив про перемовини", "uk"),
        ("who announced first that putin and biden would talk", "en"),
    ],
)
def test_who_was_first_is_not_answered_with_who_announced(engine, question, lang):
    # The article names who announced the call, not who was first to: "first" shifts it.
    answer = engine.ask(question, lang_hint=lang)
    assert not answer.answered


@pytest.mark.parametrize(
    "question", ["when will we see the first footage?", "когда покажут первые кадры?"]
)
def test_first_footage_still_reaches_the_footage(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-footage"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("will there be any video of the talks", "talks-footage"),
        ("is it a video call", "talks-format"),
    ],
)
def test_a_video_of_the_talks_is_footage_and_a_video_call_the_format(content, question, fact_id):
    answer = anew(content, question).ask(question, lang_hint="en")
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("а кто это говорит вообще", "source-article"),
        ("а хто це каже взагалі", "source-article"),
        ("кто будет говорить", "talks-participants"),
        ("с кем будет говорить Путин", "talks-participants"),
    ],
)
def test_who_says_it_asks_the_source_and_who_will_talk_the_speakers(content, question, fact_id):
    # Lemmas lose the tense: "говорит" (says) is read as saying, "будет говорить" stays
    # the talking.
    answer = anew(content, question).ask(question)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    "question",
    ["do you know if the call is at 5 pm?", "если не секрет, когда переговоры?"],
)
def test_if_in_a_polite_opening_is_not_a_condition(engine, question):
    answer = engine.ask(question)
    assert answer.answered and answer.fact.id == "talks-time"
