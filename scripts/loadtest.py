"""Load test: the real bot process (`python -m bot run`) against an in-process fake Bot API,
and a minimal aiogram echo bot (scripts/echo_bot.py) under the same load as the ceiling.

Not part of the test suite (it takes minutes); the figures and how to reproduce them are in
docs/resilience.md.  Examples::

    .venv/bin/python scripts/loadtest.py --quick              # 1,000 questions, smoke run
    .venv/bin/python scripts/loadtest.py --rate 200           # 10,000 questions at 200/s
    .venv/bin/python scripts/loadtest.py --burst              # 10,000 questions at once
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
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `tests` and `knowledge` importable
    sys.path.insert(0, str(ROOT))

from bot.i18n import bot_catalog, client_lang  # noqa: E402
from bot.render import answer_html  # noqa: E402
from knowledge.answering.engine import Conversation, Engine  # noqa: E402
from knowledge.model import LANGS  # noqa: E402
from knowledge.storage.content import load_content  # noqa: E402
from knowledge.storage.fact_file import load_facts  # noqa: E402
from knowledge.storage.store import FactStore  # noqa: E402
from tests.bot_process import bot_env  # noqa: E402
from tests.fake_bot_api import Call, FakeBotAPI, _Fault, render_text  # noqa: E402

DEV_QUESTIONS = ROOT / "tests" / "data" / "dev_questions.yaml"
FIRST_USER_ID = 300_000
FLOODER_ID = 299_999
FLOOD_MESSAGES = 60
WARM_UP_USER_ID = 299_000
# Client languages: mostly the three the bot speaks, some it maps to English or Russian.
CLIENT_CODES = (("en", 30), ("ru", 30), ("uk", 25), ("ru-RU", 4), ("be", 3), ("de", 4), ("", 4))
PLACES = {
    "en": ("in New York", "in Tokyo", "in London", "in Berlin", "EST", "in Kyiv"),
    "ru": ("в Нью-Йорке", "в Токио", "в Лондоне", "по московскому времени", "в Берлине"),
    "uk": ("у Нью-Йорку", "у Токіо", "в Лондоні", "за київським часом", "у Берліні"),
}
FOLLOW_UPS = {
    "en": ("and in Tokyo?", "and in London?", "what about Berlin?"),
    "ru": ("а в Токио?", "а в Лондоне?", "а в Берлине?"),
    "uk": ("а в Токіо?", "а у Лондоні?", "а в Берліні?"),
}
OUTAGE_SECONDS = 10.0
FAULT_SHARE = 0.05


# --------------------------------------------------------------------------- workload


@dataclass
class Job:
    """One question of one user, and what the reply to it must say."""

    user_id: int
    language_code: str
    text: str
    expected: str  # the reply's plain text as Telegram would show it
    status: str  # the engine's status, or "echo"
    step: int  # its place among the user's questions
    update: dict[str, Any] = field(default_factory=dict, repr=False)
    update_id: int = 0
    pushed_at: float = 0.0


def typo(text: str, rng: random.Random) -> str:
    """One keyboard slip: two letters swapped, one dropped or one doubled."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0 and i + 1 < len(text):
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


def with_place(text: str, lang: str, rng: random.Random) -> str:
    stem = text.rstrip(" ?!.")
    return f"{stem} {rng.choice(PLACES[lang])}" + ("?" if text.rstrip().endswith("?") else "")


def question_corpus() -> dict[str, list[str]]:
    """Questions by language: the dev set's and the facts' own."""
    corpus: dict[str, list[str]] = {lang: [] for lang in LANGS}
    dev = yaml.safe_load(DEV_QUESTIONS.read_text(encoding="utf-8"))["questions"]
    for item in dev:
        corpus[item["lang"]].append(item["q"])
    for fact in load_facts():
        for lang, asked in fact.questions.items():
            corpus[lang].extend(asked)
    return corpus


def user_questions(
    corpus: dict[str, list[str]], native: str, count: int, rng: random.Random
) -> list[str]:
    asked = []
    for _ in range(count):
        lang = native if rng.random() < 0.8 else rng.choice(LANGS)
        if asked and rng.random() < 0.05:
            asked.append(rng.choice(FOLLOW_UPS[lang]))
            continue
        question = rng.choice(corpus[lang])
        if rng.random() < 0.25:
            question = with_place(question, lang, rng)
        if rng.random() < 0.2:
            question = typo(question, rng)
        if rng.random() < 0.1:
            question = question.upper() if rng.random() < 0.5 else question.lower()
        asked.append(question)
    return asked


