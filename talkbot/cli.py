"""The command line: `python -m bot [run|chat|ask|validate|backup|restore|bench|eval|
propose]`, also installed as the `talkbot` command.

`ask`, `chat` and `validate` never import aiogram, so they start fast and work with no
token and no network.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot.config import Settings, SettingsError, load_settings
from knowledge.answering.compose import Answer
from knowledge.answering.engine import Conversation, Engine, UnknownPlace
from knowledge.model import LANGS
from knowledge.places.resolver import Place
from knowledge.places.zones import use_bundled_zones
from knowledge.storage.backup import BackupError, make_snapshot, restore_snapshot
from knowledge.storage.content import content_decision
from knowledge.storage.store import FactStore, StoreError

EXIT_USAGE = 2


class CliError(Exception):
    """A user error: printed as one line on stderr, exit status 2."""


def program_name() -> str:
    """`talkbot` when run as the installed command, else `python -m bot`."""
    return "talkbot" if Path(sys.argv[0]).name == "talkbot" else "python -m bot"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description="talkbot: answers questions about news events from a cited fact base.",
    )
    parser.add_argument("--db", type=Path, help="SQLite database path (default: DATABASE_PATH)")
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="content directory a new database is seeded from (default: CONTENT_DIR)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("run", help="run the Telegram bot (polling, or webhook when configured)")

    chat = commands.add_parser("chat", help="a local console chat over the same engine")
    _add_answer_options(chat)

    ask = commands.add_parser("ask", help="answer questions, in order, as one conversation")
    _add_answer_options(ask)
    ask.add_argument("--json", action="store_true", help="one JSON object per answer and line")
    ask.add_argument(
        "--batch",
        metavar="FILE",
        help='JSON Lines {"q", "lang", "tz"} to answer one by one ("-": stdin)',
    )
    ask.add_argument("questions", nargs="*", metavar="QUESTION")

    validate = commands.add_parser(
        "validate", help="check a facts file or a content directory (default: the content's)"
    )
    validate.add_argument("path", nargs="?", type=Path)

    backup = commands.add_parser(
        "backup", help="write a consistent snapshot of the database (safe while the bot runs)"
    )
    backup.add_argument("target", type=Path, metavar="FILE")

    restore = commands.add_parser(
        "restore",
        help="put a snapshot in place of the database (stop the bot first); keeps the old one",
    )
    restore.add_argument("snapshot", type=Path, metavar="FILE")

    bench = commands.add_parser("bench", help="print matcher and place-resolver latency figures")
    bench.add_argument("--quick", action="store_true", help="smaller synthetic bases")

    evaluate = commands.add_parser(
        "eval", help="accuracy on the question corpus: train, validation and held-out test"
    )
    evaluate.add_argument("--mode", choices=("lemma", "stem"), default="lemma")
    evaluate.add_argument(
        "--split", choices=("train", "validation", "test"), help="one split only (default: all)"
    )
    evaluate.add_argument(
        "--set",
        dest="question_set",
        choices=("corpus", "dev"),
        default="corpus",
        help="dev: the old dev set, a tuning set (upper bound)",
    )
    evaluate.add_argument("--show", action="store_true", help="list every miss")
    evaluate.add_argument(
        "--wave", type=int, choices=range(1, 21), help="one writer's wave of questions only"
    )

    from talkbot.propose import add_propose_parser

    add_propose_parser(commands)
    return parser


def _add_answer_options(parser: argparse.ArgumentParser) -> None:
    # Also accepted after the command (`ask --db PATH`); SUPPRESS keeps a --db or --content
    # given before the command from being overwritten by this one's default.
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite database path")
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="content directory a new database is seeded from",
    )
    parser.add_argument("--lang", choices=LANGS, help="answer in this language (default: detect)")
    parser.add_argument(
        "--tz", metavar="ZONE", help="your place or zone: 'Berlin', 'Нью-Йорк', 'UTC+3'"
    )


def main(argv: Sequence[str] | None = None) -> int:
    use_bundled_zones()  # answers the same on every machine (knowledge.places.zones)
    args = build_parser().parse_args(argv)
    try:
        overrides = {"database_path": args.db, "content_dir": args.content}
        settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
        if args.command is None:
            if settings.has_token:
                return _run_bot(settings)
            print(
                "No BOT_TOKEN configured: opening the local console chat instead (Ctrl-D to quit)."
            )
            return chat(settings, lang=None, tz=None)
        if args.command == "run":
            return _run_bot(settings)
        if args.command == "chat":
            return chat(settings, lang=args.lang, tz=args.tz)
        if args.command == "ask":
            return ask(settings, args)
        if args.command == "validate":
            return validate(args.path or settings.content_dir, settings.content_dir)
        if args.command == "backup":
            return backup(settings, args.target)
        if args.command == "restore":
            return restore(settings, args.snapshot)
        if args.command == "bench":
            from talkbot.bench import run_bench

            return run_bench(quick=args.quick)
        if args.command == "eval":
            from talkbot.evaluation import run_eval

            return run_eval(
                mode=args.mode,
                show=args.show,
                split=args.split,
                question_set=args.question_set,
                wave=args.wave,
            )
        if args.command == "propose":
            from talkbot.propose import run_propose

            return run_propose(args, settings.content_dir)
    except BackupError as error:  # a refused or failed snapshot: nothing was changed
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (CliError, SettingsError, StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to say
        sys.stderr.close()
        return 0
    return 0


def _run_bot(settings: Settings) -> int:
    if not settings.has_token:
        raise CliError("BOT_TOKEN is not set (see .env.example); `python -m bot chat` needs none")
    # Start-up (aiogram's models, then the indexes) makes ~250,000 objects that live as long
    # as the process: the collector would run ~600 times meanwhile and free nothing, ~0.6 s
    # of a 4 s start. bot.app.run freezes them and turns it back on (docs/performance.md).
    gc.disable()
    try:
        from bot.app import run

        return run(settings)
    finally:
        gc.enable()  # already on once the bot started; this is for a failed start


def open_engine(settings: Settings) -> tuple[FactStore, Engine]:
    store = FactStore.open(settings.database_path, settings.content_dir)
    decision = content_decision(settings.content_dir)
    return store, Engine(store.facts(), store.sources(), events=store.events(), decision=decision)


def _user_place(engine: Engine, tz: str | None) -> Place | None:
    if not tz:
        return None
    try:
        return engine.resolve_place(tz)
    except UnknownPlace as error:
        hint = f" Did you mean: {', '.join(error.suggestions)}?" if error.suggestions else ""
        raise CliError(f"unknown place or time zone {tz!r}.{hint}") from None


def answer_json(answer: Answer) -> dict[str, Any]:
    shown = answer_fields(answer)
    if answer.more or answer.unanswered or answer.asks_left:
        # A message of two asks: the other asks' answers, and the asks not answered.
        shown["more"] = [answer_fields(more) for more in answer.more]
        shown["unanswered"] = list(answer.unanswered)
        shown["asks_left"] = answer.asks_left
    return shown


def answer_fields(answer: Answer) -> dict[str, Any]:
    return {
        "answered": answer.answered,
        "status": answer.status,
        "text": answer.text,
        "lang": answer.lang,
        "facts": [{"id": fact_id, "score": score} for fact_id, score in answer.ranked],
        "citations": [
            {
                "fact_id": c.fact_id,
                "quote": c.quote,
                "source": c.source_id,
                "where": c.where(answer.lang),
            }
            for c in answer.citations
        ],
    }


@dataclass
class _Job:
    question: str
    lang: str | None
    tz: str | None


def _read_batch(name: str) -> list[_Job]:
    try:
        stream: Iterable[str] = (
            sys.stdin if name == "-" else Path(name).read_text("utf-8").splitlines()
        )
    except OSError as error:
        raise CliError(f"cannot read {name}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CliError(f"cannot read {name}: not UTF-8 text") from None
    jobs = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise CliError(f"{name}, line {number}: not valid JSON ({error.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("q"), str):
            raise CliError(f'{name}, line {number}: expected an object with a string "q"')
        lang = item.get("lang")
        if lang is not None and lang not in LANGS:
            raise CliError(f"{name}, line {number}: lang must be one of {', '.join(LANGS)}")
        tz = item.get("tz")
        if tz is not None and not isinstance(tz, str):
            raise CliError(f'{name}, line {number}: "tz" must be a string')
        jobs.append(_Job(item["q"], lang, tz))
    return jobs


def ask(settings: Settings, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if not args.questions and not args.batch:
        raise CliError("give at least one QUESTION, or --batch FILE")
    jobs = _read_batch(args.batch) if args.batch else []
    store, engine = open_engine(settings)
    try:
        default_place = _user_place(engine, args.tz)
        if jobs:
            places = [_user_place(engine, job.tz) if job.tz else default_place for job in jobs]
            answers = [
                engine.ask(job.question, lang=job.lang or args.lang, user_place=place)
                for job, place in zip(jobs, places, strict=True)
            ]
        else:
            conversation = Conversation()
            answers = [
                engine.ask(q, lang=args.lang, user_place=default_place, conversation=conversation)
                for q in args.questions
            ]
    finally:
        store.close()
    for number, answer in enumerate(answers):
        if args.json:
            out.write(json.dumps(answer_json(answer), ensure_ascii=False) + "\n")
        else:
            out.write(("\n" + "─" * 40 + "\n" if number else "") + answer.text + "\n")
    return 0


def chat(settings: Settings, lang: str | None, tz: str | None) -> int:
    """Console chat: `/tz PLACE`, `/lang en|ru|uk|auto`, `/quit`; anything else is a question."""
    store, engine = open_engine(settings)
    interactive = sys.stdin.isatty()
    try:
        place = _user_place(engine, tz)
        conversation = Conversation()
        if interactive:
            titles = " / ".join(event.title["en"] for event in engine.events) or "the news"
            print(f"Ask about {titles} in English, Russian or Ukrainian. /quit to leave.")
        while True:
            try:
                line = input("you> " if interactive else "")
            except EOFError:
                break
            line = line.strip()
            if not line:
                continue
            if line in ("/quit", "/exit"):
                break
            if line.startswith("/tz"):
                value = line[3:].strip()
                try:
                    place = _user_place(engine, value) if value and value != "reset" else None
                except CliError as error:
                    print(f"bot> {error}")
                    continue
                print(f"bot> time zone: {place.key if place else 'not set'}")
                continue
            if line.startswith("/lang"):
                value = line[5:].strip()
                lang = value if value in LANGS else None
                print(f"bot> language: {lang or 'auto'}")
                continue
            answer = engine.ask(line, lang=lang, user_place=place, conversation=conversation)
            print(
                ("bot> " if interactive else "") + answer.text + ("\n" if interactive else "\n---")
            )
    finally:
        store.close()
    return 0


def validate(path: Path, content_dir: Path) -> int:
    """Check a facts file (against the sources.yaml beside it, else the content's), or every
    file of a content directory."""
    from knowledge.storage.content import load_content
    from knowledge.storage.fact_file import FactsInvalid, load_facts, load_sources

    try:
        if path.is_dir():
            facts = load_content(path).facts
        else:
            beside = path.parent / "sources.yaml"
            sources = load_sources(beside if beside.is_file() else content_dir / "sources.yaml")
            facts = load_facts(path, sources)
    except FactsInvalid as error:
        print(str(error), file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {path.name}", file=sys.stderr)
        return 1
    questions = sum(len(f.all_questions()) for f in facts)
    print(f"{path.name}: {len(facts)} facts, {questions} questions, all quotes found verbatim")
    return 0


def backup(settings: Settings, target: Path) -> int:
    info = make_snapshot(settings.database_path, target)
    print(
        f"{info.path}: snapshot of {settings.database_path.name} at"
        f" {info.taken_at:%Y-%m-%d %H:%M:%S} UTC, schema version {info.schema_version},"
        f" {info.facts} facts"
    )
    return 0


def restore(settings: Settings, snapshot: Path) -> int:
    """The bot must be stopped: its open database would be swapped under it."""
    restored = restore_snapshot(snapshot, settings.database_path)
    info = restored.snapshot
    print(
        f"restored {snapshot.name} (taken {info.taken_at:%Y-%m-%d %H:%M:%S} UTC, schema version"
        f" {info.schema_version}, {info.facts} facts) into {settings.database_path}"
    )
    if restored.kept is not None:
        print(f"the previous database is kept as {restored.kept}")
    return 0
