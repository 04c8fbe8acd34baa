"""Whether something is decided, approved or known yet (shapes.yaml `frames`, round 20): the
frame is the ask itself ("решили уже, лично или по видео?" asks the format, "час уже
відомий?" the time), while what is still open, or a later meeting, stays declined."""

from __future__ import annotations

import pytest

from tests.asking import anew


@pytest.mark.parametrize(
    ("question", "plain", "lang"),
    [
        ("решили уже, лично или по видео?", "лично или по видео?", "ru"),
        ("формат утверждён?", "формат?", "ru"),
        ("час уже відомий?", "час?", "uk"),
        ("чи вже вирішили о котрій?", "о котрій?", "uk"),
        (
            "has it been decided whether they'll speak to the press after",
            "they'll speak to the press after",
            "en",
        ),
        (
            "чи вже вирішили, чи робитимуть президенти заяви?",
            "чи робитимуть президенти заяви?",
            "uk",
        ),
        # making statements as a verb is making them
        (
            "решили уже, будут ли президенты что-то заявлять после?",
            "будут ли президенты делать заявления после?",
            "ru",
        ),
        ("чи будуть президенти щось заявляти?", "чи будуть президенти робити заяви?", "uk"),
        (
            "is this confirmed by washington or just the kremlin",
            "is this confirmed by washington",
            "en",
        ),
    ],
)
def test_decided_yet_is_read_as_the_ask_it_wraps(content, question, plain, lang):
    index = anew(content, question, plain).index
    assert set(index.analyse(question, lang).tokens) == set(index.analyse(plain, lang).tokens)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what's still undecided?", "en"),
        ("что пока не ясно?", "ru"),
        ("що поки невідомо?", "uk"),
        ("решили ли уже, будет ли личная встреча в следующем году?", "ru"),
    ],
)
def test_what_is_still_open_is_declined(engine, question, lang):
    assert engine.ask(question, lang_hint=lang).fact is None
