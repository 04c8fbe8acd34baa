"""`python -m bot bench`: latency and start-up figures, apart from the tests.

Latency percentiles on the shipped base and on synthetic bases of 1,000 and 10,000 facts,
index build times, and the place resolver's costs, timed on the shipped facts' own
questions (so the bench needs nothing from tests/; accuracy is `python -m bot eval`, in
talkbot/evaluation.py). Nothing here asserts: the tests assert behaviour, this prints numbers.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from knowledge.answering.engine import Engine
from knowledge.language.text import reduce_word
from knowledge.model import Fact
from knowledge.places.resolver import PlaceResolver
from knowledge.storage.content import load_content


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


def _timed(run: Callable[[Any], object], questions: Sequence[Any]) -> list[float]:
    samples = []
    for question in questions:
        started = time.perf_counter()
        run(question)
        samples.append(time.perf_counter() - started)
    return samples


def run_bench(quick: bool = False) -> int:
    started = time.perf_counter()
    shipped = load_content()
    base, sources = shipped.facts, shipped.sources
    print(f"load and validate the content: {(time.perf_counter() - started) * 1000:.0f} ms")
    asked = [(lang, q) for fact in base for lang, q in fact.all_questions()]
    questions = [q for _, q in asked]
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
        def match(item: tuple[str, str], index=engine.index) -> object:
            return index.match(item[1], lang=item[0], cached=False)

        cold = _timed(match, asked)
        warm = _timed(match, asked)
        engine.warm_up()  # as the bot does at start: the whole answer is what an asker waits
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
