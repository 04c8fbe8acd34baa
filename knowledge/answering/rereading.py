"""Asking a question again in another reading: Russian or Ukrainian typed in Latin letters
read in Cyrillic when the bot cannot answer it as written, and a message of several sentences
asked by the sentences that ask (unanswered whole, or answered whole with a story around it);
and, before any reading, words typed with the wrong keyboard layout on read as meant
(`relaid_message`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from knowledge.answering.asks import points_back, words
from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.language.latest import for_the_latest
from knowledge.language.layout import SHORTEST_ALONE, relaid
from knowledge.language.leet import digits_as_letters
from knowledge.language.lexicon import Lexicon
from knowledge.language.reading import concept_or_base
from knowledge.language.text import (
    CYRILLIC,
    in_any_dictionary,
    in_dictionary,
    morph_parse,
    question_part,
    read_closely,
)
from knowledge.model import LANGS
from knowledge.places.resolver import Place

# Where one sentence ends and the next begins: the story and its question are sentences.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff'ʼ]+")

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.language.matcher import FactIndex


def in_cyrillic(
    engine: Engine,
    text: str,
    lang: str,
    lang_hint: str | None,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """Russian or Ukrainian typed in Latin letters ("kogda peregovory"), read in Cyrillic and
    answered in that language, when the English reading found nothing."""
    if lang != "en" or CYRILLIC.search(text) or not read_closely(text):
        return None
    lexicon = engine.index.lexicon

    def cyrillic_of(latin: str, reading: str) -> str:
        return lexicon.transliterated(
            latin, reading, known=lambda word, lang=reading: _knows(engine, word, lang)
        )

    hinted = ("uk", "ru") if lang_hint == "uk" else ("ru", "uk")
    readings = {reading: cyrillic_of(text, reading) for reading in hinted}
    # Russian or Ukrainian by the words: the reading whose dictionary knows more of them
    # first ("choho hoche rosija" is "чого хоче росія", not "чохо хоче росия").
    order = sorted(hinted, key=lambda reading: -_dictionary_words(readings[reading], reading))
    for reading in order:
        cyrillic = readings[reading]
        if cyrillic == text:
            continue
        answer = engine.ask(
            cyrillic, lang=reading, user_place=user_place, conversation=conversation
        )
        if answer.answered:
            return answer
    return None


def _dictionary_words(text: str, lang: str) -> int:
    """How many of a Cyrillic text's words the language's dictionary knows."""
    return sum(in_dictionary(word, lang) for word in _CYRILLIC_WORD.findall(text))


def relaid_message(engine: Engine, text: str) -> str:
    """`text` with the words typed on the wrong keyboard layout read as meant ("rjulf" is
    "когда", "цру" is "who": knowledge/language/layout.py). A Latin word is a word of its
    own script when the fact base or the lexicon knows it as English, the place resolver as
    a place or zone ("utc"), or it reads as Russian or Ukrainian in Latin letters
    ("kogda"); a Cyrillic one, as rereading does."""
    if not read_closely(text):
        return text
    index = engine.index
    english = _english_reader(engine)

    def latin_word(word: str) -> bool:
        # "kogda" is Russian in Latin letters; a short word ("oj" for "що") may be "ой" so
        # by chance, and is read by the words around it (layout.py).
        return (
            english(word)
            or engine.resolver.find(word) is not None  # a place or a zone: "utc", "nyc"
        ) or (
            len(word) >= SHORTEST_ALONE
            and any(
                (cyrillic := index.lexicon.transliterated(word, lang)) != word
                and _knows(engine, cyrillic, lang)
                for lang in ("ru", "uk")
            )
        )

    return relaid(text, latin_word, english, lambda word, lang: _knows(engine, word, lang))


def unleeted_message(engine: Engine, text: str) -> str:
    """`text` with digits typed for letters read as them ("wh4t t1m3" is "what time", "к0ли"
    is "коли": knowledge/language/leet.py), where the word then is one the lexicon, the fact
    base or a dictionary knows."""
    if not read_closely(text):
        return text
    english = _english_reader(engine)

    @cache
    def mostly_english() -> bool:
        # In Russian or Ukrainian typed in Latin letters a figure stands for a letter of its
        # own ("pro 6o budut' hovoryty" is "про шо", not "pro go"): Latin words are read as
        # leetspeak only in a message whose plain Latin words are mostly English. Read only
        # when a Latin word with a figure is tried, not for every message.
        plain = [
            word
            for word in (w.strip(_PUNCTUATION) for w in text.casefold().split())
            if _LATIN_WORDS.fullmatch(word)
        ]
        return sum(map(english, plain)) * 2 >= len(plain)

    def known(word: str, script: str) -> bool:
        if script == "latin":
            return mostly_english() and english(word)
        return any(_knows(engine, word, lang) for lang in ("ru", "uk"))

    return digits_as_letters(text, known)


def _english_reader(engine: Engine) -> Callable[[str], bool]:
    """Whether a Latin word is English to the bot: a word the lexicon lists, or one the fact
    base knows through its concept or base form."""
    index = engine.index
    words = _english_words(index.lexicon)

    def english(word: str) -> bool:
        return word in words or index.knows(concept_or_base(word, "en", index.mode, index.lexicon))

    return english


_LATIN_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PUNCTUATION = '?!.,;:"«»()…-–—'


@for_the_latest
def _english_words(lexicon: Lexicon) -> frozenset[str]:
    """Every Latin word the lexicon lists (its phrases, stopwords, concepts, real words)."""
    texts = [
        *(phrase for phrase, _ in lexicon.intent_phrases),
        *lexicon.stopwords,
        *lexicon.concept_of,
        *lexicon.single_word_intents,
        *lexicon.real_words.get("en", ()),
    ]
    return frozenset(_LATIN_WORDS.findall(" ".join(texts)))


def _knows(engine: Engine, word: str, lang: str) -> bool:
    """A word of the language's dictionary, or one the fact base reads as its own (a name
    through its concept: "baiden" is Байден, @biden, not "баидень")."""
    index = engine.index
    if in_dictionary(word, lang) and not _misspelt(word, lang):
        return True
    if not in_any_dictionary(word) and word[:_START] not in _known_starts(index):
        # Its base form, guessed by analogy (the dearest lookup there is: a Latin word is
        # tried in up to 64 spellings), would start as it does: the base knows no such word.
        return False
    return index.knows(concept_or_base(word, lang, index.mode, index.lexicon))


# Letters a word keeps in its base form: an ending changes, the start does not.
_START = 3


@for_the_latest
def _known_starts(index: FactIndex) -> frozenset[str]:
    """The starts of every token the fact base knows and of every word the lexicon reads
    as a concept it knows."""
    concept_of = index.lexicon.concept_of
    words = [*index.known_tokens, *(w for w, c in concept_of.items() if index.knows(c))]
    return frozenset(word[:_START] for word in words)


def _misspelt(word: str, lang: str) -> bool:
    """Whether the dictionary knows a word only as a misspelling of another (pymorphy3's
    `Dist`: the Ukrainian dictionary lists "украіна" beside "україна"), so that a Latin
    spelling read two ways ("ukraina") takes the reading spelt right."""
    parses = morph_parse(lang, word)
    return bool(parses) and all("Dist" in parse.tag for parse in parses)


def by_its_question(
    engine: Engine,
    whole: Answer | None,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """A message of several sentences read by the sentence that asks (what `question_part`
    picks: the sentences ending in "?", else those with an asking word), one reading at
    either depth; None where the message stays read whole.

    Unanswered whole (`whole` None), the sentence's answer is the message's; the time asked
    where its other sentences name a place ("I live in Oslo. When is it?").

    Answered whole, the rest may be the asker's story around the question ("My dad says the
    talks were yesterday. I don't believe him. What date is the call really?"): when the
    sentence ranks the same fact first and matches it with the higher score, the story was
    only diluting the question, and the sentence's reading is the answer. Where the sentence
    alone reaches another fact ("Saw the Peskov headline. What hour though?"), or matches
    less well, or a story sentence opens with a question word (it asks something too), or
    the story names the place asked, or the story alone reaches another fact as well as the
    sentence reaches its own, the story carried the ask. The choice weighs the
    matcher's score, never the decision's P, so the decision's fit reads what users get."""
    if lang not in LANGS or (whole is not None and not (whole.ranked and whole.evidence)):
        return None
    index = engine.index
    lexicon = index.lexicon
    parts = question_part(
        text,
        lexicon.question_openers.get(lang, frozenset()),
        lexicon.asking_words.get(lang, frozenset()),
        idle=lambda sentence: not index.analyse(sentence, lang).tokens,
    )
    if parts is None:
        return None
    question, rest = parts
    if points_back(question, rest, lang):
        return None  # "where can I watch it, what website?" is not the article's website
    mention = engine.resolver.find(rest)
    placed_elsewhere = mention is not None and not engine.resolver.find(question)
    if whole is not None:
        opens = words()[lang].opens
        story = [s for s in _SENTENCE_END.split(rest) if s.strip()]
        if not story or placed_elsewhere:
            return None  # "I live in Oslo. When is it?": the story names the place asked
        if any(opens.search(s.strip(" \t,;:-—\"'«»")) for s in story):
            return None
    answer = engine.ask_one(question, lang=lang, user_place=user_place, conversation=conversation)
    if not answer.answered:
        return None
    if whole is not None:
        same = answer.ranked and answer.ranked[0][0] == whole.ranked[0][0]
        better = answer.evidence and answer.evidence[0] > whole.evidence[0]
        if not (same and better):
            return None
        # The story alone reaching another fact as well ("https://glavred.info/... is this
        # legit?" names the outlet) asks something itself: it is no story around one ask.
        told = engine.ask_one(rest, lang=lang, user_place=user_place)
        other = told.answered and told.ranked and told.ranked[0][0] != answer.ranked[0][0]
        return None if other and told.evidence[0] >= answer.evidence[0] else answer
    if answer.fact and answer.fact.event and placed_elsewhere and mention:
        there = f"{question.rstrip('?.!… ')} {mention.text}?"
        placed = engine.ask_one(there, lang=lang, user_place=user_place, conversation=conversation)
        return placed if placed.answered and placed.fact == answer.fact else answer
    return answer
