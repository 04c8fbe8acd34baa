"""`python -m bot propose FILE`: fact proposals from an article, for a person or as JSON.

`--measure` scores the proposer on the content's article (the shipped one unless `--content`
or CONTENT_DIR says otherwise) against its curated facts, and times a 5,000-word article made
of the content's source texts. Never imports aiogram and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from knowledge.model import LANGS

if TYPE_CHECKING:
    from knowledge.ingest.proposals import Proposals

EXIT_USAGE = 2


def add_propose_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "propose", help="propose facts (quote, kind, time, drafted questions) from an article"
    )
    parser.add_argument("path", nargs="?", type=Path, metavar="FILE", help="plain-text article")
    parser.add_argument("--lang", choices=LANGS, help="the article's language (default: detect)")
    parser.add_argument("--year", type=int, help="the year of the article's dates")
    parser.add_argument("--zone", help="the publisher's zone, for times with none (IANA name)")
    parser.add_argument("--json", action="store_true", help="one JSON array of proposals")
    parser.add_argument(
        "--measure",
        action="store_true",
        help="precision and recall on the content's article, and a 5,000-word timing",
    )


def run_propose(args: argparse.Namespace, content: Path, out: TextIO | None = None) -> int:
    # Imported here: building the parser must not slow every other command's start-up.
    from knowledge.ingest.proposals import IngestError, decode_article, propose

    out = out or sys.stdout
    if args.measure:
        return run_measure(content, out)
    if args.path is None:
        print("error: give the article FILE (or --measure)", file=sys.stderr)
        return EXIT_USAGE
    if args.year is not None and not 1 <= args.year <= 9999:
        print(f"error: --year {args.year} is not a year", file=sys.stderr)
        return EXIT_USAGE
    if args.zone is not None:
        from knowledge.places.zones import is_known_zone

        if not is_known_zone(args.zone):
            print(f"error: --zone {args.zone!r} is not an IANA zone", file=sys.stderr)
            return EXIT_USAGE
    try:
        data = args.path.read_bytes()
    except OSError as error:
        print(f"error: cannot read {args.path}: {error.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        text = decode_article(data)
        result = propose(text, lang=args.lang, year=args.year, publisher_zone=args.zone)
    except IngestError as error:
        print(f"error: {args.path.name}: {error.message('en')}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        out.write(
            json.dumps([p.to_json() for p in result.items], ensure_ascii=False, indent=2) + "\n"
        )
    else:
        out.write(render_text(result))
    return 0


def render_text(result: Proposals) -> str:
    lines = [f"{len(result.items)} proposals ({result.lang}):", ""]
    for number, p in enumerate(result.items, start=1):
        lines.append(f"{number}. [{p.kind}] paragraph {p.paragraph}")
        lines.append(f"   quote: {p.quote}")
        if p.event:
            lines.append(f"   event: {p.event['start']} {p.event['zone']}")
        for lang, text in p.text.items():
            lines.append(f"   answer ({lang}): {text}")
        for lang, questions in p.questions.items():
            lines.append(f"   questions ({lang}): " + " | ".join(questions))
        for note in p.notes:
            lines.append(f"   check: {note.render('en')}")
        lines.append("")
    return "\n".join(lines)


def run_measure(content: Path, out: TextIO) -> int:
    """Measured against the content directory `content` (its main event's article)."""
    from knowledge.ingest.measure import curated, measure, speed_article
    from knowledge.ingest.proposals import propose

    facts, source = curated(content)
    # The year the curators dated the article to, as an editor would give it with --year.
    year = next((f.event.start.year for f in facts if f.event), None)
    m = measure(facts, source, year=year)
    given = f"--year {year}" if year else "no --year"
    out.write(f"the content's article ({source.id}), {given}, as if new:\n")
    out.write(f"  recall:    {m.covered}/{m.cited} cited passages covered = {m.recall:.0%}\n")
    out.write(
        f"  precision: {m.relevant}/{m.proposals} proposals on a cited passage = "
        f"{m.precision:.0%}\n"
    )
    for fact_id, event in m.events.items():
        said = f"{event['start']} {event['zone']}" if event else "no time proposed"
        out.write(f"  {fact_id}: {said}\n")
    for quote in m.missed:
        out.write(f"  missed: {quote}\n")
    article = speed_article(5000, content)
    words = len(article.split())
    started = time.perf_counter()
    result = propose(article, year=year)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    propose(article, year=year)
    warm = time.perf_counter() - started
    out.write(
        f"speed: {words:,} words → {len(result.items)} proposals in {cold:.2f} s "
        f"(first run in this process, after the content's article), {warm:.2f} s again\n"
    )
    return 0
