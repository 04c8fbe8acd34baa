"""Reporting a run: both bots' figures side by side, and a verdict per target."""

from __future__ import annotations

from collections import Counter

from load.drive import Options
from load.judge import Result
from load.workload import Job

# Issue 12's targets (docs/performance.md).
THROUGHPUT_SHARE = 0.9
P99_MS = 50.0
STARTUP_EXTRA_S = 1.0
TARGETS = (
    f"talkbot answered/s >= {THROUGHPUT_SHARE:.0%} of echo's",
    f"p99 < {P99_MS:.0f} ms at 200 q/s steady",
    "peak RSS <= echo + 50 MiB",
    f"start-up to first getUpdates <= echo + {STARTUP_EXTRA_S} s",
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
            out.append((TARGETS[0], say(share >= THROUGHPUT_SHARE, detail)))
        else:
            out.append((TARGETS[0], "n/a (steady rate: both keep up or not; see --burst)"))
    if options.rate is not None and abs(options.rate - 200) < 1 and not options.faults:
        out.append((TARGETS[1], say(talkbot.p99_ms < P99_MS, f"p99 {talkbot.p99_ms:.1f} ms")))
    if echo is not None:
        extra = talkbot.peak_rss_mib - echo.peak_rss_mib
        detail = f"{talkbot.peak_rss_mib:.0f} vs {echo.peak_rss_mib:.0f} MiB, +{extra:.0f}"
        out.append((TARGETS[2], say(extra <= 50, detail)))
        late = talkbot.startup_s - echo.startup_s
        detail = f"{talkbot.startup_s:.2f} s vs {echo.startup_s:.2f} s, +{late:.2f} s"
        out.append((TARGETS[3], say(late <= STARTUP_EXTRA_S, detail)))
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


def report_statuses(workload: list[list[Job]]) -> None:
    counts = Counter(job.status for jobs in workload for job in jobs)
    shown = ", ".join(f"{status} {n}" for status, n in counts.most_common())
    print(f"expected answers: {shown}")
