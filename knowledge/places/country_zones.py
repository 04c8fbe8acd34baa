"""The main zones of a country that keeps several (data/country_zones.yaml): a question for
the country's time ("US time", "aus time pls") is answered in each, not in the capital's
alone."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from knowledge.places.zones import get_zone


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    text = resources.files("knowledge.places").joinpath("data", "country_zones.yaml").read_text(
        "utf-8"
    )
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or not all(
        isinstance(zones, list) and all(isinstance(z, str) for z in zones)
        for zones in data.values()
    ):
        raise ValueError("country_zones.yaml: expected a list of zones per country")
    for zones in data.values():
        for zone in zones:
            get_zone(zone)  # an unknown zone fails here, at load, not in an answer
    return {str(country): tuple(zones) for country, zones in data.items()}


def main_zones(country: str) -> tuple[str, ...]:
    """The main zones of a country, by its English label ("USA"); none when it keeps one or
    is not listed."""
    return _table().get(country, ())
