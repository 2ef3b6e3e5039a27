"""One JSON shape per record, shared by the read-only API, the JSON and GeoJSON exports and the
CSV columns (no DRF).

Facilities and events are read as plain rows (``values_list(*FACILITY_VALUES, named=True)``,
``EVENT_VALUES``): model instances cost about ten times more than the row itself, and an export
of 200,000 facilities must run at the speed of the database. The API pages and the exports read
the same rows and turn them into the same dicts here, so a field means one thing everywhere.

Dates are ISO 8601 strings once encoded (``DjangoJSONEncoder``); every ``url`` is an absolute
link to the HTML page, every ``api_url`` to the API resource. Status, kind and event labels come
from the models' ``TextChoices`` (``FacilityStatus`` is the one status vocabulary). Nothing here
queries the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.urls import reverse

from .models import EventType, FacilityKind, FacilityStatus
from .status import Status

STATUS_LABELS: dict[str, str] = dict(FacilityStatus.choices)
KIND_LABELS: dict[str, str] = dict(FacilityKind.choices)
EVENT_LABELS: dict[str, str] = dict(EventType.choices)

# A facility as every list reads it: after ``FacilityQuerySet.on(day)`` (``span`` is the status
# span on the list's date) and ``values_list(*FACILITY_VALUES, named=True)``.
FACILITY_VALUES = (
    "pk",
    "name",
    "kind",
    "company__slug",
    "company__name",
    "location__locality",
    "location__region",
    "location__country",
    "location__latitude",
    "location__longitude",
    "span__status",
    "span__since",
    "span__pending_type",
    "span__pending_date",
    "span__event__release_id",
    "span__event__release__headline",
    "span__event__release__published",
    "span__event__release__url",
)
# The company API also names the buyer of a sold facility.
BUYER_VALUES = ("successor__company__slug", "successor__company__name")

# An event row: ``EventQuerySet.for_event_list()`` (which annotates ``event_date``), then
# ``values_list(*EVENT_VALUES, named=True)``.
EVENT_VALUES = (
    "pk",
    "type",
    "event_date",
    "announced_date",
    "effective_date",
    "employees",
    "evidence",
    "facility_id",
    "facility__name",
    "facility__kind",
    "facility__company__slug",
    "facility__company__name",
    "facility__location__locality",
    "facility__location__region",
    "facility__location__country",
    "facility__location__latitude",
    "facility__location__longitude",
    "release_id",
    "release__headline",
    "release__published",
    "release__url",
)


# ---------------------------------------------------------------------------------------------
# Labels from plain values (the model properties' rules, for rows that are not instances)


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status, status or "")


def display_name(name: str, locality: str, kind: str) -> str:
    """``Facility.display_name`` from plain values."""
    return name or f"{locality} {KIND_LABELS.get(kind, kind).lower()}"


def place_label(locality: str, region: str, country: str) -> str:
    """``Location.label`` from plain values."""
    region_part = region.split("-", 1)[-1] if region else ""
    return ", ".join(p for p in (locality, region_part, country) if p)


def pending_label(pending_type: str, pending_date) -> str:
    """``Status.pending_label`` (``"Closure announced for 2010-06-30"``); the date may be an ISO
    string (rows read without Django's converters, ``exports.stream_rows``)."""
    if isinstance(pending_date, str):
        pending_date = date.fromisoformat(pending_date)
    return Status(None, pending_type=pending_type or "", pending_date=pending_date).pending_label


# ---------------------------------------------------------------------------------------------
# Links


def url_maker(name: str, kwarg: str = "pk") -> Callable[[object], str]:
    """``value -> path`` for a one-argument URL, reversed once: ``reverse()`` per row would be
    half the cost of a large export."""
    sentinel = "987654321"
    prefix, suffix = reverse(name, kwargs={kwarg: sentinel}).split(sentinel, 1)
    return lambda value: f"{prefix}{value}{suffix}"


class Links:
    """Absolute links to our pages and API resources, for many rows (``root``: ``https://host``;
    ``""`` for paths)."""

    def __init__(self, root: str):
        self.root = root
        self._facility = url_maker("companies:facility_detail")
        self._release = url_maker("companies:release_detail")
        self._company = url_maker("companies:company_detail", "slug")
        self._company_api = url_maker("companies:api_company_detail", "slug")

    def facility(self, pk) -> str:
        return self.root + self._facility(pk)

    def release(self, pk) -> str:
        return self.root + self._release(pk) if pk else ""

    def company(self, slug: str) -> str:
        return self.root + self._company(slug)

    def company_api(self, slug: str) -> str:
        return self.root + self._company_api(slug)


def site_root(request) -> str:
    """``https://host`` for absolute links (paths from ``reverse`` carry any script prefix)."""
    return f"{request.scheme}://{request.get_host()}"


# ---------------------------------------------------------------------------------------------
# Companies (model instances: a page of them at most)


def company_summary(company, root: str) -> dict:
    return {
        "slug": company.slug,
        "name": company.name,
        "url": root + company.get_absolute_url(),
        "api_url": root + reverse("companies:api_company_detail", kwargs={"slug": company.slug}),
    }


def company_dict(company, root: str) -> dict:
    """A company for ``/api/companies/``: load ``parent`` and ``headquarters`` with it, and
    counts with ``CompanyQuerySet.with_status_counts`` to include them."""
    data = {
        **company_summary(company, root),
        "legal_name": company.legal_name,
        "aliases": company.alias_list,
        "ticker": company.ticker,
        "exchange": company.exchange,
        "industry": company.industry,
        "website": company.website,
        "parent": company_summary(company.parent, root) if company.parent_id else None,
        "headquarters": location_dict(company.headquarters) if company.headquarters_id else None,
    }
    if hasattr(company, "facility_count"):
        data["facility_count"] = company.facility_count
        data["status_counts"] = {
            status: getattr(company, f"{status}_count")
            for status in ("open", "idled", "closed", "sold", "planned")
        }
    return data


def location_dict(location) -> dict:
    return _location(
        location.locality, location.region, location.country, location.latitude, location.longitude
    )


def _location(locality, region, country, latitude, longitude) -> dict:
    return {
        "locality": locality,
        "region": region,
        "country": country,
        "latitude": latitude,
        "longitude": longitude,
    }


def _company(slug: str, name: str, links: Links) -> dict:
    return {"slug": slug, "name": name, "url": links.company(slug), "api_url": links.company_api(slug)}


def _release(pk, headline, published, url, links: Links) -> dict | None:
    if pk is None:
        return None
    return {
        "id": pk,
        "headline": headline,
        "published": published,
        "url": links.release(pk),
        "source_url": url,
    }


# ---------------------------------------------------------------------------------------------
# Facilities and events (rows)


def facility_dict(row, links: Links, *, company: bool = True) -> dict:
    """A facility with its status on the list's date: the API's and the JSON/GeoJSON exports'
    shape. ``row`` is a ``FACILITY_VALUES`` row (with ``BUYER_VALUES`` for ``buyer``)."""
    data = {
        "id": row.pk,
        "name": display_name(row.name, row.location__locality, row.kind),
        "kind": row.kind,
        "url": links.facility(row.pk),
    }
    if company:
        data["company"] = _company(row.company__slug, row.company__name, links)
    data["location"] = _location(
        row.location__locality,
        row.location__region,
        row.location__country,
        row.location__latitude,
        row.location__longitude,
    )
    data["status"] = row.span__status
    data["status_label"] = status_label(row.span__status)
    data["status_since"] = row.span__since
    data["pending"] = (
        {
            "type": row.span__pending_type,
            "date": row.span__pending_date,
            "label": pending_label(row.span__pending_type, row.span__pending_date),
        }
        if row.span__pending_type
        else None
    )
    data["source_release"] = _release(
        row.span__event__release_id,
        row.span__event__release__headline,
        row.span__event__release__published,
        row.span__event__release__url,
        links,
    )
    buyer = getattr(row, "successor__company__slug", None)
    if buyer and row.span__status == FacilityStatus.SOLD:
        data["buyer"] = _company(buyer, row.successor__company__name, links)
    return data


def event_dict(row, links: Links) -> dict:
    """An accepted event: the API's and the JSON/GeoJSON exports' shape (an ``EVENT_VALUES`` row)."""
    facility_url = links.facility(row.facility_id)
    return {
        "id": row.pk,
        "type": row.type,
        "type_label": EVENT_LABELS.get(row.type, row.type),
        "date": row.event_date,
        "announced_date": row.announced_date,
        "effective_date": row.effective_date,
        "employees": row.employees,
        "evidence": row.evidence,
        "url": f"{facility_url}#event-{row.pk}",
        "facility": {
            "id": row.facility_id,
            "name": display_name(row.facility__name, row.facility__location__locality, row.facility__kind),
            "kind": row.facility__kind,
            "url": facility_url,
        },
        "company": _company(row.facility__company__slug, row.facility__company__name, links),
        "location": _location(
            row.facility__location__locality,
            row.facility__location__region,
            row.facility__location__country,
            row.facility__location__latitude,
            row.facility__location__longitude,
        ),
        "release": _release(
            row.release_id, row.release__headline, row.release__published, row.release__url, links
        ),
    }


# ---------------------------------------------------------------------------------------------
# CSV: the same rows, flat, with readable column names

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


def facility_csv_row(row, links: Links) -> tuple:
    """A ``FACILITY_VALUES`` row as ``FACILITY_COLUMNS`` (``exports.facilities_copy_sql`` writes
    the same columns in SQL; a test holds the two to one output)."""
    return (
        row.company__name,
        display_name(row.name, row.location__locality, row.kind),
        KIND_LABELS.get(row.kind, row.kind),
        row.location__locality,
        row.location__region,
        row.location__country,
        row.location__latitude,
        row.location__longitude,
        status_label(row.span__status),
        row.span__since,
        EVENT_LABELS.get(row.span__pending_type, ""),
        row.span__pending_date,
        links.release(row.span__event__release_id),
        row.span__event__release__url or "",
        links.facility(row.pk),
    )


def event_csv_row(row, links: Links) -> tuple:
    """An ``EVENT_VALUES`` row as ``EVENT_COLUMNS``."""
    return (
        row.event_date,
        EVENT_LABELS.get(row.type, row.type),
        row.announced_date,
        row.effective_date,
        row.facility__company__name,
        display_name(row.facility__name, row.facility__location__locality, row.facility__kind),
        KIND_LABELS.get(row.facility__kind, row.facility__kind),
        row.facility__location__locality,
        row.facility__location__region,
        row.facility__location__country,
        row.facility__location__latitude,
        row.facility__location__longitude,
        row.employees,
        row.evidence,
        row.release__headline or "",
        links.release(row.release_id),
        row.release__url or "",
        links.facility(row.facility_id),
    )
