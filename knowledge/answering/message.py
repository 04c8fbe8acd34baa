"""A whole message read before its asks are: what pasting left, a search query's operators
("-trump", "OR", "intitle:"), an ask alone ("tldr"), a machine format named ("unix time of
the start"), digits typed for letters ("wh4t t1m3"), words typed on the wrong keyboard layout,
run together or in a neighbouring language, and a message that corrects itself. The asks are
then answered one by one (asks.py), each reading its own language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.answering.corrected import corrected
from knowledge.answering.rereading import relaid_message, unleeted_message
from knowledge.answering.unmerged import unmerged_message
from knowledge.language.alone import alone_message
from knowledge.language.formats import asked_formats, names_a_format
from knowledge.language.neighbours import read_neighbours
from knowledge.language.pasted import unpasted
from knowledge.language.searched import unsearched
from knowledge.language.text import detect_language

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine


@dataclass(frozen=True)
class ReadMessage:
    text: str  # what the asks are read from
    lang: str | None  # the language to answer in, when the whole message settles it
    formats: frozenset[str] = frozenset()  # machine formats asked for the start


def read_message(engine: Engine, question: str, lang: str | None, hint: str | None) -> ReadMessage:
    """`question` as its asks are read. The whole message's language is read only when a
    step needs it: each ask reads its own anyway."""
    # A search query's operators ("-trump", "OR", "intitle:") read before its words are.
    pasted = unsearched(unpasted(question))
    alone = alone_message(pasted)
    if alone is not None:  # "коротко", "tldr" alone: the article in short (alone.py)
        pasted, lang = alone, lang or detect_language(pasted, hint)
    formats: frozenset[str] = frozenset()
    # "unix time of the start", "YYYY-MM-DDTHH:MM": the time, in a form; read before a
    # template's "YYYY" is taken for a word's run of letters.
    if names_a_format(pasted):
        said_in = lang or detect_language(pasted, hint)
        asked = asked_formats(pasted, said_in)
        if asked:  # the whole message's language: "час" alone could be Russian too
            pasted, lang, formats = asked.text, said_in, asked.formats
    unleeted = unleeted_message(engine, read_neighbours(pasted))
    relaid = unmerged_message(engine, relaid_message(engine, unleeted))
    return ReadMessage(corrected(engine, relaid, lang or hint), lang, formats)
