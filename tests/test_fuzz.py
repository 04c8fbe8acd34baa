"""Property tests: whatever users type, nothing crashes and nothing leaks.

Hypothesis throws arbitrary Unicode, control characters, 10,000-character strings, RTL and
zero-width characters, HTML/Markdown fragments and SQL-looking text (tests/fuzzing.py) at the
engine, the place resolver and language detection; the admin side's parsers and importer are
in test_fuzz_admin.py. Examples are kept moderate and deadlines off, so that CI on two cores
stays stable.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import bot_catalog
from bot.render import answer_html
from knowledge.answering.engine import Conversation, Engine
from knowledge.language.text import detect_language
from knowledge.model import LANGS, squash_spaces
from knowledge.places.resolver import PlaceResolver
from talkbot.testing.fakeapi import MAX_TEXT_LENGTH, render_text
from tests.fuzzing import FEW, FRAGMENTS, FUZZ, NASTY, QUESTIONS

TEXTS = bot_catalog()


# --------------------------------------------------------------------------- the engine


@pytest.fixture(scope="module")
def places(engine: Engine) -> dict[str | None, Any]:
    return {None: None, **{name: engine.resolve_place(name) for name in ("Tokyo", "UTC+5:30")}}


def assert_is_a_sendable_answer(engine: Engine, answer: Any) -> None:
    """Non-empty; answered answers cite a quote found verbatim in its source; the HTML the
    bot makes of it parses as Telegram parses it and fits in one message."""
    assert answer.lang in LANGS
    assert answer.text.strip()
    if answer.answered:
        assert answer.citations
        for citation in answer.citations:
            source = engine.sources[citation.source_id]
            assert squash_spaces(citation.quote) in squash_spaces(source.text)
    plain, _ = render_text(answer_html(answer, TEXTS), "HTML")
    assert plain.strip()
    assert len(plain.encode("utf-16-le")) // 2 <= MAX_TEXT_LENGTH


@FUZZ
@given(
    question=NASTY,
    lang=st.sampled_from((None, *LANGS)),
    hint=st.sampled_from((None, *LANGS, "de")),
    place=st.sampled_from((None, "Tokyo", "UTC+5:30")),
)
def test_the_engine_answers_any_text_with_a_non_empty_sendable_answer(
    engine: Engine, places: dict[str | None, Any], question: str, lang, hint, place
):
    answer = engine.ask(question, lang=lang, lang_hint=hint, user_place=places[place])
    assert_is_a_sendable_answer(engine, answer)
    if lang is not None:
        assert answer.lang == lang


@FEW
@given(questions=st.lists(st.one_of(NASTY, st.sampled_from(QUESTIONS)), min_size=2, max_size=5))
def test_a_conversation_of_any_questions_never_breaks_the_follow_ups(
    engine: Engine, questions: list[str]
):
    conversation = Conversation()
    for question in questions:
        assert_is_a_sendable_answer(engine, engine.ask(question, conversation=conversation))
        assert conversation.last_fact_id is None or conversation.last_fact_id in engine.facts


@FEW
@given(prefix=NASTY, question=st.sampled_from(QUESTIONS[:3]), suffix=NASTY)
def test_noise_around_a_real_question_still_gets_a_cited_answer_or_a_polite_refusal(
    engine: Engine, prefix: str, question: str, suffix: str
):
    assert_is_a_sendable_answer(engine, engine.ask(f"{prefix} {question} {suffix}"))


# --------------------------------------------------------------------------- places, language


def assert_is_a_usable_place(place: Any) -> None:
    datetime.now(place.tzinfo)  # the zone converts
    for lang in LANGS:
        assert place.label(lang)


@FUZZ
@given(text=st.one_of(NASTY, st.tuples(NASTY, FRAGMENTS, NASTY).map(" ".join)))
def test_a_place_found_in_any_text_is_a_span_of_that_text_with_a_usable_zone(
    resolver: PlaceResolver, text: str
):
    mention = resolver.find(text)
    if mention is not None:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert_is_a_usable_place(mention.place)


@FUZZ
@given(name=st.one_of(NASTY, FRAGMENTS), limit=st.integers(min_value=0, max_value=5))
def test_resolving_or_suggesting_any_name_gives_a_usable_place_or_a_short_list(
    resolver: PlaceResolver, name: str, limit: int
):
    place = resolver.resolve(name)
    if place is not None:
        assert_is_a_usable_place(place)
    suggestions = resolver.suggest(name, limit)
    assert len(suggestions) <= limit
    assert all(isinstance(s, str) and s.strip() for s in suggestions)


@FUZZ
@given(text=NASTY, hint=st.sampled_from((None, *LANGS, "de", "")))
def test_any_text_is_detected_as_one_of_the_three_languages(text: str, hint):
    assert detect_language(text, hint) in LANGS
