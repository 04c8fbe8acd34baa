"""Question shapes the answer depends on: yes/no questions a fact settles, and "who said
that?" after an answer. The words that mark them are data (knowledge/language/data/words.yaml);
which answer a fact gives to a yes/no question is the fact's own `yes_no`."""

from __future__ import annotations

from rapidfuzz import fuzz

from knowledge.language.matcher import FactIndex, Match
from knowledge.language.text import normalize
from knowledge.model import Fact

# A yes/no question and one of a fact's `yes_no` questions this alike ask the same.
SAME_QUESTION = 85


def asks_who_said_it(index: FactIndex, text: str) -> bool:
    """ "Who said that?", "кто это сказал", "за чиїми словами?" in any of the languages."""
    return normalize(text) in index.lexicon.said_that
def verdict_of(index: FactIndex, fact: Fact, text: str, lang: str, match: Match) -> bool | None:
    """Yes or no, when the question is a yes/no one that one of the fact's `yes_no`
    questions asks in other words ("is it a video call?" ~ "is it a videoconference?")."""
    if not fact.yes_no or not asks_yes_or_no(index, text, lang, match):
        return None
    asked = " ".join(sorted(index.analyse(text, lang).tokens))
    best, verdict = 0.0, None
    for question_lang, questions in fact.yes_no.items():
        for question, answer in questions.items():
            known = " ".join(sorted(index.analyse(question, question_lang).tokens))
            score = fuzz.token_set_ratio(asked, known)
            if score > best:
                best, verdict = score, answer
    return verdict if best >= SAME_QUESTION else None


def asks_yes_or_no(index: FactIndex, text: str, lang: str, match: Match) -> bool:
    words = normalize(text).split()
    markers = index.lexicon.yes_no.get(lang, frozenset())
    if lang == "en":
        return bool(words) and words[0] in markers
    if markers & set(words):
        return True
    return text.rstrip().endswith("?") and not any(t.startswith("@") for t in match.tokens)
