"""Admin curation of the fact base beneath the bot's commands: parse → Curator → render."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TypeVar

from knowledge.curation.browsing import FactPage, FactView, fact_page, fact_view
from knowledge.curation.citing import cite, register_source
from knowledge.curation.editing import with_field
from knowledge.curation.errors import (
    AlreadyDone,
    Busy,
    Conflict,
    DuplicateQuestion,
    Incomplete,
    LastQuestion,
    NoSuchQuestion,
    NotDeleted,
    QuoteNotInSource,
    UnknownFact,
    UnknownQuestionGroup,
)
from knowledge.curation.history import HistoryEntry, history_entry
from knowledge.curation.importing import (
    ImportFile,
    ImportPreview,
    ImportResult,
    apply_import,
    export_text,
    parse_import,
    preview_import,
)
from knowledge.curation.parsing import (
    Draft,
    SourceSpec,
    first_sentence,
    malformed,
    new_fact_id,
    parse_event_time,
)
from knowledge.curation.undoing import Undone, check_fact, undo
from knowledge.language.text import detect_language, normalize
from knowledge.model import LANGS, Citation, Event, EventTime, Fact, Source, squash_spaces
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.question_log import QuestionLog, UnansweredGroup, WindowStats
from knowledge.storage.store import FactChange, FactStore
from knowledge.storage.writes import FactWriter

PAGE_SIZE = 10
T = TypeVar("T")


@dataclass(frozen=True)
class Saved:
    action: str
    fact_id: str
    fact: Fact | None  # None after a delete
    version: int
    changed: bool = True  # False when an edit set what was already there


class Curator:
    """Every admin command's domain behaviour; each write is one transaction, audited.

    One rule for every fact, whoever writes it: admin-made and imported facts pass the
    same validation as the shipped file (`loader.fact_problems`): an answer and at least
    one question in each of en, ru and uk, and a quote found verbatim in its own
    registered source. So a fact is saved only when complete: it answers in every
    language the moment it is saved, an export re-imports unchanged, and nothing is
    machine-translated, copied across languages or left uncited. The /add dialogue asks
    for the languages one by one (`Draft.next_step`); the quick form takes a line each.

    The single write path: only the Curator holds the store's FactWriter. Each change is
    one transaction with its audit rows (`_change`), and once it is committed `on_change`
    is called, so whoever serves answers swaps in the new index (the bot's LiveBase does it
    in a worker thread). The CPU-heavy pure steps have async forms that run in a thread
    (`read_import`, `closest_passage`), and so do the long database steps of an import
    (`diff_import`, `write_import`, in the store's worker: storage.worker), so an event
    loop calling the Curator stays free. While an import is being written, the other
    writes refuse at once (Busy) rather than wait on the loop for its lock.
    """

    def __init__(
        self,
        store: FactStore,
        resolver: PlaceResolver | None = None,
        *,
        page_size: int = PAGE_SIZE,
        on_change: Callable[[], None] | None = None,
    ):
        self.store = store
        self.resolver = resolver or PlaceResolver.default()
        self.questions = QuestionLog(store.db, store.clock, store.gate)  # the store's clock
        self.page_size = page_size
        self.on_change = on_change
        self._writer = FactWriter(store)
        self._depth = 0  # nested units of work (attach → add_question) commit once

    @contextmanager
    def _change(self) -> Iterator[None]:
        """One admin change: one transaction with its audit rows, then `on_change` once it
        is committed (and only if something was written: an edit to the same value is not)."""
        if self.store.gate.held:  # an import is being written: this would wait for its lock
            raise Busy()
        written = self._writer.written
        self._depth += 1
        try:
            with self._writer.transaction():
                yield
        finally:
            self._depth -= 1
        if self._depth == 0 and self._writer.written != written and self.on_change:
            self.on_change()

    # -- reading ----------------------------------------------------------------------

    def list_facts(self, words: str = "", page: int = 1, lang: str = "en") -> FactPage:
        """Live facts whose id, texts or questions contain every word (prefixes count)."""
        return fact_page(self.store, words, page, lang, self.page_size)

    async def find_facts(self, words: str = "", page: int = 1, lang: str = "en") -> FactPage:
        """`list_facts` in the store's worker thread: a search reads every fact."""
        size = self.page_size
        return await self.store.worker.run(lambda store: fact_page(store, words, page, lang, size))

    def show(self, fact_id: str) -> FactView:
        return fact_view(self.store, fact_id)

    def history(self, fact_id: str | None = None, limit: int = 20) -> tuple[HistoryEntry, ...]:
        if fact_id is not None and self.store.stored(fact_id) is None:
            raise UnknownFact(fact_id)
        return tuple(history_entry(e) for e in self.store.audit.history(fact_id, limit))

    def export(self, event: Event | None = None) -> str:
        """One event's facts file (the main event's by default), as /import takes it back."""
        return export_text(self.store, event)[0]

    async def export_file(self, event: Event | None = None) -> tuple[str, int]:
        """`export` in the store's worker thread, with the number of facts in the file: 10,000
        facts take seconds to read and write out."""
        return await self.store.worker.run(lambda store: export_text(store, event))

    # -- adding -----------------------------------------------------------------------

    def build(self, draft: Draft, lang: str) -> Fact:
        """The fact a draft makes (the preview); refuses an incomplete or invalid one."""
        missing = draft.missing(lang)
        if missing:
            raise Incomplete(missing)
        event = None
        if draft.time:
            start, zone = parse_event_time(draft.time, self.resolver)
            titles = {g: draft.title.get(g) or first_sentence(draft.text[g]) for g in LANGS}
            event = EventTime(start, zone, titles)
        fact = Fact(
            id=draft.fact_id or new_fact_id(draft.questions["en"][0], self.store.fact_ids()),
            text={g: draft.text[g] for g in LANGS},
            questions={g: tuple(draft.questions[g]) for g in LANGS},
            citations=(self.cite(draft.quote),),
            event=event,
            event_id=next((e.id for e in self.store.events()), ""),  # the main event's
        )
        self._validate(fact)
        return fact

    def add(self, admin_id: int, draft: Draft, lang: str) -> Saved:
        """Save a new fact. A previewed draft carries its id (`with_step("id", …)`), so
        another admin taking that id meanwhile is a Conflict, never an overwrite."""
        fact = self.build(draft, lang)
        with self._change():
            version = self._writer.save_fact(
                fact, admin_id=admin_id, action="add", expected_version=None
            )
        return Saved("add", fact.id, fact, version)

    # -- changing ---------------------------------------------------------------------

    def set_field(
        self,
        admin_id: int,
        fact_id: str,
        field: str,
        value: str,
        lang: str,
        expected_version: int | None = None,
    ) -> Saved:
        """/edit: read, change and write in one transaction, so no update is lost."""
        with self._change():
            fact, version = self._live(fact_id, expected_version)
            changed = with_field(
                fact, field, value.strip(), lang, cite=self.cite, resolver=self.resolver
            )
            if changed == fact:
                return Saved("edit", fact_id, fact, version, changed=False)
            return self._save(admin_id, "edit", changed, version)

    def add_question(
        self,
        admin_id: int,
        fact_id: str,
        question: str,
        *,
        lang: str | None = None,
        admin_lang: str = "en",
    ) -> Saved:
        """/addq: the language is the one given, else the question's own (admin's breaks ties)."""
        question = squash_spaces(question)
        if not question:
            raise malformed("addq")
        lang = lang or detect_language(question, admin_lang)
        with self._change():
            fact, version = self._live(fact_id)
            asked = fact.questions.get(lang, ())
            if normalize(question) in {normalize(q) for q in asked}:
                raise DuplicateQuestion(fact_id, question)
            changed = replace(fact, questions={**fact.questions, lang: (*asked, question)})
            return self._save(admin_id, "addq", changed, version)

    def delete_question(self, admin_id: int, fact_id: str, n: int) -> Saved:
        """/delq: n counts all the fact's questions in the order /fact shows them."""
        with self._change():
            fact, version = self._live(fact_id)
            numbered = fact.all_questions()
            if not 1 <= n <= len(numbered):
                raise NoSuchQuestion(fact_id, n, len(numbered))
            lang, _ = numbered[n - 1]
            index = sum(1 for other, _ in numbered[: n - 1] if other == lang)
            kept = tuple(q for i, q in enumerate(fact.questions[lang]) if i != index)
            if not kept:
                raise LastQuestion(fact_id, lang)
            changed = replace(fact, questions={**fact.questions, lang: kept})
            return self._save(admin_id, "delq", changed, version)

    def delete(self, admin_id: int, fact_id: str, expected_version: int | None = None) -> Saved:
        """/del: soft, restorable; a confirmation passes the version it showed.

        Confirming again a deletion that was made (a double tap) is AlreadyDone."""
        with self._change():
            stored = self.store.stored(fact_id)
            if stored is not None and stored.deleted and expected_version is not None:
                raise AlreadyDone("delete", fact_id)
            _, version = self._live(fact_id, expected_version)
            change = FactChange(fact_id, None, version)
            new = self._writer.write_fact(
                change, admin_id=admin_id, action="delete", batch=self.store.audit.next_batch()
            )
        return Saved("delete", fact_id, None, new)

    def restore(self, admin_id: int, fact_id: str) -> Saved:
        with self._change():
            stored = self.store.stored(fact_id)
            if stored is None:
                raise UnknownFact(fact_id)
            if not stored.deleted:
                raise NotDeleted(fact_id)
            self._validate(stored.fact)  # its source must still be registered
            change = FactChange(fact_id, stored.fact, stored.version, deleted=True)
            new = self._writer.write_fact(
                change, admin_id=admin_id, action="restore", batch=self.store.audit.next_batch()
            )
        return Saved("restore", fact_id, stored.fact, new)

    def undo(self, admin_id: int) -> Undone:
        """Revert the admin's own latest change (a whole import at once) in one transaction.

        Refused with Conflict when a fact has changed since (another admin's edit is never
        reverted); the undo is audited and the change marked undone, so the next /undo
        goes one further back.
        """
        with self._change():
            return undo(self.store, self._writer, admin_id)

    async def write_undo(self, admin_id: int) -> Undone:
        """`undo` written in the store's worker thread, as `write_import` is: the undo of a
        whole import rewrites as many facts, and the event loop goes on answering meanwhile."""
        return await self._write_in_worker(lambda store, writer: undo(store, writer, admin_id))

    # -- import -----------------------------------------------------------------------

    async def read_import(self, text: str) -> ImportFile:
        """Parse and validate a facts file in a worker thread (a 10,000-fact file takes
        seconds of CPU): the event loop goes on answering meanwhile."""
        return await asyncio.to_thread(parse_import, text, self.store.sources())

    def preview_import(self, file: str | ImportFile) -> ImportPreview:
        """What importing a facts file would add, change and remove; nothing is written."""
        return preview_import(self.store, self._parsed(file))

    async def diff_import(self, parsed: ImportFile) -> ImportPreview:
        """`preview_import` in the store's worker thread: reading a 10,000-fact base takes
        most of a second."""
        return await self.store.worker.run(lambda store: preview_import(store, parsed))

    def apply_import(self, admin_id: int, file: str | ImportFile, fingerprint: str) -> ImportResult:
        """Make the file's event's live facts exactly the file, in one transaction (see
        importing)."""
        parsed = self._parsed(file)
        with self._change():
            return apply_import(self._writer, admin_id, parsed, fingerprint)

    async def write_import(
        self, admin_id: int, parsed: ImportFile, fingerprint: str
    ) -> ImportResult:
        """`apply_import` written in the store's worker thread, on its own connection, as one
        transaction holding the write lock from its first read; the event loop goes on
        answering from the old base meanwhile (writes that would wait for the lock wait
        for the gate instead, or are deferred: see storage.worker). `on_change` once it
        is committed, as for every change."""
        return await self._write_in_worker(
            lambda _, writer: apply_import(writer, admin_id, parsed, fingerprint)
        )

    def _parsed(self, file: str | ImportFile) -> ImportFile:
        return file if isinstance(file, ImportFile) else parse_import(file, self.store.sources())

    # -- sources ----------------------------------------------------------------------

    def register_source(self, admin_id: int, spec: SourceSpec) -> Source:
        with self._change():
            return register_source(self._writer, admin_id, spec)

    def cite(self, value: str, default_source: str | None = None) -> Citation:
        return cite(self.store.sources(), value, default_source)

    async def closest_passage(self, refused: QuoteNotInSource) -> str:
        """The source's stretch most like a refused quote, found in a worker thread (in a
        large source it takes seconds); kept in the refusal's details for whoever renders it."""
        if refused.details.get("closest") is None:
            source = self.store.sources().get(refused.details["source"])
            quote = refused.details["quote"]
            found = await asyncio.to_thread(source.closest_passage, quote) if source else ""
            refused.details["closest"] = found
        return refused.details["closest"]

    # -- what users asked -------------------------------------------------------------

    def unanswered(self, limit: int = 20) -> list[UnansweredGroup]:
        return self.questions.unanswered(limit)

    def attach_unanswered(self, admin_id: int, handle: int, fact_id: str) -> Saved:
        """Add an unanswered question (as asked, in its language) to a fact: its group
        leaves /unanswered, and the next such question is answered."""
        with self._change():
            group = self.questions.group(handle)
            if group is None:
                raise UnknownQuestionGroup(handle)
            saved = self.add_question(admin_id, fact_id, group.text, lang=group.lang)
            self.questions.resolve(handle, f"attached:{fact_id}")
        return saved

    def dismiss_unanswered(self, handle: int) -> int:
        if self.questions.group(handle) is None:
            raise UnknownQuestionGroup(handle)
        return self.questions.resolve(handle, "dismissed")

    def stats(self) -> tuple[WindowStats, ...]:
        return self.questions.stats()

    # -- helpers ----------------------------------------------------------------------

    def _live(self, fact_id: str, expected_version: int | None = None) -> tuple[Fact, int]:
        found = self.store.fact(fact_id)
        if found is None:
            raise UnknownFact(fact_id)
        if expected_version is not None and expected_version != found[1]:
            raise Conflict(*found)
        return found

    async def _write_in_worker(self, write: Callable[[FactStore, FactWriter], T]) -> T:
        """A long change in the store's worker thread, on its own connection and writer, as
        one transaction holding the gate; `on_change` once it is committed, if it wrote."""

        def run(store: FactStore) -> tuple[T, int]:
            writer = FactWriter(store)  # the Curator's too: in the worker, on its connection
            return write(store, writer), writer.written

        async with self.store.gate.hold():
            result, written = await self.store.worker.transaction(run)
        if written and self.on_change:
            self.on_change()
        return result

    def _validate(self, fact: Fact) -> None:
        check_fact(fact, self.store.sources())

    def _save(self, admin_id: int, action: str, fact: Fact, version: int) -> Saved:
        self._validate(fact)
        new = self._writer.save_fact(
            fact, admin_id=admin_id, action=action, expected_version=version
        )
        return Saved(action, fact.id, fact, new)
