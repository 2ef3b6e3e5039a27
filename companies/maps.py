"""Map data: facilities as points for ``static/js/map.js`` and its table alternative.

Pure Python over rows a page already loaded (``presenters.FacilityRow``: a facility and its
``companies.status.Status``), plus, for the explorer, one capped query. Statuses are never
computed here: both pages read each facility's status span on the page's date (today or
``as_of``), so the map always agrees with the table beside it.

The base map is ``static/geo/outlines.json`` (Natural Earth countries and US states, built by
``scripts/build_outlines.py``), so maps render with no internet. An online tile layer is drawn
only when ``settings.FOOTPRINT_MAP_TILE_URL`` is set (``https://.../{z}/{x}/{y}.png``).
Canadian provinces are not in the shipped outlines yet (only the country outline of Canada).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from .models import FacilityKind, FacilityStatus
from .presenters import FacilityRow

MAX_POINTS = 5000
"""The explorer's map draws at most this many facilities (the rest are in the table/exports)."""

EXPLORER_TABLE_ROWS = 500
"""The explorer's map table lists this many; its own paginated table and CSV have them all."""

OUTLINES = "geo/outlines.json"
STATUS_ORDER = ("open", "idled", "closed", "sold", "planned", "unknown")
STATUS_LABELS = dict(FacilityStatus.choices)

# Fitting the view: padding around the points, the smallest span shown (so one plant still
# shows its region) and the latitudes Web Mercator can draw.
PADDING = 0.15
MIN_LON_SPAN = 12.0
MIN_LAT_SPAN = 7.0
MAX_LAT = 80.0
WORLD = (-170.0, -58.0, 180.0, 78.0)


# ---------------------------------------------------------------------------------------------
# Projection helpers (map.js projects the same way)


def mercator(longitude: float, latitude: float) -> tuple[float, float]:
    """Web Mercator in unit square coordinates: ``(0, 0)`` top left (180°W, ~85°N),
    ``(1, 1)`` bottom right."""
    latitude = max(-85.05113, min(85.05113, latitude))
    x = (longitude + 180.0) / 360.0
    s = math.sin(math.radians(latitude))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return x, y


