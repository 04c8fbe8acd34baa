"""What a facts file may not do to the process reading it (issue 15, item 3): expand through
YAML aliases, be larger than the cap, or have an unbounded value copied into a message."""

from __future__ import annotations

import tracemalloc

import pytest

from knowledge.storage.fact_file import MAX_FILE_CHARS, FactsInvalid, parse_facts

# 594 bytes that PyYAML would build into 9**7 (4.8 million) strings, and the old validator
# then repr()ed into its message: 1.5 GB, one level short of killing the process.
ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "facts:\n"
    "- id: bomb\n"
    "  text: {en: a, ru: b, uk: c}\n"
    "  questions: {en: [a], ru: [b], uk: [c]}\n"
    "  citations: [{source: glavred-2021-12-putin-biden, quote: x}]\n"
    "  event: {start: *g, zone: Europe/Kyiv, title: {en: a, ru: b, uk: c}}\n"
)


def test_the_seven_level_alias_bomb_is_refused_with_little_memory(sources):
    tracemalloc.start()
    try:
        with pytest.raises(FactsInvalid) as refused:
            parse_facts(ALIAS_BOMB, sources, "import")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    [problem] = refused.value.problems
    assert problem.message.code == "aliases"
    assert str(problem) == "import: YAML anchors and aliases (& and *) are not allowed (line 1)"
    assert peak < 2_000_000  # bytes: the file, the parser, the message; nothing expanded


def test_a_file_over_the_size_cap_is_refused_before_parsing(sources):
    huge = "facts:\n" + "#" * MAX_FILE_CHARS
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(huge, sources, "import")
    [problem] = refused.value.problems
    assert problem.message.code == "too_large"
    assert problem.said_in("ru") == "import: файл слишком большой (больше 20 млн символов)"


def test_a_huge_value_is_shown_clipped_in_a_problem(sources):
    text = (
        "facts:\n- id: long\n  text: {en: a, ru: b, uk: c}\n"
        "  questions: {en: [a], ru: [b], uk: [c]}\n"
        "  citations: [{source: glavred-2021-12-putin-biden, quote: x}]\n"
        f"  event: {{start: '{'9' * 500_000}', zone: Europe/Kyiv,"
        " title: {en: a, ru: b, uk: c}}\n"
    )
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(text, sources, "import")
    [problem] = [p for p in refused.value.problems if p.message.code == "bad_start"]
    assert len(str(problem)) < 300
