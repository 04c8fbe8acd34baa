"""Follow-up turns: what a question that leans on the conversation's last answer means.

After an answer people ask in fragments: "and in Tokyo?" (the same event there), "who said
that?" (whom the article credits), "who is he?" (the person that answer names), "and
later?" (what the same speaker is reported to say next), "what will they discuss about
it?" (another fact on the same subject), "в якому форматі?" (the same subject, another
question). Each is read from the last answer's fact alone, so a conversation keeps one
thing: that fact's id. The words marking these turns are data (words.yaml: said_that,
person_pronouns, about_it, and_then, and_before); no person, fact or event is named here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from knowledge.answering.compose import Answer, citations_for, representative_question
from knowledge.answering.shapes import asks_who_said_it
from knowledge.i18n import ANSWERS
from knowledge.language.about_bot import about_bot
from knowledge.language.matcher import Candidate, FactIndex, Match
from knowledge.language.text import normalize
from knowledge.model import Fact, Source, squash_spaces
from knowledge.places.phrases import LOCATION_PREPOSITIONS

# A follow-up made of a place and these ("and in Tokyo?", "what's that in Denver time?",
# "what about Rome?", "and if I'm in Perth?") asks for the last timed answer's event there.
PLACE_FOLLOW_UP_TOKENS = frozenset({"@when", "@time", "@topic", "@if"})
# A fact the conversation itself points to (not a ranking) is shown as this sure.
CHOSEN = 100.0
# A word that may be a name: it starts with a capital letter (any script).
_WORD_OR_STOP = re.compile(r"[^\W\d_][\w'’-]*|[.!?;:]")


@dataclass
class Conversation:
    """What a follow-up question may refer back to."""

    last_fact_id: str | None = None


@dataclass(frozen=True)
class Turn:
    """A follow-up read as a fact, and the ranking that chose it; no fact when it could mean
    any of several (the match's candidates): "who is he?" after an answer naming two men."""

    fact: Fact | None
    match: Match


def last_fact(index: FactIndex, conversation: Conversation | None) -> Fact | None:
    if conversation is None or not conversation.last_fact_id:
        return None
    return index.facts.get(conversation.last_fact_id)


def asks_the_same_event_elsewhere(
    index: FactIndex, previous: Fact | None, without_place: str, lang: str
) -> bool:
    """ "and in Tokyo?", "а по UTC?", "same for Lagos", "and if I'm in Perth?": after a timed
    answer, a place with nothing else asked. `without_place`: the question, its place taken
    out; the words asking for the same again are dropped before it is read, as written (the
    typo reader would take "too" for "took")."""
    if not (previous and previous.event):
        return False
    again = index.lexicon.follow_ups.same_again
    rest = " ".join(w for w in normalize(without_place).split() if w not in again)
    return set(index.analyse(rest, lang).tokens) <= PLACE_FOLLOW_UP_TOKENS


def a_place_alone(index: FactIndex, mention_text: str, match: Match, lang: str) -> bool:
    """ "а по Самаре?", "and in Denver?", "а Чатем?", "and jordan?" as the first turn:
    nothing asked but a place, which the fact base does not talk about (the caller kept it
    as the place asked for): the main event's time there, as after a preposition so without
    one. A bare name the fact base reads as its own words ("США?", "Женева?", "Украина?")
    may be the subject: only one it does not know at all is the place."""
    words = mention_text.split()
    if not words or match.tokens:
        return False
    if words[0].casefold() in LOCATION_PREPOSITIONS:
        return True
    named = index.analyse(mention_text, lang)
    return len(named.unknown) == len(named.tokens)


def who_said_it(
    index: FactIndex, sources: Mapping[str, Source], text: str, lang: str, previous: Fact
) -> Answer | None:
    """ "Who said that?" after an answer: whom the article credits with that fact; so does a
    remark doubting it, as in a chat ("are you sure?", "а ти впевнений?"), after saying that
    the article reports it: the quote is the bot's warrant."""
    doubted = about_bot().remarked(text)
    if not doubted and not asks_who_said_it(index, text):
        return None
    who = previous.said_by.get(lang)
    lead = (
        ANSWERS("answer.said_by", lang, who=who) if who else ANSWERS("answer.said_by_unknown", lang)
    )
    if doubted:  # the article's own report needs no "without saying who said it"
        lead = ANSWERS("answer.as_written", lang) + (f" {lead}" if who else "")
    return Answer(
        status="answered",
        lang=lang,
        lead=lead,
        fact=previous,
        citations=citations_for(previous, sources, lang),
        ranked=((previous.id, CHOSEN),),
    )


def resolve(
    index: FactIndex, sources: Mapping[str, Source], text: str, lang: str, previous: Fact
) -> Turn | None:
    """The fact a follow-up means when its words point back at the last answer: "and
    later?", "about it", "he". None when they do not, or lead nowhere (then the engine
    matches the question as any other, or declines a bare "and later?"); a turn without a
    fact when "he" could be either of two people."""
    words = index.lexicon.follow_ups
    asked = normalize(text)
    step = _step(index, asked)
    if step:
        told = told_next(index.facts.values(), sources, previous, step)
        return Turn(told, _chosen(told)) if told else None
    padded = f" {asked} "
    about = next((p for p in words.about_it if f" {p} " in padded), None)
    if about is not None:
        return on_the_subject(index, padded.replace(f" {about} ", " ", 1), lang, previous)
    if words.pronouns & set(asked.split()):
        return the_person_named(index, asked, lang, previous)
    return None


def step_of(index: FactIndex, text: str) -> int:
    """1 when the whole question is "and later?", -1 when it is "and before that?", else 0."""
    return _step(index, normalize(text))


def _step(index: FactIndex, asked: str) -> int:
    words = index.lexicon.follow_ups
    return 1 if asked in words.and_then else -1 if asked in words.and_before else 0


def told_next(
    facts: Iterable[Fact], sources: Mapping[str, Source], previous: Fact, step: int
) -> Fact | None:
    """What the same speaker is reported to say next (`step` 1) or before (-1) in the
    article: "what did the White House say at first?" → "and later?"."""
    here = article_position(previous, sources)
    if not previous.said_by or here is None:
        return None
    said = [
        (position, fact)
        for fact in facts
        if fact.id != previous.id and fact.said_by == previous.said_by
        if (position := article_position(fact, sources)) is not None and position[0] == here[0]
    ]
    ahead = [(p, f) for p, f in said if (p > here if step > 0 else p < here)]
    if not ahead:
        return None
    pick = min if step > 0 else max
    return pick(ahead, key=lambda pair: pair[0])[1]


def article_position(fact: Fact, sources: Mapping[str, Source]) -> tuple[str, int, int] | None:
    """Where a fact's first quote stands in its source: (source, paragraph, offset)."""
    if not fact.citations:
        return None
    citation = fact.citations[0]
    source = sources.get(citation.source)
    paragraph = source.paragraph_of(citation.quote) if source else None
    if source is None or paragraph is None:
        return None
    offset = source.paragraphs[paragraph - 1].find(squash_spaces(citation.quote))
    return citation.source, paragraph, offset


def on_the_subject(index: FactIndex, asked: str, lang: str, previous: Fact) -> Turn | None:
    """ "What will they discuss about it?" after the Geneva summit: the best fact for the
    question read with the last subject, among the facts that subject brings up other than
    the one just given (it is what the asker already has)."""
    subject = subject_words(index, previous, lang)
    if not subject:
        return None
    floor = index.weights.suggest_threshold
    near = index.rank(index.analyse(subject, lang).tokens)
    on_subject = {c.fact_id for c in near if c.score >= floor} - {previous.id}
    tokens = index.analyse(f"{asked} {subject}", lang).tokens
    ranked = tuple(
        c for c in index.rank(tokens) if c.fact_id in on_subject and not c.asks_differently
    )
    if not ranked:
        return None
    return Turn(index.facts[ranked[0].fact_id], Match(ranked[0], ranked[:3], tokens))


def the_person_named(index: FactIndex, asked: str, lang: str, previous: Fact) -> Turn | None:
    """ "Who is he?", "а хто він такий?": the pronoun stands for the person the last answer
    names, whom it quotes (`said_by`) or else whom its text names. The fact found must name
    them too: "he" after an answer about Lloyd Austin is never another person."""
    said = previous.said_by.get(lang)
    names = proper_names(said) if said else proper_names(previous.text.get(lang, ""), True)
    if not names:
        return None
    # Each name on its own, counted only where the fact found says who that is ("who is
    # Moscow" finds none): two people named ("Austin Jen Psaki") means asking which.
    people: dict[str, Turn] = {}
    for name in names.split() if " " in names else ():
        turn = _naming(index, asked, lang, name)
        if turn and turn.fact and _says_who(index, turn.fact, name, lang):
            people[turn.fact.id] = turn
    if len(people) > 1:
        choices = tuple(turn.match.best for turn in people.values() if turn.match.best)
        return Turn(None, Match(None, choices, ()))
    return _naming(index, asked, lang, names) or next(iter(people.values()), None)


def _says_who(index: FactIndex, fact: Fact, name: str, lang: str) -> bool:
    """Whether one of the fact's own questions asks who `name` is, and nothing else."""
    wanted = {"@who", *index.analyse(name, lang).tokens}
    return any(wanted == set(index.analyse(q, lang).tokens) for q in fact.questions.get(lang, ()))


def _naming(index: FactIndex, asked: str, lang: str, names: str) -> Turn | None:
    """The fact the question answers with the pronoun read as `names`, if it names them."""
    pronouns = index.lexicon.follow_ups.pronouns
    match = index.match(" ".join(names if w in pronouns else w for w in asked.split()), lang)
    if match.best is None:
        return None
    fact = index.facts[match.best.fact_id]
    named = set(index.analyse(names, lang).tokens)
    if not named & set(index.analyse(fact.text.get(lang, ""), lang).tokens):
        return None
    return Turn(fact, match)


def asks_something(index: FactIndex, text: str, match: Match, lang: str) -> bool:
    """Whether a fragment asks: a word the base knows ("формат?") or a question word ("а
    як?"). "ok", "добре" or "cool" ask nothing, and read with the last answer's subject they
    would match its neighbouring fact."""
    if any(index.knows(token) for token in match.tokens):
        return True
    return not index.lexicon.asking_words.get(lang, frozenset()).isdisjoint(normalize(text).split())


def completed(index: FactIndex, text: str, lang: str, previous: Fact) -> Match | None:
    """A fragment the matcher is unsure of, read with the last answer's subject: "в якому
    форматі?" after "коли переговори" is "в якому форматі переговори"."""
    subject = subject_words(index, previous, lang)
    if not subject:
        return None
    match = index.match(f"{text} {subject}", lang)
    return match if match.best else None


def subject_words(index: FactIndex, fact: Fact, lang: str) -> str:
    """What a fact is about: the content words of its first question, without the question
    words ("when was the Geneva summit" → "geneva summit", "коли розмова" → "розмова")."""
    intents = index.lexicon.intents
    kept = []
    for word in normalize(representative_question(fact, lang)).split():
        tokens = index.analyse(word, lang).tokens
        if tokens and not intents & set(tokens):
            kept.append(word)
    return " ".join(kept)


def proper_names(text: str, sentences: bool = False) -> str:
    """The capitalised words of a text ("US Defense Secretary Lloyd Austin", "Джен Псакі");
    in `sentences`, a sentence's first word is not taken for a name."""
    names: list[str] = []
    starts = sentences
    for word in _WORD_OR_STOP.findall(text):
        if word in ".!?;:":
            starts = sentences
            continue
        if word[0].isupper() and not starts:
            names.append(word)
        starts = False
    return " ".join(dict.fromkeys(names))


def _chosen(fact: Fact) -> Match:
    best = Candidate(fact.id, CHOSEN, 1.0)
    return Match(best, (best,), ())
