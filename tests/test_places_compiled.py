"""The compiled place index (knowledge/places/data/index/) is what the JSON files give: the
shipped files are rebuilt byte for byte from them, read back they answer as the index built
in memory does, and files compiled from other data are refused."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import marisa_trie
import pytest

from knowledge.places import compiled
from knowledge.places.index import Index, load_data
from knowledge.places.resolver import PlaceResolver


@pytest.fixture(scope="module")
def built() -> Index:
    return Index.build(load_data())


def test_the_shipped_compiled_index_is_what_the_build_writes_from_the_json_now(tmp_path: Path):
    # Fails after places.json or regions.json changed without scripts/build_regions.py
    # (or build_places.py) being run: they rebuild data/index/.
    compiled.write(target=tmp_path)

    shipped = sorted(p.name for p in compiled.COMPILED.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == shipped
    for name in shipped:
        if name.endswith(".marisa"):  # the same keys with the same ids, whatever the version
            assert _keys(tmp_path / name) == _keys(compiled.COMPILED / name), name
        else:
            assert (tmp_path / name).read_bytes() == (compiled.COMPILED / name).read_bytes(), name


def _keys(path: Path) -> dict[str, int]:
    return dict(marisa_trie.Trie().load(str(path)).items())


def test_the_compiled_index_holds_the_same_names_rows_and_prefixes_as_the_built_one(built):
    index = compiled.load()

    assert index is not None
    assert sorted(index.names.keys()) == sorted(built.names.keys())
    for key in built.names:
        assert index.lookup(key, 0, 1, None) == built.lookup(key, 0, 1, None), key
    assert sorted(index.prefixes.trie.keys()) == sorted(built.prefixes.trie.keys())
    assert index.prefixes.extra == built.prefixes.extra
    assert len(index._rows) == len(built._rows)
    assert all(index.row(n) == built.row(n) for n in range(len(built._rows)))
    assert index.adjectives == built.adjectives
    assert index.zone_labels == built.zone_labels
    assert index.max_words == built.max_words
    assert index.suggestions(cyrillic=True) == built.suggestions(cyrillic=True)


def test_files_compiled_from_other_data_are_refused_and_the_json_is_read_instead(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    data = tmp_path / "data"
    shutil.copytree(compiled.DATA, data, ignore=shutil.ignore_patterns("index"))
    regions = data / "regions.json"
    regions.write_text(regions.read_text("utf-8").replace("Texas", "Texass"), "utf-8")

    with caplog.at_level(logging.WARNING, logger="knowledge.places.compiled"):
        assert compiled.load(data=data) is None
    assert "out of date" in caplog.text
    assert compiled.load() is not None  # the shipped data's own files are current


def test_the_resolver_reads_the_compiled_index_and_resolves_as_before():
    resolver = PlaceResolver()

    place = resolver.resolve("у Києві")

    assert place is not None and place.key == "Europe/Kyiv"
    assert isinstance(resolver._index._rows, compiled.JsonLines)
