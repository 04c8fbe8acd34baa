"""Attach train-split questions the engine misses to the facts they are labelled with, as an
admin would through /unanswered. Only the train split is read; questions with typos (a word
the matcher reads as a typo of a known one) or typed in the wrong script are left out, since
as facts' questions they would teach the typo-corrector wrong words, and so are questions
naming a place, whose words would become evidence for the fact.

Run from the repository root: `python scripts/attach_train_questions.py [PER_GROUP]`.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from knowledge.answering.engine import Engine
from knowledge.language.decision import ALWAYS
from knowledge.language.text import CYRILLIC
from knowledge.model import LANGS
from knowledge.places.zones import use_bundled_zones
from knowledge.storage.fact_file import DEFAULT_FACTS_PATH, FACTS_HEADER, load_facts, load_sources
from talkbot.evaluation import load_split


def missed_questions(engine: Engine, per_group: int) -> dict[tuple[str, str], list[str]]:
    """(fact id, language) → train questions the engine ranks another fact first for."""
    added: dict[tuple[str, str], list[str]] = defaultdict(list)
    taken: Counter[str] = Counter()
    for item in load_split("train").items:
        if not item.answerable or item.label not in engine.facts or taken[item.group] >= per_group:
            continue
        if item.lang != "en" and not CYRILLIC.search(item.q):
            continue
        if engine.index.analyse(item.q, item.lang).corrected:
            continue
        if engine.resolver.find(item.q):
            # The engine takes a place out before matching; as a fact's question the place's
            # words ("самара", "utc") would read as evidence for that fact.
            continue
        answer = engine.ask(item.q, lang_hint=item.lang)
        if answer.fact is None or answer.fact.id not in (item.label, *item.also):
            added[item.label, item.lang].append(item.q.strip().rstrip("?").strip())
            taken[item.group] += 1
    return added


def main(argv: list[str]) -> int:
    use_bundled_zones()  # zones from the tzdata package, as the bot reads them
    per_group = int(argv[0]) if argv else 3
    sources = load_sources()
    engine = Engine(load_facts(sources=sources), sources, decision=ALWAYS)
    added = missed_questions(engine, per_group)
    path = Path(DEFAULT_FACTS_PATH)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    count = 0
    for fact in data["facts"]:
        for lang in LANGS:
            for question in added.get((fact["id"], lang), []):
                if question not in fact["questions"][lang]:
                    fact["questions"][lang].append(question)
                    count += 1
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, indent=2)
    path.write_text(FACTS_HEADER + body, encoding="utf-8")
    print(f"attached {count} train questions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
