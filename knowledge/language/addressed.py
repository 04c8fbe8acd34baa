"""A message put to one of the article's people ("Mr President, when's your call with Biden?",
"пане Остіне, летальна зброя буде?"), to the bot in a role ("pretend you're a news anchor and
tell me why moscow wanted these talks", "как историк из 2050 года, скажи, ...") or in an
official's words ("Kindly specify ...", "Прошу сообщить ...", "Просимо повідомити ..."): the
frame is no evidence for or against any fact, so it is cut and the ask inside read as if asked
plainly. The one addressed becomes who "you" is: "your call" put to the President, with Biden
named, is Putin's call; "Джо, что скажете Путину?" is what Biden will say to him.

The words are data (data/addressed.yaml); the rules are these: a frame opens the message (a
vocative may close it too: "..., Mr President?"); a vocative is set off by a mark (",", "!",
":"); a role runs to the first mark or "and" within `role_reach` words, else it is no frame.
The bot never plays the role: the ask is answered from the article, cited, or declined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language.phrase_spans import Phrases
from knowledge.language.text import CYRILLIC, detect_language

ADDRESSED_PATH = Path(__file__).resolve().parent / "data" / "addressed.yaml"

_TOKEN = re.compile(r"[\w'’.-]*\w|[^\w\s]")
_MARKS = frozenset(",:;!—–-")
# What ends a role's frame besides a mark: "pretend you're a news anchor and tell me ...".
_JOINERS = frozenset({"and", "then", "и", "і", "й", "та", "а"})
# A second-person verb is a word this long at least: "ете" alone ends "дети", "сете".
_VERB_LENGTH = 5

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Person:
    names: dict[str, str]  # by language
    side: dict[str, str]
    gender: str  # "m" or "f": the past tense's ending


@dataclass(frozen=True)
class Addressed:
    people: dict[str, Person]
    forms: dict[Phrase, str]  # a vocative's words → the person
    posts: dict[Phrase, tuple[str, ...]]  # a title alone → whom it may address
    titles: frozenset[Phrase]
    title_phrases: tuple[Phrase, ...]  # the titles, longest first
    form_phrases: tuple[Phrase, ...]  # the people's and posts' forms, longest first
    you: frozenset[str]
    you_plural: tuple[Phrase, ...]
    # A verb's second-person ending → the third person's, longest first, by language.
    you_verbs: dict[str, tuple[tuple[str, str], ...]]
    you_past: dict[str, tuple[tuple[str, dict[str, str]], ...]]
    role_openers: tuple[Phrase, ...]
    role_as: tuple[Phrase, ...]
    role_nouns: tuple[Phrase, ...]
    role_reach: int
    officialese: tuple[Phrase, ...]


def _phrases(items: Any) -> Phrases:
    words = {tuple(w.casefold() for w in _words(str(item))) for item in items}
    return Phrases(sorted(words, key=len, reverse=True))


def _longest(table: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


def _pooled(table: dict[str, list[str]]) -> list[str]:
    return [item for items in table.values() for item in items]


def _words(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text) if t not in _MARKS and t[-1:].isalnum()]


@cache
def addressed(path: Path = ADDRESSED_PATH) -> Addressed:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    people = {
        pid: Person(dict(p["names"]), dict(p["side"]), p["gender"])
        for pid, p in data["people"].items()
    }
    forms = {form: pid for pid, p in data["people"].items() for form in _phrases(p["forms"])}
    posts = {
        form: tuple(post["people"]) for post in data["posts"] for form in _phrases(post["forms"])
    }
    unknown = {pid for ids in posts.values() for pid in ids} - set(people)
    if unknown:
        raise ValueError(f"{path.name}: posts: unknown people {sorted(unknown)}")
    titles = _phrases(_pooled(data["titles"]))
    return Addressed(
        people=people,
        forms=forms,
        posts=posts,
        titles=frozenset(titles),
        title_phrases=titles,
        form_phrases=Phrases(sorted(set(forms) | set(posts), key=len, reverse=True)),
        you=frozenset(w.casefold() for w in _pooled(data["you"])),
        you_plural=_phrases(_pooled(data["you_plural"])),
        you_verbs={lang: _longest(ends) for lang, ends in data["you_verbs"].items()},
        you_past={lang: _longest(ends) for lang, ends in data["you_past"].items()},
        role_openers=_phrases(_pooled(data["role_openers"])),
        role_as=_phrases(_pooled(data["role_as"])),
        role_nouns=_phrases(_pooled(data["role_nouns"])),
        role_reach=int(data["role_reach"]),
        officialese=_phrases(_pooled(data["officialese"])),
    )


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str  # casefolded
    mark: bool


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), m.group().casefold(), not m.group()[-1:].isalnum())
        for m in _TOKEN.finditer(text)
    ]


def _phrase_at(tokens: list[_Token], i: int, phrases: tuple[Phrase, ...]) -> tuple[int, Phrase]:
    """The end (token index) of the longest phrase starting at tokens[i]; marks between its
    words are stepped over ("представь, что ты"); (0, ()) when none is there."""
    firsts = getattr(phrases, "firsts", None)
    if firsts is not None and (i >= len(tokens) or tokens[i].text not in firsts):
        return 0, ()  # no phrase begins with the word there (a phrase's first word is no mark)
    for phrase in phrases:
        k = i
        for word in phrase:
            while k < len(tokens) and tokens[k].mark and k > i:
                k += 1
            if k >= len(tokens) or tokens[k].text != word:
                break
            k += 1
        else:
            return k, phrase
    return 0, ()


def _closing_mark(tokens: list[_Token], k: int) -> int:
    """Past the marks after a frame (", ", ": "); -1 when no mark follows it."""
    end = k
    while end < len(tokens) and tokens[end].mark and tokens[end].text in _MARKS | {"."}:
        end += 1
    return end if end > k else -1


def _vocative(data: Addressed, tokens: list[_Token], i: int) -> tuple[int, Phrase, bool, bool]:
    """A vocative at tokens[i] (titles, then a person's or post's form): its end, its form,
    whether it is a post's, whether a title says it is an address ("Mr", "пане")."""
    k = i
    while True:
        end, _ = _phrase_at(tokens, k, data.title_phrases)
        if not end:
            break
        k = end
    end, form = _phrase_at(tokens, k, data.form_phrases)
    if not end:
        # "Mr President" is a post's form as a whole: a title before it is part of it.
        k = i
        end, form = _phrase_at(tokens, i, data.form_phrases)
    if not end:
        return 0, (), False, False
    titled = k > i or any(form[: len(t)] == t for t in data.titles)
    return end, form, form not in data.forms, titled


