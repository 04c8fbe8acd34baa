"""Stylized text read as plain letters, after NFKC (text.clean): the letters NFKC leaves alone
(small capitals "ᴡʜᴇɴ", negative circled and squared letters "🅦🅗🅔🅝"), blanks that
are no spaces to Python (braille blank, Hangul fillers), stress marks copied from a dictionary
("во ско́лько разгово́р") and other combining marks left once NFKC has composed what it can,
and words spelled letter by letter ("к о г д а  б ы л а  Ж е н е в а").

No word list: the letters come from their Unicode names, and a spaced-out word is told by its
shape. Each step is one pass over the text, so a 4,096-character flood costs a few ms."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

# Where the letters NFKC keeps live: IPA (ʜ, ɪ, ʀ), phonetic extensions (ᴡ, ᴇ), Latin
# extended-D (ꜱ, ꞯ) and the enclosed alphanumeric supplement (🅦, 🄿).
_LETTER_BLOCKS = ((0x0250, 0x02AF), (0x1D00, 0x1D7F), (0xA720, 0xA7FF), (0x1F100, 0x1F1FF))
_LETTER_NAME = re.compile(
    r"LATIN LETTER SMALL CAPITAL ([A-Z])|"
    r"(?:NEGATIVE )?(?:CIRCLED|SQUARED) LATIN CAPITAL LETTER ([A-Z])"
)
# Blanks that render as a space but are letters or symbols to Python: words would run together.
_BLANKS = "\u2800\u3164\u115f\u1160\uffa0"
# Combining marks NFKC could not compose onto a letter (Cyrillic has no precomposed stressed
# vowels): a stress mark, or a flood of "zalgo" marks, is not part of the word. "й", "ё", "ї"
# are composed by NFKC before this, so they keep their marks.
_COMBINING_RANGES = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_COMBINING = re.compile(f"[{_COMBINING_RANGES}]+")
# Any character read here (its block, a blank, a combining mark).
_ODD = re.compile(
    "["
    + "".join(f"{chr(start)}-{chr(end)}" for start, end in _LETTER_BLOCKS)
    + _BLANKS
    + _COMBINING_RANGES
    + "]"
)
_LETTER = r"[^\W\d_]"
# A run of single letters one space apart: a word spelled out. Words of a spelled-out message
# are kept apart by two spaces or punctuation ("т е м ы  р а з г о в о р а").
# Each letter is checked to stand alone where it is read, so the search never backtracks: a
# flood of "a b c ... z1" stays linear.
_SPACED = re.compile(rf"(?<!\S){_LETTER}(?!\S)(?: {_LETTER}(?!\S))*")
# A message is spelled out when it has a run this long: one-letter words in a row ("а я в
# Киеве", "a b c") are at most three, so shorter runs are joined only beside a long one.
SPELLED_RUN = 4


@cache
def letters_table() -> dict[int, str]:
    """Each stylized letter NFKC keeps, to its plain letter (small capitals to lower case, as
    they read), and each odd blank to a space."""
    table: dict[int, str] = dict.fromkeys(map(ord, _BLANKS), " ")
    for start, end in _LETTER_BLOCKS:
        for code in range(start, min(end, sys.maxunicode) + 1):
            found = _LETTER_NAME.fullmatch(unicodedata.name(chr(code), ""))
            if found:
                table[code] = found[1].lower() if found[1] else found[2]
    return table


def plain_letters(text: str) -> str:
    """`text` (NFKC already) with stylized letters plain, odd blanks spaces, combining marks
    gone and spelled-out words joined."""
    # Looked for first, by code ranges: a message's every part is cleaned many times, and
    # the table or a class of Unicode categories costs tens of microseconds a call.
    if not text.isascii() and _ODD.search(text):
        text = _COMBINING.sub("", text.translate(letters_table()))
    return joined_spelling(text)


def joined_spelling(text: str) -> str:
    """A message spelled letter by letter with its words joined: "к о г д а  б ы л а" →
    "когда была"; "w h a t  t i m e  i s  i t" → "what time is it". Only a message with a run
    of SPELLED_RUN letters is read so; then every run of two or more is a word."""
    if not _has_spelled_run(text):
        return text
    runs = [run for run in _SPACED.finditer(text) if len(run[0]) > 1]
    if not any(len(run[0]) >= 2 * SPELLED_RUN - 1 for run in runs):
        return text
    out: list[str] = []
    at = 0
    for run in runs:
        out += [text[at : run.start()], run[0].replace(" ", "")]
        at = run.end()
    out.append(text[at:])
    return re.sub(r" {2,}", " ", "".join(out))


def _has_spelled_run(text: str) -> bool:
    """Whether SPELLED_RUN one-character words stand one space apart: looked for before the
    runs are read, as most messages have none."""
    run = 0
    for word in text.split(" "):
        run = run + 1 if len(word) == 1 else 0
        if run >= SPELLED_RUN:
            return True
    return False
