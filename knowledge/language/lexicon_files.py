"""Reading the lexicon's files: the generic words (knowledge/language/data/words.yaml, and
the words of a message's shape beside it in shapes.yaml: instruction frames, "only the
date", "so ..., right?") and a content's concepts (lexicon.yaml beside its facts), into a
Lexicon.

Both files are checked when loaded: a mistake names the file and the entry rather than
quietly matching less.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.i18n import SAFE_LOADER
from knowledge.language.behalf import load_behalf
from knowledge.language.calendar_file import read_calendar
from knowledge.language.courtesy import ACKNOWLEDGED
from knowledge.language.lexicon import DEFINE, FollowUpWords, Lexicon
from knowledge.language.lexicon_checks import (
    LexiconInvalid,
    phrases_per_language,
    texts_per_language,
)
from knowledge.language.text import normalize
from knowledge.model import LANGS

WORDS_PATH = Path(__file__).resolve().parent / "data" / "words.yaml"
# Beside a words file: the frames of a message's shape, filler read as words.yaml's is.
SHAPES_NAME = "shapes.yaml"
SHIPPED_CONCEPTS_PATH = Path(__file__).resolve().parent.parent / "content" / "lexicon.yaml"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconInvalid(f"{path.name}: cannot be read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: expected a mapping at the top")
    return data


def _token_lists(data: Any, path: Path, section: str) -> dict[str, list[str]]:
    """A mapping of '@token' to a list of lower-case phrases."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconInvalid(f"{path.name}: {section}: expected a mapping of @name to phrases")
    result: dict[str, list[str]] = {}
    for token, phrases in data.items():
        where = f"{path.name}: {section}: {token!s:.40}"
        if not isinstance(token, str) or not token.startswith("@") or " " in token:
            raise LexiconInvalid(f"{where}: a name is one word starting with @")
        if not isinstance(phrases, list) or not phrases:
            raise LexiconInvalid(f"{where}: expected a non-empty list of phrases")
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise LexiconInvalid(f"{where}: every phrase is non-empty text")
            if phrase != phrase.strip().lower() or "  " in phrase:
                raise LexiconInvalid(f"{where}: {phrase!r:.60} must be lower case, single-spaced")
        result[token] = list(phrases)
    return result


