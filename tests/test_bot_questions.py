"""Questions end to end: the real bot polls the fake Bot API and answers with cited HTML."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from knowledge.answering.engine import Engine
from knowledge.curation.service import Curator
from knowledge.language.decision import FEATURES, DecisionModel
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import BOT_USERNAME
from tests.bot_harness import GROUP_ID, RunningBot, buttons, running_bot, sent_entities
from tests.conftest import AFTER_THE_CALL, CONTENT, DECISION

CALL_START = datetime(2021, 12, 7, 15, 0, tzinfo=UTC)
# Every ranked question offered, none answered: the offer and the tap are what is tested,
# not where the decision's threshold and suggestion floor happen to fall.
UNSURE_OF_ALL = DecisionModel((0.0,) * len(FEATURES), bias=0.0, threshold=0.9, suggest=0.1)


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


@pytest.mark.parametrize(
    ("question", "language_code", "lead", "source_label"),
    [
        ("when is the call?", "en", "The talks were scheduled for Tuesday", "Glavred, citing RIA"),
        ("когда переговоры?", "en", "Переговоры были назначены", "Главред со ссылкой"),
        ("коли розмова?", "ru", "Переговори були призначені", "Главред з посиланням"),
    ],
)
async def test_a_question_is_answered_in_its_language_with_the_quote_as_blockquote(
    tb: RunningBot, question, language_code, lead, source_label
):
    call = await tb.say(question, language_code=language_code)

    assert call.ok and call.params["parse_mode"] == "HTML"
    assert call.plain.startswith(lead)
    html = call.params["text"]
    assert "<blockquote>«дискуссия Путина и Байдена состоится 7 декабря в 17:00" in html
    assert source_label in html
    quotes = [e for e in sent_entities(call) if e["type"] == "blockquote"]
    assert len(quotes) == 2


async def test_event_time_is_sent_as_a_date_time_entity_beside_the_explicit_zones(tb: RunningBot):
    call = await tb.say("when is the call?")

    [moment] = [e for e in sent_entities(call) if e["type"] == "date_time"]
    assert moment["unix_time"] == int(CALL_START.timestamp())
    assert moment["date_time_format"] == "wDt"
    assert "17:00 (UTC+2) — Kyiv" in call.plain and "18:00 (UTC+3) — Moscow" in call.plain
    shown = call.plain.encode("utf-16-le")[moment["offset"] * 2 :][: moment["length"] * 2]
    assert shown.decode("utf-16-le") == "Tuesday, 7 December 2021, 15:00 (UTC)"


async def test_a_place_in_the_question_adds_its_time(tb: RunningBot):
    call = await tb.say("when is the call in Tokyo?")
    assert "Wednesday, 8 December 2021, 00:00 (UTC+9) — Tokyo (you asked)" in call.plain


async def test_a_follow_up_refers_to_the_previous_question(tb: RunningBot):
    await tb.say("when is the call?")
    call = await tb.say("and in Tokyo?")
    assert "(UTC+9) — Tokyo" in call.plain


async def test_a_fragment_is_read_with_the_previous_answer_even_when_asked_before(
    tb: RunningBot,
):
    # Replies are kept per question and last answer: the same words cold, then after an
    # answer, get each their own reply ("а як?": and how will they be held?).
    cold = await tb.say("а як?", language_code="uk")
    assert "у форматі відеозв'язку" not in cold.plain
    await tb.say("коли переговори", language_code="uk")
    call = await tb.say("а як?", language_code="uk")
    assert "у форматі відеозв'язку" in call.plain


async def test_a_follow_up_place_in_the_source_zone_is_named(tb: RunningBot):
    await tb.say("what time is the call in kyiv")
    call = await tb.say("what about in Kharkiv")
    assert "17:00 (UTC+2) — Kharkiv (you asked)" in call.plain


async def test_fact_text_with_markup_characters_is_escaped(db_path, facts, sources):
    store = FactStore.open(db_path, CONTENT)
    fact = next(f for f in store.facts() if f.id == "talks-format")
    odd = replace(fact, text={**fact.text, "en": "Video <b>only</b> & no <script> tags"})
    Curator(store).set_field(1, "talks-format", "text_en", odd.text["en"], "en")
    engine = Engine(
        store.facts(),
        store.sources(),
        events=store.events(),
        clock=lambda: AFTER_THE_CALL,
        decision=DECISION,
    )
    store.close()
    async with running_bot(db_path, engine) as tb:
        call = await tb.say("is it a video call?")

    assert call.ok  # the fake, like Telegram, refuses HTML that does not parse
    assert call.plain.startswith("Video <b>only</b> & no <script> tags")
    assert (
        "<b>Video &lt;b&gt;only&lt;/b&gt; &amp; no &lt;script&gt; tags</b>" in call.params["text"]
    )


async def test_a_question_full_of_markup_does_not_break_the_reply(tb: RunningBot):
    call = await tb.say("<i>when</i> is the <b>call</b> &amp; </blockquote>?")
    assert call.ok and call.plain


async def test_an_event_answer_offers_the_calendar_file(tb: RunningBot):
    call = await tb.say("when is the call?")
    button, _notify = buttons(call)  # the notify button follows: tests/test_admin_notify.py
    assert button["text"] == "📅 Add to calendar"

    sent = await tb.tap(button["callback_data"], method="sendDocument")

    document = sent.files["document"]
    assert document.filename == "talks-time.ics"
    [event] = Calendar.from_ical(document.content).walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2021, 12, 7, 17, 0)
    assert str(event["SUMMARY"]) == "Putin–Biden video call"
    assert "Putin–Biden video call" in sent.plain


async def test_calls_go_as_one_json_body_and_files_as_multipart(tb: RunningBot):
    # bot.session: the url-encoded form aiogram sends costs more than the answer's matching.
    call = await tb.say("when is the call?")
    assert call.content_type == "application/json"
    assert call.params["reply_markup"]["inline_keyboard"]
    button, _notify = buttons(call)
    sent = await tb.tap(button["callback_data"], method="sendDocument")
    assert sent.content_type == "multipart/form-data"


async def test_calendar_file_follows_the_language_of_the_answer(tb: RunningBot):
    call = await tb.say("коли розмова?")
    button, _notify = buttons(call)
    assert button["text"] == "📅 Додати в календар"
    sent = await tb.tap(button["callback_data"], method="sendDocument")
    [event] = Calendar.from_ical(sent.files["document"].content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Відеоперемовини Путіна і Байдена"


async def test_a_fact_without_an_event_has_no_calendar_button(tb: RunningBot):
    call = await tb.say("is it a video call?")
    assert call.plain.startswith("The talks were to be held by video link")
    assert buttons(call) == []


async def test_an_unsure_answer_offers_up_to_three_questions_and_a_tap_answers(
    db_path, facts, sources, events
):
    engine = Engine(
        facts, sources, events=events, clock=lambda: AFTER_THE_CALL, decision=UNSURE_OF_ALL
    )
    question = "Putin said"
    async with running_bot(db_path, engine) as tb:
        call = await tb.say(question)
        assert call.plain.startswith("I'm not sure what you mean. Did you mean:")
        offered = buttons(call)
        expected = [s.fact_id for s in engine.ask(question).suggestions][:3]
        assert 1 <= len(offered) <= 3
        assert [b["callback_data"] for b in offered] == [f"q1:a:en:{fid}" for fid in expected]
        assert all(len(b["callback_data"].encode()) <= 64 for b in offered)

        answered = await tb.tap(offered[0]["callback_data"])
        fact = engine.facts[expected[0]]
        assert answered.plain.startswith(fact.text["en"])
        assert [c.ok for c in tb.api.calls_of("answerCallbackQuery")] == [True]


async def test_a_declined_question_says_so_and_offers_what_it_can_answer(tb: RunningBot):
    call = await tb.say("tell me a joke")
    assert call.plain.startswith("The article doesn't say that, so I can't answer it.")
    offered = [b["callback_data"] for b in buttons(call)]
    assert offered[:2] == ["q1:a:en:talks-time", "q1:a:en:talks-format"]

    answered = await tb.tap(offered[1])
    assert answered.plain.startswith("The talks were to be held by video link")


async def test_a_message_to_the_bot_itself_gets_its_introduction_and_examples(tb: RunningBot):
    call = await tb.say("хто тебе написав?", language_code="uk")
    assert call.plain.startswith("Я бот, а не людина: я відповідаю на запитання")
    assert "цитат" in call.plain and "<blockquote>" not in call.params["text"]
    offered = [b["callback_data"] for b in buttons(call)]
    assert offered[:2] == ["q1:a:uk:talks-time", "q1:a:uk:talks-format"]


async def test_a_greeting_is_greeted_and_thanks_get_you_are_welcome(tb: RunningBot):
    greeted = await tb.say("Добрий день!", language_code="uk")
    assert greeted.plain.startswith("Вітаю! Я бот, а не людина")
    thanked = await tb.say("thanks!")
    assert thanked.plain.startswith("You're welcome! Ask me more about the Putin")
    offered = [b["callback_data"] for b in buttons(thanked)]
    assert offered[:2] == ["q1:a:en:talks-time", "q1:a:en:talks-format"]


async def test_a_button_for_a_fact_that_is_gone_gets_an_alert(tb: RunningBot):
    await tb.say("hello")
    answered = await tb.send(tb.api.callback_query("q1:a:en:no-such-fact"), "answerCallbackQuery")
    assert answered.params["show_alert"] is True
    assert answered.params["text"] == "That fact is no longer in the fact base."


# -- groups ---------------------------------------------------------------------------------


async def test_in_a_group_plain_messages_are_ignored(tb: RunningBot):
    tb.api.push_update(tb.api.text_message("when is the call?", chat_id=GROUP_ID))
    tb.api.push_update(tb.api.sticker_message(chat_id=GROUP_ID))
    assert await tb.quiet_for() == []


async def test_in_a_group_a_mention_is_answered_as_a_reply(tb: RunningBot):
    update = tb.api.text_message(f"@{BOT_USERNAME} when is the call?", chat_id=GROUP_ID)
    call = await tb.send(update)
    assert call.params["chat_id"] == GROUP_ID
    assert call.plain.startswith("The talks were scheduled for Tuesday")
    assert call.params["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_in_a_group_a_reply_to_the_bot_is_answered(tb: RunningBot):
    await tb.say(f"@{BOT_USERNAME} hello", chat_id=GROUP_ID)
    call = await tb.say("what is the format of the talks?", chat_id=GROUP_ID, reply_to_bot=True)
    assert call.plain.startswith("The talks were to be held by video link")


async def test_in_a_group_commands_are_answered_and_other_bots_commands_are_not(tb: RunningBot):
    call = await tb.say("/help", chat_id=GROUP_ID)
    assert call.plain.startswith("What you can ask")
    call = await tb.say(f"/start@{BOT_USERNAME}", chat_id=GROUP_ID)
    assert call.plain.startswith("Hello!")
    tb.api.push_update(tb.api.text_message("/start@other_bot", chat_id=GROUP_ID))
    tb.api.push_update(tb.api.text_message("/weather", chat_id=GROUP_ID))
    assert await tb.quiet_for() == []


async def test_in_a_private_chat_a_mention_of_the_bot_is_not_part_of_the_question(tb: RunningBot):
    call = await tb.say(f"@{BOT_USERNAME} when is the call?")
    assert call.plain.startswith("The talks were scheduled for Tuesday")
