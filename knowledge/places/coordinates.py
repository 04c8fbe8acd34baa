"""A place given by its coordinates ("40.7N 74W", "32.08, 34.78", "50.0 пн.ш. 36.23 сх.д."):
the zone at that point (timezonefinder, offline; `geo.ZoneLocator`). A bare pair of decimals
is a point only where it cannot be two clock times or dates ("17.00, 18.30", "7.12, 8.12")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.places.geo import ZoneLocator

_NUMBER = r"\d{1,3}(?:\.\d+)?"
# Hemispheres: English letters, Russian (с.ш., ю.ш., в.д., з.д.), Ukrainian (пн.ш., пд.ш.,
# сх.д., зх.д.), the dots and the space inside optional.
_NORTH_SOUTH = r"(?P<ns>[NS](?![a-zа-яіїєґ])|(?:пн|пд|с|ю)\.?\s?ш\.?)"
_EAST_WEST = r"(?P<ew>[EW](?![a-zа-яіїєґ])|(?:сх|зх|в|з)\.?\s?д\.?)"
_WITH_HEMISPHERES = re.compile(
    rf"(?<![\w.])(?P<lat>{_NUMBER})\s?°?\s?{_NORTH_SOUTH}[\s,;]*"
    rf"(?P<lon>{_NUMBER})\s?°?\s?{_EAST_WEST}",
    re.IGNORECASE,
)
_MINUS = "-−–"
_PAIR = re.compile(
    rf"(?<![\w.:/{_MINUS}])(?P<lat>[{_MINUS}]?\d{{1,2}}\.\d{{1,6}}),\s?"
    rf"(?P<lon>[{_MINUS}]?\d{{1,3}}\.\d{{1,6}})(?![\w:]|\.\d)"
)
_SOUTH_OR_WEST = ("s", "ю", "пд", "w", "з", "зх")

LOCATOR = ZoneLocator()


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace("–", "-"))


def _clock_like(text: str) -> bool:
    """"17.30", "7.12": an hour and minutes, or a day and month, rather than degrees."""
    whole, _, part = text.lstrip(_MINUS).partition(".")
    return text[0] not in _MINUS and int(whole) <= 31 and len(part) == 2 and int(part) < 60


def points(text: str) -> Iterator[tuple[int, int, float, float]]:
    """Each point the text gives: (start, end, latitude, longitude)."""
    for m in _WITH_HEMISPHERES.finditer(text):
        lat, lon = _number(m.group("lat")), _number(m.group("lon"))
        if m.group("ns").lower().startswith(_SOUTH_OR_WEST):
            lat = -lat
        if m.group("ew").lower().startswith(_SOUTH_OR_WEST):
            lon = -lon
        yield m.start(), m.end(), lat, lon
    for m in _PAIR.finditer(text):
        if _clock_like(m.group("lat")) and _clock_like(m.group("lon")):
            continue
        yield m.start(), m.end(), _number(m.group("lat")), _number(m.group("lon"))


def zones_at(text: str) -> Iterator[tuple[int, int, str]]:
    """Each point the text gives, as (start, end, the IANA zone there)."""
    for start, end, lat, lon in points(text):
        zone = LOCATOR.zone_at(lat, lon)
        if zone is not None:
            yield start, end, zone
