"""Coordinates → IANA time zone, offline (timezonefinder's bundled polygons); the finder is
built on first use, so processes that never see a location never pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.places.zones import is_known_zone

if TYPE_CHECKING:
    from timezonefinder import TimezoneFinder


class ZoneLocator:
    """Finds the zone of a point; one instance per process, shared by every request."""

    def __init__(self) -> None:
        self._finder: TimezoneFinder | None = None

    def zone_at(self, latitude: float, longitude: float) -> str | None:
        """The IANA zone at a point (at sea: an Etc/GMT±N zone), or None if out of range."""
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            return None
        if self._finder is None:
            from timezonefinder import TimezoneFinder

            self._finder = TimezoneFinder()
        zone = self._finder.timezone_at(lng=longitude, lat=latitude)
        # The polygons and tzdata are released separately; a name tzdata lacks is no use.
        return zone if zone and is_known_zone(zone) else None
