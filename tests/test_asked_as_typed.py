"""Letters and words as people type them: words run together ("whenisthecall",
"ктотакойпесков"), a letter held down ("когдаааа"), and swearing, which is filler and never
content, also inside a noun phrase ("these fucking security guarantees")."""

from __future__ import annotations

import time

import pytest

from knowledge.answering.unmerged import merged_words, unmerged_message, vocabulary
from knowledge.language.merged import split_run
from tests.asking import anew


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        ("whenisthecall between putin and biden", "talks-time"),
        ("whatformat is it", "talks-format"),
        ("who'sPsaki", "person-psaki"),
        ("ктотакаяпсаки", "person-psaki"),
        ("хтотакапсакі", "person-psaki"),
        ("ктоучаствуетвразговоре", "talks-participants"),
        ("когдаааа переговоры", "talks-time"),
        ("whennnn is the call", "talks-time"),
    ],
)
def test_words_run_together_or_held_down_are_read_as_meant(content, message, fact_id):
    answer = anew(content, message).ask(message)
    assert answer.fact is not None and answer.fact.id == fact_id


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("whenisthecall", "when is the call"),
        ("ктотакойпесков", "кто такой песков"),
        ("когдаааа", "когда"),
        # Real words stand, whatever known words they hold: the dictionary knows them, and
        # English, which has none here, splits in two only after a question word.
        ("переговоры", "переговоры"),
        ("insecurity", "insecurity"),
        ("together", "together"),
        ("legitimate", "legitimate"),
        ("weather", "weather"),
        # A split that cuts letters where they fit is no split: two short words side by
        # side, a one-letter word last.
        ("ковидом", "ковидом"),
        ("саммарі", "саммарі"),
    ],
)
def test_a_run_is_split_only_into_words_someone_typed(engine, typed, read):
    assert unmerged_message(engine, typed) == read


def test_two_splits_as_short_leave_the_run_as_typed():
    vocabulary = {"when", "whenis", "isthe", "the", "call", "is"}
    content = {"when", "call"}
    # when|isthe|call and whenis|the|call: three pieces each.
    assert split_run("whenisthecall", vocabulary, {"is"}, content, 10) is None
    assert split_run("whenisthecall", vocabulary - {"isthe"}, {"is"}, content, 10) == [
        "whenis",
        "the",
        "call",
    ]


def test_a_long_run_of_letters_costs_little(engine):
    noise = "".join("ктоsкогдаwhen"[i * 7 % 13] for i in range(1000))
    vocabulary(engine.index)
    start = time.perf_counter()
    for _ in range(5):
        unmerged_message(engine, " ".join(noise[i : i + 30] for i in range(0, 1000, 31)))
    assert time.perf_counter() - start < 0.5
    assert merged_words("short_words")


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        ("what the fuck are they even gonna talk about", "what are they gonna talk about"),
        ("why the hell does russia want the talks", "why does russia want the talks"),
        ('what are these fucking "security guarantees"', 'what are these "security guarantees"'),
        ("if russia fucking attacks, will the us help?", "if russia attacks, will the us help?"),
        ("о чём, блять, им вообще разговаривать?", "о чём им вообще разговаривать?"),
        ("какого хрена россии эти переговоры", "зачем россии эти переговоры"),
        ("да что за хрень эти гарантии безопасности", "да что за эти гарантии безопасности"),
        ("про що, в біса, їм взагалі говорити?", "про що їм взагалі говорити?"),
        ("якого біса росії ці переговори", "навіщо росії ці переговори"),
        ("про що вони говоритимуть, бляха, скажіть", "про що вони говоритимуть, скажіть"),
    ],
)
def test_swearing_is_filler(engine, message, plain):
    sworn, said = engine.ask(message), engine.ask(plain)
    assert said.fact is not None
    assert (sworn.fact, sworn.answered, sworn.evidence) == (said.fact, said.answered, said.evidence)
