"""A reading that asks the engine again (a status check read as "when is the call", a name
mixed up put right) must not read its own re-ask once more: each reading keeps its own guard,
so a re-ask is still read by the other readings as before.

    STATUS_ASKED_AGAIN = AskedAgain("status")
    if STATUS_ASKED_AGAIN.active:
        return None
    answer = STATUS_ASKED_AGAIN.ask(engine, text, lang, user_place, conversation)
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.places.resolver import Place

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine


class AskedAgain:
    """One reading's guard: `ask` puts a text to `engine.ask_one` with the guard set."""

    def __init__(self, reading: str) -> None:
        self._flag: ContextVar[bool] = ContextVar(f"{reading}_asked_again", default=False)

    @property
    def active(self) -> bool:
        """True inside this reading's own re-ask."""
        return self._flag.get()

    def ask(
        self,
        engine: Engine,
        text: str,
        lang: str,
        user_place: Place | None,
        conversation: Conversation | None,
    ) -> Answer:
        token = self._flag.set(True)
        try:
            return engine.ask_one(text, lang=lang, user_place=user_place, conversation=conversation)
        finally:
            self._flag.reset(token)
