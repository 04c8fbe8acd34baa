"""Driving one bot: its process on the fake Bot API, a warm-up, then the workload pushed
in a burst or at a steady rate (with faults, an outage or flood limits when asked)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.storage.store import FactStore
from load.judge import Result, judge
from load.workload import ROOT, WARM_UP_USER_ID, Job, interleave
from talkbot.testing.fakeapi import Call, FakeBotAPI
from talkbot.testing.process import bot_env

OUTAGE_SECONDS = 10.0
FAULT_SHARE = 0.05


class ReplyCounter:
    """The bot's successful replies, counted as the fake answers them (a listener: scanning
    `calls` for them would cost the fake O(n) per reply)."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.count = 0
        self._changed = asyncio.Event()
        api.add_listener(self._heard)

    def _heard(self, call: Call) -> None:
        if call.method == "sendMessage" and call.ok:
            self.count += 1
            self._changed.set()

    async def reach(self, count: int, idle_timeout: float) -> bool:
        """Wait until `count` replies arrived; False after `idle_timeout` s without a new one."""
        while self.count < count:
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), idle_timeout)
            except TimeoutError:
                return False
        return True


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
    question: str | None = None  # every user asks this one question (a story breaking)


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
        api = FakeBotAPI()
        replies = ReplyCounter(api)
        if options.faults:
            api.fail_share("sendMessage", FAULT_SHARE, 429, retry_after=1, seed=options.seed)
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
                [first_poll] = await api.wait_for("getUpdates", timeout=60)
                result.startup_s = first_poll.at - spawned
                result.first_answer_ms = await warm_up(api, replies) * 1000
                bot_pid = await child_pid(process.pid) if target.profile else process.pid
                _, cpu_ready = proc_usage(bot_pid)
                await drive(api, replies, workload, flooder, options, result)
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


async def warm_up(api: FakeBotAPI, replies: ReplyCounter) -> float:
    """One question before the clock starts; its latency is the first answer's (lazy
    loading included), reported on its own rather than skewing the percentiles."""
    pushed = time.monotonic()
    [reply] = await api.send_and_wait(
        api.text_message("when is the call?", user_id=WARM_UP_USER_ID), timeout=60
    )
    replies.count = 0
    return reply.at - pushed


async def drive(
    api: FakeBotAPI,
    replies: ReplyCounter,
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
        asyncio.create_task(outage_midway(api, replies, total, options.outage_s))
        if options.faults
        else None
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
    await replies.reach(expected_replies, idle)
    await asyncio.sleep(1.5)  # late duplicates would arrive now
    if outage is not None:
        outage.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await outage
        api.outage(False)
    result.injected_429 = api.share_failures
    judge(api.calls[first_call:], workload, flooder, flood_at, started, result)


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


async def outage_midway(api: FakeBotAPI, replies: ReplyCounter, total: int, seconds: float) -> None:
    """Every request answers 502 for `seconds` once half the replies are in."""
    await replies.reach(total // 2, idle_timeout=600)
    api.outage(True)
    try:
        await asyncio.sleep(seconds)
    finally:
        api.outage(False)
