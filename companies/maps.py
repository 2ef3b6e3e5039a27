"""Maps: the facilities a map draws, served as GeoJSON that ``static/js/map.js`` fetches and
draws with Leaflet and its marker-cluster plugin (vendored in ``static/vendor/``).

Pages never inline points: they render ``includes/_map.html`` with a ``FacilityMap`` (where to
fetch the points, the shipped outlines, the legend), and the browser fetches the points from
``companies:company_map`` (a company's facilities on the page's date) or
``companies:facility_map`` (the explorer's current filter). Both stream at most ``MAP_LIMIT``
points from one query over plain rows; statuses are each facility's status span on the date,
as in the table beside the map.

The base layer is ``static/geo/outlines.json`` (Natural Earth countries and US states, built by
``scripts/build_outlines.py``): maps draw with no internet. An online tile layer is drawn only
when ``settings.FOOTPRINT_MAP_TILE_URL`` is set (``https://.../{z}/{x}/{y}.png``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.http import QueryDict, StreamingHttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from .exports import CHUNK_ROWS, write_geojson
from .models import Facility
from .presenters import GROUP_ORDER
from .serializers import display_name, place_label, status_label, url_maker

MAP_LIMIT = 20_000
"""A map draws at most this many facilities (the biggest company's own footprint fits; the
explorer says when a filter matches more). 20,000 points are ~2.4 MB of GeoJSON, ~0.4 MB
compressed, and Leaflet.markercluster clusters them in well under a second."""

OUTLINES = "geo/outlines.json"
MAP_FIELDS = (
    "pk",
    "name",
    "kind",
    "company__name",
    "location__locality",
    "location__region",
    "location__country",
    "location__latitude",
    "location__longitude",
    "span__status",
    "span__since",
)
# The explorer parameters that do not change which facilities match.
NOT_FILTERS = ("page", "ordering", "format")


@dataclass(frozen=True)
class FacilityMap:
    """What ``includes/_map.html`` renders: where the points come from and the legend."""

    dom_id: str
    data_url: str
    tile_url: str = field(default_factory=lambda: getattr(settings, "FOOTPRINT_MAP_TILE_URL", ""))
    tile_attribution: str = field(
        default_factory=lambda: getattr(settings, "FOOTPRINT_MAP_TILE_ATTRIBUTION", "")
    )

    @property
    def outlines_url(self) -> str:
        return static(OUTLINES)

    @property
    def legend(self) -> list[tuple[str, str]]:
        """``(status, label)`` in the order the pages list statuses."""
        return [(status, status_label(status)) for status in GROUP_ORDER]

    @property
    def limit(self) -> int:
        return MAP_LIMIT


def _with_query(url: str, params: QueryDict) -> str:
    encoded = params.urlencode()
    return f"{url}?{encoded}" if encoded else url


def company_map(company, as_of: date | None = None, *, dom_id: str = "company-map") -> FacilityMap:
    """The company page's map: its own facilities on ``as_of`` (today when None)."""
    params = QueryDict(mutable=True)
    if as_of:
        params["as_of"] = as_of.isoformat()
    url = reverse("companies:company_map", kwargs={"slug": company.slug})
    return FacilityMap(dom_id=dom_id, data_url=_with_query(url, params))


def explorer_map(params: QueryDict, *, dom_id: str = "facility-map") -> FacilityMap:
    """The explorer's map: the facilities its current filters (and ``as_of``) match."""
    query = params.copy()
    for key in NOT_FILTERS:
        query.pop(key, None)
    return FacilityMap(dom_id=dom_id, data_url=_with_query(reverse("companies:facility_map"), query))


# ---------------------------------------------------------------------------------------------
# Points


def company_points(company, on: date | None = None):
    """A company's own facilities in the footprint on ``on`` (today), as ``MAP_FIELDS`` rows."""
    on = on or timezone.localdate()
    return (
        Facility.objects.filter(company=company)
        .on(on)
        .in_footprint()
        .order_by("pk")
        .values_list(*MAP_FIELDS, named=True)
    )


def selection_points(selection):
    """The explorer's selection (``filters.FacilitySelection``) as ``MAP_FIELDS`` rows. By
    primary key, not the table's order: which points are drawn must not depend on a sort
    (and the index answers it without sorting the whole result)."""
    return selection.filterset.qs.order_by("pk").values_list(*MAP_FIELDS, named=True)


def point_properties(row, facility_url) -> dict:
    """A point's properties: what the marker's label and popup show. Short on purpose (a map
    carries thousands); the full record of a facility is the API's (``serializers``)."""
    return {
        "id": row.pk,
        "name": display_name(row.name, row.location__locality, row.kind),
        "company": row.company__name,
        "status": row.span__status,
        "status_label": status_label(row.span__status),
        "status_since": row.span__since,
        "place": place_label(row.location__locality, row.location__region, row.location__country),
        "url": facility_url(row.pk),
    }


def feature_collection(rows, *, limit: int = MAP_LIMIT) -> Iterator[str]:
    """The rows' located facilities as a streamed GeoJSON ``FeatureCollection``, at most
    ``limit`` of them, followed by ``limit``, ``truncated`` (more matched) and ``unlocated``
    (matched but without coordinates, so not drawn)."""
    facility_url = url_maker("companies:facility_detail")
    state = {"rows": 0, "unlocated": 0}

    def features() -> Iterable[tuple]:
        for row in rows[: limit + 1].iterator(chunk_size=CHUNK_ROWS):
            state["rows"] += 1
            if state["rows"] > limit:
                break
            lon, lat = row.location__longitude, row.location__latitude
            if lat is None or lon is None:
                state["unlocated"] += 1
                continue
            yield lon, lat, point_properties(row, facility_url)

    return write_geojson(
        features(),
        limit=limit,
        truncated=lambda: state["rows"] > limit,
        unlocated=lambda: state["unlocated"],
    )


def geojson_response(rows, *, limit: int = MAP_LIMIT) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        feature_collection(rows, limit=limit), content_type="application/geo+json"
    )
    # The points change whenever an editor accepts an event; browsers may not reuse them.
    response["Cache-Control"] = "no-cache"
    return response