def _to_you(data: Addressed, tokens: list[_Token]) -> bool:
    """Whether the words speak to someone: "you", "you guys", a verb of the second person."""
    words = [t.text for t in tokens if not t.mark]
    if data.you.intersection(words):
        return True
    if any(_phrase_at(tokens, i, data.you_plural)[0] for i in range(len(tokens))):
        return True
    ends = tuple(end for ends in data.you_verbs.values() for end, _ in ends)
    return any(len(w) >= _VERB_LENGTH and w.endswith(ends) for w in words)


def _named(data: Addressed, words: list[str], pid: str) -> bool:
    person = data.people[pid]
    stems = [n for n in person.names.values()] + [
        " ".join(f) for f, p in data.forms.items() if p == pid
    ]
    return any(w.startswith(s) for w in words for s in stems if len(s) >= 4)


@dataclass(frozen=True)
class Frame:
    cut: tuple[int, int]  # the characters the frame spans
    person: str | None  # whom "you" means


def _opening(data: Addressed, tokens: list[_Token], text: str) -> Frame | None:
    if not tokens:
        return None
    start = tokens[0].start
    end, _ = _phrase_at(tokens, 0, data.officialese)
    if end:
        after = _closing_mark(tokens, end)
        return Frame((start, tokens[max(after, end) - 1].end), None)
    role = _role(data, tokens)
    if role is not None:
        return role
    end, form, post, titled = _vocative(data, tokens, 0)
    after = _closing_mark(tokens, end) if end else -1
    # A name alone is an address only when the rest speaks to someone: "Putin, Biden: when do
    # they talk?" and "Jen Psaki, who is she?" name whom they ask about.
    if end and 0 < after < len(tokens) and (titled or _to_you(data, tokens[after:])):
        rest = [t.text for t in tokens[after:] if not t.mark]
        return Frame((start, tokens[after].start), _whom(data, form, post, rest))
    return None


