"""Who speaks: a question asking what one person said, put to a fact that quotes another.

"what did Biden say about NATO" shares every word with the topics Peskov named ("Ukraine,
NATO ..."), and the score, counting shared words, cannot see that Biden is asked as the
speaker while the fact quotes Peskov. The fact's speaker is its `said_by`, read as the
question is; the people are the content's own (lexicon.yaml `people`), never any token of
`said_by` ("the US president's press secretary" names Biden's office, not Biden's words).
A side (lexicon.yaml `sides`: "the Kremlin", "Washington", "Білий дім") speaks through its
people: "what did the Kremlin's spokesman say" is not answered by Psaki's words, nor "what did
Biden say" by the White House's... unless it quotes one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

SAY = "@say"

# A side: its people, and its names, each as the tokens it reads as ("white house": white hous).
Side = tuple[frozenset[str], Sequence[frozenset[str]]]


def sides_named(tokens: Collection[str], sides: Iterable[Side]) -> frozenset[str]:
    """The people of every side a text names (all of one of its names' tokens in it)."""
    return frozenset(
        person
        for people, names in sides
        if any(name <= set(tokens) for name in names)
        for person in people
    )


def voices(
    said_by: Mapping[str, Mapping[str, str]],
    people: Collection[str],
    read: Callable[[str, str], Iterable[str]],
    sides: Iterable[Side] = (),
) -> dict[str, frozenset[str]]:
    """Each quoting fact's speakers: the people its `said_by` names, in any language, with
    whoever a speaker speaks for ("Jen Psaki, the US president's press secretary" speaks
    for Biden). `said_by`: by fact, per language; `read`: (text, lang) to its tokens. A
    fact without `said_by` (the article's own account) has none and is never checked. A
    `said_by` naming no person but a side ("the White House") speaks for that side's people."""
    sides = tuple(sides)
    found: dict[str, frozenset[str]] = {}
    for fact_id, texts in said_by.items():
        if not texts:
            continue
        read_texts = [set(read(text, lang)) for lang, text in texts.items()]
        named = frozenset(t for tokens in read_texts for t in tokens if t in people)
        found[fact_id] = named or frozenset().union(*(sides_named(t, sides) for t in read_texts))
    return found


def speaker_mismatch(
    tokens: Collection[str],
    fact_voices: frozenset[str] | None,
    people: Collection[str],
    kinds: Collection[str],
    intents: Collection[str],
    stand_ins: Collection[str],
    sides: Iterable[Side] = (),
) -> bool:
    """Whether the question asks what someone said (@say, and no kind but `kinds`: "what
    did Biden say about NATO", not "news says ..., at what time?") and names people of
    whom the best fact quotes none (`fact_voices`; None for a fact that quotes nobody).
    A word for someone speaking for another ("Biden's press secretary", "Putin's team":
    `stand_ins`) asks that person's side; a side named ("the Kremlin's spokesman",
    "Washington") asks its people."""
    if fact_voices is None or SAY not in tokens:
        return False
    sides = tuple(sides)
    named = set(sides_named(tokens, sides))
    persons = {t for t in tokens if t in people}
    if any(t in stand_ins for t in tokens):
        named |= {p for side, _ in sides if side & persons for p in side}
    else:
        named |= persons
    if not named or named & fact_voices:
        return False
    return all(t in kinds for t in tokens if t in intents)
