"""The place index compiled into data/index/: what the running bot reads instead of
places.json and regions.json.

Built from the JSON files, the index took ~25 MB of Python objects at start (freed after,
but the process keeps the memory) and ~0.2 s. Compiled, its two marisa tries are
memory-mapped, its rows read one at a time from a JSON Lines file, also mapped, and the
small tables (adjectives, zone names) read from meta.json.

`write()` compiles them; scripts/build_places.py and scripts/build_regions.py call it after
writing the JSON. meta.json records the SHA-256 of the JSON files it was compiled from:
`load()` refuses files compiled from other data (the index is then built from the JSON, as
before, with a warning), and tests/test_places_compiled.py fails until they are rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import sys
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import marisa_trie

from knowledge.places.index import Index, Tables, load_data, tables

logger = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
COMPILED = DATA / "index"
# What the compiled files are made from; zone_abbreviations.yaml is read at start instead.
SOURCES = ("places.json", "regions.json")
NAMES, PREFIXES, NAME_ROWS, ROWS, META = (
    "names.marisa",
    "prefixes.marisa",
    "name_rows.u32le",
    "rows.jsonl",
    "meta.json",
)


def source_digest(data: Path = DATA) -> str:
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update((data / name).read_bytes())
    return digest.hexdigest()


def write(data: Path = DATA, target: Path = COMPILED) -> None:
    """Compile the index of `data`'s JSON files into `target`; the same input gives the
    same files."""
    loaded = load_data(data)
    parts = tables(loaded)
    target.mkdir(parents=True, exist_ok=True)
    parts.names.save(str(target / NAMES))
    parts.prefixes.save(str(target / PREFIXES))
    (target / NAME_ROWS).write_bytes(_little_endian(parts.name_rows))
    lines = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in loaded["places"])
    (target / ROWS).write_text("".join(f"{line}\n" for line in lines), "utf-8")
    meta = {
        "digest": source_digest(data),
        "max_words": parts.max_words,
        "adjectives": loaded["adjectives"],
        "zones": loaded["zones"],
    }
    (target / META).write_text(
        json.dumps(meta, ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8"
    )


def load(data: Path = DATA, target: Path = COMPILED) -> Index | None:
    """The compiled index, memory-mapped; None when there is none or it was compiled from
    other data than `data`'s JSON files."""
    try:
        meta = json.loads((target / META).read_text("utf-8"))
    except FileNotFoundError:
        return None
    if meta.get("digest") != source_digest(data):
        logger.warning(
            "the compiled place index in %s is out of date; building it from the JSON "
            "(rebuild it with scripts/build_regions.py)",
            target,
        )
        return None
    name_rows = array("I")
    name_rows.frombytes((target / NAME_ROWS).read_bytes())
    if sys.byteorder == "big":
        name_rows.byteswap()
    parts = Tables(
        names=marisa_trie.Trie().mmap(str(target / NAMES)),
        name_rows=name_rows,
        prefixes=marisa_trie.Trie().mmap(str(target / PREFIXES)),
        max_words=meta["max_words"],
    )
    return Index(parts, JsonLines(target / ROWS), meta["adjectives"], meta["zones"])


def _little_endian(numbers: array[int]) -> bytes:
    if numbers.itemsize != 4:
        raise ValueError("the compiled rows need 4-byte unsigned integers")
    if sys.byteorder == "big":
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.tobytes()


class JsonLines(Sequence[Any]):
    """A JSON Lines file, memory-mapped; each line decoded when it is read."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        starts = array("I", [0])
        at = self._map.find(b"\n")
        while at != -1:
            starts.append(at + 1)
            at = self._map.find(b"\n", at + 1)
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, number: int) -> Any: ...

    @overload
    def __getitem__(self, number: slice) -> list[Any]: ...

    def __getitem__(self, number: int | slice) -> Any:
        if isinstance(number, slice):
            return [self[i] for i in range(*number.indices(len(self)))]
        if number < 0:
            number += len(self)
        if not 0 <= number < len(self):
            raise IndexError(number)
        return json.loads(self._map[self._starts[number] : self._starts[number + 1]])

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self)))


if __name__ == "__main__":  # python -m knowledge.places.compiled: after editing the JSON
    write()