def _closing(data: Addressed, tokens: list[_Token]) -> Frame | None:
    """ "..., Mr President?": a vocative after the ask's last mark, before its end."""
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i].text != ",":
            continue
        end, form, post, titled = _vocative(data, tokens, i + 1)
        if end and all(t.mark for t in tokens[end:]) and (titled or _to_you(data, tokens[:i])):
            rest = [t.text for t in tokens[:i] if not t.mark]
            return Frame((tokens[i].start, tokens[end - 1].end), _whom(data, form, post, rest))
        return None
    return None


def _whom(data: Addressed, form: Phrase, post: bool, rest: list[str]) -> str | None:
    if not post:
        return data.forms[form]
    # "Mr President, ... with Biden": the president the rest of the message does not name.
    unnamed = [pid for pid in data.posts[form] if not _named(data, rest, pid)]
    return unnamed[0] if len(unnamed) == 1 else None


def _role(data: Addressed, tokens: list[_Token]) -> Frame | None:
    end, _ = _phrase_at(tokens, 0, data.role_openers)
    if not end:
        as_end, _ = _phrase_at(tokens, 0, data.role_as)
        end = _phrase_at(tokens, as_end, data.role_nouns)[0] if as_end else 0
    if not end:
        return None
    for k in range(end, min(len(tokens), end + data.role_reach + 1)):
        token = tokens[k]
        if (token.mark and token.text in _MARKS) or token.text in _JOINERS:
            after = _closing_mark(tokens, k) if token.mark else k + 1
            if after >= len(tokens):
                return None
            role_words = [t.text for t in tokens[:k] if not t.mark]
            person = next((pid for pid in data.people if _named(data, role_words, pid)), None)
            return Frame((tokens[0].start, tokens[after].start), person)
    return None


def _as_person(data: Addressed, text: str, pid: str) -> str:
    """`text` with "you" read as the person addressed: "your call" → "Putin call", "you guys"
    → "the White House"; a verb of the second person as of the third ("скажете" → "скажет",
    "вы говорили" → "Псаки говорила"), the name before it when no "you" is written."""
    lang = detect_language(text) if CYRILLIC.search(text) else "en"
    person = data.people[pid]
    name = person.names.get(lang, person.names["en"]).title()
    side = person.side.get(lang, person.side["en"])
    tokens = _tokens(text)
    pieces: list[tuple[int, int, str]] = []
    named = False
    i = 0
    while i < len(tokens):
        end, _ = _phrase_at(tokens, i, data.you_plural)
        if end:
            pieces.append((tokens[i].start, tokens[end - 1].end, side))
            named, i = True, end
            continue
        token = tokens[i]
        verb = _third_person(
            data,
            lang,
            token.text,
            person.gender,
            after_you=i > 0 and tokens[i - 1].text in data.you,
        )
        if token.text in data.you:
            pieces.append((token.start, token.end, name))
            named = True
        elif verb:
            said = verb if named else f"{name} {verb}"
            pieces.append((token.start, token.end, said))
            named = True
        i += 1
    for start, end, said in reversed(pieces):
        text = text[:start] + said + text[end:]
    return text


def _third_person(data: Addressed, lang: str, word: str, gender: str, after_you: bool) -> str:
    """A verb of the second person as of the third ("" when `word` is none): present and future
    by their ending; the past ("говорили") only just after "вы", as it is the plural's too."""
    if len(word) < _VERB_LENGTH:
        return ""
    for end, third in data.you_verbs.get(lang, ()):
        if word.endswith(end):
            return word[: -len(end)] + third
    if after_you:
        for end, by_gender in data.you_past.get(lang, ()):
            if word.endswith(end):
                return word[: -len(end)] + by_gender.get(gender, "")
    return ""


def unaddressed(text: str, path: Path = ADDRESSED_PATH) -> str:
    """`text` without the frames that open (or close) it, "you" read as the one addressed; the
    text itself when it has none (the common case)."""
    data = addressed(path)
    person: str | None = None
    framed = False
    for _ in range(3):  # "Mr President, kindly specify ...": a frame inside a frame
        tokens = _tokens(text)
        frame = _opening(data, tokens, text) or _closing(data, tokens)
        if frame is None:
            break
        framed = True
        person = frame.person or person
        start, end = frame.cut
        text = (text[:start] + " " + text[end:]).strip()
    if not framed:
        return text
    return _as_person(data, text, person) if person else text
