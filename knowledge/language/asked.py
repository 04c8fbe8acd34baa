"""Reading a question the way the fact base reads its own: words to tokens.

Each word is reduced (lemma or stem), mapped to its concept or intent, and, when the base
does not know it, read again: as another dictionary reading the base uses, with a Ukrainian
apostrophe the keyboard left out, as the other language of a mixed Russian-Ukrainian
question, or as a typo of a word the base knows. The matcher (matcher.py) ranks facts on
the tokens read here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass

from knowledge.language.clock_words import HOUR
from knowledge.language.lexicon import Lexicon
from knowledge.language.reading import (
    Phrases,
    concept_or_base,
    intent_mapped,
    joined,
    or_read,
    stop_token,
)
from knowledge.language.text import (
    CYRILLIC,
    in_any_dictionary,
    in_dictionary,
    other_lemmas,
    read_closely,
)
from knowledge.language.truncated import StartReader
from knowledge.language.typos import TypoReader

# Each language a mixed Russian-Ukrainian question may borrow its words from.
SURZHYK = {"uk": "ru", "ru": "uk"}
# Where Ukrainian writes an apostrophe: after a labial or "р", before я, ю, є, ї.
APOSTROPHE_DROPPED = re.compile("(?<=[бпвмфр])(?=[яюєї])")


@dataclass(frozen=True)
class Analysed:
    tokens: tuple[str, ...]  # reduced, intent-mapped, typo-corrected, no stopwords
    unknown: tuple[str, ...]  # tokens the fact base has never seen
    corrected: int = 0  # tokens read as a typo of a known word: weaker evidence than a match


class QuestionReader:
    """Reads questions into tokens against one fact base's vocabulary (immutable)."""

    def __init__(
        self,
        lexicon: Lexicon,
        mode: str,
        *,
        known: Set[str],
        surface: Mapping[str, str],
        phrases: Phrases,
        phrase_words: Set[str],
        kept: Set[str],
    ) -> None:
        self.lexicon = lexicon
        self.mode = mode
        self._known = known  # every token the base's facts use
        self._surface = surface  # a word as the facts write it -> its token
        self._phrases = phrases
        self._phrase_words = phrase_words
        self._kept = kept  # words never read as typos: the shifters and real words
        self._typos = TypoReader(surface)
        self._starts = StartReader(surface)

    def analyse(self, normalized: str, lang: str) -> Analysed:
        """A normalised question's tokens: intents mapped, stopwords dropped, each word reduced
        to the base's reading of it, an unknown word read again (see _reread)."""
        tokens: list[str] = []
        corrections = 0
        lexicon = self.lexicon
        closely = read_closely(normalized)
        words = or_read(intent_mapped(normalized, lexicon).split(), lexicon, lang)
        for position, word in enumerate(words, 1):
            if word.startswith("@"):
                token = word
            elif word in lexicon.stopwords:
                token = stop_token(word)
            else:
                token = self._surface.get(word) or self._base(word, lang, closely)
                if token in self._known or token in self._phrase_words:
                    pass
                elif word in lexicon.calendar.day_parts:
                    # "у нас уже ночь будет?" asks about the time, as an hour does, unless
                    # the facts use the word themselves ("film night").
                    token = HOUR
                elif (
                    closely
                    and position == len(words)
                    and (cut := self._cut_off(word, token, lang))
                ):
                    # A message is cut where it ends: its last word may be a known word's
                    # start ("когда разговор путина и байд").
                    token = cut
                    corrections += 1
                elif closely:
                    token, corrected = self._reread(word, token, lang)
                    corrections += corrected
                if not token:
                    continue
                if token in lexicon.stopwords:
                    # A word whose base is a stopword ("watches") stays, marked, for the
                    # concept phrases to take ("compare watches"); joined() drops it else.
                    token = stop_token(token)
            tokens.append(token)
        tokens = joined(tokens, self._phrases)
        unknown = [token for token in tokens if token not in self._known]
        return Analysed(tuple(tokens), tuple(unknown), corrections)

    def _base(self, word: str, lang: str, closely: bool) -> str:
        """The word's concept or base form; in a text too long to read closely, a Cyrillic
        word no dictionary knows stays as written: its base would be guessed by analogy,
        the dearest lookup there is (text.read_closely)."""
        as_written = (
            not closely
            and word not in self.lexicon.concept_of
            and CYRILLIC.search(word)
            and not in_any_dictionary(word)
        )
        return word if as_written else concept_or_base(word, lang, self.mode, self.lexicon)

    def _reread(self, word: str, token: str, lang: str) -> tuple[str, int]:
        """An unknown word read again: as another of its dictionary readings the base knows,
        else as a typo of a known word (1 when it was); a real word or a shifter stays."""
        if self.mode == "lemma":
            token = self._known_reading(word, lang) or token
            if token not in self._known and lang == "uk" and "'" not in word:
                # The apostrophe left out, as keyboards without it do: "на звязку".
                restored = APOSTROPHE_DROPPED.sub("'", word)
                other = concept_or_base(restored, lang, self.mode, self.lexicon)
                if restored != word and other in self._known:
                    return other, 0
            if token not in self._known and lang in SURZHYK:
                # Surzhyk: a Russian word in Ukrainian ("шо путін предложив"), or the other
                # way round, is read as that language reads it when the base knows it so.
                other = concept_or_base(word, SURZHYK[lang], self.mode, self.lexicon)
                if other in self._known:
                    return other, 0
        if (
            token not in self._known
            and len(word) >= 3
            and token not in self._kept
            and not in_dictionary(word, lang)
        ):
            corrected = self._typos.corrected(word)
            if corrected is not None:
                return corrected, 1
        return token, 0

    def _cut_off(self, word: str, token: str, lang: str) -> str | None:
        """The token of the known word an unknown word is the start of; a real word (a
        dictionary's, a shifter) is a whole word, not a start."""
        if token in self._kept or in_dictionary(word, lang):
            return None
        return self._starts.completed(word)

    def _known_reading(self, word: str, lang: str) -> str | None:
        """Another dictionary reading of the word that the fact base knows: the dictionary
        cannot tell which reading is meant, the facts' words can ("влада": power, not Vlad)."""
        concept_of = self.lexicon.concept_of
        for lemma in other_lemmas(word, lang):
            token = concept_of.get(lemma, lemma)
            if token in self._known:
                return token
        return None

    # -- matching ---------------------------------------------------------------
