"""knowledge/ingest: article → fact proposals (clauses, filler, times, zones, kinds, drafts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge.i18n import ANSWERS
from knowledge.ingest.measure import curated, measure, speed_article
from knowledge.ingest.moments import find_dates, find_times
from knowledge.ingest.proposals import IngestError, decode_article, propose
from knowledge.ingest.rules import rules
from knowledge.ingest.segments import clauses
from knowledge.model import LANGS, Fact, Source
from tests.conftest import CONTENT

ARTICLES = Path(__file__).resolve().parent / "data" / "ingest"
TODAY = dt.date(2026, 11, 30)


def article() -> tuple[list[Fact], Source]:
    """The tests' copy of the shipped article and the facts curated from it (talks-time...)."""
    return curated(CONTENT)


def read(name: str) -> str:
    return (ARTICLES / name).read_text("utf-8")


def events(text: str, **options) -> dict[str, tuple[str, str]]:
    """quote → (start, zone) of every timed proposal."""
    result = propose(text, today=TODAY, **options)
    return {p.quote: (p.event["start"], p.event["zone"]) for p in result.items if p.event}


# -- the article (the tests' copy of the shipped one), read as if new --------------------


def test_every_quote_is_verbatim_in_the_article():
    _, source = article()
    for proposal in propose(source.text, year=2021).items:
        assert source.text[proposal.start : proposal.end] == proposal.quote


def test_the_call_time_is_17_00_kyiv_on_7_december_2021():
    _, source = article()
    found = events(source.text, year=2021)
    assert found["дискуссия Путина и Байдена состоится 7 декабря в 17:00 (по Киеву, - ред.)."] == (
        "2021-12-07 17:00",
        "Europe/Kyiv",
    )


def test_the_first_footage_is_18_00_moscow_from_the_editors_conversion():
    _, source = article()
    found = events(source.text, year=2021)
    quote = (
        "первые кадры разговора Путина и Байдена будут опубликованы в 18:00 "
        "(17:00 по Киеву, - ред.)."
    )
    assert found[quote] == ("2021-12-07 18:00", "Europe/Moscow")


def test_proposals_cover_at_least_80_percent_of_the_curated_citations():
    facts, source = article()
    figures = measure(facts, source)
    assert figures.recall >= 0.8
    assert figures.precision >= 0.8
    assert figures.events == {
        "talks-time": {"start": "2021-12-07 17:00", "zone": "Europe/Kyiv"},
        "talks-footage": {"start": "2021-12-07 18:00", "zone": "Europe/Moscow"},
    }


def test_the_speed_article_is_made_of_the_contents_own_source_texts():
    long = speed_article(5000, CONTENT)
    _, source = article()
    announcement = (CONTENT / "sources" / "warsaw-screening.txt").read_text("utf-8")
    assert len(long.split()) >= 5000
    assert long.startswith(source.text) and announcement in long
    assert "John Smith" not in long  # tests/data/ingest is the tests' own, never read


def test_filler_is_skipped_and_lead_ins_are_cut():
    _, source = article()
    quotes = [c.text for c in clauses(source.text)]
    assert not any("Главред рекомендует" in q or "Читать также" in q for q in quotes)
    assert not any(q.startswith(("Напомним", "Подчеркивается", "Также известно")) for q in quotes)
    # The glued "Read also" headline is gone; the sentence glued to it is kept.
    assert not any("Встречи Байдена и Путина не будет" in q for q in quotes)
    assert any(q.startswith("лидеры двух стран обсудят") for q in quotes)


def test_an_opening_attribution_is_a_proposal_of_its_own():
    _, source = article()
    kinds = {p.quote: p.kind for p in propose(source.text, year=2021).items}
    assert kinds["Как сообщает РИА Новости"] == "attribution"
    assert kinds["во вторник, 7 декабря"] == "date"


def test_quoted_speech_is_not_split_at_its_inner_commas_or_stops():
    text = 'Он сказал: "Мы придём. Обязательно придём", - добавил Петров. Встреча будет в 10:00.'
    quotes = [c.text for c in clauses(text)]
    assert quotes[0].endswith("- добавил Петров.")
    assert quotes[1] == "Встреча будет в 10:00."


