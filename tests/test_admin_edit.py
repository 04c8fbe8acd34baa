"""Changing facts from Telegram: /edit, /addq, /delq, /del with confirmation, /restore, /undo;
each change live for users at once, refused with the usage line, the closest passage or
the current version when it cannot be made."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.admin_support import USER, admin_bot, admin_says, button_texts, press
from tests.bot_harness import RunningBot, buttons
from tests.curation_support import ADMIN_A, ADMIN_B

FORMAT_ANSWER = "The talks were to be held by video link"


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


async def test_an_edited_answer_reaches_users_at_once(tb: RunningBot):
    before = await tb.say("is it a video call?")
    assert before.plain.startswith(FORMAT_ANSWER)

    done = await admin_says(tb, "/edit talks-format text_en Only by video, never in person.")
    assert done.plain == "✅ talks-format: text_en changed (version 2)\n/undo takes it back."

    after = await tb.say("is it a video call?", user_id=USER + 1)
    assert after.plain.startswith("Only by video, never in person.")


async def test_malformed_edits_get_the_usage_line_and_unknown_fields_the_list(tb: RunningBot):
    short = await admin_says(tb, "/edit talks-format text_en")
    assert short.plain.startswith("That command is not quite right. Usage:")
    assert short.plain.endswith("/edit ID FIELD VALUE")
    odd = await admin_says(tb, "/edit talks-format colour red")
    assert odd.plain.startswith("There is no field “colour”. Usage:")
    assert "Fields: text, text_en, text_ru, text_uk, questions" in odd.plain
    unknown = await admin_says(tb, "/edit no-such-fact text x")
    assert unknown.plain == "There is no fact “no-such-fact”. /facts lists them."
    assert tb.store.audit.history() == []


async def test_a_quote_not_in_the_source_is_refused_with_the_closest_passage(tb: RunningBot):
    call = await admin_says(
        tb, "/edit talks-format quote проведут переговоры в формате видео-связи"
    )
    assert call.plain.startswith("Refused: that quote is not in the source")
    assert "The closest passage there:\nпроведут переговоры в формате видеосвязи" in call.plain
    assert tb.store.fact("talks-format")[1] == 1


async def test_a_bad_event_time_is_refused_with_the_reason(tb: RunningBot):
    call = await admin_says(tb, "/edit talks-time time 2021-02-30 17:00 Kyiv")
    assert call.plain.startswith("“2021-02-30 17:00 Kyiv” is not a real date or time.")
    assert "Write it as YYYY-MM-DD HH:MM PLACE" in call.plain
    place = await admin_says(tb, "/edit talks-time time 2021-12-07 17:00 Narnia")
    assert place.plain.startswith("I don't know the place in")


async def test_questions_are_added_and_deleted_by_number(tb: RunningBot, facts):
    added = await admin_says(tb, "/addq talks-format uk: це буде відеозв'язок?")
    assert added.plain.startswith("✅ talks-format: question added (Ukrainian) (version 2)")
    fact = tb.store.fact("talks-format")[0]
    assert fact.questions["uk"][-1] == "це буде відеозв'язок?"

    again = await admin_says(tb, "/addq talks-format uk: це буде відеозв'язок?")
    assert again.plain == "“talks-format” already has the question “це буде відеозв'язок?”."
    deleted = await admin_says(tb, "/delq talks-format 1")
    assert deleted.plain.startswith("✅ talks-format: question 1 deleted (version 3)")
    count = len(fact.all_questions())
    beyond = await admin_says(tb, f"/delq talks-format {count + 5}")
    assert beyond.plain.startswith(
        f"“talks-format” has no question {count + 5}: it has {count - 1}."
    )
    assert (await admin_says(tb, "/delq talks-format x")).plain.endswith("/delq ID N")


async def test_delete_asks_first_then_removes_and_restore_brings_the_fact_back(tb: RunningBot):
    prompt = await admin_says(tb, "/del talks-format")
    assert prompt.plain.startswith("Delete talks-format? Users will no longer get this answer.")
    assert button_texts(prompt) == ["🗑 Delete", "Keep it"]
    assert buttons(prompt)[0]["callback_data"] == "a1d:y:1:talks-format"

    done = await press(tb, prompt, 0, "editMessageText")
    assert done.plain.endswith(
        "talks-format deleted. It can come back: /restore talks-format\n/undo takes it back."
    )
    assert buttons(done) == []
    gone = await tb.say("is it a video call?")
    assert not gone.plain.startswith(FORMAT_ANSWER)
    again = await admin_says(tb, "/del talks-format")
    assert again.plain == "talks-format is already deleted. /restore talks-format brings it back."

    restored = await admin_says(tb, "/restore talks-format")
    assert restored.plain.startswith("✅ talks-format restored (version 3)")
    back = await tb.say("is it a video call?", user_id=USER + 1)
    assert back.plain.startswith(FORMAT_ANSWER)
    assert (await admin_says(tb, "/restore talks-format")).plain == "“talks-format” is not deleted."


async def test_keep_it_deletes_nothing(tb: RunningBot):
    prompt = await admin_says(tb, "/del talks-format")
    kept = await press(tb, prompt, 1, "editMessageText")
    assert kept.plain.endswith("Kept: nothing was deleted.")
    assert tb.store.fact("talks-format") is not None


async def test_a_delete_confirmed_after_another_admins_edit_is_refused_showing_the_current(
    tb: RunningBot,
):
    prompt = await admin_says(tb, "/del talks-format", admin=ADMIN_A)
    await admin_says(tb, "/edit talks-format text_en Changed by the other admin.", admin=ADMIN_B)

    refused = await press(tb, prompt, 0, "sendMessage")

    assert refused.plain.startswith(
        "Refused: this fact changed meanwhile. Here is the current version (2)"
    )
    assert "EN Changed by the other admin." in refused.plain
    assert tb.store.fact("talks-format")[1] == 2  # still live, the other admin's version


@pytest.mark.parametrize(
    ("command", "restored_text"),
    [
        ("/edit talks-format text_en Something else.", FORMAT_ANSWER),
        ("/addq talks-format is it on zoom", FORMAT_ANSWER),
        ("/delq talks-format 1", FORMAT_ANSWER),
    ],
)
async def test_undo_reverts_an_edit_of_each_kind(tb: RunningBot, command, restored_text):
    before = tb.store.fact("talks-format")[0]
    await admin_says(tb, command)
    undone = await admin_says(tb, "/undo")
    assert undone.plain.startswith("↩️ Undone: ")
    assert tb.store.fact("talks-format")[0] == before
    answer = await tb.say("is it a video call?")
    assert answer.plain.startswith(restored_text)


async def test_undo_reverts_a_delete_and_then_a_restore(tb: RunningBot):
    prompt = await admin_says(tb, "/del talks-format")
    await press(tb, prompt, 0, "editMessageText")
    assert (await admin_says(tb, "/undo")).plain == "↩️ Undone: deleted (talks-format)."
    assert tb.store.fact("talks-format") is not None
    assert (await tb.say("is it a video call?")).plain.startswith(FORMAT_ANSWER)

    prompt = await admin_says(tb, "/del talks-format")
    await press(tb, prompt, 0, "editMessageText")
    await admin_says(tb, "/restore talks-format")
    assert (await admin_says(tb, "/undo")).plain == "↩️ Undone: restored (talks-format)."
    assert tb.store.fact("talks-format") is None


async def test_undo_never_reverts_another_admins_later_change(tb: RunningBot):
    await admin_says(tb, "/edit talks-format text_en First.", admin=ADMIN_A)
    await admin_says(tb, "/edit talks-format text_en Second.", admin=ADMIN_B)
    refused = await admin_says(tb, "/undo", admin=ADMIN_A)
    assert refused.plain.startswith("Refused: this fact changed meanwhile.")
    assert "EN Second." in refused.plain
    assert (await admin_says(tb, "/undo", admin=ADMIN_B)).plain.startswith("↩️ Undone: edited")
    nothing = await admin_says(tb, "/undo", admin=ADMIN_B)
    assert nothing.plain == "You have no change left to undo."


async def test_fact_text_with_markup_is_escaped_in_every_admin_reply(tb: RunningBot):
    await admin_says(tb, "/edit talks-format text_en <i>video</i> & <script>x</script>")
    shown = await admin_says(tb, "/fact talks-format")
    assert "EN <i>video</i> & <script>x</script>" in shown.plain
    assert "&lt;i&gt;video&lt;/i&gt; &amp; &lt;script&gt;" in shown.params["text"]