def load_lexicon(
    words_path: Path = WORDS_PATH, concepts_path: Path | None = SHIPPED_CONCEPTS_PATH
) -> Lexicon:
    """The generic words plus a content's concepts (none when it has no lexicon file)."""
    words = _read(words_path)
    intents = _token_lists(words.get("intents"), words_path, "intents")
    stopwords = texts_per_language(words.get("stopwords"), words_path, "stopwords")
    shifters = texts_per_language(words.get("shifters"), words_path, "shifters")
    yes_no = texts_per_language(words.get("yes_no"), words_path, "yes_no")
    # A stopword is dropped before anything weighs it: as a shifter too it would never count.
    for lang, text in shifters.items():
        both = sorted(set(text.split()) & set(stopwords.get(lang, "").split()))
        if both:
            raise LexiconInvalid(f"{words_path.name}: shifters: {lang} {both[0]} is a stopword")
    said_that = phrases_per_language(words.get("said_that"), words_path, "said_that")
    filler = phrases_per_language(words.get("filler"), words_path, "filler")
    # Swearing is filler, kept apart in words.yaml: "what the fuck is NATO" asks what NATO is.
    for lang, ps in phrases_per_language(words.get("profanity"), words_path, "profanity").items():
        filler = {**filler, lang: [*filler.get(lang, []), *ps]}
    shapes_path = words_path.parent / SHAPES_NAME
    shapes = _read(shapes_path) if shapes_path.exists() else {}
    # `frames`: the frame a message wraps its ask in ("is it known", "назовите"), as filler;
    # so are a quiz's frame ("pick one:"), a style's empty words ("pray tell", "abeg") and an
    # action the bot cannot do asked beside the ask ("remind me 10 min before, when is it").
    for key in ("filler", "frames", "quiz", "styles", "actions", "actions_remind"):
        for lang, ps in phrases_per_language(shapes.get(key), shapes_path, key).items():
            filler = {**filler, lang: [*filler.get(lang, []), *ps]}
    courtesies = _courtesies(words.get("courtesies"), words_path)
    for kind, phrases in courtesies.items():
        if kind == ACKNOWLEDGED:
            continue  # "ok", "great", "clear": an answer in themselves, and words of some asks
        for lang, ps in phrases.items():
            filler = {**filler, lang: [*filler.get(lang, []), *ps]}
    translit = _translit_tables(words.get("translit"), words_path)
    concepts: dict[str, list[str]] = {}
    people: frozenset[str] = frozenset()
    sides: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()
    if concepts_path is not None and concepts_path.exists():
        data = _read(concepts_path)
        concepts = _token_lists(data.get("concepts"), concepts_path, "concepts")
        clash = sorted(set(concepts) & set(intents))
        if clash:
            raise LexiconInvalid(f"{concepts_path.name}: concepts: {clash[0]} is an intent")
        people = _people(data.get("people"), concepts_path, concepts)
        sides = _sides(data.get("sides"), concepts_path, people)
    speaker_kinds = frozenset(words.get("speaker_kinds") or ())
    if strange := sorted(speaker_kinds - set(intents)):
        raise LexiconInvalid(f"{words_path.name}: speaker_kinds: {strange[0]} is no intent")
    lexicon = Lexicon.build(
        intents,
        stopwords,
        concepts,
        translit,
        shifters,
        said_that,
        yes_no,
        _follow_up_words(words, words_path),
        filler,
        read_calendar(words.get("calendar"), words_path),
        texts_per_language(words.get("confirming"), words_path, "confirming"),
        {
            **_rephrased(words.get("rephrased"), words_path),
            **_rephrased(shapes.get("rephrased"), shapes_path),
            **_rephrased(shapes.get("frames_rephrased"), shapes_path),
            **_rephrased(shapes.get("unranked_rephrased"), shapes_path),
            **_rephrased(shapes.get("styles_rephrased"), shapes_path),
        },
    )
    real_words = texts_per_language(words.get("real_words"), words_path, "real_words")
    try:
        behalf = load_behalf(words.get("on_behalf"), words_path)
    except ValueError as exc:
        raise LexiconInvalid(str(exc)) from None
    openers = texts_per_language(words.get("question_openers"), words_path, "question_openers")
    around = texts_per_language(words.get("around_asker"), words_path, "around_asker")
    asking = texts_per_language(words.get("asking_words"), words_path, "asking_words")
    asks_what = texts_per_language(words.get("asks_what"), words_path, "asks_what")
    after = texts_per_language(words.get("asks_what_after"), words_path, "asks_what_after")
    bare = phrases_per_language(words.get("bare_defined"), words_path, "bare_defined")
    if bare and DEFINE not in intents:
        raise LexiconInvalid(f"{words_path.name}: bare_defined: needs the intent {DEFINE}")
    return replace(
        lexicon,
        behalf=behalf,
        or_between=_or_between(words.get("or_between"), words_path),
        real_words={lang: frozenset(text.split()) for lang, text in real_words.items()},
        question_openers={lang: frozenset(text.split()) for lang, text in openers.items()},
        asking_words={lang: frozenset(text.split()) for lang, text in asking.items()},
        time_intents=_time_intents(words.get("time_intents"), words_path, intents),
        bare_defined=tuple(tuple(normalize(p).split()) for ps in bare.values() for p in ps),
        around_asker=frozenset(normalize(w) for text in around.values() for w in text.split()),
        courtesies={
            kind: frozenset(normalize(p) for ps in phrases.values() for p in ps)
            for kind, phrases in courtesies.items()
        },
        asks_what={lang: frozenset(normalize(text).split()) for lang, text in asks_what.items()},
        choice=_words_per_language(words, words_path, "choice"),
        choice_closed=_words_per_language(words, words_path, "choice_closed"),
        asks_what_after={lang: frozenset(normalize(text).split()) for lang, text in after.items()},
        people=people,
        speaks_for={
            lang: frozenset(normalize(text).split())
            for lang, text in texts_per_language(
                words.get("speaks_for"), words_path, "speaks_for"
            ).items()
        },
        speaker_kinds=speaker_kinds,
        sides=sides,
    )


def _words_per_language(
    words: Mapping[str, Any], path: Path, section: str
) -> dict[str, frozenset[str]]:
    texts = texts_per_language(words.get(section), path, section)
    return {lang: frozenset(normalize(text).split()) for lang, text in texts.items()}


def _people(data: Any, path: Path, concepts: Mapping[str, list[str]]) -> frozenset[str]:
    """The content's people: a list of its concepts ("@peskov")."""
    if data is None:
        return frozenset()
    if not isinstance(data, list) or any(p not in concepts for p in data):
        raise LexiconInvalid(f"{path.name}: people: expected a list of its concepts")
    return frozenset(data)


