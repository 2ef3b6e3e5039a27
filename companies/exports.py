"""Streaming CSV, JSON and GeoJSON exports of the explorer and the events page.

Each writer is a generator over rows read with ``queryset.iterator(chunk_size=2000)`` (see
``FacilitySelection.iter_rows``), buffered into ~64 KB chunks for a
``StreamingHttpResponse``: a 100k-row export never holds the whole file in memory.

Column names are human-readable and the same in all three formats. JSON is
``{"results": [...], "count": N}`` (the count comes last because it is only known once the
rows have streamed); GeoJSON is a ``FeatureCollection`` of ``Point`` features, ``[lon, lat]``,
for the rows that have coordinates.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from .filters import STATUS_LABELS
from .models import EventType
from .presenters import FacilityRow

FORMATS = ("csv", "json", "geojson")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "geojson": "application/geo+json",
}
CHUNK_BYTES = 64 * 1024

FACILITY_COLUMNS = (
    "Company",
    "Facility",
    "Kind",
    "Locality",
    "Region",
    "Country",
    "Latitude",
    "Longitude",
    "Status",
    "Status since",
    "Pending change",
    "Pending date",
    "Source release",
    "Source URL",
    "Facility page",
)

EVENT_COLUMNS = (
    "Date",
    "Event",
    "Announced",
    "Effective",
    "Company",
    "Facility",
    "Kind",
    "Locality",
    "Region",
    "Country",
    "Latitude",
    "Longitude",
    "Employees affected",
    "Evidence",
    "Release headline",
    "Source release",
    "Source URL",
    "Facility page",
)

EVENT_LABELS = dict(EventType.choices)


def url_maker(name: str) -> Callable[[int], str]:
    """``pk -> path`` for a ``<int:pk>`` URL, reversed once: ``reverse()`` per row would be
    half the cost of a large export."""
    sentinel = 987654321
    prefix, suffix = reverse(name, kwargs={"pk": sentinel}).split(str(sentinel), 1)
    return lambda pk: f"{prefix}{pk}{suffix}"


def site_root(request) -> str:
    """``https://host`` for absolute links (paths from ``reverse`` carry any script prefix)."""
    return f"{request.scheme}://{request.get_host()}"


class Links:
    """Absolute links to our facility and release pages, for many rows."""

    def __init__(self, root: str):
        self.root = root
        self._facility = url_maker("companies:facility_detail")
        self._release = url_maker("companies:release_detail")

    def facility(self, pk: int) -> str:
        return self.root + self._facility(pk)

    def release(self, release) -> str:
        return self.root + self._release(release.pk) if release else ""


def facility_record(row: FacilityRow, links: Links) -> dict:
    """One facility row of an export, keyed by column name."""
    facility, status = row.facility, row.status
    location = facility.location
    release = row.release
    return {
        "Company": facility.company.name,
        "Facility": facility.display_name,
        "Kind": facility.get_kind_display(),
        "Locality": location.locality,
        "Region": location.region,
        "Country": location.country,
        "Latitude": location.latitude,
        "Longitude": location.longitude,
        "Status": STATUS_LABELS.get(status.status, status.status),
        "Status since": status.since,
        "Pending change": EVENT_LABELS.get(status.pending_type, ""),
        "Pending date": status.pending_date,
        "Source release": links.release(release),
        "Source URL": release.url if release else "",
        "Facility page": links.facility(facility.pk),
    }


def event_record(event, links: Links) -> dict:
    """One event row of an export, keyed by column name."""
    facility = event.facility
    location = facility.location
    release = event.release
    return {
        "Date": event.date,
        "Event": event.get_type_display(),
        "Announced": event.announced_date,
        "Effective": event.effective_date,
        "Company": facility.company.name,
        "Facility": facility.display_name,
        "Kind": facility.get_kind_display(),
        "Locality": location.locality,
        "Region": location.region,
        "Country": location.country,
        "Latitude": location.latitude,
        "Longitude": location.longitude,
        "Employees affected": event.employees,
        "Evidence": event.evidence,
        "Release headline": release.headline if release else "",
        "Source release": links.release(release),
        "Source URL": release.url if release else "",
        "Facility page": links.facility(facility.pk),
    }


# ---------------------------------------------------------------------------------------------
# Writers: generators of text chunks


class _Echo:
    """A file-like object whose ``write`` returns what it was given (for ``csv.writer``)."""

    def write(self, value: str) -> str:
        return value


def _buffered(pieces: Iterable[str]) -> Iterator[str]:
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value):
    """Dates as ISO, None as empty; text that a spreadsheet would run as a formula (release
    text is untrusted) gets a leading apostrophe. Numbers are left as numbers."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(columns: tuple[str, ...], records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())

    def pieces():
        yield writer.writerow(columns)
        for record in records:
            yield writer.writerow([_csv_value(record[c]) for c in columns])

    return _buffered(pieces())


def _dumps(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def write_json(columns: tuple[str, ...], records: Iterable[dict]) -> Iterator[str]:
    def pieces():
        yield '{"results": ['
        count = 0
        for record in records:
            yield ("," if count else "") + "\n" + _dumps({c: record[c] for c in columns})
            count += 1
        yield f'\n], "count": {count}}}\n'

    return _buffered(pieces())


def write_geojson(columns: tuple[str, ...], records: Iterable[dict]) -> Iterator[str]:
    def pieces():
        yield '{"type": "FeatureCollection", "features": ['
        count = 0
        for record in records:
            lat, lon = record.get("Latitude"), record.get("Longitude")
            if lat is None or lon is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {c: record[c] for c in columns},
            }
            yield ("," if count else "") + "\n" + _dumps(feature)
            count += 1
        yield "\n]}\n"

    return _buffered(pieces())


WRITERS: dict[str, Callable[[tuple[str, ...], Iterable[dict]], Iterator[str]]] = {
    "csv": write_csv,
    "json": write_json,
    "geojson": write_geojson,
}


def export_filename(stem: str, fmt: str, as_of: date | None = None) -> str:
    """E.g. ``footprint-facilities-2025-01-31.csv`` or
    ``footprint-facilities-as-of-2009-03-01-2025-01-31.geojson``."""
    today = timezone.localdate().isoformat()
    middle = f"-as-of-{as_of.isoformat()}" if as_of else ""
    return f"footprint-{stem}{middle}-{today}.{fmt}"


def export_response(
    fmt: str, columns: tuple[str, ...], records: Iterable[dict], *, filename: str
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(WRITERS[fmt](columns, records), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def facilities_export(request, selection, fmt: str) -> StreamingHttpResponse:
    """The explorer's current selection (filters, ordering, ``as_of``) as a download."""
    links = Links(site_root(request))
    records = (facility_record(row, links) for row in selection.iter_rows(chunk_size=2000))
    filename = export_filename("facilities", fmt, selection.as_of)
    return export_response(fmt, FACILITY_COLUMNS, records, filename=filename)


def events_export(request, queryset, fmt: str) -> StreamingHttpResponse:
    """The events page's filtered events as a download."""
    links = Links(site_root(request))
    records = (event_record(event, links) for event in queryset.iterator(chunk_size=2000))
    return export_response(fmt, EVENT_COLUMNS, records, filename=export_filename("events", fmt))
