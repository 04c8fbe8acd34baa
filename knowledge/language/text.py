"""Text normalisation, language detection and word reduction for matching.

Questions arrive in English, Russian or Ukrainian, with typos, odd Unicode and any case.
Everything here turns them into comparable tokens; the matcher never sees raw text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import snowballstemmer

from knowledge.language.stylized import plain_letters
from knowledge.model import LANGS

# Characters that render as nothing (or as a space) but split or glue words.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Every mark people type for an apostrophe ("Кам’янське", "Кам'янське", the Ukrainian "ʼ",
# primes and accents from transliteration): the one table for matching and place names alike.
# Folded before NFKC, which would turn "´" into a space and a combining accent.
APOSTROPHES = "'’ʼ`´‘ʹ′"
FOLD_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+", re.UNICODE)

# The scripts, and the letters only one of the two Cyrillic languages has: the one set for
# language detection, place phrases and the places build.
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Words whose reductions are kept (here and in places.tokens): a 10,000-question load test
# meets 4,000-8,000 distinct words; at 200,000 entries the cache alone could grow by tens of MB.
WORD_CACHE_SIZE = 20_000
LATIN = re.compile(r"[a-zA-Z]")
UK_ONLY = frozenset("іїєґ")
RU_ONLY = frozenset("ыэъё")
UK_LETTERS = re.compile(f"[{''.join(sorted(UK_ONLY))}]", re.IGNORECASE)
RU_LETTERS = re.compile(f"[{''.join(sorted(RU_ONLY))}]", re.IGNORECASE)
# Frequent words that tell the two languages apart when the letters do not.
_UK_WORDS = frozenset(
    [
        "що",
        "коли",
        "як",
        "хто",
        "де",
        "чому",
        "навіщо",
        "буде",
        "будуть",
        "це",
        "чи",
        "та",
        "й",
        "або",
        "який",
        "яка",
        "яке",
        "які",
        "котрій",
        "котра",
        "розмова",
        "розмови",
        "розмову",
        "переговори",
        "зустріч",
        "дзвінок",
        "про",
        "від",
        "після",
        "вже",
        "ще",
        "тому",
        "якщо",
        "його",
        "їх",
        "мені",
        "скажи",
        "підкажи",
        "будь",
        "ласка",
        "годині",
        "котрій",
    ]
)
_RU_WORDS = frozenset(
    [
        "что",
        "когда",
        "как",
        "кто",
        "где",
        "почему",
        "зачем",
        "будет",
        "будут",
        "это",
        "ли",
        "или",
        "какой",
        "какая",
        "какое",
        "какие",
        "разговор",
        "переговоры",
        "встреча",
        "звонок",
        "созвон",
        "после",
        "уже",
        "еще",
        "его",
        "их",
        "мне",
        "скажи",
        "подскажи",
        "пожалуйста",
        "сколько",
        "часов",
    ]
)


# Each reader cleans its text again (some 45 calls an ask, on about 11 texts): kept, a repeat
# costs a lookup; bounded, so a flood of long messages holds a few megabytes at most.
@lru_cache(maxsize=2048)
def clean(text: str) -> str:
    """Unicode-normalised text with invisible characters dropped and stylized letters plain
    (knowledge/language/stylized.py); case and words kept."""
    text = plain_letters(unicodedata.normalize("NFKC", text).translate(_INVISIBLE))
    if text.isprintable():  # nearly every question: no need to look at each character
        return text
    return "".join(ch if ch.isprintable() else " " for ch in text)


@lru_cache(maxsize=2048)
def normalize(text: str) -> str:
    """Lower-cased, ё→е, one kind of apostrophe, punctuation gone, spaces squashed; a
    hashtag's words apart and an addressee's @mention gone (see `untagged`)."""
    text = clean(text.translate(FOLD_APOSTROPHES))
    if "#" in text or "@" in text:
        text = untagged(text)
    return " ".join(_WORD.findall(text.casefold().replace("ё", "е")))


# A message opens or ends with the accounts it is addressed to ("@newsbot when is the call",
# "... @WhiteHouse"): nobody's words in the question. A hashtag, or a mention inside the
# message ("did @WhiteHouse confirm"), is read by its words, run together in capitals
# ("#PutinBidenCall" is "Putin Biden Call", "#ПутинБайден" "Путин Байден").
# The addressees are whole words at either end, taken word by word: a regular expression
# for "mentions up to the end" is tried again from every "@" of a run of them, work that grows
# with the square of the run (a second for 4,000 characters of "@a@a...", 60 ms for the 1,000
# the bot reads).
_OPENING_ADDRESSEE = re.compile(r"(?:@\w+)+[,:]?")
_CLOSING_ADDRESSEE = re.compile(r"(?:@\w+)+[.!?]*")
_TAGGED = re.compile(r"(?<!\w)[#@](\w+)")


def untagged(text: str) -> str:
    """`text` with its addressees' @mentions dropped and its tags' words apart."""
    return _TAGGED.sub(lambda tag: _words_apart(tag[1]), _without_addressees(text))


def _without_addressees(text: str) -> str:
    words = text.split()
    start, end = 0, len(words)
    while start < end and _OPENING_ADDRESSEE.fullmatch(words[start]):
        start += 1
    while end > start and _CLOSING_ADDRESSEE.fullmatch(words[end - 1]):
        end -= 1
    if (start, end) == (0, len(words)):
        return text  # no addressee: the text as it was, its spacing kept
    return " ".join(words[start:end])


def _words_apart(tag: str) -> str:
    """A tag's words, split where a capital starts one: "UkraineCrisis" → "Ukraine Crisis",
    "USRussiaTalks" → "US Russia Talks"; a tag in one case stays one word."""
    cut = [
        i
        for i in range(1, len(tag))
        if tag[i].isupper()
        and (tag[i - 1].islower() or (tag[i - 1].isupper() and tag[i + 1 : i + 2].islower()))
    ]
    return " ".join(tag[a:b] for a, b in zip([0, *cut], [*cut, len(tag)], strict=True))


# A sentence ends at ".", "!", "?" or "…" followed by a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
# Context put before a question with a colon ("For my lecture: how did...") ends there.
_CONTEXT_END = re.compile(r"(?<=:)\s+")


def question_part(
    text: str,
    openers: frozenset[str] = frozenset(),
    asking: frozenset[str] = frozenset(),
    idle: Callable[[str], bool] | None = None,
) -> tuple[str, str] | None:
    """A message of several sentences ("My daughter lives in Toronto. What time is it for
    her?") split into what it asks and the rest; None when there is nothing to leave out.
    Context before a colon, or before a comma and one of `openers` ("my son is in Toronto,
    what time is it for him?"), is a sentence too.

    What asks: the sentences ending in "?"; without one, those with one of `asking` (a
    question word, "tell me", "скажите") when some other sentence has none, else the last.
    A sentence that says nothing (`idle`: "Thank you so much.", "Добрый день!") is neither
    asked nor context."""
    sentences = [
        clause
        for sentence in _SENTENCE_END.split(text.strip())
        for clause in _clauses(sentence, openers)
        if clause and not (idle and idle(clause))
    ]
    if not sentences:
        return None
    worded = [each for each in sentences if asking & set(words(each))]
    if len(worded) == len(sentences):
        worded = []
    chosen = [each for each in sentences if each.endswith("?")] or worded or sentences[-1:]
    rest = [each for each in sentences if each not in chosen]
    question = " ".join(chosen)
    if not rest and question == text.strip():
        return None
    return question, " ".join(rest)


def _clauses(sentence: str, openers: frozenset[str]) -> list[str]:
    clauses = _CONTEXT_END.split(sentence)
    if not openers:
        return clauses
    opener = _opener_pattern(openers)
    return [part for clause in clauses for part in opener.split(clause)]


@lru_cache(maxsize=8)
def _opener_pattern(openers: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, openers)))
    return re.compile(rf"(?<=,)\s+(?=(?:{words})\b)", re.IGNORECASE)


def words(text: str) -> list[str]:
    return normalize(text).split()


def detect_language(text: str, hint: str | None = None) -> str:
    """en, ru or uk for a question; `hint` (the client's language) breaks ties.

    Latin-only text is English. For Cyrillic, letters unique to one language decide
    first, then frequent words, then which dictionary knows more of the words.
    """
    lowered = clean(text.translate(FOLD_APOSTROPHES)).casefold()
    cyrillic = len(CYRILLIC.findall(lowered))
    latin = len(LATIN.findall(lowered))
    hint = hint if hint in LANGS else None
    if cyrillic == 0:
        return "en" if latin or hint is None else hint
    if latin > cyrillic * 2:
        return "en"
    uk_score = len(UK_LETTERS.findall(lowered)) * 2
    ru_score = len(RU_LETTERS.findall(lowered)) * 2
    tokens = words(lowered)
    uk_score += sum(token in _UK_WORDS for token in tokens)
    ru_score += sum(token in _RU_WORDS for token in tokens)
    if uk_score == ru_score:
        # Dictionary evidence is weak (names, loanwords): a one-word lead loses to the hint.
        uk_known = sum(_known_only_in("uk", token) for token in tokens)
        ru_known = sum(_known_only_in("ru", token) for token in tokens)
        if abs(uk_known - ru_known) <= 1 and hint in ("ru", "uk"):
            return hint
        uk_score += uk_known
        ru_score += ru_known
    if uk_score > ru_score:
        return "uk"
    if ru_score > uk_score:
        return "ru"
    return hint if hint in ("ru", "uk") else "ru"


@lru_cache(maxsize=2)
def morph(lang: str):
    """The pymorphy3 analyser for ru or uk, created once and shared (each costs ~20 MiB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


# Longer than any Russian or Ukrainian word (the longest dictionary words have 33-35 letters;
# the corpus's longest, words run together, 23). pymorphy3 reads a word it does not know by
# splitting prefixes off and reading the rest, one call deeper per prefix: a "word" of a few
# thousand letters runs out of Python's stack (tests/test_fuzz.py found one), and one of 60
# random letters costs a millisecond a reading, sixteen such a quarter of a second a message.
LONGEST_WORD = 40

# A question people ask is short: the corpus's longest is 44 words. Guessing what an unknown
# word means (a typo of a known word, Russian typed in Latin letters, the wrong keyboard layout)
# costs pymorphy3 lookups by the dozen a word, so a long message of unknown words (1,000
# characters of random letters: ~180 words) would hold the event loop for most of a second.
# A message longer than this is read as written; the sentence that asks in it, asked alone
# (rereading.by_its_question), is short again and gets every reading.
READ_CLOSELY_WORDS = 60


def read_closely(text: str) -> bool:
    """Whether a text is short enough for its unknown words to be guessed at."""
    return len(text.split()) <= READ_CLOSELY_WORDS


def morph_parse(lang: str, word: str) -> list[Any]:
    """pymorphy3's readings of a word in ru or uk; none for a word it cannot read, or one
    longer than LONGEST_WORD.

    pymorphy3 asks `unicodedata.name` about each letter to tell Latin from other scripts,
    which raises ValueError for a letter without a name in Python's Unicode database (a
    Tangut ideograph under Python 3.11, found by tests/test_fuzz.py): no word of these
    languages has one.
    """
    if len(word) > LONGEST_WORD:
        return []
    try:
        return morph(lang).parse(word)
    except ValueError:
        return []


def in_dictionary(word: str, lang: str) -> bool:
    """Whether a Cyrillic word is a real word of the question's language ("война" is; a typo
    such as "перигаворы" is not), so never to be read as a typo of another word. There is no
    English dictionary here: False for Latin words."""
    if lang not in ("ru", "uk") or not CYRILLIC.search(word):
        return False
    try:
        return bool(morph(lang).word_is_known(word))
    except ValueError:  # a letter without a Unicode name (see morph_parse)
        return False


def in_any_dictionary(word: str) -> bool:
    """Whether the ru or the uk dictionary knows a Cyrillic word as it is written."""
    return in_dictionary(word, "ru") or in_dictionary(word, "uk")


def _known_only_in(lang: str, token: str) -> bool:
    other = "ru" if lang == "uk" else "uk"
    return morph(lang).word_is_known(token) and not morph(other).word_is_known(token)


@lru_cache(maxsize=4)
def _stemmer(name: str):
    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def reduce_word(word: str, lang: str, mode: str = "lemma") -> str:
    """One word's base form for matching: "переговорів" → "переговори", "talks" → "talk".

    mode "lemma" uses pymorphy3 dictionaries for ru and uk (there is no Snowball stemmer
    for Ukrainian); mode "stem" uses Snowball (Russian rules for both). English is always
    stemmed. Numbers and Latin words in a Cyrillic question go to English.
    """
    if word.isdigit():
        return word
    if not CYRILLIC.search(word):
        return _stemmer("english").stemWord(word)
    lang = lang if lang in ("ru", "uk") else "ru"
    if mode == "stem":
        return _stemmer("russian").stemWord(word)
    parses = morph_parse(lang, word)
    if not parses or not parses[0].is_known:
        other = morph_parse("uk" if lang == "ru" else "ru", word)
        if other and other[0].is_known:
            parses = other
    if not parses:
        return word
    if lang == "uk" and parses[0].is_known:
        return _likeliest_uk_lemma(word, parses)
    return parses[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def other_lemmas(word: str, lang: str) -> tuple[str, ...]:
    """The lemmas of a word's other dictionary readings, besides the one reduce_word picks:
    uk "влада" is the name "Влад" and also "влада" (power), "Києві" is "кий" and "Київ"."""
    if not in_dictionary(word, lang):
        return ()  # its readings are all guesses by analogy, none a dictionary's
    chosen = reduce_word(word, lang)
    lemmas = dict.fromkeys(
        p.normal_form.replace("ё", "е") for p in morph_parse(lang, word) if p.is_known
    )
    return tuple(lemma for lemma in lemmas if lemma != chosen)


def _likeliest_uk_lemma(word: str, parses) -> str:
    """The uk dictionary gives every reading the same score and often lists a rare one first
    ("дзвінка" → "дзвінка", a surname, before "дзвінок"). Prefer nouns, then a lemma that
    differs from the word (the word was probably inflected), then the commonest lemma."""
    readings = [p for p in parses if p.tag.POS == "NOUN"] or list(parses)
    lemmas = [p.normal_form for p in readings]
    changed = [lemma for lemma in lemmas if lemma != word] or lemmas
    return max(changed, key=changed.count)
