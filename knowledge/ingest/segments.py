"""An article cut into sentences and clauses, each with its exact span in the text.

Quotes stay verbatim: a clause is always `article[start:end]`. Filler (bylines, "Читать
также <headline>", "Главред рекомендует:") is skipped; openings that carry no fact
("Напомним,", "Подчеркивается, что") are cut off the clause; an opening attribution
("Как сообщает РИА Новости, ...") becomes a clause of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.ingest.rules import rules

_ENDS = ".!?…"
_CLOSERS = "\"'»”’)]"
_OPENERS = "«“„"
# A headline glued to the next sentence: "...лидеров США и РФТакже известно".
_SEAM = re.compile(r"(?<=[^\s\"«„“(\[—–-])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ])")
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_EDGE_TRIM = " \t,;:—–-"


@dataclass(frozen=True)
class Clause:
    """A stretch of the article that may carry one fact."""

    start: int
    end: int
    text: str  # article[start:end], verbatim
    paragraph: int  # 1-based
    sentence_start: int
    sentence_end: int
    role: str = "body"  # body | attribution (an opening "Как сообщает X")


def paragraphs(article: str) -> Iterator[tuple[int, int, int]]:
    """(number, start, end) of every non-blank line."""
    number, position = 0, 0
    for line in article.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            number += 1
            yield number, position, position + len(stripped)
        position += len(line)


def _filler_spans(article: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside a paragraph that are not the article's text."""
    r = rules()
    line = article[start:end]
    if any(p.search(line.strip()) for p in r.filler_lines):
        return [(start, end)]
    spans = []
    for match in r.read_also.finditer(line):
        seams = [m.start() for m in _SEAM.finditer(line, match.end() + 1)]
        stop = seams[0] if seams else len(line)
        spans.append((start + match.start(), start + stop))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    if len(word) == 1 and word.isupper():  # an initial: "В. Путин"
        return True
    return word.casefold() in rules().abbreviations


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of text[start:end]; never split inside quoted speech."""
    depth = 0
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in "»”" and depth:
            depth -= 1
        elif ch == '"':
            # A straight quote opens after a space or an opening bracket, closes otherwise.
            opening = i == start or text[i - 1].isspace() or text[i - 1] in "([—–-"
            depth = depth + 1 if opening else max(depth - 1, 0)
        elif ch in _ENDS and depth == 0:
            j = i + 1
            while j < end and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            if j >= end:
                break
            if text[j].isspace():
                k = j
                while k < end and text[k].isspace():
                    k += 1
                nxt = text[k] if k < end else ""
                if (nxt.isupper() or nxt.isdigit() or nxt in '"«“„—–-') and not (
                    ch == "." and _is_abbreviation(text, i)
                ):
                    yield begin, j
                    begin, i = k, k
                    continue
        i += 1
    if begin < end:
        yield begin, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    return start, end


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def clauses(article: str) -> list[Clause]:
    """Every clause of the article that may bear a fact, in reading order."""
    r = rules()
    found: list[Clause] = []
    for number, p_start, p_end in paragraphs(article):
        pieces = [(p_start, p_end)]
        for f_start, f_end in _filler_spans(article, p_start, p_end):
            pieces = [
                part
                for s, e in pieces
                for part in ((s, min(e, f_start)), (max(s, f_end), e))
                if part[1] > part[0]
            ]
        for piece_start, piece_end in pieces:
            for s_start, s_end in _sentence_spans(article, piece_start, piece_end):
                found.extend(_clauses_of_sentence(article, number, *_trim(article, s_start, s_end)))
    return [c for c in found if _word_count(c.text) >= r.min_words]


def _clauses_of_sentence(article: str, number: int, start: int, end: int) -> Iterator[Clause]:
    r = rules()
    sentence = (start, end)
    opener = r.attribution_opener.match(article, start, end)
    if opener:
        yield Clause(
            start,
            opener.end(),
            article[start : opener.end()],
            number,
            *sentence,
            role="attribution",
        )
        start = opener.end()
    # Drop openings with no fact, as often as they stack ("Напомним, ... , что").
    changed = True
    while changed:
        changed = False
        start, end = _trim(article, start, end)
        for lead in r.lead_ins:
            match = lead.match(article, start, end)
            if match and match.end() > start:
                start, changed = match.end(), True
                break
    start, end = _trim(article, start, end)
    if end > start:
        yield Clause(start, end, article[start:end], number, *sentence)
