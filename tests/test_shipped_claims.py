"""The shipped answers say no more than the article: every claim word of a fact's text in the
source's language (a name, a number, a month or a weekday) stands in the fact's own quotes or in
the source's metadata. A curator's paraphrase may reorder and simplify, never add a claim.
"""

from __future__ import annotations

import re

import pytest

from knowledge.language.text import reduce_word
from knowledge.storage.fact_file import load_facts, load_sources

SOURCES = load_sources()
FACTS = load_facts(sources=SOURCES)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?::\d+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:—]\s+|[«\"(]\s*)$")
# Dates and days are claims even when written in lower case.
_CALENDAR_WORDS = re.compile(
    r"^(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|понедельник|вторник|сред[аыу]|четверг|пятниц|суббот|воскресень)",
)


def _forms(word: str) -> set[str]:
    """The word, its lemma and its first five letters: other cases and a noun's adjective
    match (Белого ~ Белом, России ~ российский), and so does a name the lemmatiser misreads
    (Песков as the plural of песок)."""
    if word[0].isdigit():
        return {word}
    word = word.lower()
    return {word, reduce_word(word, "ru"), word[:5]}


def claim_words(text: str) -> set[str]:
    claims: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        at_sentence_start = bool(_SENTENCE_START.search(text[: match.start()]))
        is_name = word[0].isupper() and not at_sentence_start
        if word[0].isdigit() or is_name or _CALENDAR_WORDS.match(word.lower()):
            claims.add(word if word[0].isdigit() else word.lower())
    return claims


def supported_words(fact_id: str) -> set[str]:
    fact = next(f for f in FACTS if f.id == fact_id)
    texts = [c.quote for c in fact.citations]
    for source in {c.source for c in fact.citations}:
        meta = SOURCES[source]
        texts += [*meta.title.values(), *meta.publisher.values(), *meta.cites.values(), meta.note]
    words = set()
    for text in texts:
        for match in _WORD.finditer(text.replace("-", " - ")):
            words |= _forms(match.group())
        words.update(re.findall(r"\d+", text))
    return words


@pytest.mark.parametrize("fact", FACTS, ids=lambda fact: fact.id)
def test_answer_text_claims_nothing_its_quotes_do_not_say(fact):
    language = SOURCES[fact.citations[0].source].language
    supported = supported_words(fact.id)
    unsupported = [w for w in claim_words(fact.text[language]) if not _forms(w) & supported]
    assert not unsupported, f"{fact.id}: {sorted(unsupported)} not in its quotes or source metadata"


def test_claim_words_are_names_numbers_and_dates():
    text = "Переговоры назначены на вторник, 7 декабря. Песков сказал, что Байден в Женеве."
    assert claim_words(text) == {"вторник", "7", "декабря", "байден", "женеве"}