class Expectations:
    """What talkbot must reply: the engine's answer rendered as the bot renders it, in the
    language the bot would pick, following each user's conversation."""

    def __init__(self) -> None:
        shipped = load_content()
        self.engine = Engine(shipped.facts, shipped.sources, events=shipped.events)
        self.texts = bot_catalog()
        self._cache: dict[tuple[str, str, str | None], tuple[str, str, str | None]] = {}

    def reply(
        self, question: str, language_code: str, conversation: Conversation
    ) -> tuple[str, str]:
        hint = client_lang(language_code or None)
        key = (question, hint, conversation.last_fact_id)
        if key not in self._cache:
            answer = self.engine.ask(question, lang_hint=hint, conversation=conversation)
            plain, _ = render_text(answer_html(answer, self.texts), "HTML")
            self._cache[key] = (plain, answer.status, conversation.last_fact_id)
        plain, status, last = self._cache[key]
        conversation.last_fact_id = last
        return plain, status


def build_workload(
    users: int, per_user: int, seed: int, expectations: Expectations | None
) -> list[list[Job]]:
    """Each user's questions in the order asked; `expectations` None means an echo bot."""
    rng = random.Random(seed)
    corpus = question_corpus()
    codes, weights = zip(*CLIENT_CODES, strict=True)
    workload = []
    for n in range(users):
        user_id = FIRST_USER_ID + n
        code = rng.choices(codes, weights)[0]
        native = client_lang(code or None)
        conversation = Conversation()
        jobs = []
        for step, text in enumerate(user_questions(corpus, native, per_user, rng)):
            if expectations is None:
                expected, status = text.strip(), "echo"
            else:
                expected, status = expectations.reply(text, code, conversation)
            jobs.append(Job(user_id, code, text, expected, status, step))
        workload.append(jobs)
    return workload


def flood_jobs(expectations: Expectations | None, seed: int) -> list[Job]:
    """One user sending FLOOD_MESSAGES questions at once: the first few are answered (the
    throttle's burst), then one notice, then silence."""
    rng = random.Random(seed + 1)
    code = "ru"
    corpus = question_corpus()
    jobs = []
    conversation = Conversation()
    for step in range(FLOOD_MESSAGES):
        text = rng.choice(corpus["ru"])
        if expectations is None:
            expected, status = text.strip(), "echo"
        else:
            expected, status = expectations.reply(text, code, conversation)
        jobs.append(Job(FLOODER_ID, code, text, expected, status, step))
    return jobs


def interleave(workload: Sequence[Sequence[Job]], clump: int) -> list[Job]:
    """Round robin over users, `clump` consecutive questions per user per turn: a user's
    turns are then a whole round apart, which keeps every user inside the throttle."""
    order = []
    cursors = [0] * len(workload)
    while True:
        progressed = False
        for u, jobs in enumerate(workload):
            taken = jobs[cursors[u] : cursors[u] + clump]
            if taken:
                order.extend(taken)
                cursors[u] += len(taken)
                progressed = True
        if not progressed:
            return order


# --------------------------------------------------------------------------- the fake server


class LoadFake(FakeBotAPI):
    """The test suite's fake, plus random 429s on a share of sendMessage calls, and a
    count of replies (scanning `calls` for them would cost the fake O(n) per reply)."""

    def __init__(self, *, fault_share: float = 0.0, seed: int = 0) -> None:
        super().__init__()
        self.fault_share = fault_share
        self.injected = 0
        self.replies = 0
        self.first_poll_at: float | None = None
        self._rng = random.Random(seed)
        self._reply_event = asyncio.Event()

    def _take_fault(self, method: str) -> _Fault | None:
        # Where the fake takes its queued faults: queue one for a random share of the calls.
        if method == "sendMessage" and self.fault_share and self._rng.random() < self.fault_share:
            self.injected += 1
            self.fail_next("sendMessage", 429, retry_after=1)
        return super()._take_fault(method)

    async def _get_updates(self, call: Call) -> list[dict[str, Any]]:
        if self.first_poll_at is None:
            self.first_poll_at = call.at
        return await super()._get_updates(call)

    async def _send_message(self, call: Call) -> dict[str, Any]:
        result = await super()._send_message(call)
        self.replies += 1
        self._reply_event.set()
        return result

    async def replies_reach(self, count: int, idle_timeout: float) -> bool:
        """Wait until `count` replies arrived; False after `idle_timeout` s without a new one."""
        while self.replies < count:
            self._reply_event.clear()
            try:
                await asyncio.wait_for(self._reply_event.wait(), idle_timeout)
            except TimeoutError:
                return False
        return True


