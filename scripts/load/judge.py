"""Judging a run: each chat's replies matched to its questions in order, with what was
lost, wrong, duplicated or out of order, the latencies, and the flooder's fate."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.i18n import bot_catalog
from knowledge.model import LANGS
from load.workload import FLOODER_ID, Job
from talkbot.testing.fakeapi import Call


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


def judge(
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
    result.flood_429 -= result.injected_429  # the injected ones are 429s too
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