def _sides(
    data: Any, path: Path, people: frozenset[str]
) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """The content's sides: each its `people` (of `people`) and its `names`, lower case."""
    if data is None:
        return ()
    sides = []
    for side in data if isinstance(data, list) else [None]:
        if (
            not isinstance(side, dict)
            or not isinstance(side.get("people"), list)
            or not set(side["people"]) <= people
            or not isinstance(side.get("names"), list)
            or not all(isinstance(n, str) and n == n.strip().lower() for n in side["names"])
        ):
            raise LexiconInvalid(f"{path.name}: sides: expected people (of people) and names")
        sides.append((frozenset(side["people"]), tuple(side["names"])))
    return tuple(sides)


def _time_intents(data: Any, path: Path, intents: Mapping[str, list[str]]) -> frozenset[str]:
    names = data or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n in intents for n in names):
        raise LexiconInvalid(f"{path.name}: time_intents: expected a list of intents")
    return frozenset(names)


def _or_between(data: Any, path: Path) -> dict[str, tuple[str, str]]:
    table = data or {}
    ok = isinstance(table, dict) and not set(table) - set(LANGS)
    if not ok or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) for w in pair)
        for pair in table.values()
    ):
        raise LexiconInvalid(f"{path.name}: or_between: expected [word, its or] per language")
    return {lang: (normalize(pair[0]), normalize(pair[1])) for lang, pair in table.items()}


def _follow_up_words(words: Mapping[str, Any], path: Path) -> FollowUpWords:
    pronouns = texts_per_language(words.get("person_pronouns"), path, "person_pronouns")
    again = texts_per_language(words.get("same_again"), path, "same_again")

    def phrases(section: str) -> frozenset[str]:
        data = words.get(section) or {}
        ok = isinstance(data, dict) and not set(data) - set(LANGS)
        if not ok or not all(
            isinstance(ps, list) and all(isinstance(p, str) and normalize(p) for p in ps)
            for ps in data.values()
        ):
            raise LexiconInvalid(f"{path.name}: {section}: expected phrases per language")
        return frozenset(normalize(p) for ps in data.values() for p in ps)

    return FollowUpWords(
        pronouns=frozenset(normalize(w) for text in pronouns.values() for w in text.split()),
        about_it=tuple(sorted(phrases("about_it"), key=lambda p: (-len(p), p))),
        and_then=phrases("and_then"),
        and_before=phrases("and_before"),
        same_again=frozenset(normalize(w) for text in again.values() for w in text.split()),
    )


def _courtesies(data: Any, path: Path) -> dict[str, dict[str, list[str]]]:
    if not isinstance(data or {}, dict):
        raise LexiconInvalid(f"{path.name}: courtesies: expected phrases per kind")
    return {
        str(kind): phrases_per_language(phrases, path, f"courtesies: {kind}")
        for kind, phrases in (data or {}).items()
    }


def _rephrased(data: Any, path: Path) -> dict[str, str]:
    table = data or {}
    if not isinstance(table, dict) or set(table) - set(LANGS) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w for w in pair)
        for pairs in table.values()
        for pair in pairs
    ):
        raise LexiconInvalid(f"{path.name}: rephrased: expected [phrase, plain form] pairs")
    return {normalize(a): normalize(b) for pairs in table.values() for a, b in pairs}


def _translit_tables(data: Any, path: Path) -> dict[str, list[tuple[str, str]]]:
    if data is None:
        return {}
    where = f"{path.name}: translit"
    if not isinstance(data, dict) or set(data) - set(LANGS):
        raise LexiconInvalid(f"{where}: expected a table per language")
    tables = {}
    for lang, pairs in data.items():
        ok = isinstance(pairs, list) and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p)
            for p in pairs
        )
        if not ok or any(latin == "$" for latin, _ in pairs):
            raise LexiconInvalid(f"{where}: {lang}: expected [latin, cyrillic] pairs")
        tables[lang] = [(a, b) for a, b in pairs]
    return tables


@cache
def shipped_lexicon() -> Lexicon:
    return load_lexicon()


@cache
def shipped_shape_phrases(section: str) -> dict[str, list[str]]:
    """One section of the shipped shapes.yaml that a step reads on its own rather than
    through the Lexicon ("corrections", "slips", "unranked"): phrases per language, checked
    as the lexicon's are."""
    path = WORDS_PATH.parent / SHAPES_NAME
    return phrases_per_language(_shipped_shapes().get(section), path, section)


@cache
def _shipped_shapes() -> dict[str, Any]:
    return _read(WORDS_PATH.parent / SHAPES_NAME)