# --------------------------------------------------------------------------- the bot process


@dataclass
class Target:
    name: str
    argv: list[str]
    needs_database: bool
    profile: Path | None = None  # py-spy's raw (collapsed stacks) output, when profiling

    def command(self) -> list[str]:
        if self.profile is None:
            return self.argv
        spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        # py-spy starts the bot as its child: attaching to a running process needs ptrace
        # rights that containers rarely grant.
        return [spy, "record", "-o", str(self.profile), "--format", "raw", "--", *self.argv]


def talkbot_target() -> Target:
    return Target("talkbot", [sys.executable, "-m", "bot", "run"], needs_database=True)


def echo_target() -> Target:
    return Target("echo", [sys.executable, str(ROOT / "scripts" / "echo_bot.py")], False)


def proc_usage(pid: int) -> tuple[float, float]:
    """(peak RSS in MiB, CPU seconds user+system) of a live process, from /proc (Linux)."""
    peak_kib = 0
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak_kib = int(line.split()[1])
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        # Fields after the ")" that closes the command name: utime and stime are 14 and 15.
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return peak_kib / 1024, (int(fields[11]) + int(fields[12])) / ticks


async def child_pid(pid: int) -> int:
    """The bot under py-spy: py-spy's only child (Linux's /proc lists it)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    for _ in range(500):
        found = children.read_text().split()
        if found:
            return int(found[0])
        await asyncio.sleep(0.01)
    raise RuntimeError("py-spy did not start the bot")


# --------------------------------------------------------------------------- one run


@dataclass
class Options:
    questions: int
    users: int
    rate: float | None  # None: burst
    faults: bool
    flood: bool
    clump: int
    seed: int
    only: str | None = None  # "talkbot" or "echo"
    flooder: bool = True
    keep_logs: Path | None = None
    profile: Path | None = None
    json: Path | None = None
    bot_env: dict[str, str] = field(default_factory=dict)  # extra variables for the bots
    outage_s: float = OUTAGE_SECONDS  # with faults: how long the Bot API is away


@dataclass
class Result:
    target: str
    questions: int
    replies: int = 0
    answered: int = 0  # replies matching what was asked, in order
    lost: int = 0
    duplicated: int = 0
    wrong: int = 0
    out_of_order: int = 0
    throttled: int = 0  # flood notices to users who did not flood (must be 0)
    answered_per_s: float = 0.0
    offered_per_s: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    startup_s: float = 0.0
    first_answer_ms: float = 0.0
    peak_rss_mib: float = 0.0
    cpu_s: float = 0.0
    cpu_per_answer_ms: float = 0.0  # the bot's CPU after start-up and warm-up, per question
    exit_code: int | None = None
    injected_429: int = 0
    flood_429: int = 0
    failed_sends: int = 0
    log_errors: int = 0
    log_warnings: int = 0
    loadgen_cpu_s: float = 0.0
    # Collections in this process that stalled the fake server for over 20 ms: each shows
    # up as bot latency, so a run with long ones measures the load generator too.
    loadgen_gc_pauses_ms: list[float] = field(default_factory=list)
    flooder: dict[str, Any] = field(default_factory=dict)
    during_flood_p99_ms: float | None = None
    # The slowest answer to questions pushed in each second of the run: stalls show here.
    worst_by_second_ms: list[float] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)


def percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run_target(
    target: Target, workload: list[list[Job]], flooder: list[Job], options: Options
) -> Result:
    total = sum(len(jobs) for jobs in workload)
    result = Result(target.name, total)
    # The workload (and the expected answers) is hundreds of thousands of objects, and the
    # fake records every call: a full collection in this process stalls the fake server for
    # 0.1-0.3 s and shows up as the bot's latency. The collector is off for the run (it is
    # bounded, and what it allocates is freed by reference counting); pauses it still
    # makes are reported.
    gc.collect()
    gc.freeze()
    gc.disable()
    pauses = GcPauses()
    gc.callbacks.append(pauses)
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    with tempfile.TemporaryDirectory(prefix=f"loadtest-{target.name}-") as tmp:
        workdir = Path(tmp)
        if target.needs_database:
            # A restart, not a first start: the database exists (seeding is a one-off).
            FactStore.open(workdir / "talkbot.db").close()
        api = LoadFake(fault_share=FAULT_SHARE if options.faults else 0.0, seed=options.seed)
        async with api:
            if options.flood:
                api.flood_limit(per_chat_per_second=1, global_per_second=30)
            log_path = workdir / "bot.log"
            with log_path.open("w") as log:
                spawned = time.monotonic()
                process = await asyncio.create_subprocess_exec(
                    *target.command(),
                    cwd=workdir,  # no developer's .env is read from here
                    env=bot_env(api, workdir) | options.bot_env,
                    stdin=asyncio.subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                )
            try:
                await api.wait_for("getUpdates", timeout=60)
                assert api.first_poll_at is not None
                result.startup_s = api.first_poll_at - spawned
                result.first_answer_ms = await warm_up(api) * 1000
                bot_pid = await child_pid(process.pid) if target.profile else process.pid
                _, cpu_ready = proc_usage(bot_pid)
                await drive(api, workload, flooder, options, result)
                result.peak_rss_mib, result.cpu_s = proc_usage(bot_pid)
                if result.replies:
                    result.cpu_per_answer_ms = (result.cpu_s - cpu_ready) / result.replies * 1000
                os.kill(bot_pid, signal.SIGTERM)
                result.exit_code = await asyncio.wait_for(process.wait(), 30)
            finally:
                if process.returncode is None:
                    process.kill()
                    await process.wait()
        logged = log_path.read_text(encoding="utf-8", errors="replace")
        result.log_errors = sum(" ERROR " in line for line in logged.splitlines())
        result.log_warnings = sum(" WARNING " in line for line in logged.splitlines())
        if options.keep_logs is not None:
            options.keep_logs.mkdir(parents=True, exist_ok=True)
            (options.keep_logs / f"{target.name}.log").write_text(logged, encoding="utf-8")
    gc.callbacks.remove(pauses)
    gc.enable()
    gc.unfreeze()
    result.loadgen_gc_pauses_ms = [round(p * 1000, 1) for p in pauses.long]
    usage_after = resource.getrusage(resource.RUSAGE_SELF)
    result.loadgen_cpu_s = (usage_after.ru_utime + usage_after.ru_stime) - (
        usage_before.ru_utime + usage_before.ru_stime
    )
    return result


class GcPauses:
    """A gc callback keeping the collections that took longer than 20 ms."""

    def __init__(self) -> None:
        self.started = 0.0
        self.long: list[float] = []

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        elif time.perf_counter() - self.started > 0.02:
            self.long.append(time.perf_counter() - self.started)


async def warm_up(api: LoadFake) -> float:
    """One question before the clock starts; its latency is the first answer's (lazy
    loading included), reported on its own rather than skewing the percentiles."""
    pushed = time.monotonic()
    [reply] = await api.send_and_wait(
        api.text_message("when is the call?", user_id=WARM_UP_USER_ID), timeout=60
    )
    api.replies = 0
    return reply.at - pushed


async def drive(
    api: LoadFake,
    workload: list[list[Job]],
    flooder: list[Job],
    options: Options,
    result: Result,
) -> None:
    schedule = interleave(workload, options.clump)
    for job in [*schedule, *flooder]:
        # Built ahead (the builders also record the user's message in the fake's world),
        # so that pushing costs the generator as little as possible.
        job.update = api.text_message(
            job.text, user_id=job.user_id, language_code=job.language_code or None
        )
    total = len(schedule)
    first_call = len(api.calls)
    outage = (
        asyncio.create_task(outage_midway(api, total, options.outage_s)) if options.faults else None
    )
    started = time.monotonic()
    flood_at: float | None = None
    if options.rate is None:
        middle = total // 2
        for job in schedule[:middle]:
            push(api, job)
        flood_at = time.monotonic()
        for job in flooder:
            push(api, job)
        for job in schedule[middle:]:
            push(api, job)
    else:
        flood_at = await push_steadily(api, schedule, flooder, options.rate)
    pushed = time.monotonic()
    result.offered_per_s = total / max(pushed - started, 1e-9) if options.rate else 0.0
    expected_replies = total + (min(len(flooder), 6) + 1 if flooder else 0)
    # How long without a reply before the rest count as lost: an outage is silent throughout.
    idle = max(45.0, options.outage_s + 35.0) if options.faults else 45.0 if options.flood else 15.0
    await api.replies_reach(expected_replies, idle)
    await asyncio.sleep(1.5)  # late duplicates would arrive now
    if outage is not None:
        outage.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await outage
        api.outage(False)
    judge(api, api.calls[first_call:], workload, flooder, flood_at, started, result)


def push(api: FakeBotAPI, job: Job) -> None:
    job.update_id = api.push_update(job.update)
    job.pushed_at = time.monotonic()


async def push_steadily(
    api: FakeBotAPI, schedule: list[Job], flooder: list[Job], rate: float
) -> float | None:
    """Push at `rate` updates per second (catching up in small batches when the loop is
    late, so the offered rate holds); the flooder's burst goes in at the middle."""
    start = time.monotonic()
    flood_at = None
    i = 0
    while i < len(schedule):
        due = min(len(schedule), int((time.monotonic() - start) * rate) + 1)
        while i < due:
            push(api, schedule[i])
            i += 1
            if flooder and flood_at is None and i >= len(schedule) // 2:
                flood_at = time.monotonic()
                for job in flooder:
                    push(api, job)
        await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
    return flood_at


