"""Load test: the real bot process (`python -m bot run`) against an in-process fake Bot API,
and a minimal aiogram echo bot (scripts/echo_bot.py) under the same load as the ceiling.

Not part of the test suite (it takes minutes); the figures and how to reproduce them are in
docs/resilience.md and docs/performance.md.  Examples::

    .venv/bin/python scripts/loadtest.py --quick              # 1,000 questions, smoke run
    .venv/bin/python scripts/loadtest.py --rate 200           # 10,000 questions at 200/s
    .venv/bin/python scripts/loadtest.py --burst              # 10,000 questions at once
    .venv/bin/python scripts/loadtest.py --burst --question "when is the call?"  # all ask it
    .venv/bin/python scripts/loadtest.py --burst --faults     # 5% 429s, a 10 s outage
    .venv/bin/python scripts/loadtest.py --flood --quick      # Telegram's flood limits

The workload: questions from tests/data/dev_questions.yaml and the facts' own questions in
en, ru and uk, some with a place added ("в Нью-Йорке", "in Tokyo") or a typo, a few
follow-ups ("and in Tokyo?"), asked by 1,000 users with en/ru/uk/other clients.  Users are
interleaved so that none exceeds the bot's per-user throttle (10 messages / 10 s, burst 5);
one extra user floods in the middle of the run, to check that a flood earns exactly one
notice and does not slow anyone else.

Each reply is checked against what `Engine.ask` answers for that question (the same
rendered text: same fact or same declined status), per chat in the order asked, which also
checks the bot's per-chat ordering.  Latency runs from the moment an update is pushed into
the fake to the moment the fake receives the reply.

This file is the command line; the stages live in scripts/load/ (workload, drive, judge,
report).  It imports the installed `bot`, `knowledge` and `talkbot` packages (`make` installs
them, editable) and `load` from this folder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from load.drive import OUTAGE_SECONDS, Options, echo_target, run_target, talkbot_target
from load.judge import Result
from load.report import print_table, report_statuses, verdicts
from load.workload import Expectations, build_workload, flood_jobs

from knowledge.places.zones import use_bundled_zones


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--rate", type=float, help="steady offered rate, questions/s (default 200)")
    shape.add_argument("--burst", action="store_true", help="push every question at once")
    parser.add_argument("--faults", action="store_true", help="5%% 429s and an outage (--outage)")
    parser.add_argument(
        "--outage", type=float, default=OUTAGE_SECONDS, help="with --faults: its length, s"
    )
    parser.add_argument("--flood", action="store_true", help="emulate Telegram's flood limits")
    parser.add_argument("--quick", action="store_true", help="1,000 questions from 200 users")
    parser.add_argument("--questions", type=int, help="questions in all (default 10,000)")
    parser.add_argument("--users", type=int, help="distinct users (default 1,000)")
    parser.add_argument("--clump", type=int, help="questions a user sends back to back")
    parser.add_argument(
        "--question",
        help="every user asks this one question, the way a story breaking is asked about"
        " (default: the mixed questions below)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=("talkbot", "echo"), help="run one bot only")
    parser.add_argument(
        "--no-flooder", action="store_true", help="leave out the user who floods mid-run"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep-logs", type=Path, help="keep the bots' logs in this folder")
    parser.add_argument(
        "--profile", type=Path, help="profile talkbot with py-spy; collapsed stacks go here"
    )
    parser.add_argument(
        "--bot-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an extra environment variable for both bots (repeatable), for experiments",
    )
    args = parser.parse_args(argv)
    questions = args.questions or (1_000 if args.quick else 10_000)
    users = min(args.users or (200 if args.quick else 1_000), questions)
    rate = args.rate
    if rate is None and not args.burst:
        # Under Telegram's flood limits (30 messages/s in all) no bot can answer 200/s.
        rate = 25.0 if args.flood else 200.0
    return Options(
        questions=questions,
        users=users,
        rate=rate,
        faults=args.faults,
        flood=args.flood,
        # Under flood limits, users who send a few questions back to back meet the
        # one-message-per-second-per-chat limit; the throttle still lets 5 through.
        clump=args.clump or (3 if args.flood else 1),
        seed=args.seed,
        only=args.only,
        flooder=not args.no_flooder,
        keep_logs=args.keep_logs,
        profile=args.profile,
        json=args.json,
        bot_env=dict(item.split("=", 1) for item in args.bot_env),
        outage_s=args.outage,
        question=args.question,
    )


def main(argv: Sequence[str] | None = None) -> int:
    use_bundled_zones()  # zones from the tzdata package, as the bot reads them
    options = parse_args(argv)
    per_user = max(1, options.questions // options.users)
    mode = "burst" if options.rate is None else f"steady {options.rate:g} q/s"
    extras = [name for name, on in (("faults", options.faults), ("flood", options.flood)) if on]
    print(
        f"{options.users * per_user} questions from {options.users} users, {mode}"
        + (f", {' + '.join(extras)}" if extras else "")
        + f", {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}"
    )
    results: list[Result] = []
    talkbot: Result | None = None
    echo: Result | None = None
    if options.only in (None, "talkbot"):
        expectations = Expectations()
        workload = build_workload(
            options.users, per_user, options.seed, expectations, options.question
        )
        flooder = flood_jobs(expectations, options.seed) if options.flooder else []
        report_statuses(workload)
        target = talkbot_target()
        target.profile = options.profile
        talkbot = asyncio.run(run_target(target, workload, flooder, options))
        results.append(talkbot)
    if options.only in (None, "echo"):
        workload = build_workload(options.users, per_user, options.seed, None, options.question)
        echo = asyncio.run(run_target(echo_target(), workload, [], options))
        results.append(echo)
    print_table(results)
    judged = verdicts(talkbot, echo, options) if talkbot is not None else []
    for name, verdict in judged:
        print(f"{name}: {verdict}")
    if options.json is not None:
        payload = {
            "mode": mode,
            "extras": extras,
            "cpus": os.cpu_count(),
            "results": [asdict(r) for r in results],
            "targets": [{"target": name, "verdict": verdict} for name, verdict in judged],
        }
        options.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), "utf-8")
    return 0 if all(v.startswith(("met", "n/a")) for _, v in judged) else 1


if __name__ == "__main__":
    sys.exit(main())
