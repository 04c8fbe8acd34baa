"""Issue 15, item 2: no content can make an answer Telegram refuses. Fields over their limits
(knowledge/limits.py) are refused by name in every language; content within them renders in
one message; content saved before the limits is split or shortened, never refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from bot.i18n import bot_catalog
from bot.render import answer_html, answer_messages
from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS  # rendering is tested here, not matching
from knowledge.limits import (
    MAX_CITATIONS,
    MAX_EVENT_ZONES,
    MAX_PUBLISHER,
    MAX_QUESTION,
    MAX_QUOTE,
    MAX_TEXT,
    MAX_TITLE,
    TELEGRAM_BUTTON_TEXT,
    TELEGRAM_CALLBACK_ANSWER,
    TELEGRAM_CAPTION,
    TELEGRAM_MESSAGE,
    clip,
    size,
)
from knowledge.model import LANGS, Citation, Event, EventTime, Fact, Source
from knowledge.storage.fact_file import FactsInvalid, dump_facts, fact_problems, parse_facts
from knowledge.storage.store import FactStore
from knowledge.storage.writes import FactWriter
from tests.admin_support import admin_bot, admin_says
from tests.bot_harness import buttons, running_bot
from tests.conftest import AFTER_THE_CALL, CONTENT, DECISION

APOLOGY = bot_catalog()("fallback.error", "en")
# Cyrillic with a letter outside the BMP now and then: UTF-16 counts it twice.
WIDE = "Щ𝔘жЇ "


def filler(units: int) -> str:
    """Text of exactly `units` UTF-16 code units, ending in a letter."""
    text = (WIDE * units).encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore")
    text = text.rstrip()
    while size(text) < units:
        text += "ы"
    return text


def longest_fact() -> tuple[Fact, Source]:
    """A fact with every field at its limit, quoting a source made for it."""
    quotes = [f"{n}{filler(MAX_QUOTE - 1)}" for n in range(MAX_CITATIONS)]
    source = Source(
        id="long-source",
        text="\n".join(quotes),
        title={lang: "Заголовок источника, довольно длинный" for lang in LANGS},
        publisher={lang: "Объединённая редакция новостей" for lang in LANGS},
        language="ru",
        cites={lang: "Международное информационное агентство" for lang in LANGS},
    )
    fact = Fact(
        id="x" * 63,
        text={lang: filler(MAX_TEXT) for lang in LANGS},
        questions={
            "en": (clip("when is the very long event " + "x" * 80, MAX_QUESTION),),
            "ru": (clip("когда будет очень длинное событие " + "ж" * 80, MAX_QUESTION),),
            "uk": (clip("коли буде дуже довга подія " + "ж" * 80, MAX_QUESTION),),
        },
        citations=tuple(Citation("long-source", quote) for quote in quotes),
        event=EventTime(
            start=datetime(2021, 12, 7, 17, 0),
            zone="Pacific/Pohnpei",
            title={lang: filler(MAX_TITLE) for lang in LANGS},
        ),
    )
    return fact, source


# The most zones an event may show beside its time (MAX_EVENT_ZONES): its own and two more.
LONGEST_EVENT = Event(
    id="long-event",
    title={lang: "Long" for lang in LANGS},
    subject={lang: "a long event" for lang in LANGS},
    topics={lang: "its time" for lang in LANGS},
    zones=("Pacific/Pohnpei", "Europe/Kyiv", "Europe/Moscow"),
)


def test_the_longest_valid_fact_renders_in_one_message_in_every_language():
    fact, source = longest_fact()
    assert fact_problems(fact.to_dict(), {source.id: source}) == []
    assert len(LONGEST_EVENT.zones) == MAX_EVENT_ZONES
    engine = Engine(
        [replace(fact, event_id=LONGEST_EVENT.id)],
        {source.id: source},
        events=[LONGEST_EVENT],
        clock=lambda: AFTER_THE_CALL,
        decision=ALWAYS,
    )
    # The longest place names the resolver knows, as the place asked about and as the
    # reader's own: the most zone lines and notes an answer can carry.
    far = {"en": "South Georgia", "ru": "Британская территория в Индийском океане", "uk": "Чагос"}
    for lang in LANGS:
        user_place = engine.resolve_place("Rivière-des-Prairies–Pointe-aux-Trembles")
        question = f"{fact.questions[lang][0]} {far[lang]}"
        answer = engine.ask(question, lang=lang, user_place=user_place)
        assert answer.answered and len(answer.times) >= 4 and len(answer.citations) == 3, lang
        [message] = answer_messages(answer, bot_catalog())
        assert answer_html(answer, bot_catalog()) == message
        assert "…" not in message  # nothing was shortened


def test_an_answer_longer_than_a_message_is_split_at_paragraphs_or_shortened():
    fact, source = longest_fact()
    huge = replace(fact, text={lang: filler(4000) for lang in LANGS})
    engine = Engine(
        [huge], {source.id: source}, clock=lambda: AFTER_THE_CALL, decision=ALWAYS
    )
    answer = engine.answer_fact(huge.id, lang="ru")
    assert answer is not None
    messages = answer_messages(answer, bot_catalog())
    assert len(messages) == 2
    assert all(size(plain_of(m)) <= TELEGRAM_MESSAGE for m in messages)
    assert filler(4000) in plain_of(messages[0])  # the text whole, the quotes after it
    single = answer_html(answer, bot_catalog())  # inline mode: one message, quotes shortened
    assert size(plain_of(single)) <= TELEGRAM_MESSAGE and "…" in single


def plain_of(html: str) -> str:
    from talkbot.testing.fakeapi import render_text

    plain, _ = render_text(html, "HTML", None)
    return plain


@pytest.mark.parametrize(
    ("command", "limit", "said"),
    [
        ("/edit talks-time text_en " + "a" * 4000, MAX_TEXT, "4000"),
        ("/edit talks-time title_en " + "b" * 1100, MAX_TITLE, "1100"),
        ("/addq talks-time en: " + "is it " * 20 + "?", MAX_QUESTION, "121"),
    ],
)
async def test_an_admin_value_over_its_limit_is_refused_naming_the_limit_in_each_language(
    db_path: Path, command: str, limit: int, said: str
):
    async with admin_bot(db_path) as tb:
        for lang, word in (("en", "at most"), ("ru", "не больше"), ("uk", "не більше")):
            refusal = await admin_says(tb, command, language_code=lang)
            assert said in refusal.plain and f"{word} {limit}" in refusal.plain, lang
        answer = await tb.say("when is the call?")
        assert tb.store.audit.history() == []
    assert answer.plain.startswith("The talks were scheduled for Tuesday")


def test_a_facts_file_over_the_limits_lists_every_problem(facts, sources):
    fact = next(f for f in facts if f.event is not None)
    long = replace(
        fact,
        text={**fact.text, "uk": "я" * (MAX_TEXT + 1)},
        questions={**fact.questions, "en": (*fact.questions["en"], "q" * (MAX_QUESTION + 1))},
        citations=fact.citations * (MAX_CITATIONS + 1),
        event=replace(fact.event, title={**fact.event.title, "ru": "т" * (MAX_TITLE + 1)}),
    )
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(dump_facts([long]), sources)
    said = str(refused.value)
    assert f"text (uk) is {MAX_TEXT + 1} characters long: at most {MAX_TEXT}" in said
    assert f"questions (en) is {MAX_QUESTION + 1} characters long" in said
    assert f"event title (ru) is {MAX_TITLE + 1} characters long" in said
    assert f"{len(long.citations)} citations: at most {MAX_CITATIONS}" in said


async def test_content_saved_before_the_limits_is_still_sent_and_never_apologised_for(
    db_path: Path,
):
    """The issue's three triggers, saved straight into the store as an older bot allowed."""
    store = FactStore.open(db_path, CONTENT)
    fact, version = store.fact("talks-time") or (None, 0)
    assert fact is not None and fact.event is not None
    legacy = replace(
        fact,
        text={**fact.text, "en": "The call. " * 400},  # 4,000 characters
        questions={
            **fact.questions,
            "en": ("when is the call " + "x" * 104, *fact.questions["en"]),
        },
        event=replace(fact.event, title={**fact.event.title, "en": "T" * 1100}),
    )
    FactWriter(store).save_fact(legacy, admin_id=1, action="edit", expected_version=version)
    engine = Engine(
        store.facts(), store.sources(), clock=lambda: AFTER_THE_CALL, decision=DECISION
    )
    store.close()
    async with running_bot(db_path, engine) as tb:
        parts = await tb.api.send_and_wait(tb.api.text_message("when is the call?"), count=2)
        answer = parts[-1]
        calendar, notify = (b["callback_data"] for b in buttons(answer))
        document = await tb.tap(calendar, "sendDocument")
        alert = await tb.tap(notify, "answerCallbackQuery")
        unsure = await tb.say("call")  # "did you mean": questions as buttons
        await tb.quiet_for(0.3)
        sent = tb.api.sent_texts()
        followers = tb.store.subscriptions.subscriptions(100_001)
    assert all(call.ok for call in (*parts, document, alert, unsure))
    assert parts[0].plain.startswith("The call. The call.")
    assert size(document.params["caption"]) <= TELEGRAM_CAPTION
    assert size(alert.params["text"]) <= TELEGRAM_CALLBACK_ANSWER and "…" in alert.params["text"]
    assert all(size(b["text"]) <= TELEGRAM_BUTTON_TEXT for b in buttons(unsure))
    assert followers == ["talks-time"]
    assert APOLOGY not in sent


async def test_a_source_with_a_publisher_too_long_for_a_citation_line_is_refused(db_path: Path):
    body = "A paragraph of the document.\n"
    async with admin_bot(db_path) as tb:
        for lang, word in (("en", "at most"), ("ru", "не больше"), ("uk", "не більше")):
            header = f"/source bbc | BBC report | {'B' * (MAX_PUBLISHER + 1)} | en"
            refusal = await admin_says(tb, f"{header}\n{body}", language_code=lang)
            assert f"{word} {MAX_PUBLISHER}" in refusal.plain, lang
        assert "bbc" not in tb.store.sources()
