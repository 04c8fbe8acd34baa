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
from dataclasses import dataclass

from knowledge.language.lexicon import DEFINE, Calendar, Lexicon
from knowledge.language.text import CYRILLIC, normalize, reduce_word

# An hour the question names ("at 5", "17:00", "пять вечера") asks about a time: which
# hour is the event's to say (knowledge/answering/moments.py), as a weekday's is.
HOUR = "@time"


# Four figures that may be an hour in military time ("1700", "0930", "1800h").
_MILITARY = re.compile(r"([01]\d|2[0-3])([0-5]\d)([a-z]*)")


def military_hours(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with an hour in military time as its hour and minutes ("1700 hrs",
    "1800h" → "17 00"): before a word of `military`, after a word of `at` ("в 1700 по
    Києву"), or on the hour or half hour ending the question ("it's what, 1800?"); a year
    (1900-2099) only before a word of `military`, and four figures otherwise stay a number."""
    if not calendar.military or not any(len(w) >= 4 and w[:4].isdigit() for w in words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        found = _MILITARY.fullmatch(words[i])
        if found is None or (found[3] and found[3] not in calendar.military):
            out.append(words[i])
            i += 1
            continue
        hour, minute, suffix = found.groups()
        after = words[i + 1] if i + 1 < len(words) else ""
        marked = bool(suffix) or after in calendar.military
        yearlike = hour in ("19", "20")
        bare = i + 1 == len(words) and minute in ("00", "30")
        if marked or (not yearlike and ((i and words[i - 1] in calendar.at) or bare)):
            out += [hour.lstrip("0") or "0", minute]
            i += 2 if after in calendar.military and not suffix else 1
        else:
            out.append(words[i])
            i += 1
    return out


def spelt_hours(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with an hour written in words as its number where it stands for an
    hour: after "at", "о" ("at five", "о п'ятій") or before "pm", "вечера" ("пять вечера"),
    unless the word after is one it counts ("в двух словах": `counted`); noon and midnight
    as "12 00" and "0 00" wherever they stand ("12 noon" too); an hour in military time as
    its hour and minutes ("1700 hrs": `military_hours`)."""
    words = military_hours(words, calendar)
    hours, at = calendar.hours, calendar.at
    named = calendar.named_hours
    if not any(word in hours or word in named for word in words):
        return words
    after_hour = calendar.afternoon | calendar.morning | calendar.on_the_hour
    out: list[str] = []
    for i, word in enumerate(words):
        if word in named:
            if out and out[-1].isdigit():
                out.pop()  # "12 noon" is noon, not 12:12
            out += [str(named[word]), "00"]
        elif (
            word in hours
            and ((i and words[i - 1] in at) or (i + 1 < len(words) and words[i + 1] in after_hour))
            and not (i + 1 < len(words) and words[i + 1] in calendar.counted)
        ):
            out.append(str(hours[word]))
        else:
            out.append(word)
    return out


@dataclass(frozen=True)
class Hour:
    """An hour a question names: the hours it may be ("at 5" is 5 or 17), its minute, and
    how many words it takes (the number, and "pm" or the minutes after it)."""

    hours: frozenset[int]
    minute: int | None
    width: int


def hour_named(words: list[str], i: int, calendar: Calendar) -> Hour | None:
    """The hour `words[i]` names, if it is one: "5 pm", "5 утра", "17 00", "at 5"."""
    word = words[i]
    if not (word.isdigit() and len(word) <= 2):
        return None
    number = int(word)
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    if after in calendar.afternoon and 1 <= number <= 12:
        return Hour(frozenset({number % 12 + 12}), None, 2)
    if after in calendar.morning and number <= 12:
        return Hour(frozenset({number % 12}), None, 2)
    if after.isdigit() and len(after) == 2 and int(after) < 60 and number <= 24:
        return Hour(frozenset({number}), int(after), 2)
    if (before in calendar.at or after in calendar.on_the_hour) and number <= 24:
        return Hour(frozenset({number, number + 12} if 1 <= number < 12 else {number}), None, 1)
    return None


# A day of the month the question names ("dec 8", "8th", "восьмого числа") asks about a
# date: which day is the event's to say (knowledge/answering/moments.py), as an hour's is.
DAY = "@day"


def month_named(word: str, calendar: Calendar) -> bool:
    """Whether a normalised word is a month's name in any of its forms ("декабря", "грудня")."""
    if not word or word.isdigit():
        return False
    if word in calendar.months:
        return True
    langs = ("ru", "uk") if CYRILLIC.search(word) else ("en",)
    return any(calendar.month_by_base(reduce_word(word, lang)) for lang in langs)


@dataclass(frozen=True)
class Day:
    """A day of the month a question names, and how many words it takes ("8 числа": two)."""

    day: int
    width: int


def day_named(words: list[str], i: int, calendar: Calendar) -> Day | None:
    """The day `words[i]` names, if it is one: a number with its ordinal ending or beside a
    month ("8th", "dec 8"), or a day in words beside a month, before "числа" or ending the
    question ("восьмого декабря", "восьмого числа", "розмова шостого?")."""
    word = words[i]
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i else ""
    if word.isdigit() and len(word) <= 2:
        number = int(word)
    elif word in calendar.days:
        number = calendar.days[word]
    else:
        return None
    if not 1 <= number <= 31:
        return None
    if after in calendar.ordinal:
        return Day(number, 2)
    beside_a_month = month_named(after, calendar) or month_named(before, calendar)
    if beside_a_month or (not word.isdigit() and i + 1 == len(words)):
        return Day(number, 1)
    return None


WEEKDAY = "@weekday"  # a day named: which day the event is


def clock_read(words: list[str], calendar: Calendar) -> list[str]:
    """Normalised words with dates and times read as what they ask: a day of the month as
    the date asked about ("7th", "dec 8", "восьмого числа" → @day), an hour in words as its
    number ("at five" → 5), an hour as the time asked about ("5 pm", "17:00", "at 5" →
    @time)."""
    words = spelt_hours(words, calendar)
    out: list[str] = []
    i = 0
    while i < len(words):
        day = day_named(words, i, calendar)
        if day is not None:
            out.append(DAY)
            i += day.width
            continue
        hour = hour_named(words, i, calendar)
        if hour is not None:
            out.append(HOUR)
            i += hour.width
            continue
        out.append(words[i])
        i += 1
    return days_placed(out, calendar)


def days_placed(words: list[str], calendar: Calendar) -> list[str]:
    """Without the words that place a day against a named one ("после хануки или до?",
    "це перший вівторок грудня чи другий"): the day named is what is asked; and without
    the "2" texted for "to" before a relative day ("is it 2nite?")."""
    words = [WEEKDAY if _placed_holiday(words, i, calendar) else w for i, w in enumerate(words)]
    named = [
        i
        for i, word in enumerate(words)
        if word in calendar.weekdays or word in calendar.relative_days or word == WEEKDAY
    ]
    if not named:
        return words
    texted = {i - 1 for i in named if i and words[i - 1] in calendar.texted_to}
    return [
        word
        for i, word in enumerate(words)
        if i not in texted and word not in calendar.day_relations
    ]


def _placed_holiday(words: list[str], i: int, calendar: Calendar) -> bool:
    """Whether a holiday's name stands after a word that places a day by it ("на Николу",
    "до католического рождества"; the holiday's other words between)."""
    if words[i] not in calendar.holidays:
        return False
    j = i - 1
    while j >= 0 and words[j] in calendar.holidays:
        j -= 1
    return j >= 0 and words[j] in calendar.holiday_placers


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
