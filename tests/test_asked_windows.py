"""The asker's own schedule held against the start (round 23): "I'm busy 4-6pm Berlin, will I
miss it?", "в Харькове с 17 до 19 занят, начало пропущу?", "працюю у вроцлаві до четвертої,
не пропущу?". The start is converted to the asker's place and said first to fall before,
inside or after their window; the article gives no length, so nothing is said about the end
(talks at 17:00 Kyiv, UTC+2, on Tuesday 7 December 2021)."""

from __future__ import annotations

import pytest

from knowledge.answering.windows import Window, window_asked, window_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "I'm busy 4-6pm Berlin, will I miss it?",
            "Berlin: it starts at 16:00 (Tuesday, 7 December), inside your 16:00–18:00.",
        ),
        (
            "got a meeting in berlin from 4 to 6 on tuesday, does the start clash with it",
            "Berlin: it starts at 16:00 (Tuesday, 7 December), inside your 16:00–18:00.",
        ),
        (
            "in class in munich till 6 pm, does it start while im sitting there",
            "Munich: it starts at 16:00 (Tuesday, 7 December), before 18:00, while you are"
            " still busy.",
        ),
        (
            "my shift in DC is 8am to noon, can i catch the start?",
            "Washington: it starts at 10:00 (Tuesday, 7 December), inside your 08:00–12:00.",
        ),
        (
            "got a meeting at 11am in London — does that clash with it?",
            "London: it starts at 15:00 (Tuesday, 7 December), after your 11:00.",
        ),
        (
            "my lunch in london runs till 2, will i miss the start",
            "London: it starts at 15:00 (Tuesday, 7 December), after 14:00, when you are free.",
        ),
        (
            "в Харькове с 17 до 19 занят, начало пропущу?",
            "Харьков: начало в 17:00 (вторник, 7 декабря) — как раз в ваш промежуток 17:00–19:00.",
        ),
        (
            "я в Киеве, в 16:30 у меня созвон на час — наложится на начало?",
            "Киев: начало в 17:00 (вторник, 7 декабря) — как раз в ваш промежуток 16:30–17:30.",
        ),
        (
            "я до шести на работе в одессе, начало увижу?",
            "Одесса: начало в 17:00 (вторник, 7 декабря) — раньше 18:00, пока вы ещё заняты.",
        ),
        (
            "працюю у вроцлаві до четвертої, не пропущу?",
            "Вроцлав: початок о 16:00 (вівторок, 7 грудня) — якраз коли закінчується ваш"
            " час (16:00).",
        ),
    ],
)
def test_the_start_is_said_against_the_askers_window(engine, question, lead):
    answer = engine.ask(question)
    assert answer.fact is not None and answer.fact.event is not None
    assert answer.lead.startswith(lead)
    # The article gives only the start: whether the whole of it is missed is not said.
    assert any("only the start" in n or "начала" in n or "початку" in n for n in answer.notes)


@pytest.mark.parametrize(
    "question",
    [
        "when is the call in Berlin",  # no hour
        "what was discussed from 4 to 6?",  # hours, but nobody's schedule
        "мы с коллегой поспорили: 7 или 8 декабря",  # days, not hours
        "I'm busy, will I miss it?",  # busy, with no hour
    ],
)
def test_no_window_without_an_hour_of_the_askers(engine, question):
    assert window_asked(question, "en", engine.index.lexicon.calendar) is None


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("I'm busy 4-6pm Berlin, will I miss it?", 16 * 60, 18 * 60),
        ("flight at 9:30am ET, lands 11:30 - will I miss it?", 9 * 60 + 30, 11 * 60 + 30),
        ("я до шести на работе в одессе, начало увижу?", None, 18 * 60),
        ("в 16:30 у меня созвон на час, наложится?", 16 * 60 + 30, 17 * 60 + 30),
        ("у меня в 17:30 по москве планерка, не пересечётся?", 17 * 60 + 30, None),
    ],
)
def test_the_window_read_on_the_askers_clock(engine, question, start, end):
    window = window_asked(question, "en", engine.index.lexicon.calendar)
    assert window is not None and (window.start, window.end) == (start, end)


def test_a_window_past_midnight_holds_the_start_after_its_beginning():
    night = Window(22 * 60, 2 * 60, "")
    assert "inside" in window_line(night, 23 * 60, "Tokyo", "Wednesday", "en")
    assert "after" in window_line(Window(8 * 60, 12 * 60, ""), 15 * 60, "X", "Tuesday", "en")
