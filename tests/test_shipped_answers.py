"""The shipped content answers real questions: the dev set of questions as users type them
(each with its fact or "decline"; its accuracy is no longer a target: the held-out corpus,
`python -m bot eval`, is), and a few answers read whole.

With tests/test_fact_base.py, test_shipped_claims.py and test_question_corpus.py, the only
test files that read knowledge/content/: every other test runs on tests/data/content/, so
curators can edit the shipped facts freely.
"""

from __future__ import annotations

from collections import Counter

import pytest

from knowledge.answering.compose import Answer
from knowledge.answering.engine import Conversation, Engine
from knowledge.language.decision import ALWAYS, FEATURES
from knowledge.storage.content import Content, load_content
from talkbot.evaluation import evaluate, load_dev_set
from tests.conftest import AFTER_THE_CALL


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def shipped_engine(shipped: Content) -> Engine:
    return Engine(
        shipped.facts, shipped.sources, events=shipped.events, clock=lambda: AFTER_THE_CALL
    )


@pytest.fixture(scope="module")
def dev_set():
    return load_dev_set()


def test_dev_set_is_large_varied_and_has_unanswerable_questions(dev_set, shipped):
    assert len(dev_set) >= 150
    assert sum(item["expect"] == "decline" for item in dev_set) >= 30
    assert set(Counter(item["lang"] for item in dev_set)) == {"en", "ru", "uk"}
    fact_ids = {f.id for f in shipped.facts}
    assert {item["expect"] for item in dev_set} - {"decline"} <= fact_ids


def test_confident_wrong_answers_stay_rare(shipped_engine, dev_set):
    _, misses = evaluate(shipped_engine, dev_set)
    wrong = [item["q"] for item, answer in misses if answer.answered]
    assert len(wrong) <= len(dev_set) * 0.03, wrong


def test_when_is_the_call_is_answered_in_kyiv_and_moscow_time(shipped_engine):
    answer = shipped_engine.ask("when is the call?")
    assert answer.fact.id == "call-time"
    assert [(t.place, t.moment.strftime("%H:%M")) for t in answer.times] == [
        ("Kyiv", "17:00"),
        ("Moscow", "18:00"),
    ]
    assert answer.citations[0].quote.startswith("дискуссия Путина и Байдена")


def test_a_follow_up_in_russian_keeps_the_call(shipped_engine):
    conversation = Conversation()
    first = shipped_engine.ask("во сколько переговоры?", conversation=conversation)
    again = shipped_engine.ask("а по Токио?", conversation=conversation)
    assert first.fact.id == again.fact.id == "call-time"
    assert again.times[-1].moment.strftime("%H:%M") == "00:00"  # the next day in Tokyo


def test_the_shipped_examples_and_greeting_come_from_its_event(shipped_engine):
    assert [s.fact_id for s in shipped_engine.examples("en")] == [
        "call-time",
        "call-format",
        "call-topics",
        "first-footage",
    ]
    assert "Putin–Biden" in shipped_engine.about("en")["subject"]
    declined = shipped_engine.ask("tell me a joke")
    assert declined.status == "declined" and declined.suggestions[0].fact_id == "call-time"


def test_the_lexicon_reads_call_apps_arming_the_states_outlets_and_in_person(shipped_engine):
    def read(text: str, lang: str) -> tuple[str, ...]:
        return shipped_engine.index.analyse(text, lang).tokens

    assert read("zoom", "en") == read("по зуму", "ru") == read("скайп", "uk") == ("@call",)
    assert read("вооружать", "ru") == read("озброювати", "uk") == ("@weapons",)
    assert read("штаты", "ru") == read("штати", "uk") == ("@us",)
    assert read("штат", "ru") != ("@us",)  # a state is not the States
    assert read("website", "en") == read("агентство", "ru") == read("видання", "uk") == ("@outlet",)
    assert (
        read("in person", "en") == read("очно", "ru") == read("віч-на-віч", "uk") == ("@inperson",)
    )
    assert read("вживую", "ru") != ("@inperson",)  # also "watch live", which no fact answers
    assert read("Moscow", "en") == read("the Kremlin", "en") == ("@russia",)
    assert read("Russia", "en") != ("@russia",)  # the country, not its leadership


