"""Asking a question again in another reading, when the bot cannot answer it as written:
Russian or Ukrainian typed in Latin letters read in Cyrillic, and a message of several
sentences asked by the sentences that ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.answering.asks import points_back
from knowledge.answering.compose import Answer
from knowledge.answering.followups import Conversation
from knowledge.language.reading import concept_or_base
from knowledge.language.text import CYRILLIC, in_dictionary, morph_parse, question_part
from knowledge.places.resolver import Place

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine


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
    if lang != "en" or CYRILLIC.search(text):
        return None
    order = ("uk", "ru") if lang_hint == "uk" else ("ru", "uk")
    for reading in order:
        cyrillic = engine.index.lexicon.transliterated(
            text, reading, known=lambda word, lang=reading: _knows(engine, word, lang)
        )
        if cyrillic == text:
            continue
        answer = engine.ask(
            cyrillic, lang=reading, user_place=user_place, conversation=conversation
        )
        if answer.answered:
            return answer
    return None


def _knows(engine: Engine, word: str, lang: str) -> bool:
    """A word of the language's dictionary, or one the fact base reads as its own (a name
    through its concept: "baiden" is Байден, @biden, not "баидень")."""
    index = engine.index
    concept = concept_or_base(word, lang, index.mode, index.lexicon)
    return (in_dictionary(word, lang) and not _misspelt(word, lang)) or index.knows(concept)


def _misspelt(word: str, lang: str) -> bool:
    """Whether the dictionary knows a word only as a misspelling of another (pymorphy3's
    `Dist`: the Ukrainian dictionary lists "украіна" beside "україна"), so that a Latin
    spelling read two ways ("ukraina") takes the reading spelt right."""
    parses = morph_parse(lang, word)
    return bool(parses) and all("Dist" in parse.tag for parse in parses)


def by_its_question(
    engine: Engine,
    text: str,
    lang: str,
    user_place: Place | None,
    conversation: Conversation | None,
) -> Answer | None:
    """A message of several sentences, unanswered whole, asked by what it asks alone; the
    time asked where its other sentences name a place ("I live in Oslo. When is it?")."""
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
    answer = engine.ask(question, lang=lang, user_place=user_place, conversation=conversation)
    if not answer.answered:
        return None
    mention = engine.resolver.find(rest)
    if answer.fact and answer.fact.event and mention and not engine.resolver.find(question):
        there = f"{question.rstrip('?.!… ')} {mention.text}?"
        placed = engine.ask(there, lang=lang, user_place=user_place, conversation=conversation)
        return placed if placed.answered and placed.fact == answer.fact else answer
    return answer
