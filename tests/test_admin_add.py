"""/add end to end: the guided dialogue (each language, the quote checked on the spot, an
optional time), the quick form, an incomplete quick form going on as the dialogue, the
preview with Save / Cancel, /cancel, the idle timeout and two admins taking one id."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.curation.parsing import parse_quick_add
from knowledge.curation.service import Curator
from tests.admin_support import USER, admin_bot, admin_says, button_texts, press, replies
from tests.bot_harness import RunningBot
from tests.curation_support import ADMIN_A, ADMIN_B, BBC_SOURCE, NEW_ID, QUICK_ADD

ANSWER_EN = "The call lasted two hours."
# Short, so the tests of an idle draft wait little; long enough that a loaded machine's slow
# step (each answer of the dialogue) never looks idle.
DRAFT_TIMEOUT = 2.0
STEPS = [
    ("The answer in Russian:", "Разговор длился два часа."),
    ("Questions people would ask in Russian, one per line:", "сколько длился разговор"),
    ("The answer in Ukrainian:", "Розмова тривала дві години."),
    ("Questions people would ask in Ukrainian, one per line:", "скільки тривала розмова"),
]


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path, draft_timeout=DRAFT_TIMEOUT) as running:
        await admin_says(running, f"/source {BBC_SOURCE}")
        yield running


async def test_the_guided_dialogue_builds_a_fact_users_are_answered_from_at_once(
    tb: RunningBot,
):
    intro, ask = await replies(tb, "/add", count=2)
    assert intro.plain.startswith("A new fact. I'll ask for each part; /cancel stops")
    assert ask.plain == "✏️ The answer in English:"
    ask = await admin_says(tb, ANSWER_EN)
    assert ask.plain == "✏️ Questions people would ask in English, one per line:"
    ask = await admin_says(tb, "how long did the call last\nduration of the video call")
    for prompt, value in STEPS:
        assert ask.plain == f"✏️ {prompt}"
        ask = await admin_says(tb, value)
    assert ask.plain.startswith("✏️ The quote it rests on, word for word from the source")
    assert "bbc-call" in ask.plain

    refused, ask = await replies(tb, "bbc-call: The call lasted three hours", count=2)
    assert refused.plain.startswith("Refused: that quote is not in the source “bbc-call”")
    assert "The closest passage there:\n" in refused.plain
    assert ask.plain.startswith("✏️ The quote it rests on")
    ask = await admin_says(tb, "bbc-call: The video call lasted two hours")
    assert ask.plain.startswith("✏️ If it is about an event: its time")

    refused, ask = await replies(tb, "2021-13-07 17:00 Kyiv", count=2)
    assert refused.plain.startswith("“2021-13-07 17:00 Kyiv” is not a real date or time.")
    preview = await admin_says(tb, "skip")
    assert preview.plain.startswith(f"👀 Preview of the new fact {NEW_ID}")
    assert f"EN {ANSWER_EN}\n  1. how long did the call last" in preview.plain
    assert "«The video call lasted two hours»" in preview.plain
    assert button_texts(preview) == ["✅ Save", "✖ Cancel"]
    assert tb.store.fact(NEW_ID) is None  # nothing saved before Save

    saved = await press(tb, preview, 0, "editMessageText")
    assert saved.plain.endswith(
        f"✅ Saved as {NEW_ID}: users get it from now on.\n/undo takes it back."
    )
    answer = await tb.say("how long did the call last?", user_id=USER)
    assert answer.plain.startswith(ANSWER_EN)
    assert "«The video call lasted two hours»" in answer.plain


async def test_a_complete_quick_form_goes_straight_to_the_preview(tb: RunningBot):
    preview = await admin_says(tb, f"/add {QUICK_ADD}\ntime: 2021-12-07 17:00 Kyiv")
    assert preview.plain.startswith(f"👀 Preview of the new fact {NEW_ID}")
    assert "🕔 2021-12-07 17:00 Europe/Kyiv" in preview.plain
    await press(tb, preview, 0, "editMessageText")
    assert tb.store.fact(NEW_ID)[0].event is not None
    answer = await tb.say("сколько длился разговор?", user_id=USER)
    assert answer.plain.startswith("Разговор длился два часа.")


async def test_an_incomplete_quick_form_goes_on_as_the_dialogue(tb: RunningBot):
    missing, ask = await replies(tb, f"/add how long did the call last => {ANSWER_EN}", count=2)
    assert missing.plain == (
        "Still needed: the answer in Russian, questions in Russian, the answer in Ukrainian,"
        " questions in Ukrainian, a quote from the source."
    )
    assert ask.plain == "✏️ The answer in Russian:"
    for prompt, value in STEPS:
        assert ask.plain == f"✏️ {prompt}"
        ask = await admin_says(tb, value)
    ask = await admin_says(tb, "The video call lasted two hours")
    preview = await admin_says(tb, "2021-12-07 17:00 Kyiv")
    assert "🕔 2021-12-07 17:00 Europe/Kyiv" in preview.plain


async def test_the_dialogue_asks_in_the_admins_language_first(tb: RunningBot):
    update = tb.api.text_message("/add", user_id=ADMIN_B, language_code="uk")
    _, ask = await tb.api.send_and_wait(update, count=2)
    assert ask.params["chat_id"] == ADMIN_B and ask.plain == "✏️ Відповідь (українська):"
    ask = await admin_says(tb, "Розмова тривала дві години.", admin=ADMIN_B, language_code="uk")
    assert ask.plain == "✏️ Питання, які поставлять люди (українська), по одному в рядку:"
    ask = await admin_says(tb, "скільки тривала розмова", admin=ADMIN_B, language_code="uk")
    assert ask.plain == "✏️ Відповідь (англійська):"


async def test_a_malformed_quick_form_gets_the_usage(tb: RunningBot):
    call = await admin_says(tb, "/add just some words")
    assert call.plain.startswith("That command is not quite right. Usage:")
    assert "/add QUESTION; QUESTION => ANSWER" in call.plain


async def test_cancel_drops_the_draft_at_any_step(tb: RunningBot):
    await replies(tb, "/add", count=2)
    await admin_says(tb, ANSWER_EN)
    cancelled = await admin_says(tb, "/cancel")
    assert cancelled.plain == "Cancelled: nothing was saved."
    assert (await admin_says(tb, "/cancel")).plain == "There is nothing to cancel."
    # Plain text is a question again, not a dialogue step.
    answer = await admin_says(tb, "when is the call?")
    assert answer.plain.startswith("The talks were scheduled")


async def test_the_cancel_button_drops_the_preview_and_an_old_save_does_nothing(tb: RunningBot):
    preview = await admin_says(tb, f"/add {QUICK_ADD}")
    dropped = await press(tb, preview, 1, "editMessageText")
    assert dropped.plain.endswith("Dropped: nothing was saved.")

    old_save = await press(tb, preview, 0, "answerCallbackQuery")
    assert old_save.params["text"] == "This draft is no longer open."
    assert tb.store.fact(NEW_ID) is None


async def test_an_idle_draft_is_dropped_and_the_admin_told_on_the_next_message(tb: RunningBot):
    await replies(tb, "/add", count=2)
    await asyncio.sleep(DRAFT_TIMEOUT + 0.3)

    told = await admin_says(tb, ANSWER_EN)
    assert told.plain.startswith("Your unfinished dialogue was dropped after 1 min")
    assert await tb.quiet_for(0.2) == []  # the text was meant for the draft: not a question
    answer = await admin_says(tb, "when is the call?")
    assert answer.plain.startswith("The talks were scheduled")


async def test_a_command_after_the_timeout_still_runs(tb: RunningBot):
    preview = await admin_says(tb, f"/add {QUICK_ADD}")
    await asyncio.sleep(DRAFT_TIMEOUT + 0.3)
    told, listed = await replies(tb, "/facts", count=2)
    assert told.plain.startswith("Your unfinished dialogue was dropped")
    assert listed.plain.startswith("Facts: ")
    stale = await press(tb, preview, 0, "answerCallbackQuery")
    assert stale.params["text"] == "This draft is no longer open."


async def test_an_id_taken_by_another_admin_meanwhile_is_refused_and_previewed_anew(
    tb: RunningBot,
):
    mine = await admin_says(tb, f"/add {QUICK_ADD}", admin=ADMIN_A)
    theirs = await admin_says(tb, f"/add {QUICK_ADD}", admin=ADMIN_B)
    await press(tb, theirs, 0, "editMessageText", user_id=ADMIN_B)

    refused, again = await tb.api.send_and_wait(
        tb.api.callback_query(
            mine.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
            user_id=ADMIN_A,
            message_id=mine.result["message_id"],
        ),
        count=2,
    )
    assert refused.plain.startswith("Refused: this fact changed meanwhile.")
    assert again.plain.startswith(f"👀 Preview of the new fact {NEW_ID}-2")
    await press(tb, again, 0, "editMessageText")
    assert tb.store.fact(f"{NEW_ID}-2") is not None and tb.store.fact(NEW_ID)[1] == 1


def test_the_quick_form_in_the_readme_makes_a_valid_fact(store):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    curating = readme.split("## Curating from Telegram", 1)[1]
    example = re.search(r"```text\n\s*(/add .*?)```", curating, re.DOTALL)
    assert example, "README.md's Curating section needs a quick /add example"
    lines = [line.strip() for line in example.group(1).splitlines()]
    draft = parse_quick_add("\n".join(lines).removeprefix("/add "), "en")
    fact = Curator(store).build(draft, "en")
    assert set(fact.text) == {"en", "ru", "uk"} and fact.citations


async def test_undo_takes_a_saved_fact_away_again(tb: RunningBot):
    preview = await admin_says(tb, f"/add {QUICK_ADD}")
    await press(tb, preview, 0, "editMessageText")
    undone = await admin_says(tb, "/undo")
    assert undone.plain == f"↩️ Undone: added ({NEW_ID})."
    assert tb.store.fact(NEW_ID) is None
    answer = await tb.say("how long did the call last?", user_id=USER)
    assert not answer.plain.startswith(ANSWER_EN)