def test_the_american_presidents_office_names_biden(shipped_engine):
    def read(text: str, lang: str) -> tuple[str, ...]:
        return shipped_engine.index.analyse(text, lang).tokens

    assert (
        read("the American president", "en")
        == read("the president of the United States", "en")
        == read("президент США", "ru")
        == read("американський президент", "uk")
        == ("@biden",)
    )
    assert read("american", "en") == ("@us",)  # the country alone is not its president
    answer = shipped_engine.ask("what will the American president push for")
    assert answer.fact.id == "biden-ukraine-support"


def read_as(answer: Answer) -> str | None:
    """The fact a question is read as: the answer's, or the first offered when the decision
    is unsure. These tests are of the reading; whether a short question clears the fitted
    threshold (0.982 in round 12, where a perfect one-word question tops out at P 0.979) is
    the fit's business, measured by `python -m bot eval`."""
    if answer.answered:
        return answer.fact.id
    if answer.status == "unsure" and answer.suggestions:
        return answer.suggestions[0].fact_id
    return None


@pytest.mark.parametrize("question", ["sum it up in one sentence", "tl;dr", "recap?"])
def test_summing_up_asks_the_articles_summary(shipped_engine, question):
    assert read_as(shipped_engine.ask(question)) == "article-summary"


def test_denying_in_any_of_its_verbs_is_one_word(shipped_engine):
    def read(text: str, lang: str) -> tuple[str, ...]:
        return shipped_engine.index.analyse(text, lang).tokens

    assert (
        read("deny", "en")
        == read("denied", "en")
        == read("rule out", "en")
        == read("rejected", "en")
        == read("refused", "en")
        == read("отрицали", "ru")
        == read("заперечували", "uk")
        == ("@deny",)
    )
    # Ranked first; whether it clears the shipped threshold is the fit's call (P ~0.94).
    answer = shipped_engine.ask("did the Americans deny the talks")
    first = answer.fact.id if answer.answered else answer.suggestions[0].fact_id
    assert answer.status in {"answered", "unsure"} and first == "white-house-denial"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("нафига Москве эти переговоры", "moscow-motives"),
        ("нашо Кремлю ці переговори", "moscow-motives"),
        # "Штаты будут вооружать Киев?" (lethal-weapons) is at P 0.967 under the wrongs refit
        # (threshold 0.97): unsure, offered first; back in when a refit puts it over.
        ("explain the security guarantees please", "security-guarantees-initiative"),
        # The guarantees Moscow wants are wanted from the West.
        ("какие гарантии безопасности от Запада", "security-guarantees-initiative"),
        ("які гарантії безпеки від Заходу", "security-guarantees-initiative"),
        ("что за агентство", "source-article"),
        # What the Kremlin said is the call's time; whether it announced the call is who did.
        ("Кремль объявил о переговорах?", "call-announcement"),
        # The third writer's: whose idea the meeting was is who insisted on it.
        ("whose idea were the talks", "moscow-insisted"),
        ("чья идея была встретиться", "moscow-insisted"),
        ("чия ідея була зустрітися", "moscow-insisted"),
        # The fifth writer's: what the news is about is its summary; the source and the
        # call's topics are still their own facts.
        ("what is this article about in short", "article-summary"),
        ("коротко о чем новость", "article-summary"),
        ("у двох словах про що стаття", "article-summary"),
        ("what's your source", "source-article"),
        ("who reported it", "source-article"),
        ("what will they discuss", "call-topics"),
        ("о чем будут говорить", "call-topics"),
    ],
)
def test_the_new_writers_kinds_of_question_are_answered(shipped_engine, question, fact_id):
    assert read_as(shipped_engine.ask(question)) == fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # The tenth writer's list of everyone the article names (people-named, round 15);
        # who takes part and who one person is stay their own facts.
        ("which people does the article mention", "people-named"),
        ("list everybody named in the news", "people-named"),
        ("кого упоминают в новости", "people-named"),
        ("кого згадують у новині", "people-named"),
        ("who takes part in the call", "call-participants"),
        ("перечисли всех участников разговора", "call-participants"),
        ("who is Psaki", "person-psaki"),
        ("хто такий Остін", "person-austin"),
    ],
)
def test_everyone_the_article_names_is_one_answer(shipped_engine, question, fact_id):
    assert read_as(shipped_engine.ask(question)) == fact_id


