"""The store's worker thread, for database work too long for the event loop (writing a
confirmed import, reading every fact before an index rebuild, diffing an import), and the
gate that keeps the loop's own writes from ever waiting on the lock such a write holds.

A sqlite3 connection (and so sqlite-utils' Database) belongs to the thread that made it, so
the worker opens a second connection to the same file inside its one thread and uses it
only there. With WAL, the loop's connection goes on reading the last committed state while
the worker writes, and sees the new one once it commits. Only one connection can write at
a time, though, so while the worker holds the write lock the loop must not write: the
store's `WriteGate` is held meanwhile, loop-side writes that can wait are deferred to run
right after the commit (the question log, the notifier's bookkeeping), handlers that write
await `idle()` first, and the loop's connection stops waiting for the lock at all (busy
timeout 0), so a write nobody foresaw fails at once instead of freezing every user.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Generic, TypeVar

from sqlite_utils import Database

logger = logging.getLogger(__name__)

S = TypeVar("S")  # what a job is given: the worker's own store on its own connection
T = TypeVar("T")

# What the loop's connection waits for a lock held by another process (a CLI command on
# the same file) outside the gate: FactStore.open sets it.
LOOP_BUSY_TIMEOUT_MS = 5000


class WriteGate:
    """Held on the event loop while the worker writes (one such write at a time)."""

    def __init__(self, loop_db: Database) -> None:
        self.loop_db = loop_db
        self.held = False
        self._deferred: list[Callable[[], object]] = []
        self._waiters: list[asyncio.Future[None]] = []

    def defer(self, write: Callable[[], object]) -> None:
        """Run `write` (a small write on the loop's connection) now, or, while the gate is
        held, right after the worker's commit, in the order deferred."""
        if self.held:
            self._deferred.append(write)
        else:
            write()

    async def idle(self) -> None:
        """Return once no worker write holds the lock (at once, usually)."""
        while self.held:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await waiter

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[None]:
        await self.idle()
        self.held = True
        # A loop write the gate did not catch fails at once ("database is locked") rather
        # than sleeping on the loop until the worker commits.
        self.loop_db.execute("PRAGMA busy_timeout=0")
        try:
            yield
        finally:
            self.loop_db.execute(f"PRAGMA busy_timeout={LOOP_BUSY_TIMEOUT_MS}")
            self.held = False
            deferred, self._deferred = self._deferred, []
            for write in deferred:
                try:
                    write()
                except Exception:  # one lost log row must not stop the others
                    logger.exception("a write deferred during an import failed")
            waiters, self._waiters = self._waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)


class StoreWorker(Generic[S]):
    """One thread with its own connection to the store's file; `build` makes the store a
    job is given from that connection. A database without a file (in memory) has no
    second connection: jobs then run on the caller's `fallback` store, in place."""

    def __init__(self, path: str, build: Callable[[Database], S], fallback: S) -> None:
        self.path = path
        self.build = build
        self.fallback = fallback
        self._executor: ThreadPoolExecutor | None = None
        self._store: S | None = None
        self._db: Database | None = None

    async def run(self, job: Callable[[S], T]) -> T:
        """`job(store)` in the worker thread; reads see the last committed state."""
        if not self.path:
            return job(self.fallback)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        future = asyncio.get_running_loop().run_in_executor(self._executor, self._call, job)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            # The thread cannot be stopped: let it finish (commit or roll back) before the
            # caller, cancelled, releases whatever it holds (the write gate).
            await asyncio.wait([future])
            raise

    async def transaction(self, job: Callable[[S], T]) -> T:
        """`job(store)` in the worker thread as one transaction that holds the write lock
        from its first read (BEGIN IMMEDIATE): what it reads cannot change before it
        commits. Hold the store's WriteGate around it."""
        if not self.path:
            return job(self.fallback)  # the job's own atomic() is then the transaction
        return await self.run(lambda store: self._immediate(store, job))

    def close(self) -> None:
        if self._executor is None:
            return
        self._executor.submit(self._close_connection).result()
        self._executor.shutdown(wait=True)
        self._executor = None

    # -- in the worker thread -----------------------------------------------------------

    def _call(self, job: Callable[[S], T]) -> T:
        if self._store is None:
            connection = sqlite3.connect(self.path)
            self._db = Database(connection)
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            # Waiting here blocks only this thread (another process may hold the lock).
            self._db.execute(f"PRAGMA busy_timeout={LOOP_BUSY_TIMEOUT_MS}")
            self._store = self.build(self._db)
        return job(self._store)

    def _immediate(self, store: S, job: Callable[[S], T]) -> T:
        assert self._db is not None
        connection = self._db.conn
        connection.execute("BEGIN IMMEDIATE")
        try:
            result = job(store)  # its own atomic() blocks become savepoints
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        try:
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        return result

    def _close_connection(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            self._store = None
