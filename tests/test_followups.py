"""Follow-up turns read with the last answer: "who is he?" means the person it names, "and
later?" what the same speaker said next, "about it" another fact on its subject, a bare
place or zone the same event there (named in the answer), a fragment the same subject."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.answering.engine import Conversation, Engine
from knowledge.i18n import ANSWERS
from knowledge.language.decision import ALWAYS
from knowledge.language.lexicon_files import WORDS_PATH, LexiconInvalid, load_lexicon
from knowledge.model import Citation, Fact
from tests.conftest import DECISION

ARTICLE = "glavred-2021-12-putin-biden"
WHITE_HOUSE = {"en": "the White House", "ru": "Белый дом", "uk": "Білий дім"}


def _person(fact_id: str, text: dict[str, str], questions: dict[str, tuple[str, ...]], quote: str):
    return Fact(fact_id, text, questions, (Citation(ARTICLE, quote),), event_id="video-talks")


@pytest.fixture(scope="module")
def attributed(facts, sources, events) -> Engine:
    """The test content with what the shipped base adds to it: whom the White House, Psaki
    and Austin facts quote, a fact on the role of Austin and of Psaki, and questions that
    make a bare "UTC" or "Moscow" a word the facts use."""
    by_id = {fact.id: fact for fact in facts}
    for fact_id, question in (
        ("talks-time", "the call in UTC+5"),
        ("talks-format", "will biden fly to moscow"),
    ):
        fact = by_id[fact_id]
        questions = {**fact.questions, "en": (*fact.questions["en"], question)}
        by_id[fact_id] = replace(fact, questions=questions)
    said_by = {
        "white-house-denial": WHITE_HOUSE,
        "white-house-confirmation": WHITE_HOUSE,
        "psaki-statement": {
            "en": "Jen Psaki, the US president's press secretary",
            "ru": "пресс-секретарь американского президента Джен Псаки",
            "uk": "прессекретарка американського президента Джен Псакі",
        },
        "austin-view": {
            "en": "US Defense Secretary Lloyd Austin",
            "ru": "министр обороны США Ллойд Остин",
            "uk": "міністр оборони США Ллойд Остін",
        },
    }
    for fact_id, who in said_by.items():
        by_id[fact_id] = replace(by_id[fact_id], said_by=who)
    people = [
        _person(
            "person-austin",
            {
                "en": "Lloyd Austin is the US Secretary of Defense.",
                "ru": "Ллойд Остин — министр обороны США.",
                "uk": "Ллойд Остін — міністр оборони США.",
            },
            {
                "en": ("who is Austin", "who is Lloyd Austin", "who is the US defense secretary"),
                "ru": ("кто такой Остин", "кто такой Ллойд Остин", "кто министр обороны США"),
                "uk": ("хто такий Остін", "хто такий Ллойд Остін", "хто міністр оборони США"),
            },
            "Министр обороны США Ллойд Остин",
        ),
        _person(
            "person-psaki",
            {
                "en": "Jen Psaki is the US president's press secretary.",
                "ru": "Джен Псаки — пресс-секретарь американского президента.",
                "uk": "Джен Псакі — прессекретарка американського президента.",
            },
            {
                "en": ("who is Psaki", "who is Jen Psaki", "who is Biden's press secretary"),
                "ru": ("кто такая Псаки", "кто такая Джен Псаки", "кто пресс-секретарь Байдена"),
                "uk": ("хто така Псакі", "хто така Джен Псакі", "хто прессекретар Байдена"),
            },
            "Пресс-секретарь американского президента Джен Псаки",
        ),
    ]
    return Engine([*by_id.values(), *people], sources, events=events, decision=DECISION)


def _after(engine: Engine, first: str, follow_up: str, lang: str):
    conversation = Conversation()
    before = engine.ask(first, lang=lang, conversation=conversation)
    assert before.answered, first
    return engine.ask(follow_up, lang=lang, conversation=conversation)


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [
        ("what does Austin think of the talks", "who is he?", "en"),
        ("что думает Остин о переговорах", "а кто он такой?", "ru"),
        ("що думає Остін про переговори", "а хто він такий?", "uk"),
    ],
)
def test_who_is_he_means_the_person_the_last_answer_quotes(attributed, first, follow_up, lang):
    answer = _after(attributed, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "person-austin"


def test_she_after_a_quote_of_psaki_is_psaki(attributed):
    answer = _after(attributed, "what did Psaki say", "and who is she?", "en")
    assert answer.answered and answer.fact.id == "person-psaki"


def test_a_pronoun_is_not_read_as_a_person_the_last_answer_does_not_name(attributed):
    # The White House is quoted, and no fact on a person names it: "he" stays unresolved
    # rather than becoming whoever "who is" matches best.
    answer = _after(attributed, "what did the White House say at first", "who is he?", "en")
    assert not (answer.answered and answer.fact.id.startswith("person-"))


@pytest.mark.parametrize(
    ("follow_up", "lang"), [("who is he?", "en"), ("а кто он?", "ru"), ("а хто він такий?", "uk")]
)
def test_who_is_he_after_an_answer_naming_two_people_asks_which(
    attributed, sources, events, follow_up, lang
):
    both = _person(
        "austin-and-psaki",
        {
            "en": "Lloyd Austin and Jen Psaki spoke of the talks.",
            "ru": "Ллойд Остин и Джен Псаки говорили о переговорах.",
            "uk": "Ллойд Остін і Джен Псакі говорили про переговори.",
        },
        {"en": ("what did the Americans say",), "ru": (), "uk": ()},
        "Министр обороны США Ллойд Остин",
    )
    engine = Engine(
        [*attributed.index.facts.values(), both], sources, events=events, decision=DECISION
    )
    answer = engine.ask(follow_up, lang=lang, conversation=Conversation("austin-and-psaki"))
    assert answer.status == "unsure"
    assert {s.fact_id for s in answer.suggestions} == {"person-austin", "person-psaki"}
    assert answer.lead == ANSWERS("answer.which_person", lang)


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [
        ("what did the White House say at first", "and later?", "en"),
        ("что сначала говорил Белый дом", "а потом?", "ru"),
        ("що спочатку казав Білий дім", "а потім?", "uk"),
    ],
)
def test_and_later_is_what_the_same_speaker_said_next_in_the_article(
    attributed, first, follow_up, lang
):
    # Psaki's statement stands between the two in the article: another speaker, skipped.
    answer = _after(attributed, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "white-house-confirmation"


def test_and_before_that_is_what_the_same_speaker_said_before(attributed):
    answer = _after(attributed, "did the White House confirm the talks", "and before that?", "en")
    assert answer.answered and answer.fact.id == "white-house-denial"


def test_and_later_after_an_unattributed_answer_is_declined(attributed):
    answer = _after(attributed, "when is the call", "and later?", "en")
    assert answer.status == "declined"


@pytest.mark.parametrize(("question", "lang"), [("and later?", "en"), ("а потім?", "uk")])
def test_and_later_with_no_answer_before_it_is_declined(attributed, question, lang):
    # Its one word would otherwise match whichever fact's questions say "later".
    assert attributed.ask(question, lang_hint=lang).status == "declined"


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [
        ("when was the geneva summit", "what will they discuss about it", "en"),
        ("когда был саммит в Женеве", "а что будут обсуждать по нему", "ru"),
        ("коли був саміт у Женеві", "а що обговорюватимуть щодо нього", "uk"),
    ],
)
def test_about_it_asks_another_fact_on_the_last_answers_subject(engine, first, follow_up, lang):
    answer = _after(engine, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "summit-review"


@pytest.mark.parametrize(
    ("first", "follow_up", "lang", "place"),
    [
        ("what time is the call in kyiv", "what about in Kharkiv", "en", "Kharkiv"),
        ("во сколько по Киеву", "а в Харькове?", "ru", "Харьков"),
        ("о котрій розмова", "а скільки це буде у Львові", "uk", "Львів"),
    ],
)
def test_a_place_in_the_source_zone_is_named_in_the_answer(engine, first, follow_up, lang, place):
    answer = _after(engine, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "talks-time"
    [asked] = [t for t in answer.times if t.role == "asked"]
    assert (asked.place, asked.moment.strftime("%H:%M")) == (place, "17:00")
    assert place in answer.text


@pytest.mark.parametrize(
    ("first", "follow_up", "lang", "place", "wall_time"),
    [
        ("во сколько переговоры", "а по UTC?", "ru", "UTC", "15:00"),
        ("о котрій розмова", "а за UTC?", "uk", "UTC", "15:00"),
        ("when's the call in berlin", "and moscow?", "en", "Moscow", "18:00"),
    ],
)
def test_a_bare_zone_or_place_after_a_timed_answer_converts_the_same_event(
    attributed, first, follow_up, lang, place, wall_time
):
    # "Moscow" and "UTC" are words the facts themselves use, so alone they read as a
    # topic; after a timed answer, with nothing else asked, they are where to show it.
    answer = _after(attributed, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "talks-time"
    [asked] = [t for t in answer.times if t.role == "asked"]
    assert (asked.place, asked.moment.strftime("%H:%M")) == (place, wall_time)


@pytest.mark.parametrize(
    ("first", "follow_up", "lang", "place"),
    [
        ("when is the call", "same for Lagos pls", "en", "Lagos"),
        ("when is the call", "and for Oslo too?", "en", "Oslo"),
        ("when is the call", "and if I'm in Perth", "en", "Perth"),
        ("во сколько переговоры", "а в Минске тоже?", "ru", "Минск"),
        ("коли розмова", "і у Варшаві теж", "uk", "Варшава"),
    ],
)
def test_a_place_asked_again_or_supposed_converts_the_same_event(
    attributed, first, follow_up, lang, place
):
    # "same", "too", "тоже", "теж" and "if" ask nothing of their own beside a place.
    answer = _after(attributed, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "talks-time"
    assert [t.place for t in answer.times if t.role == "asked"] == [place]


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [
        ("коли переговори", "в якому форматі?", "uk"),
        ("когда переговоры", "в каком формате?", "ru"),
    ],
)
def test_a_fragment_after_an_answer_asks_about_the_same_subject(engine, first, follow_up, lang):
    answer = _after(engine, first, follow_up, lang)
    assert answer.answered and answer.fact.id == "talks-format"


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [
        ("what time does it start", "how long will it last?", "en"),
        ("когда переговоры", "и чем все закончилось?", "ru"),
        ("коли созвон", "а довго говоритимуть?", "uk"),
        ("когда разговор в Екатеринбурге", "какая там погода?", "ru"),
    ],
)
def test_a_follow_up_the_article_cannot_answer_is_still_declined(
    attributed, first, follow_up, lang
):
    assert not _after(attributed, first, follow_up, lang).answered


@pytest.mark.parametrize(
    ("first", "follow_up", "lang"),
    [
        ("when is the call", "ok", "en"),
        ("когда переговоры", "ну хорошо", "ru"),
        ("коли розмова", "добре", "uk"),
    ],
)
def test_an_acknowledgement_after_an_answer_asks_nothing(
    facts, sources, events, first, follow_up, lang
):
    # Even an engine answering whatever ranks first: a message of no content words is not
    # completed with the last answer's subject ("ok" + "call" matched the call's format).
    eager = Engine(facts, sources, events=events, decision=ALWAYS)
    assert _after(eager, first, follow_up, lang).fact is None


def _words(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "words.yaml"
    path.write_text(WORDS_PATH.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_follow_up_words_come_from_the_words_file():
    words = load_lexicon().follow_ups
    assert {"he", "він", "нему"} <= words.pronouns
    assert {"and later", "а потім", "а потом"} <= words.and_then
    assert {"same", "тоже", "теж"} <= words.same_again
    assert {"about it", "щодо нього", "по нему"} <= set(words.about_it)
    assert words.about_it.index("про неї") < words.about_it.index("про це")


@pytest.mark.parametrize(
    ("extra", "complaint"),
    [
        ("and_then_typo: 1\nabout_it: [about it]\n", "about_it: expected phrases per language"),
        ("and_before:\n  de: [vorher]\n", "and_before: expected phrases per language"),
        ("person_pronouns:\n  en: [he]\n", "person_pronouns: expected a text per language"),
    ],
)
def test_bad_follow_up_words_name_their_section(tmp_path, extra, complaint):
    with pytest.raises(LexiconInvalid, match=complaint):
        load_lexicon(_words(tmp_path, extra), concepts_path=None)
