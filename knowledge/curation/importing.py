"""Importing a facts file over the live base: a preview of what it adds, changes and
removes, then, on confirmation, the whole file applied in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.curation.errors import Conflict, InvalidFact
from knowledge.model import Fact, Source
from knowledge.storage.fact_file import FactsInvalid, parse_facts
from knowledge.storage.store import FactChange, FactStore
from knowledge.storage.writes import FactWriter

IMPORT_NAME = "import"


@dataclass(frozen=True)
class ImportPreview:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    reordered: bool
    total: int  # facts in the file
    fingerprint: str  # of the base as previewed; apply_import refuses if it moved on

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.reordered)


@dataclass(frozen=True)
class ImportResult:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass(frozen=True)
class ImportFile:
    """A facts file parsed and validated against the sources it was read with."""

    text: str
    facts: tuple[Fact, ...]


def parse_import(text: str, sources: Mapping[str, Source]) -> ImportFile:
    """The file's facts, checked exactly as the shipped file is; InvalidFact lists every problem.

    Pure (no database), so it can run in a worker thread: a 10,000-fact file takes seconds.
    """
    try:
        return ImportFile(text, tuple(parse_facts(text, sources, filename=IMPORT_NAME)))
    except FactsInvalid as invalid:
        raise InvalidFact(invalid.problems) from None


def preview_import(store: FactStore, parsed: ImportFile) -> ImportPreview:
    return compare(store, parsed.facts)


def compare(store: FactStore, facts: Sequence[Fact]) -> ImportPreview:
    current = {f.id: f for f in store.facts()}
    incoming = [f.id for f in facts]
    kept = set(incoming)
    return ImportPreview(
        added=tuple(f.id for f in facts if f.id not in current),
        changed=tuple(f.id for f in facts if f.id in current and current[f.id] != f),
        removed=tuple(fid for fid in current if fid not in kept),
        reordered=[i for i in current if i in kept] != [i for i in incoming if i in current],
        total=len(facts),
        fingerprint=store.fingerprint(),
    )


def apply_import(
    writer: FactWriter, admin_id: int, parsed: ImportFile, fingerprint: str
) -> ImportResult:
    """Make the live base exactly the file, in file order (so /export then gives the file
    back byte for byte), as one audited batch that one /undo reverts.

    `fingerprint` is the preview's: if any fact changed since, Conflict (preview again).
    """
    store, facts = writer.store, parsed.facts
    with writer.transaction():
        if store.fingerprint() != fingerprint:
            raise Conflict(None)
        preview = compare(store, facts)
        changes = []
        for position, fact in enumerate(facts):
            stored = store.stored(fact.id)
            if stored is None:
                changes.append(FactChange(fact.id, fact, None, position=position))
            elif stored.deleted or stored.fact != fact or stored.position != position:
                changes.append(
                    FactChange(
                        fact.id, fact, stored.version, deleted=stored.deleted, position=position
                    )
                )
        for fact_id in preview.removed:
            removed = store.stored(fact_id)
            assert removed is not None  # it is live: compare() just listed it
            changes.append(FactChange(fact_id, None, removed.version))
        if changes:
            writer.write(changes, admin_id=admin_id, action="import")
    return ImportResult(preview.added, preview.changed, preview.removed)
