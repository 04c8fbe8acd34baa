"""Names of places: which script a name is in, transliteration, the best Russian and
Ukrainian label among GeoNames' alternates, and the adjectives a name yields."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources

from babel.dates import get_timezone_location
from rapidfuzz import fuzz

from gazetteer.words import (
    CYRILLIC_WORDS,
    LANGS,
)
from knowledge.language.text import RU_ONLY, UK_ONLY, morph
from knowledge.places import zones
from knowledge.places.tokens import name_key, tokenize, variants

FOREIGN = set("ўјљњћџѓќѕӣӯҳҷқғңөүһәӑӗӳ")  # Belarusian, Serbian, Central Asian letters
CYRILLIC_NAME = re.compile(r"^[а-яёіїєґА-ЯЁІЇЄҐ][а-яёіїєґА-ЯЁІЇЄҐ'’ .\-]*$")
LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’ .\-]*$")


def zone_tab() -> list[tuple[str, str]]:
    text = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            rows.append((parts[0], parts[2]))
    return rows


def cldr_city(zone: str) -> dict[str, str]:
    return {lang: get_timezone_location(zone, locale=lang, return_city=True) for lang in LANGS}


def is_cyrillic_word(word: str) -> bool:
    return bool(CYRILLIC_NAME.match(word))


def ordinary_cyrillic(word: str) -> bool:
    """True for a dictionary word that is not a place name ("час", "там", "Песков")."""
    lowered = word.lower()
    if " " in lowered or "-" in lowered:
        return False
    if name_key(lowered) in CYRILLIC_WORDS:
        return True
    ru = morph("ru")
    if ru.word_is_known(lowered) and not any("Geox" in p.tag.grammemes for p in ru.parse(lowered)):
        return True
    uk = morph("uk")
    return uk.word_is_known(lowered) and not any(p.tag.POS == "NOUN" for p in uk.parse(lowered))


def dictionary_word(word: str) -> bool:
    """True for any word the ru or uk dictionary knows but as a place ("Коло" is Koło in
    Poland and Ukrainian for "circle"; "коли" reads as its case): a town's name must be
    nothing else, since a town is read wherever its name stands after a preposition."""
    if " " in word or "-" in word:
        return ordinary_cyrillic(word)
    # As keyed ("Будё" is keyed "буде", Ukrainian "will be"), and as written.
    return any(_dictionary_word(form) for form in {word.lower(), name_key(word)})


def _dictionary_word(lowered: str) -> bool:
    ru, uk = morph("ru"), morph("uk")
    # Any reading that is not a place makes it a word: "Кола" is Kola (Geox) but also cola,
    # and its case "коли" is Ukrainian "when"; a town named so would take that word.
    if ru.word_is_known(lowered) and any("Geox" not in p.tag.grammemes for p in ru.parse(lowered)):
        return True
    # The Ukrainian dictionary tags no place names: any reading but a noun is a word.
    if uk.word_is_known(lowered) and any(p.tag.POS != "NOUN" for p in uk.parse(lowered)):
        return True
    return name_key(lowered) in CYRILLIC_WORDS


def case_of_a_held_name(word: str, held: set[str] | dict[str, object]) -> bool:
    """True when a Cyrillic name reads, as the resolver reads cases, as another name the
    index already holds: Neapoli's "Неаполі" is Ukrainian "in Naples" ("я в неаполі"), so
    a town named so would take Naples' questions."""
    tokens = tokenize(word)
    if len(tokens) != 1:
        return False
    own = name_key(word)
    return any(form != own and form in held for form, _ in variants(tokens[0]))


# A rough Latin-to-Cyrillic spelling, only to tell which untagged Cyrillic name of a city
# is its Russian one ("Shenzhen" ~ "Шеньчжень", not "Шънджън").
_DIGRAPHS = (
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "чж"), ("kh", "х"), ("ts", "ц"),
    ("ya", "я"), ("yu", "ю"), ("ye", "е"), ("yo", "ё"), ("ng", "н"), ("ou", "оу"), ("x", "с"),
    ("q", "ц"), ("j", "дж"), ("w", "в"), ("c", "к"),
)  # fmt: skip
_LETTERS = str.maketrans("abdefghiklmnoprstuvyz", "абдефгхиклмнопрстувйз")
_BULGARIAN = re.compile(r"ъ[^еёюя]")


def translit(name: str) -> str:
    text = name_key(name)
    for latin, cyrillic in _DIGRAPHS:
        text = text.replace(latin, cyrillic)
    return text.translate(_LETTERS)


