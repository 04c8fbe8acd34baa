"""Places named by what stands there (an airport by its code or name, a landmark, a street),
by an old name, or by a region the index lacks, in a question about time (data/sites.yaml):
"what time at JFK", "on Wall Street", "на Крещатике", "біля Говерли", "во Фрунзе".

A site counts only after a location preposition (an article or a clock word may stand
between: "by the Kremlin clock", "на часах Спасской башни") or before a time word ("JFK
time"), as a landmark does; an airport code only in capitals, in a message not all in capitals,
so that no ordinary word ("ZOO", "CAT") is read as one. Ru/uk names are matched through the
dictionaries' lemmas, so every case of a name listed in the nominative counts."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel

from knowledge.i18n import SAFE_LOADER
from knowledge.language.text import read_closely
from knowledge.places import tokens as tk
from knowledge.places.place import PlaceMention
from knowledge.places.resolver import PlaceResolver
from knowledge.places.tokens import Token


class _Site(BaseModel):
    city: str
    names: list[str]


class _SiteFile(BaseModel):
    prepositions: list[str]
    articles: list[str]
    clock_words: list[str]
    time_words: list[str]
    codes: dict[str, str]
    sites: list[_Site]


@dataclasses.dataclass(frozen=True)
class _Name:
    words: tuple[frozenset[str], ...]  # each word's forms: as written and its lemmas
    city: str
    label: str  # as listed, in the nominative: the answer names it so ("Хрещатик: Київ")


def _forms(token: Token, guess: bool = True) -> frozenset[str]:
    return frozenset(form for form, _ in tk.variants(token, guess))


class _Table:
    def __init__(self, data: _SiteFile) -> None:
        self.data = data
        self.names: list[_Name] = []
        for site in data.sites:
            for name in site.names:
                words = tuple(_forms(t) for t in tk.tokenize(name))
                self.names.append(_Name(words, site.city, name))
        # Longest first: "Spasskaya tower" before "Spasskaya".
        self.names.sort(key=lambda n: -len(n.words))
        # The names each form of a first word may open, longest first: a word tries only
        # those, not every name (a message may hold hundreds of words).
        starting: dict[str, list[int]] = {}
        for at, name in enumerate(self.names):
            for form in name.words[0]:
                starting.setdefault(form, []).append(at)
        self.starting = {form: tuple(ats) for form, ats in starting.items()}
        self.before = frozenset(tk.norm_word(w) for w in data.prepositions)
        self.between = frozenset(tk.norm_word(w) for w in (*data.articles, *data.clock_words))
        self.after = frozenset(tk.norm_word(w) for w in data.time_words)


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = resources.files("knowledge.places").joinpath("data", "sites.yaml")
    return _Table(_SiteFile.model_validate(yaml.load(path.read_text("utf-8"), SAFE_LOADER)))


def validate(resolver: PlaceResolver) -> None:
    """Every site's city resolves (tests call this: a misspelt city fails there)."""
    data = _table().data
    for city in {*data.codes.values(), *(site.city for site in data.sites)}:
        if resolver.resolve(city) is None:
            raise ValueError(f"sites.yaml: no place {city!r}")


def _placed(tokens: list[Token], i: int, j: int) -> int | None:
    """Where the phrase of a site at tokens[i:j] starts (its preposition), or None when no
    preposition stands before it and no time word after it."""
    table = _table()
    k = i - 1
    while k >= 0 and tokens[k].norm in table.between:
        k -= 1
    if k >= 0 and tokens[k].norm in table.before:
        return k
    if j < len(tokens) and tokens[j].norm in table.after:
        return i
    return None


def _code_at(text: str, tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    word = text[tokens[i].start : tokens[i].end]
    if len(word) == 3 and word.isupper() and any(ch.islower() for ch in text):
        city = _table().data.codes.get(word)
        return (i + 1, city, word) if city else None
    return None


class _LazyForms:
    """Each token's forms, read when first asked for (a lemma may cost a dictionary look)."""

    def __init__(self, tokens: list[Token], guess: bool) -> None:
        self.tokens, self.guess = tokens, guess
        self.read: dict[int, frozenset[str]] = {}

    def __getitem__(self, at: int) -> frozenset[str]:
        if at not in self.read:
            self.read[at] = _forms(self.tokens[at], self.guess)
        return self.read[at]


def _name_at(tokens: list[Token], forms: _LazyForms, i: int) -> tuple[int, str, str] | None:
    table = _table()
    opened = {at for form in forms[i] for at in table.starting.get(form, ())}
    for name in (table.names[at] for at in sorted(opened)):  # longest first, as listed
        j = i + len(name.words)
        if j <= len(tokens) and all(forms[i + n] & w for n, w in enumerate(name.words)):
            return j, name.city, name.label
    return None


def find(resolver: PlaceResolver, text: str) -> PlaceMention | None:
    """The city a site named in `text` stands for, with the site's phrase, or None. The
    place keeps the words of the site, so that the answer says which city it used."""
    tokens = tk.tokenize(text)
    table = _table()
    # A site stands after a preposition or before a time word: with no time word in the
    # message, only the words after a preposition can open one, and only theirs are read.
    timed = any(t.norm in table.after for t in tokens)
    # A long message's unknown words get no lemmas guessed (text.read_closely says why).
    guess = read_closely(text)
    forms = _LazyForms(tokens, guess)
    best: tuple[int, int, int, str, str] | None = None  # length, start, end, city, label
    for i in range(len(tokens)):
        if not timed and _placed(tokens, i, i) is None:
            continue
        found = _code_at(text, tokens, i) or _name_at(tokens, forms, i)
        if found is None:
            continue
        j, city, label = found
        start = _placed(tokens, i, j)
        if start is not None and (best is None or j - i > best[0]):
            best = (j - i, start, j, city, label)
    if best is None:
        return None
    _, start, end, city, label = best
    place = resolver.resolve(city)
    if place is None:
        return None
    place = dataclasses.replace(place, site=label)
    at, to = tokens[start].start, tokens[end - 1].end
    return PlaceMention(place, at, to, text[at:to])


def warm_up() -> None:
    """Read the data file and the names' lemmas now, not at the first question."""
    _table()
