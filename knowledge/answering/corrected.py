"""A message that corrects itself ("when is it, sorry, I mean in Moscow time", "кто такой
Песков, ой, то есть Псаки", "во сколько в Париже, ой, точнее в Риме", "коли, тобто о котрій
годині"), read as the message it became: what follows a correction marker replaces what it
corrects. The markers are data (`corrections` and `slips` in
knowledge/language/data/shapes.yaml).

What follows a marker, up to the next comma, replaces
- the whole ask before it when it asks itself (opens with a question word: "коли, тобто о
  котрій годині вони почнуть"), after a correction's marker only: after a slip's ("ой",
  "sorry") a new ask is an aside ("кто такой Песков, ой, а что он сказал?");
- the place named before it when it names a place ("in Prague, sorry, I mean in Vienna"), or,
  after a correction's marker, is added to an ask that named none ("when is it, sorry, I
  mean in Moscow time");
- the person named last before it when it names a person ("who is psaki, no wait, peskov").
Anything else is left as written: "they talk by video, I mean they won't meet?" is not a
correction this can read. Corrections are read one after another, so the last one stands
("Песков, ой, то есть Псаки... нет, всё-таки Песков").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from knowledge.answering.asks import words as ask_words
from knowledge.language.lexicon_files import shipped_shape_phrases
from knowledge.language.text import detect_language

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine

# A correction of a place or person is a few words ("в Риме", "the press secretary"); a
# longer run without a question word is a clause of its own, not a correction.
MOST_WORDS = 4
# Corrections read in one message: a loop bound, not a limit any writer reaches.
MOST_CORRECTIONS = 4
_HEAD_END = re.compile(r"\s*(?:[,;:!?]|\.\.\.|…|\s[-–—]\s)")


@lru_cache(maxsize=2)
def marker(kind: str = "corrections") -> re.Pattern[str]:
    """A marker of `kind` ("corrections" or "slips": shapes.yaml) after a comma, dash, "...",
    "?" or "." (with the words before it), any language's, its words apart by spaces or
    commas."""
    data = shipped_shape_phrases(kind)
    phrases = {p.strip() for ps in data.values() for p in ps if p.strip()}
    alternatives = "|".join(
        r"[\s,]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(
        rf"(?:\s*(?:[,;?!]|\.\.\.|…|\.(?=\s))|\s+[-–—])\s*(?:{alternatives})(?=[\s,:.!?…]|$)"
        r"[\s,:.!…-]*",
        re.IGNORECASE,
    )


def corrected(engine: Engine, text: str, lang_hint: str | None = None) -> str:
    """`text` with its self-corrections applied; `text` itself when it makes none (or none
    this can read)."""
    for _ in range(MOST_CORRECTIONS):
        found = _first(text)
        if found is None:
            return text
        match, slip = found
        before, after = text[: match.start()], text[match.end() :]
        rewritten = _applied(engine, before, after, lang_hint, slip=slip)
        if rewritten is None:
            return text
        text = rewritten
    return text


def _first(text: str) -> tuple[re.Match[str], bool] | None:
    """The first marker after some words with some words after it, and whether it is a slip
    (a correction's marker, "ой, точнее", is read before a slip's, "ой", at the same place)."""
    found = []
    for slip, kind in ((False, "corrections"), (True, "slips")):
        for match in marker(kind).finditer(text):
            if _words(text[: match.start()]) and _words(text[match.end() :]):
                found.append((match.start(), slip, match))
                break
    if not found:
        return None
    _, slip, match = min(found, key=lambda f: (f[0], f[1]))
    return match, slip


def _words(text: str) -> bool:
    return bool(re.search(r"\w", text))


def _applied(
    engine: Engine, before: str, after: str, lang_hint: str | None, *, slip: bool
) -> str | None:
    lang = detect_language(f"{before} {after}", lang_hint)
    opens = ask_words()[lang].opens
    if not slip and opens.search(after.strip()):
        return _named(engine, before, after, lang)  # the ask itself, asked again
    end = _HEAD_END.search(after)
    head, rest = (after[: end.start()], after[end.start() :]) if end else (after, "")
    if not _words(head) or len(head.split()) > MOST_WORDS:
        return None
    resolver = engine.resolver
    if resolver.find(head) is not None:
        was = resolver.find(before)
        if was is None:
            if slip:
                return None
            return f"{before.rstrip()} {head.strip()}{rest}"
        start = was.start
        preposition = re.search(r"(\w+)\s+$", before[:start])
        first = head.split()[0].casefold()
        if preposition and preposition.group(1).casefold() == first:
            start = preposition.start()  # "in Prague" corrected by "in Vienna"
        own = _preposition(was.text)
        if own and not _preposition(head.strip()):
            start += own  # "in London" corrected by "Berlin": in Berlin
        return f"{before[:start]}{head.strip()}{before[was.end :]}{rest}"
    people = engine.index.lexicon.people
    last = re.search(r"(\S+)\s*$", before)
    if last is None or not _people(engine, last.group(1), lang, people):
        return None
    if not _people(engine, head, lang, people):
        return None
    return f"{before[: last.start()]}{head.strip()}{rest}"


@lru_cache(maxsize=1)
def _pronoun() -> re.Pattern[str]:
    data = shipped_shape_phrases("correction_pronouns")
    words = sorted({w for ws in data.values() for w in ws}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE)


def _named(engine: Engine, before: str, ask: str, lang: str) -> str:
    """`ask` with its first pronoun of a person read as the person named before it ("what
    did psaki say, I mean what did she say ..."), when it names no one itself."""
    people = engine.index.lexicon.people
    pronoun = _pronoun().search(ask)
    if pronoun is None or _people(engine, ask, lang, people):
        return ask
    named = [w for w in re.findall(r"[\w'’-]+", before) if _people(engine, w, lang, people)]
    if not named:
        return ask
    return f"{ask[: pronoun.start()]}{named[-1]}{ask[pronoun.end() :]}"


def _preposition(text: str) -> int:
    """The length of the short word opening a place's phrase ("in ", "по "), or 0."""
    found = re.match(r"\w{1,3}\s+(?=\S)", text)
    return found.end() if found else 0


def _people(engine: Engine, text: str, lang: str, people: frozenset[str]) -> bool:
    """Whether `text` names one of the content's people ("psaki", "пресс-секретарь")."""
    tokens = engine.index.match(text.strip(" ,.!?…"), lang).tokens
    return any(t in people for t in tokens)
