"""The question log behind /unanswered and /stats: grouped, attachable, hashed, bounded."""

from __future__ import annotations

from datetime import timedelta

import pytest

from knowledge.curation.errors import UnknownQuestionGroup
from knowledge.curation.service import Curator
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.question_log import RETENTION_DAYS
from knowledge.storage.store import FactStore
from tests.conftest import AFTER_THE_CALL, CONTENT
from tests.curation_support import ADMIN_A, Clock, engine_from

USER = 555_000_111


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def curator(db_path, clock) -> Curator:
    store = FactStore.open(db_path, CONTENT, clock=clock)  # the one clock, the question log's too
    yield Curator(store, PlaceResolver.default())
    store.close()


def _ask(
    curator: Curator,
    clock: Clock,
    days_ago: float,
    text: str,
    lang: str = "en",
    status: str = "declined",
    fact_id: str | None = None,
    user: int = USER,
) -> None:
    clock.now = AFTER_THE_CALL - timedelta(days=days_ago)
    curator.questions.log_question(user, text, lang, status, fact_id, 0.0)
    clock.now = AFTER_THE_CALL


def test_unanswered_questions_are_grouped_by_normalised_text_counted_newest_first(curator, clock):
    _ask(curator, clock, 3, "Will they talk about gas prices?")
    _ask(curator, clock, 2, "what is the weather in Geneva", status="unsure")
    _ask(curator, clock, 1, "will they talk about GAS prices", user=USER + 1)
    _ask(curator, clock, 1, "when is the call", status="answered", fact_id="talks-time")
    _ask(curator, clock, 45, "an old question nobody answered")
    groups = curator.unanswered()
    assert [(g.text, g.count) for g in groups] == [
        ("will they talk about GAS prices", 2),
        ("what is the weather in Geneva", 1),
    ]
    assert groups[0].lang == "en" and groups[0].last_at == clock.back(days=1)


def test_attaching_an_unanswered_question_makes_the_engine_answer_it_next_time(
    curator, store, clock
):
    question = "will the presidents discuss the gas transit"
    answer = engine_from(store).ask(question)
    assert answer.status != "answered"
    _ask(curator, clock, 1, question, status=answer.status)
    _ask(curator, clock, 0, question.upper() + "?", status=answer.status)
    [group] = curator.unanswered()
    saved = curator.attach_unanswered(ADMIN_A, group.handle, "talks-topics")
    assert saved.action == "addq" and curator.unanswered() == []
    again = engine_from(store).ask(question)
    assert (again.status, again.fact.id) == ("answered", "talks-topics")
    with pytest.raises(UnknownQuestionGroup):
        curator.attach_unanswered(ADMIN_A, group.handle, "talks-topics")


def test_a_dismissed_question_leaves_the_list_until_someone_asks_it_again(curator, clock):
    _ask(curator, clock, 2, "is it going to rain")
    [group] = curator.unanswered()
    assert curator.dismiss_unanswered(group.handle) == 1
    assert curator.unanswered() == []
    _ask(curator, clock, 0, "Is it going to rain?")
    assert [(g.text, g.count) for g in curator.unanswered()] == [("Is it going to rain?", 1)]
    with pytest.raises(UnknownQuestionGroup):
        curator.dismiss_unanswered(group.handle)


def test_stats_count_questions_answers_and_languages_over_one_seven_and_thirty_days(curator, clock):
    _ask(curator, clock, 0.5, "when is the call", status="answered", fact_id="talks-time")
    _ask(curator, clock, 0.2, "когда звонок", "ru", "answered", "talks-time", user=USER + 1)
    _ask(curator, clock, 3, "коли розмова", "uk", "answered", "talks-format", user=USER + 2)
    _ask(curator, clock, 5, "what about gas", status="declined")
    _ask(curator, clock, 20, "погода", "ru", status="unsure", user=USER + 3)
    _ask(curator, clock, 40, "too old for the month", status="declined")
    day, week, month = curator.stats()
    assert (day.days, day.asked, day.answered, day.askers) == (1, 2, 2, 2)
    assert day.top_facts == (("talks-time", 2),)
    assert (week.asked, week.answered, week.declined, week.unsure) == (4, 3, 1, 0)
    assert week.answered_share == 0.75 and week.declined_share == 0.25
    assert week.top_facts == (("talks-time", 2), ("talks-format", 1))
    assert month.by_language == (("en", 2), ("ru", 2), ("uk", 1))
    assert (month.asked, month.unsure, month.askers) == (5, 1, 4)


def test_the_log_keeps_salted_hashes_of_user_ids_never_the_ids(curator, store, clock, tmp_path):
    _ask(curator, clock, 0, "when is the call", status="answered", fact_id="talks-time")
    [row] = store.db.query("SELECT * FROM questions")
    assert str(USER) not in " ".join(str(value) for value in row.values())
    assert len(row["user_hash"]) == 64
    # Another database, another salt.
    other = FactStore.open(tmp_path / "other.db", CONTENT, clock=clock)
    try:
        Curator(other, curator.resolver).questions.log_question(
            USER, "when is the call", "en", "answered", "talks-time"
        )
        [elsewhere] = other.db.query("SELECT user_hash FROM questions")
        assert elsewhere["user_hash"] != row["user_hash"]
    finally:
        other.close()


def test_questions_older_than_the_retention_are_dropped_as_new_ones_arrive(curator, store, clock):
    _ask(curator, clock, RETENTION_DAYS + 1, "an ancient question")
    _ask(curator, clock, RETENTION_DAYS - 1, "an old question")
    assert store.db["questions"].count == 2  # nothing expired when these were written
    _ask(curator, clock, 0, "a new question")
    assert [r["text"] for r in store.db.query("SELECT text FROM questions ORDER BY id")] == [
        "an old question",
        "a new question",
    ]
