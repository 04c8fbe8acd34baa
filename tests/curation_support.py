"""What the curation tests share: two admins, a second source, a complete quick /add, a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from knowledge.answering.engine import Engine
from knowledge.curation.parsing import parse_quick_add, parse_source
from knowledge.curation.service import Curator
from knowledge.storage.store import FactStore
from tests.conftest import AFTER_THE_CALL, DECISION

ADMIN_A = 1001
ADMIN_B = 2002

BBC_SOURCE = (
    "bbc-call | Biden warns Putin in a video call | BBC | en\n"
    "The video call lasted two hours, the White House said.\n"
    "No agreement was announced after the talks.\n"
)
# Every language and a verbatim quote: what a new fact needs.
QUICK_ADD = (
    "how long did the call last; duration of the video call => The call lasted two hours.\n"
    "ru: сколько длился разговор; продолжительность разговора => Разговор длился два часа.\n"
    "uk: скільки тривала розмова; тривалість розмови => Розмова тривала дві години.\n"
    "quote: bbc-call: The video call lasted two hours"
)
NEW_ID = "how-long-did-the-call-last"


def engine_from(store: FactStore) -> Engine:
    """An engine rebuilt from the store, as the bot reloads it after a change."""
    return Engine(
        store.facts(),
        store.sources(),
        events=store.events(),
        clock=lambda: AFTER_THE_CALL,
        decision=DECISION,
    )


def add_bbc_fact(curator: Curator, admin_id: int = ADMIN_A) -> None:
    curator.register_source(admin_id, parse_source(BBC_SOURCE))
    curator.add(admin_id, parse_quick_add(QUICK_ADD, "en"), "en")


@dataclass
class Clock:
    """A clock the test moves by hand."""

    now: datetime = AFTER_THE_CALL

    def __call__(self) -> datetime:
        return self.now

    def back(self, **delta: float) -> datetime:
        return self.now - timedelta(**delta)
