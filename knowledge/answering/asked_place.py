"""What an answer says about the place asked for, and which places it does not take."""

from __future__ import annotations

from knowledge.i18n import ANSWERS
from knowledge.language.matcher import FactIndex
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
