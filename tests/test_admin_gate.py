"""The admin gate: admins only, on every update; everyone else is refused politely and
nothing changes, whatever they send or press. Admin commands are documented and shown in
the admins' own chats only."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.callbacks import (
    Choice,
    UnansweredAction,
    delete_data,
    page_data,
    search_words,
    unanswered_data,
)
from bot.commands import ADMIN_COMMANDS, COMMANDS, admin_bot_commands
from bot.i18n import bot_catalog
from knowledge.model import LANGS
from tests.admin_support import ADMINS, USER, admin_bot, admin_says, press
from tests.bot_harness import RunningBot, buttons
from tests.curation_support import ADMIN_A
from tests.test_i18n import commands_section

ROOT = Path(__file__).resolve().parent.parent
REFUSED = "Sorry, that is for the bot's admins only."


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


async def test_every_admin_command_from_anyone_else_is_refused_politely(tb: RunningBot):
    for n, name in enumerate(ADMIN_COMMANDS):
        # One user per command: the flood limit would otherwise silence the later ones.
        call = await tb.say(f"/{name} talks-time", user_id=USER + n)
        if name == "cancel":  # a user's own /cancel: there is simply nothing to cancel
            assert call.plain == "There is nothing to cancel.", name
        else:
            assert call.plain == REFUSED, name
    call = await tb.say("/facts", user_id=USER + 99, language_code="uk")
    assert call.plain == "Вибачте, це лише для адміністраторів бота."
    assert tb.store.audit.history() == []


async def test_a_non_admin_pressing_a_real_admin_button_changes_nothing(tb: RunningBot):
    prompt = await admin_says(tb, "/del talks-format")
    data = buttons(prompt)[0]["callback_data"]

    alert = await tb.send(
        tb.api.callback_query(data, user_id=USER, chat_id=ADMIN_A), "answerCallbackQuery"
    )

    assert alert.params["text"] == REFUSED and alert.params["show_alert"] is True
    assert tb.store.fact("talks-format") is not None
    assert "talks-format" in tb.engine.facts
    # The admin's own press still works afterwards: the refusal took nothing away.
    done = await press(tb, prompt, 0, "editMessageText")
    assert "talks-format deleted" in done.plain
    assert tb.store.fact("talks-format") is None


async def test_forged_admin_callback_data_from_a_non_admin_changes_nothing(tb: RunningBot):
    await tb.say("when is the call?", user_id=USER)
    forged = [
        delete_data(Choice.YES, 1, "talks-time"),
        unanswered_data(UnansweredAction.DISMISS, 1, ""),
        page_data(2, ""),
        "a1i:y:0123456789abcdef:00000000",
        "a1a:y:deadbeef",
    ]
    for n, data in enumerate(forged):
        # One user per press: presses count against the flood limit as messages do.
        pressed = tb.api.callback_query(data, user_id=USER + n)
        alert = await tb.send(pressed, "answerCallbackQuery")
        assert alert.params["text"] == REFUSED
    assert tb.store.fact("talks-time") is not None
    assert tb.store.audit.history() == []


async def test_a_non_admin_sending_an_import_file_changes_nothing(tb: RunningBot, store):
    file_id = tb.api.add_file(b"facts: []\n", "facts.yaml")
    update = tb.api.document_message(file_id, "facts.yaml", user_id=USER, caption="/import")
    call = await tb.send(update)
    assert call.plain == REFUSED
    assert len(tb.store.facts()) == len(store.facts()) > 0
    assert tb.api.calls_of("getFile") == []


async def test_admin_commands_in_a_group_are_not_curation(tb: RunningBot):
    call = await admin_says(tb, "/facts@talkbot_test_bot", chat_id=-100_555)
    assert call.plain == "I don't know that command. /help lists what I can do."


async def test_the_admin_menu_is_registered_in_each_admins_chat_in_every_language(
    tb: RunningBot,
):
    texts = bot_catalog()
    for admin in sorted(ADMINS):
        for lang in ("", *LANGS):
            registered = tb.api.commands_for({"type": "chat", "chat_id": admin}, lang)
            expected = [
                c.model_dump(exclude_none=True) for c in admin_bot_commands(texts, lang or "en")
            ]
            assert registered == expected, (admin, lang)
    shown_to_all = tb.api.commands_for({"type": "all_private_chats"}, "en")
    assert [c["command"] for c in shown_to_all] == list(COMMANDS)


@pytest.mark.parametrize("lang", LANGS)
def test_admin_command_descriptions_fit_telegram_limits(lang: str):
    commands = admin_bot_commands(bot_catalog(), lang)
    assert [c.command for c in commands] == [*COMMANDS, *ADMIN_COMMANDS]
    assert all(3 <= len(c.description) <= 256 for c in commands)
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", c.command) for c in commands)


def test_readme_documents_every_admin_command_and_says_they_are_admin_only():
    section = commands_section((ROOT / "README.md").read_text(encoding="utf-8"))
    missing = [f"/{name}" for name in ADMIN_COMMANDS if not re.search(rf"/{name}\b", section)]
    assert missing == [], f"README.md's Commands section does not mention {missing}"
    assert "admin-only" in section.lower() or "admins only" in section.lower()


def test_every_refusal_code_has_a_message_in_every_language():
    codes = [
        "unknown_fact",
        "malformed",
        "unknown_field",
        "incomplete",
        "invalid_fact",
        "conflict",
        "quote_not_in_source",
        "unknown_source",
        "source_exists",
        "source_in_use",
        "no_such_question",
        "last_question",
        "duplicate_question",
        "no_event",
        "not_deleted",
        "nothing_to_undo",
        "unknown_question_group",
    ]
    reasons = ["format", "date", "place", "zone", "nonexistent"]
    texts = bot_catalog()
    keys = [f"admin.refusal.{c}" for c in codes] + [f"admin.refusal.bad_time.{r}" for r in reasons]
    assert [key for key in keys if not texts.has(key)] == []


def test_callback_data_fits_64_bytes_even_for_the_longest_fact_id():
    longest = "a" + "-b" * 31  # 63 characters: the longest id the fact base allows
    packed = [
        delete_data(Choice.YES, 123_456, longest),
        unanswered_data(UnansweredAction.ATTACH, 9_999_999, longest),
        page_data(999, search_words("женевский саммит понимание " * 5)),
    ]
    assert all(len(data.encode()) <= 64 for data in packed)
    assert delete_data(Choice.NO, 1, "talks-time") == "a1d:n:1:talks-time"
