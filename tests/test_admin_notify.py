"""Following a fact and being told when an admin changes it: the 🔔 button, /subscribe,
/unsubscribe, and the notifier (one message per subscriber per change, in their language
and zone with the citation, paced, never twice, nothing for a change of questions)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from knowledge.curation.service import Curator
from knowledge.storage.fact_file import dump_facts, parse_facts
from tests.admin_support import USER, admin_bot, admin_says, button_texts, press
from tests.bot_harness import RunningBot, buttons
from tests.curation_support import ADMIN_A

ALICE, BORIS, OKSANA = USER, USER + 1, USER + 2
NEW_TIME = "/edit talks-time time 2021-12-07 18:00 Kyiv"


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


def sent_to(tb: RunningBot, chat_id: int, since: int = 0) -> list[str]:
    return [
        call.plain or ""
        for call in tb.api.calls_of("sendMessage")[since:]
        if call.ok and call.params["chat_id"] == chat_id
    ]


async def test_an_event_answer_offers_to_notify_and_a_tap_subscribes(tb: RunningBot):
    answer = await tb.say("when is the call?")
    assert button_texts(answer) == ["📅 Add to calendar", "🔔 Notify me if this changes"]
    assert buttons(answer)[1]["callback_data"] == "n1:en:talks-time"

    alert = await press(tb, answer, 1, "answerCallbackQuery", user_id=USER)

    assert alert.params["text"].startswith("🔔 I'll send you a message if the answer to")
    assert "/unsubscribe talks-time stops it." in alert.params["text"]
    assert tb.store.subscriptions.subscribers("talks-time") == [USER]
    again = await press(tb, answer, 1, "answerCallbackQuery", user_id=USER)
    assert again.params["text"].startswith("You already follow")


async def test_an_answer_without_a_time_has_no_notify_button(tb: RunningBot):
    answer = await tb.say("is it a video call?")
    assert buttons(answer) == []


async def test_subscribe_follows_the_last_answer_and_unsubscribe_lists_and_stops(
    tb: RunningBot,
):
    how = await tb.say("/subscribe")
    assert how.plain.startswith("Tap 🔔 under an answer about a date")
    await tb.say("коли розмова?", language_code="uk")
    done = await tb.say("/subscribe", language_code="uk")
    assert done.plain.startswith("🔔 Я напишу вам, якщо відповідь на питання")
    listed = await tb.say("/unsubscribe")
    assert listed.plain.startswith("You follow:\n• ") and "/unsubscribe talks-time" in listed.plain
    stopped = await tb.say("/unsubscribe talks-time")
    assert stopped.plain.startswith("Done: no more messages about")
    assert tb.store.subscriptions.subscriptions(USER) == []
    unknown = await tb.say("/subscribe no-such-fact", user_id=USER + 9)
    assert unknown.plain == "I don't know the fact “no-such-fact”."


async def test_every_subscriber_is_told_once_in_their_language_and_zone_and_questions_tell_nobody(
    tb: RunningBot,
):
    await tb.say("when is the call?", user_id=ALICE)
    await press(tb, tb.api.calls_of("sendMessage")[-1], 1, "answerCallbackQuery", user_id=ALICE)
    await tb.say("/subscribe talks-time", user_id=BORIS, language_code="ru")
    await tb.say("/tz Berlin", user_id=OKSANA, language_code="uk")
    await tb.say("/subscribe talks-time", user_id=OKSANA, language_code="uk")
    before = len(tb.api.calls_of("sendMessage"))

    await admin_says(tb, NEW_TIME)
    await tb.api.wait_for("sendMessage", count=before + 4)  # the admin's reply and three notices
    await tb.quiet_for(0.3)

    [alice] = sent_to(tb, ALICE, before)
    [boris] = sent_to(tb, BORIS, before)
    [oksana] = sent_to(tb, OKSANA, before)
    assert alice.startswith("🔔 An answer you follow has changed")
    assert "Tuesday, 7 December 2021, 18:00 (UTC+2) — Kyiv (source time)" in alice
    assert "«дискуссия Путина и Байдена состоится 7 декабря в 17:00" in alice
    assert alice.endswith("/unsubscribe talks-time stops these messages.")
    assert boris.startswith("🔔 Ответ, за которым вы следите, изменился")
    assert "18:00 (UTC+2) — Киев" in boris
    assert oksana.startswith("🔔 Відповідь, за якою ви стежите, змінилася")
    assert "17:00 (UTC+1) — Берлін (ваш час)" in oksana  # their own zone, set with /tz
    assert tb.store.subscriptions.pending_notifications() == []

    after = len(tb.api.calls_of("sendMessage"))
    await admin_says(tb, "/addq talks-time when do they talk")
    assert await tb.quiet_for(0.4) == []
    assert len(tb.api.calls_of("sendMessage")) == after + 1  # only the admin's own reply


async def test_a_text_change_tells_the_new_text(tb: RunningBot):
    await tb.say("/subscribe talks-format", user_id=ALICE)
    before = len(tb.api.calls_of("sendMessage"))
    await admin_says(tb, "/edit talks-format text_en Only by video.")
    await tb.api.wait_for("sendMessage", count=before + 2)
    [notice] = sent_to(tb, ALICE, before)
    assert "\n\nOnly by video.\n\n«" in notice and "— Glavred, citing RIA Novosti" in notice


async def test_two_changes_to_one_chat_are_paced_a_second_apart_within_flood_limits(
    tb: RunningBot,
):
    await tb.say("/subscribe talks-time", user_id=ALICE)
    await tb.say("/subscribe talks-format", user_id=ALICE)
    exported = await tb.send(tb.api.text_message("/export", user_id=ADMIN_A), "sendDocument")
    facts = parse_facts(exported.files["document"].content.decode(), tb.store.sources())
    changed = [
        replace(f, text={**f.text, "en": f"{f.text['en']} (checked)"})
        if f.id in ("talks-time", "talks-format")
        else f
        for f in facts
    ]
    file_id = tb.api.add_file(dump_facts(changed).encode(), "facts.yaml")
    update = tb.api.document_message(file_id, "facts.yaml", user_id=ADMIN_A, caption="/import")
    prompt = await tb.send(update)
    tb.api.flood_limit(per_chat_per_second=1, global_per_second=30)
    before = len(tb.api.calls_of("sendMessage"))

    await press(tb, prompt, 0, "editMessageText")
    first, second = (await tb.api.wait_for("sendMessage", count=before + 2))[before:]

    assert first.params["chat_id"] == second.params["chat_id"] == ALICE
    assert first.ok and second.ok and "(checked)" in first.plain
    assert second.at - first.at >= 0.9  # one chat: a second apart
    assert not [c for c in tb.api.calls if c.error_code == 429]


async def test_notices_waiting_in_the_outbox_are_sent_when_the_bot_starts(db_path, store):
    store.subscriptions.subscribe(ALICE, "talks-time")
    Curator(store).set_field(ADMIN_A, "talks-time", "text_en", "Rescheduled, says the file.", "en")
    assert len(store.subscriptions.pending_notifications()) == 1

    async with admin_bot(db_path) as tb:
        [notice] = await tb.api.wait_for("sendMessage")
        assert notice.params["chat_id"] == ALICE
        assert "Rescheduled, says the file." in notice.plain
        await tb.quiet_for(0.2)
    assert store.subscriptions.pending_notifications() == []


async def test_a_subscriber_who_blocked_the_bot_is_unsubscribed(tb: RunningBot):
    await tb.say("/subscribe talks-time", user_id=ALICE)
    before = len(tb.api.calls_of("sendMessage"))
    tb.api.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    # Changed beneath the bot, so the notice is the only message that follows.
    Curator(tb.store).set_field(ADMIN_A, "talks-time", "text_en", "Moved.", "en")
    tb.dp["notifier"].poke()

    refused = (await tb.api.wait_for("sendMessage", count=before + 1))[-1]
    assert refused.error_code == 403
    await tb.quiet_for(0.2)
    assert tb.store.subscriptions.subscribers("talks-time") == []
    assert tb.store.subscriptions.pending_notifications() == []
