"""Questions and answers drafted for a proposal from knowledge/ingest/templates.yaml.

Words taken from the quote (names, the speaker, key nouns, the sentence) exist only in
the article's language, so templates that need them are used in that language only; the
event noun, dates, times and zones can be said in every language.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from functools import lru_cache

from babel.dates import format_date

from knowledge.ingest.rules import rules
from knowledge.language.text import morph_parse
from knowledge.model import LANGS
from knowledge.places.times import babel_locale, format_moment, zone_city

_NAME_WORD = re.compile(r"[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’ʼ-]+")
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
# Placeholders whose words come from the quote, so only the article's language has them.
QUOTE_WORDS = frozenset({"names", "speaker", "person", "keywords", "sentence"})


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@lru_cache(maxsize=4096)
def _readings(lang: str, word: str) -> tuple:
    return tuple(morph_parse(lang, word.casefold())) if lang in ("ru", "uk") else ()


def _is_person_word(lang: str, word: str) -> bool:
    if lang == "en":
        return True
    readings = _readings(lang, word)
    if not readings:
        return True
    tags = {str(t) for r in readings[:3] for t in (r.tag,)}
    known = any(r.is_known for r in readings)
    return any("Name" in t or "Surn" in t or "Patr" in t for t in tags) or not known


def _nominative(lang: str, word: str) -> str:
    if lang == "en":
        return word
    readings = _readings(lang, word)
    if any("nomn" in r.tag for r in readings[:2]):
        return word
    for reading in readings:
        if any(g in reading.tag for g in ("Name", "Surn", "Patr")) or not reading.is_known:
            return reading.normal_form.capitalize()
    return word


def person_names(quote: str, lang: str) -> list[str]:
    """Names of people in the quote, in the nominative: 'Путина и Байдена' → Путин, Байден."""
    groups: list[list[str]] = []
    last_end = -2
    for m in _NAME_WORD.finditer(quote):
        if m.start() == 0 or not _is_person_word(lang, m.group()):
            last_end = -2
            continue
        word = _nominative(lang, m.group())
        if m.start() == last_end + 1 and groups:
            groups[-1].append(word)
        else:
            groups.append([word])
        last_end = m.end()
    names = []
    for group in groups:
        name = " ".join(group)
        if not any(name in other or other in name for other in names):
            names.append(name)
    return names


def _keywords(quote: str, lang: str) -> str:
    """Up to three content nouns of the quote, in their dictionary form."""
    common = rules().common_words.get(lang, frozenset())
    found: list[str] = []
    for m in _WORD.finditer(quote):
        word = m.group()
        if word.casefold() in common or len(word) < 4:
            continue
        readings = _readings(lang, word)
        if lang != "en" and (not readings or readings[0].tag.POS != "NOUN"):
            continue
        lemma = readings[0].normal_form if readings else word.casefold()
        if lemma not in found:
            found.append(lemma)
        if len(found) == 3:
            break
    joiner = {"ru": " и ", "uk": " і ", "en": " and "}[lang]
    return joiner.join(found)


def _topic_index(quote: str, lang: str) -> int | None:
    """Which of rules.yaml's event nouns the quote uses first (the same index in each language)."""
    nouns = rules().event_nouns[lang]
    lemmas = {_lemma(lang, noun): i for i, noun in enumerate(nouns)}
    for m in _WORD.finditer(quote):
        index = lemmas.get(_lemma(lang, m.group()))
        if index is not None:
            return index
    return None


@lru_cache(maxsize=8192)
def _lemma(lang: str, word: str) -> str:
    readings = _readings(lang, word)
    if readings:
        return readings[0].normal_form
    word = word.casefold()
    return word[:-1] if lang == "en" and word.endswith("s") else word


def _genitive(lang: str, noun: str) -> str:
    if lang == "en":
        return noun
    for reading in _readings(lang, noun):
        inflected = reading.inflect({"gent"})
        if inflected is not None:
            return inflected.word
    return noun


def _sentence(quote: str) -> str:
    text = quote.strip().strip('"«»“”„ ,-—–')
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def fill(
    kind: str,
    quote: str,
    article_lang: str,
    moment: dt.datetime | None = None,
    zone: str | None = None,
    day: dt.date | None = None,
    context: str | None = None,
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(questions, text) per language; a language appears only when something fits.

    `context` (the whole sentence of a narrow quote) is where the event noun and the names
    are looked for.
    """
    templates = rules().templates[kind]
    topic = _topic_index(context or quote, article_lang)
    names = person_names(context or quote, article_lang)
    questions: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for lang in LANGS:
        values = _values(lang, article_lang, quote, names, topic, moment, zone, day)
        drafted = [
            t.format(**values)
            for t in templates["questions"].get(lang, [])
            if placeholders(t) <= values.keys()
        ]
        if drafted:
            questions[lang] = list(dict.fromkeys(drafted))
        answers = [
            t.format(**values)
            for t in templates["text"].get(lang, [])
            if placeholders(t) <= values.keys()
        ]
        if answers and (lang == article_lang or not placeholders(answers[0]) & QUOTE_WORDS):
            texts[lang] = answers[0]
    return questions, texts


def _values(
    lang: str,
    article_lang: str,
    quote: str,
    names: list[str],
    topic: int | None,
    moment: dt.datetime | None,
    zone: str | None,
    day: dt.date | None,
) -> Mapping[str, str]:
    values: dict[str, str] = {}
    if topic is not None:
        noun = rules().event_nouns[lang][topic]
        values.update(topic=noun, topic_gen=_genitive(lang, noun), topic_cap=noun.capitalize())
    if moment is not None and zone:
        values["when"] = format_moment(moment, lang).rstrip(".")
        values["zone"] = zone_city(zone, lang)
    if day is not None:
        values["date"] = format_date(day, "full", locale=babel_locale(lang)).rstrip(".")
    if lang == article_lang:
        values["sentence"] = _sentence(quote)
        keywords = _keywords(quote, lang)
        if keywords:
            values["keywords"] = keywords
        if names:
            joiner = {"ru": " и ", "uk": " і ", "en": " and "}[lang]
            values["names"] = joiner.join(names[:3])
            values["person"] = names[0]
            values["speaker"] = names[0]
    return values
