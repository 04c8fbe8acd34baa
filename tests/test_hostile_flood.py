"""Issue 15, item 4: button presses and inline queries go through the same per-user throttle as
messages, with one notice, and one user's flood of presses never holds up another user."""

from __future__ import annotations

from pathlib import Path

from bot.callbacks import FactAction, FactCallback
from bot.i18n import bot_catalog
from tests.bot_harness import running_bot

DEFAULT_BURST = 10  # THROTTLE_BURST's default
FLOODER, OTHER = 31_337, 42_424
NOTICE = bot_catalog()("flood.notice", "en")
CALENDAR = FactCallback(action=FactAction.CALENDAR, lang="en", fact="talks-time").pack()


async def test_400_calendar_presses_get_the_limit_and_one_notice_and_delay_no_one_else(
    db_path: Path, engine
):
    # A burst of five (THROTTLE_BURST): at Telegram's one file a second per chat, the
    # default ten would take ten seconds to send.
    async with running_bot(db_path, engine, overrides={"throttle_burst": 5}, ordered=True) as run:
        # Telegram's own limits: one message (or file) a second per chat.
        run.api.flood_limit(per_chat_per_second=1, global_per_second=30)
        for _ in range(400):
            run.api.push_update(run.api.callback_query(CALENDAR, user_id=FLOODER))
        [answer] = await run.api.send_and_wait(
            run.api.text_message("when is the call?", user_id=OTHER),
            predicate=lambda call: call.params.get("chat_id") == OTHER,
        )
        # The other user's answer came before the flooder's allowed files were all sent, which
        # at one a second per chat take seconds: it did not wait behind them.
        documents = [
            c for c in run.api.calls_of("sendDocument") if c.ok and c.params["chat_id"] == FLOODER
        ]
        assert len(documents) < 3
        assert answer.ok and answer.plain.startswith("The talks were scheduled for Tuesday")
        await run.api.wait_for(
            "sendDocument",
            count=5,
            timeout=15,
            predicate=lambda call: call.ok and call.params["chat_id"] == FLOODER,
        )
        await run.quiet_for(1.5)
        sent = [c for c in run.api.calls_of("sendDocument") if c.ok]
        pressed = run.api.calls_of("answerCallbackQuery")
        throttle = run.dp["throttle"]
        texts_sent = run.api.sent_texts()
    # The burst of five, and at most a token or two more refilled while they were accepted.
    assert 5 <= len(sent) <= 7
    notices = [c for c in pressed if c.params.get("text") == NOTICE]
    assert len(notices) == 1 and notices[0].params["show_alert"] is True
    assert len(pressed) == len(sent) + 1
    assert throttle.dropped == 400 - len(sent)
    assert bot_catalog()("fallback.error", "en") not in texts_sent


async def test_a_flood_of_inline_queries_is_limited_with_one_empty_answer(db_path: Path, engine):
    async with running_bot(db_path, engine, ordered=True) as run:
        for n in range(30):
            run.api.push_update(run.api.inline_query(f"when is the call {n}", user_id=FLOODER))
        answered = await run.api.wait_for("answerInlineQuery", count=DEFAULT_BURST + 1)
        await run.quiet_for(0.5)
        calls = run.api.calls_of("answerInlineQuery")
    assert DEFAULT_BURST + 1 <= len(calls) <= DEFAULT_BURST + 3
    empty = [c for c in calls if c.params.get("results") == []]
    # The notice comes right after the default burst of ten.
    assert empty == [calls[DEFAULT_BURST]]
    assert all(c.ok for c in answered)
