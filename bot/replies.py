"""Replies to questions, kept rendered: when a story breaks, thousands ask the same few
questions, and the answer to the same question, for the same zone, is the same message.

A reply (the engine's answer, its HTML messages and keyboard) is kept per question text,
language setting, client language, the user's saved place and what the conversation last
answered (a follow-up such as "and in Tokyo?" depends on it): together they decide the
fact, the language and the place asked for. It is used again only while

- the engine answers from the same index and sources (an admin's change builds a new one,
  and every kept reply is dropped), and
- its tense line is still what the clock says ("5 years ago", "in 3 hours"), the one part
  of an answer that changes with time: it is computed again, cheaply, and compared.

A question asked in other words (a typo, capitals, another phrasing) is matched again, but
when it comes to the same answer (the same text, citations, fact, language, place asked and
user zone, or the same suggestions) the rendered messages and keyboard are taken from a
second, smaller map. The least recently used entries are dropped first, so memory stays
bounded.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram.types import InlineKeyboardMarkup

from bot.handlers.subscriptions import with_notify_button
from bot.keyboards import answer_keyboard
from bot.render import answer_messages
from knowledge.answering.compose import Answer, tense_line
from knowledge.answering.engine import Conversation, Engine
from knowledge.i18n import Catalog
from knowledge.places.resolver import Place

# About 3 KB each (two HTML messages' worth, the keyboard, the answer): at most ~6 MB.
REPLY_CACHE_SIZE = 2_000
# Distinct answers are far fewer than distinct questions (a few hundred in the load test's
# 3,000 questions).
RENDERED_CACHE_SIZE = 1_000


def reply_keyboard(answer: Answer, texts: Catalog) -> InlineKeyboardMarkup | None:
    """Suggestions or the calendar button, and under an event answer the notify button."""
    return with_notify_button(answer_keyboard(answer, texts), answer, texts)


@dataclass(frozen=True)
class Reply:
    answer: Answer
    messages: tuple[str, ...]  # HTML, one message unless the answer is too long for one
    keyboard: InlineKeyboardMarkup | None  # under the last message
    last_fact_id: str | None  # what the conversation refers back to after this reply


class ReplyCache:
    def __init__(self, engine: Engine, texts: Catalog, capacity: int = REPLY_CACHE_SIZE):
        self.engine = engine
        self.texts = texts
        self.capacity = capacity
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, Reply] = OrderedDict()
        self._rendered: OrderedDict[Hashable, tuple[tuple[str, ...], Any]] = OrderedDict()
        self._base: tuple[object, object] = (engine.index, engine.sources)
        # (event start, language) -> (the second it was worked out, the tense line then)
        self._tenses: dict[tuple[datetime, str], tuple[int, str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def ask(
        self,
        question: str,
        *,
        lang: str | None,
        lang_hint: str | None,
        user_place: Place | None,
        conversation: Conversation,
    ) -> Reply:
        """The reply to `question`, as `Engine.ask` answers it and `bot.render` renders it;
        the conversation moves on exactly as the engine would move it."""
        base = (self.engine.index, self.engine.sources)
        if base[0] is not self._base[0] or base[1] is not self._base[1]:
            self._entries.clear()  # a new fact base: every kept reply may be out of date
            self._rendered.clear()
            self._base = base
        key = (question, lang, lang_hint, user_place, conversation.last_fact_id)
        reply = self._entries.get(key)
        if reply is not None and self._current(reply.answer):
            self._entries.move_to_end(key)
            self.hits += 1
            conversation.last_fact_id = reply.last_fact_id
            return reply
        self.misses += 1
        answer = self.engine.ask(
            question,
            lang=lang,
            lang_hint=lang_hint,
            user_place=user_place,
            conversation=conversation,
        )
        messages, keyboard = self._render(answer)
        reply = Reply(answer, messages, keyboard, conversation.last_fact_id)
        _keep(self._entries, key, reply, self.capacity)
        return reply

    def _render(self, answer: Answer) -> tuple[tuple[str, ...], InlineKeyboardMarkup | None]:
        """The answer's messages and keyboard, rendered once per distinct answer: what they
        show is decided by these parts of it (the index and sources being the same). The
        lead and citations are in the key, not only the fact: one fact is said with "Yes."
        or "No." first, or as who said it, depending on the question."""
        key = (
            answer.status,
            answer.lang,
            answer.lead,
            answer.citations,
            answer.fact.id if answer.fact else None,
            answer.place,
            answer.times,
            answer.tense,
            answer.notes,
            answer.formats,  # "unix time of the start" adds a line "when is it" has not
            tuple(s.fact_id for s in answer.suggestions),
            # A message's other asks' answers (knowledge/answering/asks.py), by the same parts.
            tuple(
                (m.fact.id if m.fact else None, m.lead, m.citations, m.place, m.times, m.tense)
                for m in answer.more
            ),
            answer.unanswered,
            answer.asks_left,
        )
        rendered = self._rendered.get(key)
        if rendered is None:
            rendered = (
                tuple(answer_messages(answer, self.texts)),
                reply_keyboard(answer, self.texts),
            )
            _keep(self._rendered, key, rendered, RENDERED_CACHE_SIZE)
        else:
            self._rendered.move_to_end(key)
        return rendered

    def _current(self, answer: Answer) -> bool:
        """Whether the kept answer's tense line is still the one the clock gives."""
        start = answer.event_start
        if start is None or not answer.tense:
            return True
        return self._tense_now(start, answer.lang) == answer.tense

    def _tense_now(self, start: datetime, lang: str) -> str:
        """The tense line now, worked out (by Babel, ~0.1 ms) once a second per event and
        language: it is said to the minute."""
        now = self.engine.clock()
        second = int(now.timestamp())
        kept = self._tenses.get((start, lang))
        if kept is not None and kept[0] == second:
            return kept[1]
        line = tense_line(start, now, lang)
        self._tenses[start, lang] = (second, line)
        return line


def _keep(entries: OrderedDict[Hashable, Any], key: Hashable, value: Any, capacity: int) -> None:
    entries[key] = value
    entries.move_to_end(key)
    if len(entries) > capacity:
        entries.popitem(last=False)
