"""Reading the fact base from Telegram: /facts with ◀ ▶ paging, /fact, /history, /stats, and
/unanswered with attach and dismiss buttons."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.admin_support import USER, admin_bot, admin_says, button_texts, press, replies
from tests.bot_harness import RunningBot, buttons
from tests.curation_support import ADMIN_A

# Declined outright: the fact base has none of its words.
UNKNOWN_QUESTION = "who won the chess olympiad"


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


async def test_facts_are_listed_a_page_at_a_time_and_the_arrows_edit_the_message(
    tb: RunningBot, facts
):
    first = await admin_says(tb, "/facts")
    assert first.plain.startswith(f"Facts: {len(facts)} · page 1 of 3")
    assert f"{facts[0].id} — The talks were scheduled" in first.plain
    assert button_texts(first) == ["▶"]

    second = await press(tb, first, 0, "editMessageText")
    assert second.params["message_id"] == first.result["message_id"]
    assert "page 2 of 3" in second.plain and facts[10].id in second.plain
    assert facts[0].id not in second.plain
    assert button_texts(second) == ["◀", "▶"]

    back = await tb.tap(buttons(second)[0]["callback_data"], "editMessageText", user_id=ADMIN_A)
    assert "page 1 of 3" in back.plain


async def test_facts_can_be_searched_by_words_in_any_language(tb: RunningBot):
    found = await admin_says(tb, "/facts женев понимани")
    assert found.plain.startswith("Facts matching “женев понимани”: 1 · page 1 of 1")
    assert "summit-review" in found.plain and buttons(found) == []
    nothing = await admin_says(tb, "/facts weather forecast")
    assert "No fact matches." in nothing.plain


async def test_a_fact_is_shown_whole_with_numbered_questions_citation_and_last_change(
    tb: RunningBot, facts
):
    fact = next(f for f in facts if f.id == "talks-time")
    call = await admin_says(tb, "/fact talks-time")

    assert call.plain.startswith("📄 talks-time · version 1")
    for lang in ("en", "ru", "uk"):
        assert f"{lang.upper()} {fact.text[lang]}" in call.plain
    assert f"  1. {fact.questions['en'][0]}" in call.plain
    assert "🕔 2021-12-07 17:00 Europe/Kyiv" in call.plain
    assert f"«{fact.citations[0].quote}»" in call.plain
    assert "Last change: " in call.plain and "the shipped facts file" in call.plain
    assert any(e["type"] == "blockquote" for e in call.result["entities"])


async def test_fact_commands_say_the_usage_or_that_the_id_is_unknown(tb: RunningBot):
    unknown = await admin_says(tb, "/fact no-such-fact")
    assert unknown.plain == "There is no fact “no-such-fact”. /facts lists them."
    malformed = await admin_says(tb, "/fact")
    assert malformed.plain == "That command is not quite right. Usage:\n\n/fact ID"
    assert "<pre>/fact ID</pre>" in malformed.params["text"]


async def test_history_says_who_changed_what_when_before_and_after_escaped(tb: RunningBot):
    await admin_says(tb, "/edit talks-format text_en By <b>video</b> & nothing else.")
    call = await admin_says(tb, "/history talks-format")

    assert call.plain.startswith("Changes to talks-format")
    assert f"admin {ADMIN_A} · edited · talks-format" in call.plain
    assert "text.en: The talks were to be held by video link" in call.plain
    assert "→ By <b>video</b> & nothing else." in call.plain
    assert "By &lt;b&gt;video&lt;/b&gt; &amp; nothing else." in call.params["text"]
    everyone = await admin_says(tb, "/history")
    assert everyone.plain.startswith("Latest changes") and "talks-format" in everyone.plain
    assert (await admin_says(tb, "/history a b")).plain.endswith("/history [ID]")


async def test_stats_count_questions_by_window_outcome_and_language_without_identities(
    tb: RunningBot,
):
    for n, question in enumerate(["when is the call?", "коли розмова?", UNKNOWN_QUESTION]):
        await tb.say(question, user_id=USER + n)
    # The figures are the caption of the chart (tests/test_admin_ops.py).
    call = await tb.send(tb.api.text_message("/stats", user_id=ADMIN_A), "sendPhoto")

    assert call.plain.startswith("Questions asked")
    assert call.plain.count("3 asked by 3 people: 67% answered, 33% declined, 0 unsure.") == 3
    assert "Top facts: talks-time (2)" in call.plain
    assert "By language: en 2, ru 0, uk 1" in call.plain
    assert str(USER) not in call.plain and "chess" not in call.plain


async def test_an_unanswered_question_attached_to_a_fact_is_answered_next_time(tb: RunningBot):
    question = "when did the leaders have their natter"
    first = await tb.say(question)
    assert not first.plain.startswith("The talks were scheduled")
    await tb.say(question, user_id=USER + 1)

    header, group = await replies(tb, "/unanswered", count=2)
    assert header.plain == "Unanswered questions, the 1 most recent:"
    assert group.plain.startswith("❓ asked 2×, en, last ")
    assert group.plain.endswith(f"UTC:\n{question}")
    offered = button_texts(group)
    assert "➕ Attach to talks-time" in offered and offered[-1] == "✖ Dismiss"

    done = await press(tb, group, offered.index("➕ Attach to talks-time"), "editMessageText")
    assert done.plain.endswith("✅ Attached to talks-time: the next such question is answered.")
    assert buttons(done) == []
    again = await tb.say(question, user_id=USER + 2)
    assert again.plain.startswith("The talks were scheduled")
    assert (await admin_says(tb, "/unanswered")).plain.startswith("No unanswered questions")


async def test_a_dismissed_group_leaves_the_list_and_an_old_button_says_so(tb: RunningBot):
    await tb.say(UNKNOWN_QUESTION)
    _, group = await replies(tb, "/unanswered", count=2)

    dismissed = await press(tb, group, -1, "editMessageText")
    assert dismissed.plain.endswith("✖ Dismissed.")
    assert (await admin_says(tb, "/unanswered")).plain.startswith("No unanswered questions")
    stale = await tb.tap(buttons(group)[0]["callback_data"], "sendMessage", user_id=ADMIN_A)
    assert stale.plain.startswith("Those questions are no longer waiting")
