"""Places and time zones named in questions in en, ru and uk, resolved to tz keys and labels.

Data: knowledge/places/data/places.json (scripts/build_places.py); words and tables: phrases.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from knowledge.language.text import read_closely
from knowledge.places import compiled
from knowledge.places import phrases as pt
from knowledge.places import tokens as tk
from knowledge.places.coordinates import zones_at
from knowledge.places.index import (
    COMMON,
    UPPER,
    WEAK,
    Index,
    Match,
    load_data,
)
from knowledge.places.judging import AREAS, Found, Scene, adjective_alone, judge
from knowledge.places.nearmiss import NearMisses
from knowledge.places.place import (
    Place,
    PlaceMention,
    abbreviation,
    labels_of,
    offset_of,
)
from knowledge.places.qualified import qualified
from knowledge.places.tokens import Token

__all__ = ["Place", "PlaceMention", "PlaceResolver"]

# Questions whose place is remembered: a burst repeats the same few; the index never changes.
FIND_CACHE_SIZE = 4096


class PlaceResolver:
    """Resolves place names and finds the place a question asks about.

    `find` reports a place inside a question only with evidence, so that ordinary words,
    people, and countries merely talked about never become the place asked about:

    - an offset ("UTC+5:30", "+03:00"), an IANA name ("Europe/Paris") or a zone abbreviation
      ("EST", "мск"; short or word-like ones such as "IST", "PT", "CAT" only in capitals)
      counts anywhere;
    - a country, and so a state or region ("Texas", "Квебек", "Свердловская область"),
      counts only after a location preposition ("in", "в/во", "у", "на"; not "for"/"для" or
      "по", which with a country mostly mean "about": "support for Ukraine", "переговоры по
      Украине"), after "from" said of the asker ("I'm from Texas", "я з Харкова"), or with a
      time word ("Japan time", "Texas time", "японское время"); a region's name never
      displaces a country's or a prominent city's ("Georgia" is the country; see
      `index.merge_regions`); a region named with its unit ("по Московской области") is a
      clock after "по" in a question about time, and "on" opens an island ("on Easter
      Island"; `reckoning.py`);
    - a city counts after a location preposition ("in", "for", "в/во", "у", "по", "для",
      "за") or the asker's "from", with a time word ("Tokyo time", "по киевскому времени"),
      or bare but written with a capital in a question about time ("Tokyo, when is it?"),
      unless it qualifies the next word ("the Geneva summit");
    - in ru/uk the preposition must govern the right case: "в Киеве", "по Москве" and
      Ukrainian "у Києві" are places; "в Женеву" ("to Geneva"), "на Украину" and Russian
      "у России (есть)" are not, though a name left undeclined counts in a question about
      time ("во сколько в Дунгуань?");
    - a name known only from GeoNames' untagged alternate names needs a preposition or a time
      word; one that is also an ordinary word ("Nice", "Reading", "Час") needs a capital too,
      not the first word of a sentence;
    - a place adjective counts for a city with a time word, after "по"/"за" ("по киевскому"),
      or alone in the neuter ("а лондонское?"); for a country only with a time word;
    - a message that says nothing but the place ("Berlin?", "а в Токио?", "and Japan?") is
      that place.

    When several places qualify, one after a location preposition beats a time reckoning,
    which beats a bare name; then the longer phrase wins, then the later one.
    """

    _default: ClassVar[PlaceResolver | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data = data
        self._built: Index | None = None
        self._build_lock = threading.Lock()
        self._places: dict[int, Place] = {}
        self._misses: NearMisses | None = None
        self._cached_find = lru_cache(maxsize=FIND_CACHE_SIZE)(self._find)

    @classmethod
    def default(cls) -> PlaceResolver:
        """The shared resolver; its index is read on first use, once."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    @property
    def _index(self) -> Index:
        if self._built is None:
            with self._build_lock:
                if self._built is None:
                    self._built = (
                        Index.build(self._data)
                        if self._data
                        else compiled.load() or Index.build(load_data())
                    )
        return self._built

    # -- public API ----------------------------------------------------------------------
    def warm_up(self) -> bool:
        """Read the index and build the finder of slipped names now: the first question
        naming no place builds it (about 0.2 s), and a question naming one never does.
        True once both are ready."""
        if self._misses is None:
            self._misses = NearMisses(self._index)
        return self._built is not None

    def resolve(self, name: str) -> Place | None:
        """The place a whole string names ("Berlin", "у Києві", "UTC+3", "Europe/Paris")."""
        tokens = tk.tokenize(name)
        found = self._whole(name, tokens, self._matches(tokens), strict=False)
        return found.place if found else None

    def find(self, text: str) -> PlaceMention | None:
        """The place a question asks about, with the span of its phrase, or None."""
        return self._cached_find(text)

    def every_place(self, text: str, most: int) -> Iterator[PlaceMention]:
        """The places a text names, as `find` finds them one after another, each blanked out
        (its span kept) before the next is looked for; at most `most`."""
        for _ in range(most):
            mention = self.find(text)
            if mention is None or mention.end <= mention.start:
                return
            yield mention
            text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]

    def _find(self, text: str) -> PlaceMention | None:
        tokens = tk.tokenize(text)
        closely = read_closely(text)
        matches = self._matches(tokens, guess=closely)
        best = self._whole(text, tokens, matches, strict=True)
        if best is None:
            found = self._offsets_and_zones(text, tokens)
            scene = Scene(
                cue=self._time_cue(text, tokens),
                ukrainian=pt.has_ukrainian_letters(text),
                # In a message typed in capitals, capitals prove nothing ("GIVE US TIME").
                shouted=not any(ch.islower() for ch in text),
                lowered=not any(ch.isupper() for ch in text),
            )
            found += filter(None, (self._judge(tokens, m, scene) for m in matches))
            found += qualified(
                text,
                tokens,
                matches,
                scene,
                self._place_of,
                lambda m: self._judge(tokens, m, scene),
                self.resolve,
            )
            if closely:
                found = found or self._near_misses(text, tokens, matches, scene)
            if not found:
                return None
            best = max(found, key=lambda f: f.score)
        end = pt.people_end(text, tokens, best.end)
        return PlaceMention(best.place, best.start, end, text[best.start : end])

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Known names closest to an unknown one, in the input's script, best first."""
        from rapidfuzz import fuzz, process

        tokens = tk.tokenize(name)
        first, _, last, _ = pt.core_span(tokens)
        tokens = tokens[first:last]
        if not tokens:
            return []
        cyrillic = any(t.cyrillic for t in tokens)
        queries = {" ".join(t.norm for t in tokens)}
        if cyrillic:
            head = " ".join(t.norm for t in tokens[:-1])
            queries |= {f"{head} {form}".strip() for form, _ in tk.variants(tokens[-1])}
        choices = self._index.suggestions(cyrillic)
        scored: dict[str, float] = {}
        for query in queries:
            for _, score, at in process.extract(
                query, choices.keys, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=70
            ):
                label = choices.labels[at]
                scored[label] = max(scored.get(label, 0.0), score + choices.weights[at])
        return sorted(scored, key=lambda label: -scored[label])[:limit]

    # -- whole strings -------------------------------------------------------------------
    def _whole(
        self, text: str, tokens: list[Token], matches: list[Match], strict: bool
    ) -> Found | None:
        """A place that is all the text says beyond fillers; `strict` (for questions) keeps
        out ordinary words ("nice") and a country merely talked about ("what about Ukraine")."""
        i, end, core, located = pt.core_span(tokens)
        for j in dict.fromkeys((end, core)):  # "Eastern Time" is a name; "Tokyo time" is not
            if i < j:
                found = self._whole_span(text, tokens, matches, i, j, located, strict)
                if found:
                    return found
        return None

    def _whole_span(
        self,
        text: str,
        tokens: list[Token],
        matches: list[Match],
        i: int,
        j: int,
        located: bool,
        strict: bool,
    ) -> Found | None:
        start, end, _ = pt.whole_span(tokens, i, j)
        # Signs and slashes are not word characters: "+03:00" is more than its tokens.
        left = tokens[i - 1].end if i else 0
        right = tokens[j].start if j < len(tokens) else len(text)
        raw = text[left:right].strip(" \t\n?!.,;")
        place = self._offset(raw) or self._zone(raw)
        if place:
            return Found(place, start, end, (9, 0, 0))
        lead = {t.norm for t in tokens[:i]}
        prep = tokens[i - 1].norm if i and tokens[i - 1].norm in pt.LOCATION_PREPOSITIONS else ""
        timed = end > tokens[j - 1].end
        for match in sorted(matches, key=_priority):
            if (match.i, match.j) != (i, j):
                continue
            place = self._place_of(match)
            if strict and (
                (match.flags & UPPER and not pt.all_upper(tokens, match.i, match.j))
                or (match.flags & COMMON and not (prep and tokens[i].capitalised))
                or (
                    match.what == "adjective"
                    and not (timed or prep or adjective_alone(tokens, match))
                )
                or (place.kind in AREAS and not located and lead - _CONTINUATIONS)
                or (prep and not pt.case_fits(prep, match.head, pt.has_ukrainian_letters(text)))
            ):
                continue
            return Found(place, start, end, (9, 0, 0))
        return None

    # -- offsets and IANA names ----------------------------------------------------------
    def _offset(self, text: str) -> Place | None:
        m = pt.OFFSET.fullmatch(text)
        return offset_of(m) if m else None

    def _zone(self, text: str) -> Place | None:
        found = self._index.zone(text) if pt.IANA.fullmatch(text) else None
        if found is None:
            return None
        zone, names = found
        return Place(zone, labels_of(*names) if names else labels_of(zone), "zone")

    def _offsets_and_zones(self, text: str, tokens: list[Token]) -> list[Found]:
        named = ((pt.OFFSET, offset_of), (pt.IANA, lambda m: self._zone(m.group())))
        spans = [(m.start(), m.end(), make(m)) for at, make in named for m in at.finditer(text)]
        spans += [(start, end, self._zone(zone)) for start, end, zone in zones_at(text)]
        out = []
        for at, to, place in spans:
            inside = [k for k, t in enumerate(tokens) if at <= t.start < to]
            if place is None or not inside:
                continue
            start, end, prep = pt.phrase_span(tokens, inside[0], inside[-1] + 1, named=False)
            start, end = min(start, at), max(end, to)
            out.append(Found(place, start, end, (3 if prep else 2, 3, at)))
        return out

    # -- names -----------------------------------------------------------------------------
    def _matches(self, tokens: list[Token], guess: bool = True) -> list[Match]:
        index = self._index
        forms = [tk.variants(t, guess) for t in tokens]
        out: list[Match] = []
        for i in range(len(tokens)):
            frontier = [(form, reading) for form, reading in forms[i] if form in index.prefixes]
            j = i + 1
            while frontier:
                for key, reading in frontier:
                    out.extend(index.lookup(key, i, j, reading))
                if j >= len(tokens) or j - i >= index.max_words:
                    break
                frontier = [
                    (f"{key} {form}", reading)
                    for key, _ in frontier
                    for form, reading in forms[j]
                    if f"{key} {form}" in index.prefixes
                ]
                j += 1
        return out

    def _place_of(self, match: Match) -> Place:
        if match.what == "abbreviation":
            return abbreviation(match.ref)
        place = self._places.get(match.ref)
        if place is None:
            row = self._index.row(match.ref)
            country = labels_of(*row.country) if row.country else None
            elsewhere = tuple(labels_of(*names) for names in row.elsewhere)
            place = Place(row.key, labels_of(*row.labels), row.kind, country, (), elsewhere)
            self._places[match.ref] = place
        return place

    def _judge(self, tokens: list[Token], m: Match, scene: Scene) -> Found | None:
        return judge(tokens, m, scene, self._place_of(m), lambda: self._index.row(m.ref).prominent)

    def _near_misses(
        self, text: str, tokens: list[Token], matches: list[Match], scene: Scene
    ) -> list[Found]:
        """A slip of a well-known city's name where a place may stand ("in londn"), judged
        as the name itself would be; the place keeps the words it was read from."""
        if self._misses is None:
            self.warm_up()
        # A name known only from GeoNames' alternates ("londn", "tokio") may be a slip too.
        covered = {k for m in matches if not m.flags & WEAK for k in range(m.i, m.j)}
        out = []
        for miss in self._misses.find(tokens, covered):
            found = self._judge(tokens, Match(miss.i, miss.j, "name", miss.row, 0, None), scene)
            if found is not None:
                written = text[tokens[miss.i].start : tokens[miss.j - 1].end]
                place = dataclasses.replace(found.place, read_as=written)
                out.append(dataclasses.replace(found, place=place))
        return out

    def _time_cue(self, text: str, tokens: list[Token]) -> bool:
        cues = pt.TIME_CUES | pt.DATE_CUES
        cued = any(t.norm in cues for t in tokens) or pt.TIME_OF_DAY.search(text)
        cued = cued or pt.DAY_ORDINAL.search(text)
        return bool(cued) or pt.hour_at(tokens)


# Words before a bare country that still make "Japan?" a question about its time.
_CONTINUATIONS = frozenset({"and", "а", "и", "і", "й", "ну", "so", "ok", "okay", "now"})


def _priority(m: Match) -> tuple[int, int]:
    order = {"abbreviation": 0, "name": 1, "adjective": 2}
    return order[m.what], m.flags