@pytest.mark.parametrize(
    ("question", "lang", "says"),
    [
        # The eleventh writer asked who wrote the article: the source answers with the outlet,
        # and says plainly that the article names no author (round 16).
        ("who wrote the article", "en", "does not name its author"),
        ("кто автор статьи", "ru", "Автора статья не называет"),
        ("хто написав статтю", "uk", "Автора стаття не називає"),
    ],
)
def test_who_wrote_it_is_told_the_article_names_no_author(shipped, question, lang, says):
    source = next(fact for fact in shipped.facts if fact.id == "source-article")
    assert says in " ".join(source.text[lang].split())
    answer = Engine(shipped.facts, shipped.sources, events=shipped.events, decision=ALWAYS).ask(
        question, lang_hint=lang
    )
    assert answer.fact is not None and answer.fact.id == "source-article"


@pytest.mark.parametrize(
    ("question", "no"),
    [
        ("разговор по телефону?", "Нет. "),
        ("розмова телефоном?", "Ні. "),
        ("это телефонный разговор?", "Нет. "),
        ("is it a phone call?", "No. "),
    ],
)
def test_a_phone_call_claimed_is_denied_not_read_as_a_video_call(shipped, question, no):
    # "телефон" beside "разговор" was left unmatched, and "is it a video call?" said yes.
    # The reading and its verdict are checked whatever the fitted threshold makes of them.
    answer = Engine(shipped.facts, shipped.sources, events=shipped.events, decision=ALWAYS).ask(
        question
    )
    assert answer.fact is not None and answer.fact.id == "call-format"
    assert answer.lead.startswith(no)


@pytest.mark.parametrize(
    "question",
    [
        "so it's wednesday at 17:00 kyiv by video, right?",
        "то есть в среду в 17 по Киеву, по телефону, да?",
        "тобто у вівторок о п'ятій вечора за Києвом, телефоном, вірно?",
    ],
)
def test_a_list_of_claims_with_a_wrong_one_is_answered_no(shipped_engine, question):
    answer = shipped_engine.ask(question)
    assert answer.fact is not None and answer.fact.id == "call-time"
    assert answer.lead.split(" ", 1)[0] in ("No:", "Нет:", "Ні:")


def test_a_claim_word_another_yes_no_question_denies_keeps_the_yes_away(shipped_engine):
    # "@call" is all of "is it a video call" (yes); "in person" is "will they meet in person" (no).
    answer = shipped_engine.ask("the call in person?")
    assert answer.fact is not None and answer.fact.id == "call-format"
    assert not answer.lead.startswith("Yes")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # the fact's questions never said the meeting Moscow wanted (round 21)
        ("почему Москва добивалась встречи", "moscow-motives"),
        ("чому Москва домагалася зустрічі", "moscow-motives"),
        # Psaki's role asked as a check, "речниця" a word no question used
        ("Псакі — речниця?", "person-psaki"),
    ],
)
def test_a_curated_phrasing_leaves_no_word_unexplained(shipped_engine, question, fact):
    answer = shipped_engine.ask(question)
    assert answer.ranked and answer.ranked[0][0] == fact
    assert answer.evidence[FEATURES.index("unexplained_share")] == 0
