"""A whole message, read before its asks are and then answered: what pasting left, a search
query's operators ("-trump", "OR", "intitle:"), a form to fill ("Who:\nHow:"), an ask alone
("tldr"), a machine format named ("unix time of the start"), digits typed for letters ("wh4t
t1m3"), words typed on the wrong keyboard layout, run together or in a neighbouring language,
and a message that corrects itself. The asks are then answered one by one (asks.py), each
reading its own language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.answering.asks import ask_all
from knowledge.answering.bets import by_bet
from knowledge.answering.compose import Answer
from knowledge.answering.corrected import corrected
from knowledge.answering.followups import Conversation
from knowledge.answering.formats import with_formats
from knowledge.answering.requested import with_action_note, without_action
from knowledge.answering.rereading import relaid_message, unleeted_message
from knowledge.answering.unmerged import unmerged_message
from knowledge.answering.windows import by_window
from knowledge.answering.wrapping import read_wrapped
from knowledge.language.addressed import unaddressed
from knowledge.language.alone import alone_message
from knowledge.language.formats import asked_formats, names_a_format
from knowledge.language.forms import form_message
from knowledge.language.neighbours import read_neighbours
from knowledge.language.pasted import unpasted
from knowledge.language.searched import unsearched
from knowledge.language.text import detect_language

if TYPE_CHECKING:
    from knowledge.answering.engine import Engine
    from knowledge.places.resolver import Place


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
    # "Mr President, when's your call?", "pretend you're Peskov: ...", "Прошу сообщить ...":
    # the frame goes, "you" is the one addressed (addressed.py). The frame's words say the
    # language too: "пані Псакі, не перенесли?" is Ukrainian, "не перенесли?" alone is not.
    addressed = unaddressed(pasted)
    if addressed != pasted:
        pasted, lang = addressed, lang or detect_language(pasted, hint)
    form = form_message(pasted)
    if form is not None:  # "Who:\nHow:" asks for the article in short (forms.py)
        pasted, lang = form.text, lang or form.lang
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


def answer_message(
    engine: Engine,
    question: str,
    *,
    lang: str | None = None,
    lang_hint: str | None = None,
    user_place: Place | None = None,
    conversation: Conversation | None = None,
) -> Answer:
    """The answer to a whole message; a message of two asks gets both (asks.py:
    `Answer.more`). Words typed with the wrong keyboard layout on are read as meant first
    ("rjulf" is "когда"), words run together apart (unmerged.py), a message that corrects
    itself as corrected, and a neighbouring language's words as ours ("wann", "калі":
    neighbours.py), what pasting left (pasted.py) and markup, JSON, "/ask", a letter's lines
    around it (wrapping.py)."""
    # "remind me 10 min before, when is it": the ask, and a line that no reminder is set
    question, acted = without_action(question)
    question, lang, alone = read_wrapped(engine, question, lang, user_place, conversation)
    if alone is not None:  # "in English please": the last answer, in English
        return alone
    read = read_message(engine, question, lang, lang_hint)
    # The asker's own terms, read in the whole message before it is cut into asks ("my
    # friend says Monday, I say Wednesday, who's right?" is one ask): "busy 4-6pm Berlin,
    # will I miss it?", "спорим, что во вторник?" get the start held against them.
    own = (engine, read.text, read.lang or detect_language(read.text, lang_hint), user_place)
    answer = by_window(*own, conversation) or by_bet(*own, conversation) or ask_all(
        engine, read.text, lang=read.lang, lang_hint=lang_hint, user_place=user_place,
        conversation=conversation,
    )  # fmt: skip
    answer = with_action_note(answer) if acted else answer
    return with_formats(answer, read.formats) if read.formats else answer
