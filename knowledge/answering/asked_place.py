"""What an answer says about the place asked for, which places it does not take, and
whether a place named in a question asks for its clock or is what the question is about."""

from __future__ import annotations

from knowledge.i18n import ANSWERS
from knowledge.language.matcher import FactIndex, Match
from knowledge.language.reading import DAY
from knowledge.language.text import normalize
from knowledge.places.phrases import CLOCK_FOR
from knowledge.places.resolver import Place
from knowledge.places.times import zone_city


def slip_of_a_base_word(index: FactIndex, place: Place, lang: str) -> bool:
    """Whether the words a place was read from as a slip of its name are the fact base's
    own, as written or as its typo reader reads them ("kremlin", "putinn" for Putin), and
    not the place's name itself (a base that knows "London" reads "londn" as London too)."""
    if not place.read_as:
        return False
    analysed = index.analyse(place.read_as, lang)
    if analysed.unknown:
        return False
    names = {index.analyse(name, lang) for name in place.names.values()}
    known = {name.tokens for name in names if not name.unknown and not name.corrected}
    return not analysed.tokens or analysed.tokens not in known


def place_notes(place: Place, lang: str) -> list[str]:
    notes = []
    if place.country:
        country = place.country.get(lang) or place.country.get("en", "")
        if place.elsewhere:  # a region: say which of its clocks was used, and the others
            others = ", ".join(p.get(lang) or p.get("en", "") for p in place.elsewhere)
            notes.append(
                ANSWERS(
                    "place.region_zones",
                    lang,
                    region=country,
                    city=place.label(lang),
                    others=others,
                )
            )
        elif place.kind == "region":  # one clock, named by its city (Crimea: Simferopol)
            notes.append(
                ANSWERS(
                    "place.region_city",
                    lang,
                    region=country,
                    city=place.label(lang),
                    zone=place.key,
                )
            )
        else:
            notes.append(
                ANSWERS("place.country_capital", lang, country=country, city=place.label(lang))
            )
    if place.read_as:
        notes.append(ANSWERS("place.read_as", lang, written=place.read_as, place=place.label(lang)))
    if place.other_readings:
        notes.append(
            ANSWERS(
                "place.ambiguous",
                lang,
                abbr=place.names.get("en", place.key),
                reading=zone_city(place.key, lang),
                others=", ".join(place.other_readings),
            )
        )
    return notes


def place_is_a_zone(
    index: FactIndex, place_text: str, lang: str, stripped: Match, whole: Match
) -> bool:
    """Whether a place in the question asks for a time zone or is the question's subject.

    "when is the call in New York?" wants New York's clock; "when was the summit in
    Geneva?" is about Geneva. When the question with and without the place points to
    different facts and the fact base itself talks about that place, the place is the subject.
    A fact without a time has no clock to show there: "will Putin be in Sochi?" is about Sochi.
    A time asked "for" a place ("when is it for Washington", "для Москвы") is its clock.
    """
    if stripped.candidates and index.facts[stripped.candidates[0].fact_id].event is None:
        return False
    reckoned = place_text.split()[0].lower() in CLOCK_FOR
    if reckoned and stripped.candidates and index.lexicon.time_intents & set(stripped.tokens):
        # "when is it for Washington": a time reckoned for a place is its clock, even where
        # the base talks about that place (Washington as the US).
        return True
    if not whole.candidates or not stripped.candidates:
        return bool(stripped.candidates) or not whole.candidates
    if whole.candidates[0].fact_id == stripped.candidates[0].fact_id:
        return True
    if whole.candidates[0].score > stripped.candidates[0].score:
        return False
    return not index.analyse(place_text, lang).tokens or bool(
        index.analyse(place_text, lang).unknown
    )


def around_asker_dropped(index: FactIndex, without: str, lang: str) -> str:
    """The question with its place taken out (`without`), less the people around the asker
    ("my boss", "руководитель", "мій директор у Харкові"), booking it for them and whether
    the day there has turned yet, when it asks for a time or a day: the place's clock is
    asked, and who keeps it does not say which fact. Asking anything else ("what did my
    colleagues in Kyiv say"), they stay words of the question."""
    words = normalize(without).split()
    kept = [w for w in words if w not in index.lexicon.around_asker]
    if len(kept) == len(words):
        return without
    rest = " ".join(kept)
    if not (index.lexicon.time_intents | {DAY}) & set(index.analyse(rest, lang).tokens):
        return without
    return rest
