"""/ingest end to end: the source registered, the proposals listed with Add / Skip / Add all
timed events, Add opening /add pre-filled, and nothing but the source written until Save."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from knowledge.storage.store import FactStore
from tests.admin_support import admin_bot, admin_says, button_texts, press, replies
from tests.bot_harness import RunningBot
from tests.conftest import CONTENT

ARTICLE = (Path(__file__).resolve().parent / "data" / "ingest" / "test-en-zones.txt").read_text(
    "utf-8"
)
HEADER = "/ingest wire-test | Leaders to hold a call | Test Wire | en"


@pytest.fixture
async def tb(db_path) -> AsyncIterator[RunningBot]:
    async with admin_bot(db_path) as running:
        yield running


def stored(db_path: Path) -> tuple[dict, list]:
    store = FactStore.open(db_path, CONTENT)
    try:
        return store.sources(), store.facts()
    finally:
        store.close()


async def test_ingest_registers_the_source_and_lists_proposals_writing_no_fact(tb, db_path):
    facts_before = len(stored(db_path)[1])
    done, card = await replies(tb, f"{HEADER}\n{ARTICLE}", count=2)
    assert done.plain.startswith("✅ Source wire-test registered: 4 proposals, 3 with a time.")
    assert card.plain.startswith("Proposal 1 of 4 · statement")
    assert button_texts(card) == ["➕ Add", "⏭ Skip", "➕ Add all timed events (3)"]
    sources, facts = stored(db_path)
    assert "wire-test" in sources and len(facts) == facts_before


async def test_skip_shows_the_next_proposal(tb):
    _, card = await replies(tb, f"{HEADER}\n{ARTICLE}", count=2)
    following = await press(tb, card, 1, "sendMessage")
    assert following.plain.startswith("Proposal 2 of 4 · event-time")
    assert "2021-12-07 10:00 America/New_York" in following.plain
    assert "zone from “ET” (America/New_York)" in following.plain


async def test_add_all_timed_events_opens_add_prefilled_and_saves_only_on_save(tb, db_path):
    facts_before = len(stored(db_path)[1])
    _, card = await replies(tb, f"{HEADER}\n{ARTICLE}", count=2)
    preview = await press(tb, card, 2, "sendMessage")
    # Every part was drafted, so /add goes straight to its preview.
    assert "The two leaders will hold a video call" in preview.plain
    assert button_texts(preview) == ["✅ Save", "✖ Cancel"]
    assert len(stored(db_path)[1]) == facts_before
    await press(tb, preview, 0, "editMessageText")
    facts = stored(db_path)[1]
    assert len(facts) == facts_before + 1
    [new] = [f for f in facts if f.citations[0].source == "wire-test"]
    assert new.event is not None and new.event.zone == "America/New_York"
    assert new.event.start.strftime("%Y-%m-%d %H:%M") == "2021-12-07 10:00"
    # A bare /ingest goes on with the next timed proposal.
    following = await admin_says(tb, "/ingest")
    assert following.plain.startswith("Proposal 3 of 4 · event-time")
    assert button_texts(following) == ["➕ Add", "⏭ Skip"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("", "the article is empty"),
        (
            "Der Kanzler trifft den Präsidenten am Dienstag in Berlin.",
            "not in a supported language",
        ),
    ],
)
async def test_a_bad_article_gets_a_clear_reply_and_registers_nothing(tb, db_path, body, reason):
    said = await admin_says(tb, f"/ingest bad-one | T | P | en\n{body}")
    assert reason in said.plain
    assert "bad-one" not in stored(db_path)[0]


async def test_a_bare_ingest_without_a_list_explains_itself(tb):
    said = await admin_says(tb, "/ingest")
    assert said.plain.startswith("Send /ingest ID | TITLE | PUBLISHER | LANG")