async def outage_midway(api: LoadFake, total: int, seconds: float) -> None:
    """Every request answers 502 for `seconds` once half the replies are in."""
    await api.replies_reach(total // 2, idle_timeout=600)
    api.outage(True)
    try:
        await asyncio.sleep(seconds)
    finally:
        api.outage(False)


# --------------------------------------------------------------------------- judging


def judge(
    api: LoadFake,
    calls: Iterable[Call],
    workload: list[list[Job]],
    flooder: list[Job],
    flood_at: float | None,
    started: float,
    result: Result,
) -> None:
    """Match each chat's replies to its questions in order; count what is off."""
    received: dict[int, list[Call]] = defaultdict(list)
    for call in calls:
        if call.method != "sendMessage":
            continue
        if call.ok:
            received[call.params.get("chat_id")].append(call)
        elif call.error_code == 429:
            result.flood_429 += 1
        else:
            result.failed_sends += 1
    result.injected_429 = api.injected
    result.flood_429 -= api.injected  # the injected ones are 429s too
    latencies: list[float] = []
    timed: list[tuple[float, float]] = []  # (pushed_at, latency) for the flood window
    last_reply = started
    notices = flood_notices()
    for jobs in workload:
        replies = received.get(jobs[0].user_id, [])
        result.replies += len(replies)
        matched = match_chat(jobs, replies, result, notices)
        for job, call in matched:
            latency = call.at - job.pushed_at
            latencies.append(latency)
            timed.append((job.pushed_at, latency))
            last_reply = max(last_reply, call.at)
    result.answered = len(latencies)
    by_second: dict[int, float] = defaultdict(float)
    for at, latency in timed:
        second = int(at - started)
        by_second[second] = max(by_second[second], latency * 1000)
    result.worst_by_second_ms = [
        round(by_second[s], 1) for s in range(max(by_second, default=-1) + 1)
    ]
    elapsed = max(last_reply - started, 1e-9)
    result.answered_per_s = result.answered / elapsed
    result.p50_ms = percentile(latencies, 0.50) * 1000
    result.p95_ms = percentile(latencies, 0.95) * 1000
    result.p99_ms = percentile(latencies, 0.99) * 1000
    result.max_ms = max(latencies, default=0.0) * 1000
    if flooder:
        judge_flooder(flooder, received.get(FLOODER_ID, []), result)
    if flood_at is not None and flooder:
        window = [lat for at, lat in timed if flood_at <= at <= flood_at + 3.0]
        result.during_flood_p99_ms = percentile(window, 0.99) * 1000 if window else None


def match_chat(
    jobs: list[Job], replies: list[Call], result: Result, notices: set[str]
) -> list[tuple[Job, Call]]:
    """Pair replies with questions: each reply takes the earliest unanswered question it
    answers.  Replies answering nothing asked are wrong, extra copies are duplicates, a
    pairing that goes backwards is out of order, questions left over are lost."""
    open_jobs: dict[str, list[Job]] = defaultdict(list)
    for job in jobs:
        open_jobs[job.expected].append(job)
    wanted = Counter(job.expected for job in jobs)
    seen: Counter[str] = Counter()
    matched: list[tuple[Job, Call]] = []
    last_step = -1
    for call in replies:
        text = call.plain or ""
        seen[text] += 1
        if text not in wanted and text in notices:
            result.throttled += 1
            continue
        if text not in wanted:
            result.wrong += 1
            if len(result.samples) < 5:
                asked = next((j for j in jobs if j.step == len(matched)), jobs[0])
                result.samples.append(
                    f"asked {asked.text!r} ({asked.language_code or '-'}), expected "
                    f"{asked.expected[:80]!r}, got {text[:80]!r}"
                )
            continue
        waiting = open_jobs[text]
        if not waiting:
            result.duplicated += 1
            continue
        # The earliest question with this answer not before the last one answered: after a
        # lost reply, a repeated answer must not look like one out of order.
        job = next((j for j in waiting if j.step >= last_step), waiting[0])
        waiting.remove(job)
        if job.step < last_step:
            result.out_of_order += 1
        last_step = max(last_step, job.step)
        matched.append((job, call))
    result.lost += sum(len(left) for left in open_jobs.values())
    return matched


def judge_flooder(jobs: list[Job], replies: list[Call], result: Result) -> None:
    """The flooder's answers must answer its questions in order (the throttle lets a few
    through, now and then one more as the bucket refills) and exactly one notice came."""
    texts = [call.plain or "" for call in replies]
    notices = flood_notices()
    answers = iter(job.expected for job in jobs)
    correct = all(
        any(text == expected for expected in answers) for text in texts if text not in notices
    )
    result.flooder = {
        "sent": len(jobs),
        "answered": sum(text not in notices for text in texts),
        "answers_correct": correct,
        "notices": sum(text in notices for text in texts),
    }


def flood_notices() -> set[str]:
    texts = bot_catalog()
    return {texts("flood.notice", lang) for lang in LANGS}


# --------------------------------------------------------------------------- reporting

TARGETS = (
    "talkbot answered/s >= 70% of echo's",
    "p99 < 100 ms at 200 q/s steady",
    "peak RSS <= echo + 50 MiB",
    "start-up to first getUpdates <= echo + 1.5 s",
    "0 lost, 0 wrong, 0 duplicated (and for talkbot, in order per chat)",
    "a flooder gets exactly one notice",
)


def verdicts(talkbot: Result, echo: Result | None, options: Options) -> list[tuple[str, str]]:
    """(target, "met"/"MISSED"/"n/a" with the figures) for the targets this run measures."""
    out: list[tuple[str, str]] = []

    def say(ok: bool, detail: str) -> str:
        return f"{'met' if ok else 'MISSED'} ({detail})"

    if echo is not None:
        share = talkbot.answered_per_s / echo.answered_per_s if echo.answered_per_s else 0.0
        if options.rate is None:
            detail = f"{talkbot.answered_per_s:.0f}/s vs {echo.answered_per_s:.0f}/s = {share:.0%}"
            out.append((TARGETS[0], say(share >= 0.7, detail)))
        else:
            out.append((TARGETS[0], "n/a (steady rate: both keep up or not; see --burst)"))
    if options.rate is not None and abs(options.rate - 200) < 1 and not options.faults:
        out.append((TARGETS[1], say(talkbot.p99_ms < 100, f"p99 {talkbot.p99_ms:.1f} ms")))
    if echo is not None:
        extra = talkbot.peak_rss_mib - echo.peak_rss_mib
        detail = f"{talkbot.peak_rss_mib:.0f} vs {echo.peak_rss_mib:.0f} MiB, +{extra:.0f}"
        out.append((TARGETS[2], say(extra <= 50, detail)))
        late = talkbot.startup_s - echo.startup_s
        detail = f"{talkbot.startup_s:.2f} s vs {echo.startup_s:.2f} s, +{late:.2f} s"
        out.append((TARGETS[3], say(late <= 1.5, detail)))
    for result in (talkbot, echo):
        if result is None:
            continue
        # Order is talkbot's promise (one lane per chat); aiogram's own polling, which the
        # echo bot uses, runs a task per update and makes none, so there it is only shown.
        disorder = result.out_of_order if result is talkbot else 0
        clean = not (result.lost or result.wrong or result.duplicated or disorder)
        clean = clean and not result.throttled and result.exit_code == 0
        detail = (
            f"{result.target}: lost {result.lost}, wrong {result.wrong}, duplicated "
            f"{result.duplicated}, out of order {result.out_of_order}, throttled "
            f"{result.throttled}, exit {result.exit_code}"
        )
        out.append((f"{TARGETS[4]}, {result.target}", say(clean, detail)))
    if talkbot.flooder:
        flood = talkbot.flooder
        ok = flood.get("notices") == 1 and bool(flood.get("answers_correct"))
        detail = f"{flood.get('notices')} notice(s), {flood.get('answered')} answered"
        if talkbot.during_flood_p99_ms is not None:
            detail += f"; others' p99 in the 3 s after it {talkbot.during_flood_p99_ms:.1f} ms"
        out.append((TARGETS[5], say(ok, detail)))
    return out


def print_table(results: list[Result]) -> None:
    rows = [
        ("questions", "questions", "{:d}"),
        ("replies received", "replies", "{:d}"),
        ("answered correctly", "answered", "{:d}"),
        ("lost", "lost", "{:d}"),
        ("duplicated", "duplicated", "{:d}"),
        ("wrong or empty", "wrong", "{:d}"),
        ("out of order", "out_of_order", "{:d}"),
        ("throttled (notices)", "throttled", "{:d}"),
        ("offered/s", "offered_per_s", "{:.1f}"),
        ("answered/s", "answered_per_s", "{:.1f}"),
        ("latency p50 ms", "p50_ms", "{:.1f}"),
        ("latency p95 ms", "p95_ms", "{:.1f}"),
        ("latency p99 ms", "p99_ms", "{:.1f}"),
        ("latency max ms", "max_ms", "{:.1f}"),
        ("start-up to 1st getUpdates s", "startup_s", "{:.2f}"),
        ("first answer ms", "first_answer_ms", "{:.1f}"),
        ("peak RSS MiB", "peak_rss_mib", "{:.1f}"),
        ("CPU s (user+sys)", "cpu_s", "{:.2f}"),
        ("CPU ms per reply", "cpu_per_answer_ms", "{:.2f}"),
        ("injected 429s", "injected_429", "{:d}"),
        ("flood-limit 429s", "flood_429", "{:d}"),
        ("other failed sends", "failed_sends", "{:d}"),
        ("log ERROR / WARNING lines", None, ""),
        ("load generator CPU s", "loadgen_cpu_s", "{:.2f}"),
        ("load generator GC > 20 ms", None, ""),
        ("exit code", "exit_code", "{}"),
    ]
    width = 30
    print("".ljust(width) + "".join(r.target.rjust(12) for r in results))
    for label, attr, fmt in rows:
        if label.startswith("load generator GC"):
            cells = [str(len(r.loadgen_gc_pauses_ms)) for r in results]
        elif attr is None:
            cells = [f"{r.log_errors} / {r.log_warnings}" for r in results]
        else:
            cells = [fmt.format(getattr(r, attr)) for r in results]
        print(label.ljust(width) + "".join(cell.rjust(12) for cell in cells))
    for r in results:
        for sample in r.samples:
            print(f"  {r.target} wrong reply: {sample}")


# --------------------------------------------------------------------------- main


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
    )


def main(argv: Sequence[str] | None = None) -> int:
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
        workload = build_workload(options.users, per_user, options.seed, expectations)
        flooder = flood_jobs(expectations, options.seed) if options.flooder else []
        report_statuses(workload)
        target = talkbot_target()
        target.profile = options.profile
        talkbot = asyncio.run(run_target(target, workload, flooder, options))
        results.append(talkbot)
    if options.only in (None, "echo"):
        workload = build_workload(options.users, per_user, options.seed, None)
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


def report_statuses(workload: list[list[Job]]) -> None:
    counts = Counter(job.status for jobs in workload for job in jobs)
    shown = ", ".join(f"{status} {n}" for status, n in counts.most_common())
    print(f"expected answers: {shown}")


if __name__ == "__main__":
    sys.exit(main())
