"""Crashes and damage: SIGKILL in the middle of an admin import or edit leaves the previous
state or the new one, never a mix; a damaged database is refused at start-up, untouched;
a handler that raises is logged with its update id and the user still gets an apology.

The writer is a child process doing imports (or edits) in a loop, each write slowed down
inside its transaction so that most kills land mid-transaction; it is killed with SIGKILL at
random moments (a seeded RNG), and after each kill the database must open cleanly, pass
`PRAGMA integrity_check`, and hold exactly one of the states a whole write leaves.
"""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
import yaml

from knowledge.curation.service import Curator
from knowledge.model import squash_spaces
from knowledge.storage.fact_file import dump_facts, load_facts, load_sources, parse_facts
from knowledge.storage.store import FactStore
from talkbot.testing.fakeapi import FakeBotAPI
from talkbot.testing.process import ROOT, bot_env, start_bot, stop_bot
from tests.conftest import CONTENT, MAIN_EVENT

EDITED = "talks-time"
# Seconds each fact write is slowed by inside its transaction (between the facts' rows and
# their audit rows): an import writes ~23 facts, an edit one, so that most of a writer's time
# is spent mid-transaction either way.
PAUSE = {"import": 0.004, "edit": 0.05}
# The child: opens the store, slows every write inside its transaction by `pause` seconds a
# fact, and then flips the base between two states for ever, saying "begin" before each
# write and "done" after it. Imports are written as the bot writes them: in the store's
# worker thread, on its own connection (Curator.write_import); edits on the main one.
WRITER = """
import asyncio, sys, time
from knowledge.curation.importing import parse_import
from knowledge.curation.service import Curator
from knowledge.storage.audit import AuditTrail
from knowledge.storage.store import FactStore
CONTENT = "tests/data/content"

database, mode, pause, first, second = sys.argv[1:]
pause = float(pause)
record_many = AuditTrail.record_many

def slow_record_many(self, rows):
    time.sleep(pause * len(rows))  # the facts' rows are written, their audit rows not yet
    return record_many(self, rows)

AuditTrail.record_many = slow_record_many
curator = Curator(FactStore.open(database, CONTENT))
states = (open(first, encoding="utf-8").read(), open(second, encoding="utf-8").read())
while True:
    if mode == "import":
        target = states[1] if curator.export() == states[0] else states[0]
        parsed = parse_import(target, curator.store.sources())
        fingerprint = curator.preview_import(parsed).fingerprint
        print("begin", flush=True)
        asyncio.run(curator.write_import(1001, parsed, fingerprint))
    else:
        current = curator.store.fact("talks-time")[0].text["en"]
        target = states[1] if current == states[0] else states[0]
        print("begin", flush=True)
        curator.set_field(1001, "talks-time", "text_en", target, "en")
    print("done", flush=True)
"""


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A seeded database with subscribers, so that every write also fills the outbox."""
    path = tmp_path / "talkbot.db"
    store = FactStore.open(path, CONTENT)
    for user_id in (11, 12, 13):
        for fact_id in (EDITED, "talks-format", "talks-footage"):
            store.subscriptions.subscribe(user_id, fact_id)
    store.close()
    return path


def revised_export(original: str) -> str:
    """The shipped base in reverse order, every English answer changed and two facts
    gone: an import that touches every row."""
    data = yaml.safe_load(original)
    facts = list(reversed(data["facts"]))[:-2]
    for fact in facts:
        fact["text"]["en"] += " (Revised.)"
    return yaml.safe_dump({"facts": facts}, allow_unicode=True, sort_keys=False)


def check_database(path: Path) -> tuple[str, dict[str, str]]:
    """Opens cleanly and is whole; every fact's version matches its audit rows and every
    outbox row its audit row (so no write is half in); returns the export and en texts."""
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    store = FactStore.open(path, CONTENT)
    try:
        db = store.db
        mismatched = db.execute(
            "SELECT f.id FROM facts f WHERE f.version - 1 !="
            " (SELECT count(*) FROM audit a WHERE a.fact_id = f.id)"
        ).fetchall()
        assert mismatched == []
        orphans = db.execute(
            "SELECT count(*) FROM outbox WHERE audit_id NOT IN (SELECT id FROM audit)"
        ).fetchone()[0]
        assert orphans == 0
        export = Curator(store).export()
        texts = {fact.id: fact.text["en"] for fact in store.facts()}
    finally:
        store.close()
    return export, texts


async def kill_mid_write(
    database: Path, mode: str, states: tuple[Path, Path], rng: random.Random, window: float
) -> bool:
    """Start the writer, wait for its first or second write to begin, SIGKILL it up to
    `window` seconds later; True if it died between "begin" and "done"."""
    child = await asyncio.create_subprocess_exec(
        *(sys.executable, "-c", WRITER, str(database), mode, str(PAUSE[mode])),
        *(str(path) for path in states),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    said: list[str] = []
    try:
        begun = rng.randint(1, 2)
        while said.count("begin") < begun:
            line = await asyncio.wait_for(child.stdout.readline(), 30)
            assert line, (await child.stderr.read()).decode()
            said.append(line.decode().strip())
        await asyncio.sleep(rng.uniform(0, window))
        child.send_signal(signal.SIGKILL)
        await child.wait()
        # What it printed before dying says where it was.
        said.extend((await child.stdout.read()).decode().split())
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()
    return said[-1] == "begin"


async def test_sigkill_during_imports_leaves_the_old_or_the_new_base_never_a_mix(
    database: Path, tmp_path: Path
):
    old = dump_facts(load_facts(CONTENT / "facts.yaml"))
    sources = load_sources(CONTENT / "sources.yaml")
    new = dump_facts(parse_facts(revised_export(old), sources, event_id=MAIN_EVENT))
    states = (tmp_path / "old.yaml", tmp_path / "new.yaml")
    states[0].write_text(old, encoding="utf-8")
    states[1].write_text(new, encoding="utf-8")
    rng = random.Random(20261125)

    mid_write, seen, kills = 0, set(), 0
    # Until a kill has left each state and several came mid-transaction (bounded).
    while len(seen) < 2 or mid_write < 3:
        kills += 1
        assert kills <= 12, f"{mid_write} kills mid-write, states seen {seen}"
        mid_write += await kill_mid_write(database, "import", states, rng, window=0.3)
        export, _ = check_database(database)
        assert export in (old, new)
        seen.add(export == new)


async def test_sigkill_during_edits_leaves_the_old_or_the_new_text_never_a_mix(
    database: Path, tmp_path: Path
):
    _, texts = check_database(database)
    shipped = texts[EDITED]
    first = squash_spaces(shipped)  # what /edit stores of a text
    states = (tmp_path / "a.txt", tmp_path / "b.txt")
    states[0].write_text(first, encoding="utf-8")
    states[1].write_text(first + " (Edited.)", encoding="utf-8")
    rng = random.Random(7)

    mid_write, seen, kills = 0, set(), 0
    while len(seen) < 2 or mid_write < 2:
        kills += 1
        assert kills <= 10, f"{mid_write} kills mid-write, texts seen {seen}"
        mid_write += await kill_mid_write(database, "edit", states, rng, window=0.1)
        _, after = check_database(database)
        assert after[EDITED] in (shipped, first, first + " (Edited.)")
        others = {fact_id: text for fact_id, text in after.items() if fact_id != EDITED}
        assert others == {fact_id: text for fact_id, text in texts.items() if fact_id != EDITED}
        seen.add(after[EDITED].endswith("(Edited.)"))


# --------------------------------------------------------------------------- damaged files


def damaged_files(good: bytes) -> dict[str, bytes]:
    half = len(good) // 2
    return {
        "not a database": b"this is not a database\n" * 200,
        "zeroed": bytes(8192),
        "truncated": good[: len(good) // 3],
        "damaged pages": good[:half] + bytes((b * 7 + 13) % 256 for b in good[half:]),
    }


@pytest.fixture(scope="module")
def good_database(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "talkbot.db"
    FactStore.open(path, CONTENT).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


ASK = ["ask", "when is the call?"]


# `run` imports aiogram before it opens the database (3 s), `ask` does not: every kind of
# damage goes through `ask`, and two through `run`, which opens the store the same way.
async def run_bot_command(workdir: Path, command: list[str]) -> tuple[int, list[str], list]:
    """`python -m bot COMMAND` on a fake Bot API: its exit code, its non-empty output lines
    and the getUpdates calls it made."""
    async with FakeBotAPI() as api:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", *command),
            cwd=workdir,
            env=bot_env(api, workdir, content=CONTENT),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 30)
        polled = api.calls_of("getUpdates")
    lines = [line for line in (out + err).decode().splitlines() if line.strip()]
    assert process.returncode is not None
    return process.returncode, lines, polled


@pytest.mark.parametrize(
    ("kind", "command"),
    [
        pytest.param("not a database", ["run"], id="run-not-a-database"),
        pytest.param("damaged pages", ["run"], id="run-damaged-pages"),
        *(
            pytest.param(kind, ASK, id=f"ask-{kind.replace(' ', '-')}")
            for kind in ("not a database", "zeroed", "truncated", "damaged pages")
        ),
    ],
)
async def test_a_damaged_database_stops_the_bot_with_one_line_and_is_left_as_it_was(
    tmp_path: Path, good_database: bytes, kind: str, command: list[str]
):
    damaged = damaged_files(good_database)[kind]
    path = tmp_path / "talkbot.db"
    path.write_bytes(damaged)
    returncode, lines, polled = await run_bot_command(tmp_path, command)
    assert returncode == 2, lines
    assert len(lines) == 1 and lines[0].startswith("error: cannot open database talkbot.db")
    assert path.read_bytes() == damaged  # never overwritten, never "repaired"
    assert polled == []  # it stopped before talking to Telegram


async def test_a_database_path_that_cannot_be_read_as_a_file_is_one_clear_line(tmp_path: Path):
    (tmp_path / "talkbot.db").mkdir()  # root can read any file; no one can open a folder
    returncode, lines, _ = await run_bot_command(tmp_path, ASK)
    assert returncode == 2
    assert lines == ["error: cannot open database talkbot.db: unable to open database file"]


# --------------------------------------------------------------------------- handler errors


async def test_a_handler_that_raises_is_logged_with_its_update_id_and_the_user_gets_an_apology(
    tmp_path: Path,
):
    """End to end through `python -m bot run`: a trigger makes the settings table refuse
    every row, so /tz raises; the error handler logs the update id (never the token) and
    apologises, and the bot goes on. (The question log, which this used to break, is
    written in batches off the handler: a broken log no longer stops an answer.)"""
    log_path = tmp_path / "bot.log"
    database = tmp_path / "talkbot.db"
    store = FactStore.open(database, CONTENT)
    store.db.execute(
        "CREATE TRIGGER broken_settings BEFORE INSERT ON users"
        " BEGIN SELECT RAISE(ABORT, 'the settings table is broken'); END"
    )
    store.close()
    async with FakeBotAPI() as api:
        process = await start_bot(bot_env(api, tmp_path, content=CONTENT), log_path)
        try:
            await api.wait_for("getUpdates", timeout=90)
            update_id = api.push_update(api.text_message("/tz Berlin", language_code="uk"))
            [apology] = await api.wait_for("sendMessage", timeout=15)
            again = await api.send_and_wait(api.text_message("/help", language_code="uk"))
            code = await stop_bot(process)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    logged = log_path.read_text()

    assert code == 0, logged[-2000:]
    assert apology.plain == "Вибачте, у мене щось зламалося. Спробуйте ще раз."
    assert f"update {update_id} failed: IntegrityError" in logged
    assert "the settings table is broken" in logged  # the traceback is there for the operator
    assert again[0].ok  # and the bot goes on
    assert api.token not in logged and api.token.split(":")[1] not in logged