def test_initials_and_abbreviations_do_not_end_a_sentence():
    text = "Министр В. Петров прибыл в 10:00 на ул. Садовую и встретился с коллегами."
    assert len(clauses(text)) == 1


# -- times in every zone style (tests/data/ingest, test texts) -------------------------


def test_moscow_styles_po_moskovskomu_vremeni_msk_and_po_moskve():
    found = events(read("test-ru-moscow.txt"))
    assert found["Встреча начнется в 18:00 по московскому времени."] == (
        "2022-03-09 18:00",
        "Europe/Moscow",
    )
    assert found["Пресс-конференция по итогам пройдет в 20:30 МСК."] == (
        "2022-03-09 20:30",
        "Europe/Moscow",
    )
    assert found["Брифинг для журналистов назначен на 12:00 по Москве."] == (
        "2022-03-09 12:00",
        "Europe/Moscow",
    )


def test_ukrainian_za_kyivskym_chasom_and_a_time_with_no_zone():
    result = propose(read("test-uk-kyiv.txt"), year=2022, today=TODAY)
    timed = {p.quote: p for p in result.items if p.event}
    talks = timed[
        "Переговори делегацій відбудуться у четвер, 10 березня, о 15:00 за київським часом."
    ]
    assert talks.event == {"start": "2022-03-10 15:00", "zone": "Europe/Kyiv"}
    press = timed["Пресконференція розпочнеться о 17:30."]
    assert press.event == {"start": "2022-03-10 17:30", "zone": "Europe/Kyiv"}
    notes = " ".join(n.key for n in press.notes)
    assert "zone_publisher_default" in notes and "date_elsewhere" in notes
    assert result.lang == "uk"


def test_english_et_gmt_and_utc_offset():
    found = events(read("test-en-zones.txt"))
    assert found[
        "The two leaders will hold a video call on Tuesday, December 7, 2021 at 10 a.m. ET, "
        "the White House said."
    ] == ("2021-12-07 10:00", "America/New_York")
    assert found["A joint briefing is planned for 15:00 GMT."] == ("2021-12-07 15:00", "GMT")
    assert found["Officials in Ankara will comment on the call at 18:00 (UTC+3)."] == (
        "2021-12-07 18:00",
        "Etc/GMT-3",
    )


def test_bylines_and_read_also_lines_are_not_proposed():
    quotes = [p.quote for p in propose(read("test-en-zones.txt"), today=TODAY).items]
    assert not any("John Smith" in q or "Read also" in q for q in quotes)


def test_editor_note_sets_the_publisher_zone_and_converts_the_quoted_time():
    result = propose(read("test-ru-editor.txt"), year=2022, today=TODAY)
    assert result.publisher_zone == "Europe/Kyiv"
    found = {p.quote: p.event for p in result.items if p.event}
    assert found[
        "совещание министров пройдет в пятницу, 11 марта, в 11:00 (10:00 по Киеву, - ред.)."
    ] == {
        "start": "2022-03-11 11:00",
        "zone": "Europe/Moscow",
    }
    assert (
        found["Итоговое заявление опубликуют в 15:00 (по Киеву, - ред.)."]["zone"] == "Europe/Kyiv"
    )
    assert found["Пресс-подход запланирован на 16:00."]["zone"] == "Europe/Kyiv"


def test_a_given_publisher_zone_wins_for_times_without_one():
    text = "Переговоры делегаций начнутся 5 мая в 16:00 в здании министерства."
    [proposal] = propose(text, year=2022, publisher_zone="Europe/Berlin", today=TODAY).items
    assert proposal.event == {"start": "2022-05-05 16:00", "zone": "Europe/Berlin"}


# -- years and weekdays -----------------------------------------------------------------


def test_without_a_year_the_nearest_year_with_the_weekday_is_taken_and_noted():
    _, source = article()
    result = propose(source.text, today=dt.date(2023, 1, 1))
    call = next(p for p in result.items if p.event and p.event["zone"] == "Europe/Kyiv")
    assert call.event["start"] == "2021-12-07 17:00"
    assert any(n.key == "year_weekday" for n in call.notes)


