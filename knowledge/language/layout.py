"""Words typed with the wrong keyboard layout on, read as meant: Russian or Ukrainian typed
on the Latin layout ("rjulf ,eltn pdjyjr" is "когда будет звонок") and English typed on the
Cyrillic one ("цру" is "who").

The layouts are data (data/layouts.yaml: what each Latin key types in each Cyrillic layout);
the rule is this: a word that is no word of its own script (`known_latin` or
`known_cyrillic` says no) but is one of the other script through a layout (they say yes) is
read as that word. A word of two letters or fewer ("j" for "о", "gj" for "по") is read so
only beside a longer one that is, for short strings are words by chance ("vs" is "мы"). A
real word is never changed, whatever it would be in the other layout, and neither is a word
that mixes the scripts or holds characters no key of the layout types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.text import CYRILLIC

LAYOUTS_PATH = Path(__file__).resolve().parent / "data" / "layouts.yaml"
# A word read through a layout alone, with no longer one beside it, has at least this many
# letters.
SHORTEST_ALONE = 3
_PIECE = re.compile(r"\S+")
_LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Characters that end a word on either side without being a key the layout reads as a
# letter ("?", "!", quotes).
_EDGE = '?!"«»()…:-–—'


@dataclass(frozen=True)
class Layouts:
    # Per language, a str.translate table: a Latin key to the Cyrillic letter it types.
    to_cyrillic: Mapping[str, Mapping[int, str]]
    # A Cyrillic letter to the Latin key that types it, in any of the languages' layouts.
    to_latin: Mapping[int, str]
    # The Latin keys the layouts read (letters and ",.;'[]`"): a word of others is not read.
    keys: frozenset[str]
    # Keys that are punctuation in Latin text ("," "."), which a word may also end with.
    punctuation: str


@cache
def layouts(path: Path = LAYOUTS_PATH) -> Layouts:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    to_cyrillic: dict[str, dict[int, str]] = {}
    to_latin: dict[int, str] = {}
    keys: set[str] = set()
    for lang, table in data.items():
        latin, cyrillic = table["keys"], table["letters"]
        if len(latin) != len(cyrillic):
            raise ValueError(f"{path.name}: {lang}: {len(latin)} keys, {len(cyrillic)} letters")
        to_cyrillic[lang] = str.maketrans(latin, cyrillic)
        keys.update(latin)
        for key, letter in zip(latin, cyrillic, strict=True):
            if letter.isalpha():
                to_latin.setdefault(ord(letter), key)
    punctuation = "".join(sorted(key for key in keys if not key.isalpha()))
    return Layouts(to_cyrillic, to_latin, frozenset(keys), punctuation)


def relaid(
    text: str,
    known_latin: Callable[[str], bool],
    english: Callable[[str], bool],
    known_cyrillic: Callable[[str, str], bool],
    table: Layouts | None = None,
) -> str:
    """`text` with each word typed on the wrong layout read as meant (see the module's doc);
    `known_latin` tells a word of the Latin script (English, or Russian in Latin letters),
    `english` an English word (what a Cyrillic one may be read as), `known_cyrillic(word,
    lang)` a word of a language of data/layouts.yaml. A message all of
    whose words read so is read whole, its real words too when they are fewer than the
    others ("ершы шы зыфлш" is "this is psaki", though "шы" may be a word)."""
    table = table or layouts()
    pieces: list[tuple[re.Match[str], str | None, bool, bool]] = []  # reading, real, Latin
    for piece in _PIECE.finditer(text):
        word = piece.group().strip(_EDGE).lower()
        if any(ch.isalpha() for ch in word):
            latin = not CYRILLIC.search(word)
            if latin:
                reading, real = _as_cyrillic(word, table, english, known_latin, known_cyrillic)
            else:
                reading, real = _as_latin(word, table, english, known_cyrillic)
            pieces.append((piece, reading, real, latin))
    kept: list[tuple[re.Match[str], str]] = []
    for script in (True, False):
        typed = [
            (piece, reading, real) for piece, reading, real, latin in pieces if latin == script
        ]
        found = [(piece, reading) for piece, reading, real in typed if reading and not real]
        # An English word no list here knows may be a Russian one by chance ("eat" is "уфе",
        # Ufa's): at least half of the Latin words, one of SHORTEST_ALONE letters or more.
        half = not script or 2 * len(found) >= len(typed)
        if half and any(len(reading) >= SHORTEST_ALONE for _, reading in found):
            kept += found
    real = sum(is_real for _, _, is_real, _ in pieces)
    if kept and len(kept) >= 2 and len(kept) > real and all(p[1] for p in pieces):
        kept = [(piece, reading) for piece, reading, _, _ in pieces if reading is not None]
    kept.sort(key=lambda found: found[0].start())
    if not kept:
        return text
    out, at = [], 0
    for piece, reading in kept:
        typed = piece.group()
        word = typed.strip(_EDGE)  # "gtcrjd?" keeps its "?"
        start = typed.index(word)
        out += [text[at : piece.start()], typed[:start], reading, typed[start + len(word) :]]
        at = piece.end()
    return "".join([*out, text[at:]])


def _as_cyrillic(
    word: str,
    table: Layouts,
    english: Callable[[str], bool],
    known_latin: Callable[[str], bool],
    known_cyrillic: Callable[[str, str], bool],
) -> tuple[str | None, bool]:
    """A Latin word's reading as a Cyrillic one typed on the Latin layout, if it is a word,
    and whether the Latin word is a word of its own (English, or Russian in Latin letters):
    an English word is not read at all (nearly every word of an English message)."""
    if not set(word) <= table.keys or not any(ch.isalpha() for ch in word):
        return None, False
    bare = word.strip(table.punctuation)
    # ",elen" with its comma read as "б" is no English word whatever "elen" is.
    latin = bool(_LATIN_WORD.fullmatch(bare))
    if latin and word == bare and english(bare):
        return None, True
    # "pdjyjr," may end with "б" or with a comma: the whole first, then without the edges.
    for typed in dict.fromkeys((word, bare)):
        for lang, to_cyrillic in table.to_cyrillic.items():
            reading = typed.translate(to_cyrillic)
            if reading.isalpha() and known_cyrillic(reading, lang):
                return reading, typed == bare and latin and known_latin(bare)
    return None, False


def _as_latin(
    word: str,
    table: Layouts,
    english: Callable[[str], bool],
    known_cyrillic: Callable[[str, str], bool],
) -> tuple[str | None, bool]:
    """A Cyrillic word's reading as an English one typed on the Cyrillic layout ("цру" for
    "who"), if it is a word, and whether the Cyrillic word is a word of its own."""
    letters = word.strip(",.;")
    if not letters.isalpha() or not CYRILLIC.fullmatch(letters[0]):
        return None, False
    typed = letters.translate(table.to_latin)
    if any(ch not in table.keys for ch in typed):
        return None, False
    reading = typed.strip(table.punctuation)
    if not (_LATIN_WORD.fullmatch(reading) and english(reading)):
        return None, False
    return reading, any(known_cyrillic(letters, lang) for lang in table.to_cyrillic)