def fit_bounds(coordinates: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` around ``(longitude, latitude)`` pairs, padded, at least
    ``MIN_LON_SPAN`` × ``MIN_LAT_SPAN`` degrees; the world when there are none."""
    coordinates = list(coordinates)
    if not coordinates:
        return WORLD
    lons = [c[0] for c in coordinates]
    lats = [c[1] for c in coordinates]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_lon = max((east - west) * PADDING, (MIN_LON_SPAN - (east - west)) / 2, 0)
    pad_lat = max((north - south) * PADDING, (MIN_LAT_SPAN - (north - south)) / 2, 0)
    return (
        round(max(-180.0, west - pad_lon), 4),
        round(max(-MAX_LAT, south - pad_lat), 4),
        round(min(180.0, east + pad_lon), 4),
        round(min(MAX_LAT, north + pad_lat), 4),
    )


# ---------------------------------------------------------------------------------------------
# Points


@dataclass(frozen=True)
class MapPoint:
    """One facility on the map (or, without coordinates, only in the table)."""

    pk: int
    name: str
    company: str
    status: str
    since: date | None
    url: str
    place: str
    latitude: float | None
    longitude: float | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def as_json(self) -> dict:
        """Short keys keep 5,000 points small: id, name, company, status, label, since, url,
        place, lat, lon."""
        return {
            "id": self.pk,
            "n": self.name,
            "c": self.company,
            "s": self.status,
            "l": self.status_label,
            "d": self.since.isoformat() if self.since else "",
            "u": self.url,
            "p": self.place,
            "y": round(self.latitude, 5),
            "x": round(self.longitude, 5),
        }


def facility_url() -> Callable[[int], str]:
    """``pk -> facility page URL`` with one ``reverse`` for all points (5,000 reverses are slow)."""
    marker = 987654321
    prefix, suffix = reverse("companies:facility_detail", kwargs={"pk": marker}).split(str(marker))
    return lambda pk: f"{prefix}{pk}{suffix}"


def point_from_row(row: FacilityRow, *, company=None, url: Callable[[int], str] | None = None) -> MapPoint:
    """A point from a facility and its status. Pass ``company`` when the facility's company
    was not loaded with it (the company page), so this never queries."""
    facility = row.facility
    location = facility.location
    company = company if company is not None else facility.company
    return MapPoint(
        pk=facility.pk,
        name=facility.display_name,
        company=company.name,
        status=row.status.status or "unknown",
        since=row.status.since,
        url=url(facility.pk) if url else facility.get_absolute_url(),
        place=location.label,
        latitude=location.latitude,
        longitude=location.longitude,
    )


@dataclass
class FacilityMap:
    """What ``includes/_map.html`` draws: points, legend, notes and the table alternative."""

    dom_id: str
    points: list[MapPoint]
    truncated: bool = False
    limit: int = MAX_POINTS
    table_limit: int | None = None
    """List at most this many in the table alternative (None: all)."""
    tile_url: str = field(default_factory=lambda: getattr(settings, "FOOTPRINT_MAP_TILE_URL", ""))
    tile_attribution: str = field(
        default_factory=lambda: getattr(settings, "FOOTPRINT_MAP_TILE_ATTRIBUTION", "")
    )

    @property
    def located(self) -> list[MapPoint]:
        return [p for p in self.points if p.has_coordinates]

    @property
    def unlocated_count(self) -> int:
        return len(self.points) - len(self.located)

    @property
    def table_points(self) -> list[MapPoint]:
        return self.points if self.table_limit is None else self.points[: self.table_limit]

    @property
    def table_truncated(self) -> bool:
        return self.table_limit is not None and len(self.points) > self.table_limit

    @property
    def legend(self) -> list[tuple[str, str, int]]:
        """``(status, label, count)`` of the statuses on the map, in status order."""
        counts = Counter(p.status for p in self.located)
        return [(s, STATUS_LABELS[s], counts[s]) for s in STATUS_ORDER if counts[s]]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return fit_bounds((p.longitude, p.latitude) for p in self.located)

    @property
    def data_id(self) -> str:
        return f"{self.dom_id}-data"

    @property
    def payload(self) -> dict:
        """The JSON ``map.js`` reads (via ``json_script``)."""
        return {
            "bounds": list(self.bounds),
            "outlines": static(OUTLINES),
            "tiles": self.tile_url,
            "attribution": self.tile_attribution,
            "points": [p.as_json() for p in self.located],
        }


def company_map(footprint, company, *, dom_id: str = "company-map") -> FacilityMap:
    """The company page's map: its facilities in the footprint on the page's date, with the
    statuses ``presenters.group_facilities`` read from their spans (no queries)."""
    rows = [row for group in footprint.ordered_groups for row in group.rows]
    rows.sort(key=lambda r: (r.facility.location.label, r.facility.display_name))
    url = facility_url()
    return FacilityMap(dom_id=dom_id, points=[point_from_row(r, company=company, url=url) for r in rows])


def explorer_map(selection, *, limit: int = MAX_POINTS, dom_id: str = "facility-map") -> FacilityMap:
    """The explorer's map: the current filtered set on its date, at most ``limit`` facilities:
    one query over the filtered queryset (statuses from the spans on that date)."""
    url = facility_url()
    # values(): model instances for 5,000 rows cost ~10x more than the rows themselves.
    rows = selection.queryset().values(*EXPLORER_FIELDS)[: limit + 1]
    points = [_point_from_values(row, url) for row in rows]
    return FacilityMap(
        dom_id=dom_id,
        points=points[:limit],
        truncated=len(points) > limit,
        limit=limit,
        table_limit=EXPLORER_TABLE_ROWS,
    )


EXPLORER_FIELDS = (
    "pk",
    "name",
    "kind",
    "span__status",
    "span__since",
    "company__name",
    "location__locality",
    "location__region",
    "location__country",
    "location__latitude",
    "location__longitude",
)
KIND_LABELS = dict(FacilityKind.choices)


def display_name(name: str, locality: str, kind: str) -> str:
    """``Facility.display_name`` from plain values."""
    return name or f"{locality} {KIND_LABELS.get(kind, kind).lower()}"


def place_label(locality: str, region: str, country: str) -> str:
    """``Location.label`` from plain values."""
    region_part = region.split("-", 1)[-1] if region else ""
    return ", ".join(p for p in (locality, region_part, country) if p)


def _point_from_values(row: dict, url: Callable[[int], str]) -> MapPoint:
    return MapPoint(
        pk=row["pk"],
        name=display_name(row["name"], row["location__locality"], row["kind"]),
        company=row["company__name"],
        status=row["span__status"] or "unknown",
        since=row["span__since"],
        url=url(row["pk"]),
        place=place_label(row["location__locality"], row["location__region"], row["location__country"]),
        latitude=row["location__latitude"],
        longitude=row["location__longitude"],
    )
