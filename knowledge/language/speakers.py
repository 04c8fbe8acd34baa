"""Who speaks: a question asking what one person said, put to a fact that quotes another.

"what did Biden say about NATO" shares every word with the topics Peskov named ("Ukraine,
NATO ..."), and the score, counting shared words, cannot see that Biden is asked as the
speaker while the fact quotes Peskov. The fact's speaker is its `said_by`, read as the
question is; the people are the content's own (lexicon.yaml `people`), never any token of
`said_by` ("the US president's press secretary" names Biden's office, not Biden's words).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

SAY = "@say"


def voices(
    said_by: Mapping[str, Mapping[str, str]],
    people: Collection[str],
    read: Callable[[str, str], Iterable[str]],
) -> dict[str, frozenset[str]]:
    """Each quoting fact's speakers: the people its `said_by` names, in any language, with
    whoever a speaker speaks for ("Jen Psaki, the US president's press secretary" speaks
    for Biden). `said_by`: by fact, per language; `read`: (text, lang) to its tokens. A
    fact without `said_by` (the article's own account) has none and is never checked."""
    found: dict[str, frozenset[str]] = {}
    for fact_id, texts in said_by.items():
        named = {t for lang, text in texts.items() for t in read(text, lang) if t in people}
        if texts:
            found[fact_id] = frozenset(named)
    return found


def speaker_mismatch(
    tokens: Collection[str],
    fact_voices: frozenset[str] | None,
    people: Collection[str],
    kinds: Collection[str],
    intents: Collection[str],
    stand_ins: Collection[str],
) -> bool:
    """Whether the question asks what someone said (@say, and no kind but `kinds`: "what
    did Biden say about NATO", not "news says ..., at what time?") and names people of
    whom the best fact quotes none (`fact_voices`; None for a fact that quotes nobody).
    A word for someone speaking for another ("Biden's press secretary", "Putin's team":
    `stand_ins`) leaves the speaker open, and the question is not checked."""
    if fact_voices is None or SAY not in tokens:
        return False
    named = {t for t in tokens if t in people}
    if not named or named & fact_voices or any(t in stand_ins for t in tokens):
        return False
    return all(t in kinds for t in tokens if t in intents)
