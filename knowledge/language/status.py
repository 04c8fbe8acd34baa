"""A status check of the call: whether it still stands or was moved, postponed or called off
("is it still on?", "was it moved to wednesday?", "так переговоры отложили или нет", "не
перенесли на середу?"), or what happens now that a meeting is heard to be off ("no meeting??
so the whole thing is cancelled??", "встречи не будет. что тогда во вторник?").

The article was written before the call: what it can answer of a status is the time it
gives, or for a meeting heard to be off, the call's format (by video). A status phrase is
read as that ask, the rest of the message kept (a day named stays to be checked against the
article's: "перенесли на среду?" reads as "когда разговор на среду?"). A status asked with
its cause ("due to covid", "из-за чего") is left as written, and declined. The words are
data (data/status.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from knowledge.language.lexicon_checks import phrases_per_language, texts_per_language
from knowledge.language.text import normalize

STATUS_PATH = Path(__file__).resolve().parent / "data" / "status.yaml"
TIME, FORMAT, CONFIRMED = "time", "format", "confirmed"


@dataclass(frozen=True)
class StatusWords:
    changed: re.Pattern[str]
    no_meeting: re.Pattern[str]
    instead: re.Pattern[str]
    denied: re.Pattern[str]
    apart: re.Pattern[str]
    ask: dict[str, str]
    format_ask: dict[str, str]
    confirm_ask: dict[str, str]
    apart_intents: frozenset[str]


@dataclass(frozen=True)
class StatusAsk:
    text: str  # the message read as the ask a status check makes of the article
    kind: str  # TIME, FORMAT or CONFIRMED: which fact settles it
    # the message with its status read as the time asked: what else it asks ("who said there
    # would be no meeting?") is read from it, a meeting's ask having none of its words
    read: str = ""


def _any_of(phrases: dict[str, list[str]]) -> re.Pattern[str]:
    """Any language's phrase as whole words of a normalised message, longest first."""
    found = {normalize(p) for ps in phrases.values() for p in ps if normalize(p)}
    alternatives = "|".join(map(re.escape, sorted(found, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if found else re.compile(r"(?!)")


@cache
def status_words(path: Path = STATUS_PATH) -> StatusWords:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return StatusWords(
        changed=_any_of(phrases_per_language(data.get("changed"), path, "changed")),
        no_meeting=_any_of(phrases_per_language(data.get("no_meeting"), path, "no_meeting")),
        instead=_any_of(phrases_per_language(data.get("instead"), path, "instead")),
        denied=_any_of(phrases_per_language(data.get("denied"), path, "denied")),
        apart=_any_of(phrases_per_language(data.get("apart"), path, "apart")),
        ask=texts_per_language(data.get("ask"), path, "ask"),
        format_ask=texts_per_language(data.get("format_ask"), path, "format_ask"),
        confirm_ask=texts_per_language(data.get("confirm_ask"), path, "confirm_ask"),
        apart_intents=frozenset(data.get("apart_intents") or ()),
    )


def status_asked(text: str, lang: str, words: StatusWords | None = None) -> StatusAsk | None:
    """`text` read as the ask its status check makes, or None when it checks no status of
    the call or asks something else of it (its cause)."""
    words = words or status_words()
    normalized = normalize(text)
    if lang not in words.ask or words.apart.search(normalized):
        return None
    heard = [*words.no_meeting.finditer(normalized)]
    if heard and lang in words.format_ask:
        # What happens instead of the meeting is the call as it is held: its format, when the
        # message asks it after the meeting heard to be off ("..., so is the call off?", "что
        # тогда во вторник?"); "США казали що зустрічі не буде?" asks who said so.
        after = normalized[heard[-1].end() :].strip()
        if not _asked_after(text, heard[-1].group(), after, words):
            return None
        return StatusAsk(words.format_ask[lang], FORMAT, _read(after, lang, words))
    if not words.changed.search(normalized):
        return None
    read = _read(normalized, lang, words)
    if words.denied.search(normalized) and lang in words.confirm_ask:
        # A denial heard, then whether it is off: settled by the confirmation that followed.
        return StatusAsk(words.confirm_ask[lang], CONFIRMED, words.denied.sub(" ", read))
    return StatusAsk(read, TIME, read)


def _read(normalized: str, lang: str, words: StatusWords) -> str:
    """The first status phrase read as the ask; another ("перенесли или отменили") adds none."""
    asked = words.changed.sub(words.ask[lang], normalized, count=1)
    return " ".join(words.changed.sub(" ", asked).split())


def _asked_after(text: str, heard: str, after: str, words: StatusWords) -> bool:
    """Whether a message asks something after the meeting it heard to be off: a status
    ("so is it off?"), what happens instead ("what happens on the 7th"), or any question."""
    if words.changed.search(after) or words.instead.search(after):
        return True
    last = heard.split()[-1]
    at = text.casefold().rfind(last)
    return bool(after) and at >= 0 and "?" in text[at + len(last) :]


def asks_apart(tokens: tuple[str, ...] | list[str], words: StatusWords | None = None) -> bool:
    """Whether a status check's reading asks something the time cannot answer: why, who, what
    for ("why was it postponed?", "who cancelled the Geneva follow-up?")."""
    words = words or status_words()
    return any(token in words.apart_intents for token in tokens)
