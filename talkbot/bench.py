"""Figures, apart from the tests: matcher accuracy on the dev set, latency, start-up cost.

`python -m bot eval` scores the matcher on tests/data/dev_questions.yaml;
`python -m bot bench` prints latency percentiles on the shipped base and on synthetic
bases of 1,000 and 10,000 facts, index build times, and the place resolver's costs.
Nothing here asserts: the tests assert behaviour, this prints numbers.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from collections import Counter, defaultdict
from dataclasses import replace
from functools import partial
from pathlib import Path

import yaml

from knowledge.answering.engine import Engine
from knowledge.language.matcher import FactIndex
from knowledge.language.text import reduce_word
from knowledge.model import Fact
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.content import load_content

DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev_questions.yaml"


def load_dev_set(path: Path = DEV_SET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def is_correct(answer, expect: str) -> bool:
    """A decline is right when the bot does not answer (declined or only suggesting)."""
    if expect == "decline":
        return not answer.answered
    return answer.answered and answer.fact is not None and answer.fact.id == expect


def evaluate(engine: Engine, questions: list[dict]) -> tuple[float, list[tuple[dict, object]]]:
    misses = []
    for item in questions:
        answer = engine.ask(item["q"])
        if not is_correct(answer, item["expect"]):
            misses.append((item, answer))
    return 1 - len(misses) / len(questions), misses


def run_eval(mode: str = "lemma", show: bool = False) -> int:
    questions = load_dev_set()
    shipped = load_content()
    engine = Engine(shipped.facts, shipped.sources, events=shipped.events)
    if mode != "lemma":
        engine.index = FactIndex(list(engine.facts.values()), mode=mode)
    accuracy, misses = evaluate(engine, questions)
    by_lang: dict[str, Counter] = defaultdict(Counter)
    missed = {id(item) for item, _ in misses}
    for item in questions:
        kind = "decline" if item["expect"] == "decline" else "fact"
        by_lang[item["lang"]][kind, id(item) not in missed] += 1
    print(f"dev set: {len(questions)} questions, mode {mode}: {accuracy:.1%} correct")
    for lang, counts in sorted(by_lang.items()):
        parts = []
        for kind in ("fact", "decline"):
            good, bad = counts[kind, True], counts[kind, False]
            parts.append(f"{kind} {good}/{good + bad}")
        print(f"  {lang}: " + ", ".join(parts))
    wrong = sum(1 for item, a in misses if a.answered)
    print(f"  confident wrong answers: {wrong}; unanswered or over-cautious: {len(misses) - wrong}")
    if show:
        for item, answer in misses:
            got = answer.fact.id if answer.answered else answer.status
            top = ", ".join(f"{f}:{s:.0f}" for f, s in answer.ranked[:3])
            print(
                f"  ✗ [{item['lang']}] {item['q']!r}: expected {item['expect']}, got {got} ({top})"
            )
    return 0


def synthetic_facts(base: list[Fact], count: int, seed: int = 7) -> list[Fact]:
    """The shipped facts plus `count` made-up ones shaped like them.

    Each made-up fact keeps a real fact's question shapes ("when is ...", "who ...") but
    is about its own topic: two invented words replace the longest word of each question,
    as a real base of many facts has many subjects, not thousands of copies of one.
    """
    rng = random.Random(seed)
    syllables = ("ka", "lo", "mi", "ner", "sta", "vo", "dre", "pul", "zan", "tik", "ro", "bel")

    def invented() -> str:
        return "".join(rng.choices(syllables, k=rng.randint(3, 5)))

    facts = list(base)
    for number in range(count):
        model = base[number % len(base)]
        topic, detail = invented(), invented()
        questions = {}
        for lang, asked in model.questions.items():
            reworded = []
            for question in asked:
                words = question.split()
                longest = max(range(len(words)), key=lambda i: len(words[i]))
                words[longest] = topic
                reworded.append(" ".join([*words, detail]))
            questions[lang] = tuple(reworded)
        text = {lang: f"{topic} {detail}: {value}" for lang, value in model.text.items()}
        facts.append(replace(model, id=f"synthetic-{number}", questions=questions, text=text))
    return facts


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms, max {ordered[-1] * 1000:.2f} ms"


def _timed(run, questions: list[str]) -> list[float]:
    samples = []
    for question in questions:
        started = time.perf_counter()
        run(question)
        samples.append(time.perf_counter() - started)
    return samples


def run_bench(quick: bool = False) -> int:
    questions = [item["q"] for item in load_dev_set()]
    started = time.perf_counter()
    shipped = load_content()
    base, sources = shipped.facts, shipped.sources
    print(f"load and validate the content: {(time.perf_counter() - started) * 1000:.0f} ms")
    resolver = PlaceResolver.default()
    sizes = [("shipped", base)] + [
        (f"synthetic +{n:,}", synthetic_facts(base, n))
        for n in ((1000,) if quick else (1000, 10_000))
    ]
    for label, facts in sizes:
        reduce_word.cache_clear()
        started = time.perf_counter()
        engine = Engine(facts, sources, events=shipped.events, resolver=resolver)
        build = time.perf_counter() - started
        # Uncached: each run must do the work (the cache is measured by scripts/loadtest.py).
        match = partial(engine.index.match, lang="en", cached=False)
        cold = _timed(match, questions)
        warm = _timed(match, questions)
        whole = _timed(engine.ask, questions)
        print(f"{label}: {len(facts):,} facts, index built in {build * 1000:.0f} ms")
        print(f"  matcher, words seen before: {_percentiles(warm)}")
        print(f"  matcher, first sight of every word (lemmatiser cold): {_percentiles(cold)}")
        print(f"  whole answer (language, place, match, compose): {_percentiles(whole)}")
    _bench_places(questions)
    return 0


def _bench_places(questions: list[str]) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    resolver = PlaceResolver()
    resolver.find("when is the call in New York?")  # the index is built on first use
    startup = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    samples = []
    for question in questions:
        t0 = time.perf_counter()
        resolver.find(question)
        samples.append(time.perf_counter() - t0)
    print(f"place resolver: start-up {startup * 1000:.0f} ms, peak memory {peak / 2**20:.1f} MiB")
    print(f"  per question: {_percentiles(samples)}")
