"""Admin commands beneath Telegram: /facts, /fact, /add, /edit, /addq, /delq, usage lines."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from knowledge.curation.errors import (
    BadTime,
    Conflict,
    DuplicateQuestion,
    Incomplete,
    LastQuestion,
    Malformed,
    NoEvent,
    NoSuchQuestion,
    QuoteNotInSource,
    Refusal,
    UnknownFact,
    UnknownField,
)
from knowledge.curation.parsing import (
    EDIT_FIELDS,
    USAGE,
    Draft,
    parse_addq,
    parse_delq,
    parse_edit,
    parse_fact_id,
    parse_quick_add,
    parse_source,
)
from knowledge.curation.service import Curator
from knowledge.model import LANGS
from knowledge.places.resolver import PlaceResolver
from tests.curation_support import ADMIN_A, ADMIN_B, NEW_ID, QUICK_ADD, add_bbc_fact, engine_from

SOURCE_ID = "glavred-2021-12-putin-biden"


@pytest.fixture
def curator(store) -> Curator:
    return Curator(store, PlaceResolver.default())


# -- /facts and /fact -------------------------------------------------------------------


def test_facts_are_listed_a_page_at_a_time_with_ids_and_one_line_summaries(curator, facts):
    first = curator.list_facts(lang="ru")
    assert (first.page, first.pages, first.total) == (1, 3, len(facts))
    assert [line.id for line in first.items] == [f.id for f in facts[:10]]
    assert all(len(line.summary) <= 80 and "\n" not in line.summary for line in first.items)
    assert first.items[0].summary.startswith("Переговоры были назначены")
    last = curator.list_facts(page=3)
    assert [line.id for line in last.items] == [f.id for f in facts[20:]]
    assert curator.list_facts(page=99).page == 3  # clamped, never an empty page
    assert curator.list_facts(page=0).page == 1


def test_listing_filters_by_every_word_in_any_language(curator):
    geneva = {line.id for line in curator.list_facts("geneva").items}
    assert {"summit-in-geneva", "summit-review"} <= geneva and "talks-format" not in geneva
    assert [line.id for line in curator.list_facts("женев понимани").items] == ["summit-review"]
    nothing = curator.list_facts("weather forecast")
    assert (nothing.total, nothing.pages, nothing.items) == (0, 1, ())


def test_a_fact_is_shown_in_all_languages_with_numbered_questions_and_its_last_change(curator):
    seeded = curator.show("talks-format")
    assert set(seeded.fact.text) == set(LANGS) and seeded.updated_by is None
    assert seeded.numbered[0] == (1, "en", seeded.fact.questions["en"][0])
    assert [n for n, _, _ in seeded.numbered] == list(range(1, len(seeded.numbered) + 1))
    curator.set_field(ADMIN_A, "talks-format", "text_en", "By video link.", "en")
    shown = curator.show("talks-format")
    assert (shown.version, shown.updated_by, shown.deleted) == (2, ADMIN_A, False)
    assert shown.updated_at is not None


def test_an_unknown_fact_id_is_refused_by_every_command(curator):
    attempts = [
        lambda: curator.show("no-such-fact"),
        lambda: curator.set_field(ADMIN_A, "no-such-fact", "text", "x", "en"),
        lambda: curator.add_question(ADMIN_A, "no-such-fact", "what?"),
        lambda: curator.delete_question(ADMIN_A, "no-such-fact", 1),
        lambda: curator.delete(ADMIN_A, "no-such-fact"),
        lambda: curator.restore(ADMIN_A, "no-such-fact"),
        lambda: curator.history("no-such-fact"),
    ]
    for attempt in attempts:
        with pytest.raises(UnknownFact) as refused:
            attempt()
        assert refused.value.code == "unknown_fact"
        assert refused.value.details == {"fact_id": "no-such-fact"}


# -- /add -------------------------------------------------------------------------------


def test_a_quick_add_is_answered_by_the_engine_the_moment_it_is_saved(curator, store):
    add_bbc_fact(curator)
    saved_fact, version = store.fact(NEW_ID)
    assert version == 1 and saved_fact.citations[0].source == "bbc-call"
    engine = engine_from(store)
    for question, lang in (
        ("How long did the call last?", "en"),
        ("сколько длился разговор?", "ru"),
        ("скільки тривала розмова?", "uk"),
    ):
        answer = engine.ask(question)
        assert (answer.status, answer.fact.id, answer.lang) == ("answered", NEW_ID, lang)
        assert answer.lead == saved_fact.text[lang]
        assert answer.citations[0].quote == "The video call lasted two hours"


def test_a_quick_add_in_the_admins_language_only_is_refused_naming_what_is_missing(curator, store):
    draft = parse_quick_add("сколько длился разговор => Два часа.", "ru")
    with pytest.raises(Incomplete) as refused:
        curator.add(ADMIN_A, draft, "ru")
    assert refused.value.details["missing"] == (
        "text.en",
        "questions.en",
        "text.uk",
        "questions.uk",
        "quote",
    )
    assert store.db["audit"].count == 0


def test_the_add_dialogue_asks_each_language_in_turn_then_the_quote_and_saves_the_preview(
    curator, store
):
    draft, answers = (
        Draft(),
        {
            "text.uk": "Переговори пройшли у форматі відеоконференції.",
            "questions.uk": "у якому форматі переговори\nце відеоконференція",
            "text.en": "The talks were held as a video conference.",
            "questions.en": "was it a video conference",
            "text.ru": "Переговоры прошли в формате видеоконференции.",
            "questions.ru": "это была видеоконференция",
            "quote": "Переговоры   пройдут в формате видеконференции.",
        },
    )
    asked = []
    while (step := draft.next_step("uk")) is not None:
        asked.append(step)
        draft = Draft.from_dict(draft.with_step(step, answers[step]).to_dict())
    assert asked == list(answers)
    preview = curator.build(draft, "uk")
    assert preview.id == "was-it-a-video-conference"
    assert preview.questions["uk"] == ("у якому форматі переговори", "це відеоконференція")
    saved = curator.add(ADMIN_A, draft.with_step("id", preview.id), "uk")
    assert store.fact(preview.id) == (preview, 1) and saved.fact == preview


def test_a_quick_add_may_name_its_id_event_time_and_titles(curator, store):
    add_bbc_fact(curator)
    text = QUICK_ADD.replace("how long", "how long exactly") + (
        "\nid: call-length\ntime: 2021-12-07 17:00 Киев\ntitle: The call\ntitle_ru: Звонок"
    )
    saved = curator.add(ADMIN_B, parse_quick_add(text, "en"), "en")
    event = store.fact("call-length")[0].event
    assert saved.fact_id == "call-length" and event.zone == "Europe/Kyiv"
    assert event.title == {"en": "The call", "ru": "Звонок", "uk": "Розмова тривала дві години."}


def test_a_previewed_fact_whose_id_was_taken_meanwhile_is_a_conflict_not_an_overwrite(
    curator, store
):
    add_bbc_fact(curator, ADMIN_B)
    draft = parse_quick_add(QUICK_ADD, "en").with_step("id", NEW_ID)
    with pytest.raises(Conflict) as refused:
        curator.add(ADMIN_A, replace(draft, text={**draft.text, "en": "Two hours."}), "en")
    assert refused.value.version == 1 and refused.value.current.text["en"] != "Two hours."


def test_a_quote_not_in_its_source_is_refused_with_the_closest_passage(curator, store):
    draft = parse_quick_add(QUICK_ADD.replace("bbc-call: ", ""), "en")
    with pytest.raises(QuoteNotInSource) as refused:
        curator.add(ADMIN_A, draft, "en")
    assert refused.value.details["source"] == SOURCE_ID
    assert asyncio.run(curator.closest_passage(refused.value))  # a stretch to compare with
    with pytest.raises(QuoteNotInSource) as refused:
        curator.set_field(ADMIN_A, "talks-format", "quote", "в формате видеоконференции", "en")
    closest = asyncio.run(curator.closest_passage(refused.value))
    assert closest.strip() == "в формате видеконференции"
    assert store.fact("talks-format")[1] == 1


@pytest.mark.parametrize(
    ("command", "parse"),
    [
        ("add", lambda: parse_quick_add("when is the call, tell me", "en")),
        ("add", lambda: parse_quick_add("when? => at five\nen: when? => at five", "en")),
        ("edit", lambda: parse_edit("talks-time text")),
        ("addq", lambda: parse_addq("talks-time")),
        ("delq", lambda: parse_delq("talks-time first")),
        ("delq", lambda: parse_delq("talks-time 0")),
        ("delq", lambda: parse_delq("talks-time ¹")),  # a digit int() cannot read
        ("fact", lambda: parse_fact_id("fact", "")),
        ("del", lambda: parse_fact_id("del", "talks-time talks-format")),
        ("source", lambda: parse_source("bbc | no publisher | en\ntext")),
        ("add", lambda: Draft().with_step("text.en", "   ")),
        ("add", lambda: Draft().with_step("text.de", "Text.")),
        ("add", lambda: Draft().with_step("colour", "blue")),
    ],
)
def test_a_malformed_command_is_refused_with_its_usage_line(command, parse):
    with pytest.raises(Malformed) as refused:
        parse()
    assert refused.value.details["command"] == command
    assert refused.value.details["usage"] == USAGE[command]


def test_an_unknown_edit_field_is_refused_with_the_fields_there_are():
    with pytest.raises(UnknownField) as refused:
        parse_edit("talks-time colour blue")
    assert refused.value.details["field"] == "colour"
    assert refused.value.details["fields"] == EDIT_FIELDS
    assert isinstance(refused.value, Refusal)


# -- /edit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "admin_lang", "changed_lang"),
    [("text", "ru", "ru"), ("text", "uk", "uk"), ("text_en", "ru", "en"), ("text_uk", "en", "uk")],
)
def test_edit_text_changes_the_admins_language_or_the_named_one(
    curator, store, field, admin_lang, changed_lang
):
    before, _ = store.fact("talks-format")
    args = f"talks-format {field} Новый   текст."
    fact_id, name, value = parse_edit(args)
    saved = curator.set_field(ADMIN_A, fact_id, name, value, admin_lang)
    after, version = store.fact("talks-format")
    assert after.text == {**before.text, changed_lang: "Новый текст."} and version == 2
    assert saved.fact == after and saved.changed


def test_edit_questions_replaces_them_from_a_semicolon_separated_list(curator, store):
    fact_id, field, value = parse_edit("talks-format questions_en how did they talk; by video?")
    curator.set_field(ADMIN_A, fact_id, field, value, "ru")
    assert store.fact("talks-format")[0].questions["en"] == ("how did they talk", "by video?")


def test_edit_quote_cites_the_quote_in_its_own_source(curator, store):
    quote = "проведут переговоры в формате видеосвязи"
    curator.set_field(ADMIN_A, "talks-format", "quote", quote, "en")
    [citation] = store.fact("talks-format")[0].citations
    assert citation.source == SOURCE_ID and citation.quote.startswith("проведут")


@pytest.mark.parametrize(
    ("value", "start", "zone"),
    [
        ("2021-12-07 18:00 Europe/Kyiv", "2021-12-07T18:00:00", "Europe/Kyiv"),
        ("2021-12-07 18:00 Киев", "2021-12-07T18:00:00", "Europe/Kyiv"),
        ("2021-12-07  19:00  Москва", "2021-12-07T19:00:00", "Europe/Moscow"),
        ("2021-12-7 9:30 Tokyo", "2021-12-07T09:30:00", "Asia/Tokyo"),
        ("2021-12-07 16:00 UTC+1", "2021-12-07T16:00:00", "Etc/GMT-1"),
    ],
)
def test_edit_time_takes_an_iana_zone_or_any_place_the_resolver_knows(
    curator, store, value, start, zone
):
    curator.set_field(ADMIN_A, "talks-time", "time", value, "en")
    event = store.fact("talks-time")[0].event
    assert (event.start.isoformat(), event.zone) == (start, zone)
    assert event.title["en"] == "Putin–Biden video call"  # the title stays


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("tomorrow at five", "format"),
        ("2021-02-30 17:00 Kyiv", "date"),
        ("2021-12-07 17:00 Atlantys", "place"),
        ("2021-12-07 17:00 UTC+5:30", "zone"),
        ("2021-03-28 03:30 Europe/Kyiv", "nonexistent"),  # clocks jumped 03:00 → 04:00
    ],
)
def test_a_bad_time_is_refused_with_its_reason_and_nothing_changes(curator, store, value, reason):
    with pytest.raises(BadTime) as refused:
        curator.set_field(ADMIN_A, "talks-time", "time", value, "en")
    assert refused.value.details["reason"] == reason
    if reason == "place":
        assert "Atlanta" in refused.value.details["suggestions"]
    assert store.fact("talks-time")[1] == 1


def test_a_time_given_to_a_fact_without_one_is_titled_by_its_answers_first_sentence(curator, store):
    with pytest.raises(NoEvent):
        curator.set_field(ADMIN_A, "talks-format", "title", "Video call", "en")
    curator.set_field(ADMIN_A, "talks-format", "time", "2021-12-07 17:00 Kyiv", "en")
    fact = store.fact("talks-format")[0]
    assert fact.event.title["en"] == fact.text["en"].split(". ")[0].rstrip(".") + "."
    curator.set_field(ADMIN_A, "talks-format", "title", "Видеозвонок", "ru")
    assert store.fact("talks-format")[0].event.title["ru"] == "Видеозвонок"
    curator.set_field(ADMIN_A, "talks-format", "time", "-", "en")
    assert store.fact("talks-format")[0].event is None


def test_an_edit_that_changes_nothing_writes_nothing(curator, store):
    fact, _ = store.fact("talks-format")
    saved = curator.set_field(ADMIN_A, "talks-format", "text_en", fact.text["en"], "ru")
    assert not saved.changed and saved.version == 1
    assert store.db["audit"].count == 0


# -- /addq and /delq --------------------------------------------------------------------


def test_addq_adds_in_the_named_or_the_detected_language_and_the_engine_answers_it(curator, store):
    question = "коли дзвонитимуть один одному лідери"
    assert engine_from(store).ask(question).status != "answered"
    fact_id, lang, text = parse_addq(f"talks-time {question}")
    curator.add_question(ADMIN_A, fact_id, text, lang=lang, admin_lang="ru")
    assert store.fact("talks-time")[0].questions["uk"][-1] == question
    answer = engine_from(store).ask(question)
    assert (answer.status, answer.fact.id) == ("answered", "talks-time")
    fact_id, lang, text = parse_addq("talks-time ru: когда созвонятся лидеры")
    curator.add_question(ADMIN_A, fact_id, text, lang=lang, admin_lang="uk")
    assert store.fact("talks-time")[0].questions["ru"][-1] == "когда созвонятся лидеры"


def test_addq_refuses_a_question_the_fact_already_has(curator):
    with pytest.raises(DuplicateQuestion):
        curator.add_question(ADMIN_A, "talks-time", "When is the CALL?", lang="en")


def test_delq_removes_the_nth_question_as_fact_numbers_them(curator, store):
    view = curator.show("talks-format")
    n, lang, question = next(item for item in view.numbered if item[1] == "ru")
    curator.delete_question(ADMIN_A, *parse_delq(f"talks-format {n}"))
    assert question not in store.fact("talks-format")[0].questions[lang]
    assert len(curator.show("talks-format").numbered) == len(view.numbered) - 1


def test_delq_refuses_a_number_out_of_range_and_the_last_question_of_a_language(curator, store):
    count = len(curator.show("talks-format").numbered)
    with pytest.raises(NoSuchQuestion) as refused:
        curator.delete_question(ADMIN_A, "talks-format", count + 1)
    assert refused.value.details == {"fact_id": "talks-format", "n": count + 1, "count": count}
    curator.set_field(ADMIN_A, "talks-format", "questions_uk", "у якому форматі", "en")
    last = next(n for n, lang, _ in curator.show("talks-format").numbered if lang == "uk")
    with pytest.raises(LastQuestion):
        curator.delete_question(ADMIN_A, "talks-format", last)
