"""Where talkbot's memory goes (issue 12): resident memory per start-up step and after
answering the load test's mixed questions, in one process, the way `python -m bot run`
builds the bot.

    .venv/bin/python scripts/memory_profile.py [--questions 12000] [--trace]

Each line is the step's change in RSS (from /proc/self/smaps_rollup: anonymous memory, and
file pages such as shared libraries and memory-mapped indexes), then the totals. Steps
before "talkbot's modules" are what the echo bot pays too. With --trace, tracemalloc's
Python-object sizes per step and the largest allocation sites at the end (slower, and
tracemalloc's own bookkeeping inflates RSS: read its column, not RSS, then).
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def smaps() -> dict[str, int]:
    """KiB per field of /proc/self/smaps_rollup, and the peak (VmHWM)."""
    fields = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                fields["peak"] = int(line.split()[1])
    return fields


class Steps:
    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.last = smaps()
        self.traced = 0
        print(f"{'step':<58} {'RSS':>7} {'anon':>7} {'file':>7} {'py':>7}  (MiB)")
        self.line("python", self.last, self.last["Rss"], 0)

    def line(self, name: str, now: dict[str, int], rss: int, traced: int) -> None:
        anon = now["Anonymous"] - (0 if rss == now["Rss"] else self.last["Anonymous"])
        total_file = now["Rss"] - now["Anonymous"]
        file = total_file - (0 if rss == now["Rss"] else self.last["Rss"] - self.last["Anonymous"])
        py = f"{traced / 2**20:7.1f}" if self.trace else "      -"
        print(f"{name:<58} {rss / 1024:7.1f} {anon / 1024:7.1f} {file / 1024:7.1f} {py}")

    def step(self, name: str, run: Callable[[], object]) -> object:
        result = run()
        now = smaps()
        traced = tracemalloc.get_traced_memory()[0] if self.trace else 0
        self.line(name, now, now["Rss"] - self.last["Rss"], traced - self.traced)
        self.last, self.traced = now, traced
        return result

    def total(self) -> None:
        now = smaps()
        print(
            f"{'total':<58} {now['Rss'] / 1024:7.1f} {now['Anonymous'] / 1024:7.1f} "
            f"{(now['Rss'] - now['Anonymous']) / 1024:7.1f}   peak {now['peak'] / 1024:.1f}"
        )


def short(filename: str) -> str:
    if filename.startswith(str(ROOT)):
        filename = os.path.relpath(filename, ROOT)
    return filename.split("site-packages/")[-1]


def babel_data() -> None:
    from knowledge.places.times import format_moment, relative, utc_now, zone_city

    now = utc_now()
    for lang in ("en", "ru", "uk"):
        format_moment(now, lang), relative(now, now, lang), zone_city("Europe/Kyiv", lang)


def echo_imports() -> None:
    from aiogram import Bot, Dispatcher, F  # noqa: F401
    from aiogram.client.session.aiohttp import AiohttpSession  # noqa: F401
    from aiogram.types import Message  # noqa: F401


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=12_000)
    parser.add_argument("--users", type=int, default=1_200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--trace", action="store_true", help="tracemalloc per step")
    parser.add_argument("--top", type=int, default=25, help="allocation sites shown (--trace)")
    args = parser.parse_args()
    gc.disable()  # as `python -m bot run` starts (talkbot.cli)
    if args.trace:
        tracemalloc.start()
    steps = Steps(args.trace)
    steps.step("aiogram, its session and types (the echo bot's imports)", echo_imports)
    steps.step("uvloop", lambda: __import__("uvloop"))
    from knowledge.storage._sqlite_utils_lean import import_sqlite_utils_without_numpy

    steps.step(
        "import sqlite_utils (without numpy, as the store does)", import_sqlite_utils_without_numpy
    )
    for module in ("pydantic_settings", "rapidfuzz.process", "babel.dates"):
        steps.step(f"import {module}", lambda m=module: __import__(m))
    steps.step("import pymorphy3 (the library)", lambda: __import__("pymorphy3"))
    steps.step("talkbot's modules (bot.app and what it imports)", lambda: __import__("bot.app"))

    from bot.app import build_bot, build_dispatcher
    from bot.config import load_settings
    from bot.i18n import bot_catalog
    from bot.replies import ReplyCache
    from knowledge.answering.engine import Engine
    from knowledge.language.text import morph
    from knowledge.storage.store import FactStore

    folder = tempfile.mkdtemp(prefix="talkbot-memory-")
    config = load_settings(
        _env_file=None,
        bot_token="123:memory",
        telegram_api_url="http://127.0.0.1:9",
        database_path=Path(folder) / "bot.db",
        content_dir=ROOT / "knowledge" / "content",
    )
    store = steps.step(
        "the store (SQLite, the content)",
        lambda: FactStore.open(config.database_path, config.content_dir),
    )
    steps.step("pymorphy3 ru dictionary", lambda: morph("ru"))
    steps.step("pymorphy3 uk dictionary", lambda: morph("uk"))
    engine = steps.step(
        "the engine (fact index, lexicon)",
        lambda: Engine(store.facts(), store.sources(), events=store.events()),
    )
    steps.step(
        "the place index (memory-mapped) and its first lookup",
        lambda: engine.resolver.find("when is the call in New York?"),
    )
    steps.step("Babel's locale data (en_GB, ru, uk)", babel_data)
    steps.step("engine.warm_up() (the event's warm-up questions)", engine.warm_up)
    steps.step("gc.freeze()", gc.freeze)
    gc.enable()
    steps.step(
        "build_bot + build_dispatcher",
        lambda: build_dispatcher(config, store, engine, metrics=None) and build_bot(config),
    )
    replies = ReplyCache(engine, bot_catalog())

    import random

    from load.workload import question_corpus, user_questions

    from bot.i18n import client_lang
    from knowledge.answering.engine import Conversation

    rng = random.Random(args.seed)
    corpus = question_corpus()
    per_user = max(1, args.questions // args.users)
    by_user = []
    for _ in range(args.users):
        native = client_lang(rng.choice(("en", "ru", "uk", "ru-RU", "de", "")) or None)
        by_user.append([(text, native) for text in user_questions(corpus, native, per_user, rng)])
    # Round robin over users, as the load test asks them.
    asked = [(user, *by_user[user][turn]) for turn in range(per_user) for user in range(args.users)]
    conversations = [Conversation() for _ in range(args.users)]

    def answer(block: list[tuple[int, str, str]]) -> None:
        for user, text, hint in block:
            replies.ask(
                text, lang=None, lang_hint=hint, user_place=None, conversation=conversations[user]
            )

    before = tracemalloc.take_snapshot() if args.trace else None
    done = 0
    for size in (1_000, 2_000, 3_000, 6_000):
        block = asked[done : done + size]
        if not block:
            break
        steps.step(
            f"answering questions {done + 1:,}-{done + len(block):,}", lambda b=block: answer(b)
        )
        done += len(block)
    steps.step("gc.collect()", gc.collect)
    steps.total()
    if args.trace:
        snapshot = tracemalloc.take_snapshot()
        print(f"\nlargest allocation sites (tracemalloc, {args.top}):")
        for stat in snapshot.statistics("filename")[: args.top]:
            frame = stat.traceback[0]
            name = short(frame.filename)
            print(f"  {stat.size / 2**20:7.2f} MiB {stat.count:>9,} blocks  {name}")
        print(f"\nwhat answering kept, by line (tracemalloc, {args.top}):")
        for stat in snapshot.compare_to(before, "lineno")[: args.top]:
            frame = stat.traceback[0]
            print(
                f"  {stat.size_diff / 2**20:+7.2f} MiB {stat.count_diff:>+9,} blocks  "
                f"{short(frame.filename)}:{frame.lineno}"
            )
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