def _likeness(candidate: str, reference: str) -> float:
    return fuzz.ratio(name_key(candidate), name_key(reference))


def ru_label(candidates: list[str], english: str) -> str | None:
    """The Russian name among GeoNames' untagged Cyrillic ones, most like the English one.

    A dictionary toponym scores extra, but a close transliteration beats a known old name
    ("Мумбаи" over "Бомбей").
    """
    ru = morph("ru")
    reference = translit(english)

    def score(word: str) -> float:
        last = name_key(word).split(" ")[-1]
        toponym = any(
            p.is_known and "Geox" in p.tag.grammemes and name_key(p.normal_form) == last
            for p in ru.parse(last)
        )
        whole = ru.word_is_known(word.lower())
        bulgarian = bool(_BULGARIAN.search(word.lower()))
        return _likeness(word, reference) + 15 * toponym + 5 * whole - 30 * bulgarian

    plain = [c for c in candidates if not set(c.lower()) & (UK_ONLY | FOREIGN)]
    best = max(plain, key=score, default=None)
    return best if best and score(best) >= 60 else None


def uk_label(candidates: list[str], english: str, ru: str | None) -> str | None:
    """The Ukrainian name: known to the uk dictionary or spelt with і/ї/є/ґ, like the ru one."""
    uk = morph("uk")
    reference = ru or translit(english)

    def score(word: str) -> float:
        last = name_key(word).split(" ")[-1]
        known = any(
            p.is_known and p.tag.POS == "NOUN" and name_key(p.normal_form) == last
            for p in uk.parse(last)
        )
        marked = bool(set(word.lower()) & UK_ONLY)
        whole = uk.word_is_known(word.lower())
        return _likeness(word, reference) + 20 * known + 15 * marked + 5 * whole

    plain = [c for c in candidates if not set(c.lower()) & (RU_ONLY | FOREIGN)]
    best = max(plain, key=score, default=None)
    if best and score(best) >= 75:
        return best
    if ru and not set(ru.lower()) & RU_ONLY:
        return ru
    return None


def adjective_forms(name: str, lang: str) -> set[str]:
    """Candidate adjectives of a Cyrillic place name; the caller keeps dictionary words."""
    lowered = name.lower().replace("ё", "е")
    head, sep, last = lowered.rpartition("-")
    prefix = head + sep
    sky = "ский" if lang == "ru" else "ський"
    out: set[str] = set()
    stem = last
    if last[-2:] in ("ия", "ія"):
        out |= {last[:-2] + ("ийский" if lang == "ru" else "ійський"), last[:-2] + sky}
    if last[-1:] in "аяоиуеыюіь":
        stem = last[:-1]
        out |= {stem + sky, stem + "й" + sky}
    if last[-1:] == "а":  # Ялта → ялтинский, Алма-Ата → алма-атинский
        out.add(stem + "ин" + sky)
    if last[-1:] in "иуоі":  # indeclinable: Сочи → сочинский, Баку → бакинский
        out |= {last + "н" + sky, stem + "ин" + sky}
    else:
        out |= {last + sky, last + "ов" + sky, last + "ь" + sky}
    if last.endswith(("ск", "цк", "ськ", "цьк")):
        out.add(last + "ий")
        out.add(last[:-2] + sky)
    if stem.endswith(("г", "ж", "з")):
        out.add(stem[:-1] + ("жский" if lang == "ru" else "зький"))
    if stem.endswith(("к", "ц")):
        out.add(stem[:-1] + ("цкий" if lang == "ru" else "цький"))
    if stem.endswith("с"):
        out.add(stem + ("кий" if lang == "ru" else "ький"))
    if stem.endswith(("ш", "щ")):
        out.add(stem[:-1] + sky)
    return {prefix + form for form in out}


def known_adjective(word: str, lang: str) -> bool:
    analyzer = morph(lang)
    last = word.rpartition("-")[2]
    return any(
        p.is_known and p.tag.POS == "ADJF" and p.normal_form in (word, last)
        for p in analyzer.parse(word)
    )


def distinct_offsets(zone_names: list[str]) -> bool:
    """Whether a country's zones kept different clocks at some point since 2021."""
    instants = [
        datetime(year, month, 15, 12, tzinfo=UTC)
        for year in range(2021, 2027)
        for month in (1, 4, 7, 10)
    ]
    seen = {
        tuple(i.astimezone(zones.get_zone(z)).utcoffset() for i in instants) for z in zone_names
    }
    return len(seen) > 1
