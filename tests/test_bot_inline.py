"""Inline mode end to end: "@bot when is the call" offers the cited answer as an article."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from talkbot.testing.fakeapi import render_text
from tests.bot_harness import RunningBot, running_bot


@pytest.fixture
async def tb(db_path, engine) -> AsyncIterator[RunningBot]:
    async with running_bot(db_path, engine) as running:
        yield running


async def inline(tb: RunningBot, query: str, **kwargs) -> dict:
    call = await tb.send(tb.api.inline_query(query, **kwargs), "answerInlineQuery")
    assert call.ok
    return call.params


async def test_a_question_is_offered_as_an_article_with_the_citation(tb: RunningBot):
    params = await inline(tb, "when is the call")

    [article] = params["results"]
    assert article["type"] == "article"
    assert article["title"] == "when is the call"
    assert article["description"].startswith("The talks were scheduled for Tuesday")
    content = article["input_message_content"]
    assert content["parse_mode"] == "HTML"
    plain, entities = render_text(content["message_text"], "HTML")  # it must parse as HTML
    assert "«дискуссия Путина и Байдена состоится 7 декабря в 17:00" in plain
    assert {"blockquote", "date_time"} <= {e["type"] for e in entities}
    assert params["is_personal"] is True


async def test_an_empty_query_offers_the_main_facts(tb: RunningBot, engine):
    params = await inline(tb, "", language_code="ru")
    titles = [result["title"] for result in params["results"]]
    assert titles == [s.question for s in engine.examples("ru")][:4]
    assert len({result["id"] for result in params["results"]}) == len(titles)
    assert params["cache_time"] > 0 and params["is_personal"] is True  # cached, per user


async def test_the_users_zone_is_in_inline_answers(tb: RunningBot):
    await tb.say("/tz Tokyo")
    params = await inline(tb, "коли розмова")
    [article] = params["results"]
    plain, _ = render_text(article["input_message_content"]["message_text"], "HTML")
    assert "(UTC+9) — Токіо (ваш час)" in plain


async def test_a_question_the_article_cannot_answer_says_so_first(tb: RunningBot):
    params = await inline(tb, "tell me a joke")
    first, *offers = params["results"]
    assert first["title"] == "The article doesn't say that"
    assert [o["title"] for o in offers][:1] == ["when is the call"]