def test_a_year_stated_in_the_article_is_used():
    text = "Саммит пройдет 12 июля 2023 года в 10:00 по Киеву. Итоги объявят в 18:00 по Киеву."
    found = events(text)
    assert set(found.values()) == {
        ("2023-07-12 10:00", "Europe/Kyiv"),
        ("2023-07-12 18:00", "Europe/Kyiv"),
    }


def test_a_weekday_that_does_not_fit_the_date_is_flagged():
    text = "Переговоры лидеров пройдут в пятницу, 7 декабря, в 17:00 по Киеву."
    [proposal] = propose(text, year=2021, today=TODAY).items
    notes = [n.render("en") for n in proposal.notes]
    assert any("Friday" in n and "Tuesday" in n for n in notes)


def test_dates_in_three_languages_with_weekdays():
    assert [(d.day, d.month, d.weekday) for d in find_dates("у середу, 8 грудня")] == [(8, 12, 2)]
    assert [(d.day, d.month, d.weekday) for d in find_dates("в среду, 8 декабря")] == [(8, 12, 2)]
    assert [(d.day, d.month, d.year) for d in find_dates("on December 8, 2021")] == [(8, 12, 2021)]
    # "серед" ("among") is not Wednesday.
    assert find_dates("серед 8 грудня")[0].weekday is None


def test_twelve_hour_and_dotted_times():
    assert [(t.hour, t.minute) for t in find_times("at 9:30 p.m. and at 10 a.m.")] == [
        (21, 30),
        (10, 0),
    ]
    assert [(t.hour, t.minute) for t in find_times("о 12.30 за київським часом")] == [(12, 30)]
    # A decimal number is not a time.
    assert find_times("рост на 12.30 процента") == []


# -- drafts -----------------------------------------------------------------------------


def test_drafts_use_the_articles_words_only_in_its_language():
    _, source = article()
    result = propose(source.text, year=2021)
    call = next(p for p in result.items if p.event and p.event["zone"] == "Europe/Kyiv")
    assert set(call.text) == set(LANGS)  # a time can be said honestly in every language
    assert "17:00" in call.text["en"] and "Kyiv" in call.text["en"]
    assert call.questions["ru"][0] == "Когда дискуссия?"
    statement = next(p for p in result.items if p.kind == "statement")
    assert set(statement.text) == {"ru"}


def test_every_kind_has_templates_in_every_language():
    for kind in (
        "event-time",
        "date",
        "participants",
        "format",
        "topics",
        "statement",
        "attribution",
        "person",
    ):
        for part in ("questions", "text"):
            assert set(rules().templates[kind][part]) == set(LANGS), (kind, part)


def test_event_noun_lists_are_parallel_across_languages():
    lengths = {lang: len(nouns) for lang, nouns in rules().event_nouns.items()}
    assert len(set(lengths.values())) == 1, lengths


# -- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("Текст".encode("cp1251"), "binary"),
        (b"a" * 1_000_000, "too_large"),
    ],
)
def test_unreadable_input_is_refused_with_its_reason(data, key):
    with pytest.raises(IngestError) as caught:
        decode_article(data)
    assert caught.value.key == key
    assert caught.value.message("uk") == ANSWERS(f"ingest.error.{key}", "uk", limit="1 MB")


@pytest.mark.parametrize(
    "text",
    [
        "Der Bundeskanzler trifft sich am Dienstag mit dem Präsidenten in Berlin.",
        "两国领导人将于12月7日举行视频会谈。",
    ],
)
def test_an_article_in_another_language_is_refused(text):
    with pytest.raises(IngestError) as caught:
        propose(text)
    assert caught.value.key == "language"


def test_an_article_of_filler_only_has_nothing_to_propose():
    with pytest.raises(IngestError) as caught:
        propose("Главред рекомендует:\nАвтор: Иван Иванов\n", lang="ru")
    assert caught.value.key == "nothing"
