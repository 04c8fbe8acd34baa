"""Reading text as the matcher's tokens: intent phrases mapped, stopwords dropped, words
reduced to their lemma or stem, the content's concepts (single words and phrases) merged.

The same reading serves a fact's own questions when the index is built and a user's
question when it is asked, so both meet on the same tokens. Typo correction and the other
readings that depend on what the fact base knows stay with the index (indexed.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from knowledge.language.anchors import anchors_read
from knowledge.language.clock_words import WEEKDAY, clock_read
from knowledge.language.lexicon import DEFINE, Lexicon
from knowledge.language.text import CYRILLIC, normalize, reduce_word


def bare_defined(words: list[str], lexicon: Lexicon) -> list[str]:
    """ "what is NATO" as "@define nato": an opener and one bare word, no article, number or
    possessive, asks what the word means; "what's the venue" is left as it is. A question
    words.yaml rephrases whole is read as rephrased ("what is glavred" asks the outlet)."""
    whole = " ".join(words)
    starts = lexicon.phrase_starts.get(words[0], ()) if words else ()
    if any(lexicon.intent_phrases[n][0] == whole for n in starts):
        return words
    for opener in lexicon.bare_defined:
        n = len(opener)
        if len(words) == n + 1 and tuple(words[:n]) == opener:
            term = words[n]
            if term.isalpha() and term not in lexicon.stopwords:
                return [DEFINE, term]
    return words


def untagged(words: list[str], lexicon: Lexicon) -> list[str]:
    """A statement put to be checked without its closing tag ("the call starts at noon,
    right?", "кадрів не буде, правильно розумію?"): the tag asks whether, not about what, so
    it is not a word the fact would have to know. Two words at least are kept ("чому так?")."""
    tags = frozenset().union(*lexicon.confirming.values())
    end = len(words)
    while end > 2 and words[end - 1] in tags:
        end -= 1
    return words[:end]


def _gapped_by(intent: str) -> Callable[[re.Match[str]], str]:
    """What a gapped phrase becomes: its intent; a definition keeps the words between, which
    are the thing asked about ("что за нато такое" is "@define нато")."""

    def replaced(found: re.Match[str]) -> str:
        kept = "".join(found.groups()) if intent == DEFINE else ""
        return f" {intent}{kept} "

    return replaced


def intent_mapped(text: str, lexicon: Lexicon) -> str:
    """Normalised text with each intent phrase replaced by its intent ("во сколько" →
    "@time") and each filler phrase by nothing, longest phrase first; dates and times read
    as the facts write them."""
    kept = bare_defined(untagged(lexicon.behalf.dropped(text.split()), lexicon), lexicon)
    kept = day_shifted(kept, lexicon)
    # "до відкриття біржі встигнуть?", "after work": an anchor of the day asks the time.
    kept = anchors_read(kept)
    padded = f" {' '.join(clock_read(kept, lexicon.calendar))} "
    for pattern, intent in lexicon.gapped_phrases:
        padded = pattern.sub(_gapped_by(intent), padded)
    # Only the phrases the text's words start, in their order (longest first); a rephrased
    # phrase's plain form may bring words that start later ones.
    words = set(padded.split())
    starts = lexicon.phrase_starts
    pending = sorted({n for word in words for n in starts.get(word, ())})
    i = 0
    while i < len(pending):
        phrase, intent = lexicon.intent_phrases[pending[i]]
        if f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", f" {intent} ")
            new = set(intent.split()) - words
            if new:
                words |= new
                later = {n for word in new for n in starts.get(word, ()) if n > pending[i]}
                pending = pending[: i + 1] + sorted(set(pending[i + 1 :]) | later)
        i += 1
    return padded.strip()


def day_shifted(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words with each day-shift phrase ("past midnight", "після півночі") read as a
    weekday is ("@weekday"), before its "midnight" is read as an hour: it asks which day."""
    shifts = lexicon.calendar.day_shifts
    if not shifts:
        return words
    padded = f" {' '.join(words)} "
    for phrase, _ in shifts:
        padded = padded.replace(f" {phrase} ", f" {WEEKDAY} ")
    return padded.split()


def concept_or_base(word: str, lang: str, mode: str, lexicon: Lexicon) -> str:
    """A word's thesaurus concept if it has one, else its reduced form."""
    concept_of = lexicon.concept_of
    if word in concept_of:
        return concept_of[word]
    base = reduce_word(word, lang, mode)
    if base in lexicon.calendar.abbreviations:
        return base
    return concept_of.get(base, base)


Phrases = dict[str, tuple[tuple[tuple[str, ...], str], ...]]

# A stopword stands in the tokens, so marked, until the concept phrases are joined: "get on
# the line" is a phrase by its small words too, and "get" and "line" alone are not it.
STOP = "~"


def stop_token(word: str) -> str:
    return STOP + word


def reduced_phrases(lexicon: Lexicon, mode: str) -> Phrases:
    """The lexicon's concept phrases in reduced tokens, by first token, longest first: each
    word reduced in every language its script may be ("онлайн саммит" as ru and as uk)."""
    table: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
    stopwords = lexicon.stopwords
    for words, concept in lexicon.concept_phrases:
        langs = ("ru", "uk") if CYRILLIC.search(" ".join(words)) else ("en",)
        for lang in langs:
            tokens = tuple(
                stop_token(w) if w in stopwords else concept_or_base(w, lang, mode, lexicon)
                for w in words
            )
            table[tokens[0]].add((tokens, concept))
    return {
        first: tuple(sorted(found, key=lambda item: -len(item[0])))
        for first, found in table.items()
    }


def joined(tokens: list[str], phrases: Phrases) -> list[str]:
    """Tokens with each run that a concept phrase names replaced by the concept, and the
    stopwords that no phrase took dropped."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        end, concept = _phrase_at(tokens, i, phrases.get(tokens[i], ()))
        if end:
            out.append(concept)
            i = end
        else:
            if not tokens[i].startswith(STOP):
                out.append(tokens[i])
            i += 1
    return out


# Small words a phrase may step over before a small word of its own: "разговор будет по
# видео" is "разговор по видео" (the call by video), not footage; "video of the talks" is
# no "video call".
PHRASE_GAP = 2


def _phrase_at(
    tokens: list[str], i: int, found: tuple[tuple[tuple[str, ...], str], ...]
) -> tuple[int, str]:
    """The end and concept of the phrase at tokens[i]: one side by side before one with a gap."""
    for gap in (0, PHRASE_GAP):
        for words, concept in found:
            end = _phrase_end(tokens, i, words, gap)
            if end:
                return end, concept
    return 0, ""


def _phrase_end(tokens: list[str], i: int, words: tuple[str, ...], gap: int) -> int:
    """Where a concept phrase starting at tokens[i] ends, or 0 if it is not there; before
    each of its own stopwords up to `gap` other stopwords in all may stand."""
    k = i + 1
    skipped = 0
    for word in words[1:]:
        while (
            word.startswith(STOP)
            and k < len(tokens)
            and tokens[k] != word
            and tokens[k].startswith(STOP)
        ):
            if skipped == gap:
                return 0
            skipped += 1
            k += 1
        if k >= len(tokens) or tokens[k] != word:
            return 0
        k += 1
    return k


def or_read(words: list[str], lexicon: Lexicon, lang: str) -> list[str]:
    """The words with the language's "or or whether" word read as "or" between a word that
    says something and another one after it: "дзвінок чи відео" asks which of the two, as
    "звонок или видео" does; "в понеділок чи шо?" only asks."""
    either, its_or = lexicon.or_between.get(lang, ("", ""))
    if either not in words:
        return words
    stopwords = lexicon.stopwords
    said = [word not in stopwords for word in words]
    return [
        its_or if word == either and i and said[i - 1] and any(said[i + 1 :]) else word
        for i, word in enumerate(words)
    ]


def reduce_text(
    text: str, lang: str, lexicon: Lexicon, mode: str = "lemma", phrases: Phrases | None = None
) -> list[str]:
    """Content tokens of a text: normalised, intents mapped, words reduced, stopwords gone,
    concept phrases joined."""
    tokens = []
    stopwords = lexicon.stopwords
    for word in or_read(intent_mapped(normalize(text), lexicon).split(), lexicon, lang):
        if word.startswith("@"):
            tokens.append(word)
            continue
        if word in stopwords:
            tokens.append(stop_token(word))
            continue
        base = concept_or_base(word, lang, mode, lexicon)
        if base not in stopwords:
            tokens.append(base)
    return joined(tokens, phrases or {})
