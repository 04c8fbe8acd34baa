"""Property tests of the admin side: whatever an admin types, every command parser returns or
refuses with its usage, a draft takes or refuses any answer, and any facts file is previewed or
refused with the database left as it was."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from knowledge.curation.errors import Refusal
from knowledge.curation.parsing import (
    EDIT_FIELDS,
    USAGE,
    Draft,
    first_sentence,
    new_fact_id,
    parse_addq,
    parse_delq,
    parse_edit,
    parse_event_time,
    parse_fact_id,
    parse_quick_add,
    parse_quick_line,
    parse_source,
    split_questions,
)
from knowledge.curation.service import Curator
from knowledge.language.text import normalize
from knowledge.model import FACT_ID_PATTERN, LANGS, squash_spaces
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.fact_file import dump_facts, load_facts
from knowledge.storage.store import FactStore
from tests.conftest import CONTENT
from tests.fuzzing import FEW, FRAGMENTS, FUZZ, NASTY, PLACES

# --------------------------------------------------------------------------- admin commands

ARGS = st.one_of(NASTY, st.tuples(FRAGMENTS, NASTY, FRAGMENTS).map(" ".join))
STEPS = (
    *(f"{part}.{lang}" for part in ("text", "questions", "title") for lang in LANGS),
    "quote",
    "time",
    "id",
    "text",
    "title.de",
    "",
)


def refuses_or_returns(parse: Callable[[], Any]) -> Any:
    """Run a parser: a result, or None after one of the documented refusals."""
    try:
        return parse()
    except Refusal:
        return None


@FUZZ
@given(text=ARGS, lang=st.sampled_from(LANGS))
def test_the_quick_add_form_takes_any_text_or_refuses_it(text: str, lang: str):
    draft = refuses_or_returns(lambda: parse_quick_add(text, lang))
    if draft is not None:
        assert draft.text and all(draft.questions[g] for g in draft.text)
    refuses_or_returns(lambda: parse_quick_line(text))


@FEW
@given(
    lines=st.lists(
        st.tuples(
            st.sampled_from(("", "en: ", "ru: ", "uk: ", "quote: ", "time: ", "id: ", "title: ")),
            ARGS,
            st.sampled_from(("", " => ", "; ", " => ;")),
            ARGS,
        ).map("".join),
        min_size=1,
        max_size=5,
    ),
    lang=st.sampled_from(LANGS),
)
def test_a_fuzzed_quick_add_builds_a_valid_fact_or_is_refused_and_nothing_is_saved(
    curator: Curator, lines: list[str], lang: str
):
    fingerprint = curator.store.fingerprint()
    draft = refuses_or_returns(lambda: parse_quick_add("\n".join(lines), lang))
    if draft is not None:
        fact = refuses_or_returns(lambda: curator.build(draft, lang))
        if fact is not None:
            assert FACT_ID_PATTERN.match(fact.id)
    assert curator.store.fingerprint() == fingerprint


@FUZZ
@given(
    command=st.sampled_from(sorted(USAGE)),
    args=ARGS,
    optional=st.booleans(),
    field=st.sampled_from((*EDIT_FIELDS, "TEXT_EN", "nope")),
)
def test_every_argument_parser_returns_or_refuses_with_its_usage(
    command: str, args: str, optional: bool, field: str
):
    fact_id = refuses_or_returns(lambda: parse_fact_id(command, args, optional=optional))
    assert fact_id is None or fact_id == fact_id.lower()
    edit = refuses_or_returns(lambda: parse_edit(args))
    assert edit is None or edit[1] in EDIT_FIELDS
    refuses_or_returns(lambda: parse_edit(f"talks-time {field} {args}"))
    addq = refuses_or_returns(lambda: parse_addq(args))
    assert addq is None or addq[1] in (None, *LANGS)
    delq = refuses_or_returns(lambda: parse_delq(args))
    assert delq is None or delq[1] >= 1
    refuses_or_returns(lambda: parse_source(args))
    refuses_or_returns(lambda: parse_source(f"{command} | {args} | x | en\n{args}"))


@FUZZ
@example(moment=datetime(1, 1, 1), place="UTC+14:00", junk="")
@example(moment=datetime(9999, 12, 31, 23, 59), place="America/Adak", junk="")
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)),
    place=st.one_of(st.sampled_from(PLACES), NASTY),
    junk=st.one_of(st.just(""), NASTY),
)
def test_an_event_time_at_any_date_and_place_is_read_or_refused(
    resolver: PlaceResolver, moment: datetime, place: str, junk: str
):
    value = f"{moment:%Y-%m-%d %H:%M} {place}{junk}"
    parsed = refuses_or_returns(lambda: parse_event_time(value, resolver))
    if parsed is not None:
        start, zone = parsed
        assert start.tzinfo is None and zone
    refuses_or_returns(lambda: parse_event_time(junk, resolver))


@FUZZ
@given(text=NASTY, taken=st.sets(st.text(max_size=10), max_size=5))
def test_questions_split_ids_and_titles_come_out_well_formed(text: str, taken: set[str]):
    questions = split_questions(text)
    assert all(q and q == squash_spaces(q) for q in questions)
    assert len({normalize(q) for q in questions}) == len(questions)
    fact_id = new_fact_id(text, taken | {"fact"})
    assert FACT_ID_PATTERN.match(fact_id) and fact_id not in taken
    assert isinstance(first_sentence(text), str)


@FUZZ
@given(step=st.one_of(st.sampled_from(STEPS), st.text(max_size=12)), value=NASTY)
def test_a_draft_takes_any_answer_to_any_step_or_refuses_it(step: str, value: str):
    draft = refuses_or_returns(lambda: Draft().with_step(step, value))
    if draft is not None:
        assert Draft.from_dict(draft.to_dict()) == draft


@FUZZ
@given(value=st.one_of(NASTY, st.tuples(FRAGMENTS, st.just(": "), NASTY).map("".join)))
def test_a_quote_of_any_text_is_found_in_its_source_or_refused(curator: Curator, value: str):
    citation = refuses_or_returns(lambda: curator.cite(value))
    if citation is not None:
        source = curator.store.sources()[citation.source]
        assert squash_spaces(citation.quote) in squash_spaces(source.text)


# --------------------------------------------------------------------------- the importer


# The shipped base as an export: what a fresh database holds, and what mutations start from.
EXPORT = dump_facts(load_facts(CONTENT / "facts.yaml"))


@pytest.fixture(scope="module")
def curator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Curator]:
    """One database for the module: the properties only read it (and check they did)."""
    store = FactStore.open(Path(tmp_path_factory.mktemp("fuzz")) / "talkbot.db", CONTENT)
    yield Curator(store)
    store.close()


def snapshot(curator: Curator) -> tuple[Any, ...]:
    """Every row an import could touch: facts, sources, the audit trail and the outbox."""
    db = curator.store.db
    return tuple(
        db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in ("facts", "sources", "audit", "outbox")
    )


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    NASTY,
    st.sampled_from(("2021-12-07 17:00", "Europe/Kyiv", "glavred", "en", "")),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
# Things that once made YAML parsers or validators fall over, spliced into real exports.
YAML_TRAPS = (
    "time: 2021-02-30",
    "start: 9999-99-99 25:61",
    "[" * 600,
    "{" * 600,
    "a: &a [*a]",
    "facts: &f [*f]",
    "!!python/object/apply:os.system ['true']",
    "\t- id: tab",
    "- id: x\n  - y",
    "\x00",
    "%YAML 9.9",
    "? [a, b]\n: c",
    "id: " + "x" * 5_000,
)


@st.composite
def mutated_exports(draw: st.DrawFn, base: str) -> str:
    """The real export, changed at one to three random places: a value replaced, a key
    dropped or added, a fact copied, or a text trap spliced into the YAML."""
    data = yaml.safe_load(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        facts = data["facts"]
        fact = facts[draw(st.integers(min_value=0, max_value=len(facts) - 1))]
        kind = draw(st.sampled_from(("replace", "drop", "add", "copy", "nested")))
        key = draw(st.sampled_from(sorted(fact)))
        if kind == "replace":
            fact[key] = draw(VALUES)
        elif kind == "drop":
            del fact[key]
        elif kind == "add":
            fact[draw(st.text(max_size=8))] = draw(VALUES)
        elif kind == "copy":
            facts.append(copy.deepcopy(fact))
        elif isinstance(fact[key], dict) and fact[key]:
            inner = draw(st.sampled_from(sorted(fact[key], key=str)))
            fact[key][inner] = draw(VALUES)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.one_of(st.sampled_from(YAML_TRAPS), NASTY)) + text[at:]
    return text


@st.composite
def facts_files(draw: st.DrawFn, base: str) -> str:
    return draw(
        st.one_of(
            NASTY,
            st.sampled_from(YAML_TRAPS),
            VALUES.map(lambda value: yaml.safe_dump({"facts": value}, allow_unicode=True)),
            VALUES.map(lambda value: yaml.safe_dump(value, allow_unicode=True)),
            mutated_exports(base),
        )
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_facts_file_is_previewed_or_refused_and_the_database_is_left_as_it_was(
    curator: Curator, data: st.DataObject
):
    # too_slow is suppressed because drawing from the real export (25 facts) costs more
    # than Hypothesis' default budget for building an example; the test itself is fast.
    before, fingerprint = snapshot(curator), curator.store.fingerprint()
    text = data.draw(facts_files(EXPORT))
    try:
        preview = curator.preview_import(text)
    except Refusal:
        # A refused file is refused on confirmation too, however it is confirmed.
        with pytest.raises(Refusal):
            curator.apply_import(1001, text, fingerprint)
    else:
        assert preview.total >= 0 and preview.fingerprint == fingerprint
    assert snapshot(curator) == before


def test_the_export_the_mutations_start_from_is_the_base_and_previews_as_no_change(
    curator: Curator,
):
    assert curator.export() == EXPORT
    assert curator.preview_import(EXPORT).empty
