"""Files in and out of Telegram: /export, /import with its preview and Confirm (a bad file
changes nothing, every problem listed), the export → import round trip, /source."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from knowledge.storage.fact_file import dump_facts, parse_facts
from talkbot.testing.fakeapi import Call
from tests.admin_support import USER, admin_bot, admin_says, button_texts, press
from tests.bot_harness import RunningBot, buttons
from tests.conftest import MAIN_EVENT
from tests.curation_support import ADMIN_A, ADMIN_B, BBC_SOURCE

NEW_FORMAT = "A video call, as the file now says."


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


async def export(tb: RunningBot) -> bytes:
    call = await tb.send(tb.api.text_message("/export", user_id=ADMIN_A), "sendDocument")
    document = call.files["document"]
    assert document.filename == "facts.yaml"
    return document.content


async def send_file(
    tb: RunningBot, content: bytes, caption: str | None = "/import", count: int = 1
) -> list[Call]:
    file_id = tb.api.add_file(content, "facts.yaml")
    update = tb.api.document_message(file_id, "facts.yaml", user_id=ADMIN_A, caption=caption)
    return await tb.api.send_and_wait(update, count=count)


def edited(content: bytes, tb: RunningBot, drop: str | None = None) -> bytes:
    facts = parse_facts(content.decode(), tb.store.sources())
    facts = [
        replace(f, text={**f.text, "en": NEW_FORMAT}) if f.id == "talks-format" else f
        for f in facts
        if f.id != drop
    ]
    return dump_facts(facts).encode()


async def test_export_then_import_changes_nothing_and_exports_the_same_bytes(tb: RunningBot):
    first = await export(tb)
    assert first.decode().startswith("# talkbot's curated fact base.")

    [same] = await send_file(tb, first)

    assert same.plain == "The file matches the fact base: nothing to import."
    assert buttons(same) == []
    assert tb.store.audit.history() == []
    assert await export(tb) == first


async def test_an_import_is_previewed_and_applied_only_on_confirm(tb: RunningBot, facts):
    content = edited(await export(tb), tb, drop="summit-review")
    [preview] = await send_file(tb, content)

    total = sum(f.event_id == MAIN_EVENT for f in facts) - 1
    title = "Putin–Biden video call"  # the fixture main event's
    assert preview.plain.startswith(f"The file has {total} facts of {title}. Importing it would:")
    assert "✏️ change (1): talks-format" in preview.plain
    assert "🗑 remove (1): summit-review" in preview.plain
    assert button_texts(preview) == ["✅ Import", "✖ Cancel"]
    assert tb.store.fact("talks-format")[1] == 1  # nothing yet

    done = await press(tb, preview, 0, "editMessageText")
    assert "Imported: 0 added, 1 changed, 1 removed." in done.plain
    answer = await tb.say("is it a video call?", user_id=USER)
    assert answer.plain.startswith(NEW_FORMAT)
    assert tb.store.fact("summit-review") is None

    undone = await admin_says(tb, "/undo")
    assert undone.plain.startswith("↩️ Undone: import (")
    assert tb.store.fact("summit-review") is not None
    assert (await tb.say("is it a video call?", user_id=USER + 1)).plain.startswith(
        "The talks were to be held by video link"
    )


async def test_import_can_be_sent_after_the_command_and_cancelled(tb: RunningBot):
    asked = await admin_says(tb, "/import")
    assert asked.plain == "Send the facts file (facts.yaml) as a document now, or /cancel."
    [preview] = await send_file(tb, edited(await export(tb), tb), caption=None)
    assert "✏️ change (1): talks-format" in preview.plain

    cancelled = await press(tb, preview, 1, "editMessageText")
    assert cancelled.plain.endswith("Import cancelled: nothing was changed.")
    stale = await press(tb, preview, 0, "answerCallbackQuery")
    assert stale.params["text"] == "This preview is no longer open: send the file again."
    assert tb.store.fact("talks-format")[1] == 1


async def test_a_bad_file_lists_every_problem_and_changes_nothing(tb: RunningBot):
    text = (await export(tb)).decode()
    broken = text.replace("  uk: Переговори були призначені", "  xx: Переговори були призначені")
    broken = broken.replace("в формате видеосвязи", "в формате телемоста")
    assert broken != text

    refused, nothing = await send_file(tb, broken.encode(), count=2)

    assert refused.plain.startswith("Refused: 4 problems found, nothing was changed:")
    assert "fact 'talks-time': text: missing language 'uk'" in refused.plain
    assert "fact 'talks-format'" in refused.plain and "(closest passage: " in refused.plain
    assert nothing.plain == "Nothing was changed."
    assert tb.store.audit.history() == []


async def test_an_admin_reads_the_problems_in_their_own_language(tb: RunningBot):
    text = (await export(tb)).decode()
    broken = text.replace("  uk: Переговори були призначені", "  xx: Переговори були призначені")
    await admin_says(tb, "/lang uk")

    refused, _ = await send_file(tb, broken.encode(), count=2)

    assert refused.plain.startswith("Відхилено: знайдено 2 проблеми, нічого не змінено:")
    assert "import: факт 'talks-time': text: бракує мови 'uk'" in refused.plain
    assert "text: невідомі мови: xx" in refused.plain
    assert tb.store.audit.history() == []


async def test_a_very_long_list_of_problems_is_cut_short_politely(tb: RunningBot):
    bad = "facts:\n" + "".join(f"- id: Bad_{n}\n  text: {{}}\n" for n in range(40))
    refused, _ = await send_file(tb, bad.encode(), count=2)
    assert len(refused.plain) <= 4096
    assert refused.plain.endswith("more problems.") or "cut short" in refused.plain


async def test_a_citation_source_that_is_a_list_or_a_mapping_is_a_listed_problem(tb: RunningBot):
    """Issue 15, item 5: an unhashable source crashed the handler instead."""
    text = (await export(tb)).decode()
    broken = text.replace(
        "- source: glavred-2021-12-putin-biden\n    quote: дискуссия",
        "- source: [glavred, 2021]\n    quote: дискуссия",
        1,
    ).replace(
        "- source: glavred-2021-12-putin-biden\n    quote: проведут переговоры",
        "- source: {name: glavred}\n    quote: проведут переговоры",
        1,
    )
    assert broken.count("source: [glavred") == broken.count("source: {name") == 1

    refused, nothing = await send_file(tb, broken.encode(), count=2)

    assert refused.plain.startswith("Refused: 2 problems found, nothing was changed:")
    assert "fact 'talks-time': citation names unknown source '['glavred', 2021]'" in refused.plain
    assert "citation names unknown source '{'name': 'glavred'}'" in refused.plain
    assert nothing.plain == "Nothing was changed."
    assert tb.store.audit.history() == []


async def test_a_file_with_yaml_aliases_is_refused_before_it_expands(tb: RunningBot):
    bomb = "facts:\n- id: x1\n  text: &a {en: hi, ru: hi, uk: hi}\n  questions: *a\n"
    refused, _ = await send_file(tb, bomb.encode(), count=2)
    assert "YAML anchors and aliases (& and *) are not allowed (line 3)" in refused.plain


async def test_a_file_that_is_not_text_is_refused(tb: RunningBot):
    [refused] = await send_file(tb, b"\xff\xfe\x00binary\x00")
    assert refused.plain == "That file is not UTF-8 text."


async def test_an_import_previewed_before_another_admins_edit_is_not_applied(tb: RunningBot):
    [preview] = await send_file(tb, edited(await export(tb), tb))
    await admin_says(tb, "/edit talks-time text_en Changed meanwhile.", admin=ADMIN_B)

    moved = await press(tb, preview, 0, "editMessageText")

    assert "The fact base changed since this preview, so nothing was imported." in moved.plain
    assert tb.store.fact("talks-format")[1] == 1


async def test_a_source_document_is_registered_quoted_and_undone(tb: RunningBot):
    header, _, body = BBC_SOURCE.partition("\n")
    file_id = tb.api.add_file(body.encode(), "bbc.txt")
    update = tb.api.document_message(
        file_id, "bbc.txt", user_id=ADMIN_A, caption=f"/source {header}"
    )
    registered = await tb.send(update)
    assert registered.plain.startswith("✅ Source bbc-call registered (2 paragraphs).")
    again = await tb.send(
        tb.api.document_message(file_id, "bbc.txt", user_id=ADMIN_A, caption=f"/source {header}")
    )
    assert again.plain == "There already is a source “bbc-call”."
    assert (await admin_says(tb, "/source bbc | only a title")).plain.endswith(
        "/source ID | TITLE | PUBLISHER | LANG\nTEXT"
    )

    quoted = await admin_says(tb, "/edit talks-format quote bbc-call: No agreement was announced")
    assert quoted.plain.startswith("✅ talks-format: quote changed")
    in_use = await admin_says(tb, "/undo")  # undoes the quote edit first
    assert in_use.plain.startswith("↩️ Undone: edited")
    undone = await admin_says(tb, "/undo")
    assert undone.plain == "↩️ Undone: source registered (bbc-call)."
    assert "bbc-call" not in tb.store.sources()
