"""Plain-dict serialisers for the read-only JSON API (no DRF).

Dates are ISO 8601 strings (``JsonResponse`` uses ``DjangoJSONEncoder``); every ``url`` is an
absolute link to the HTML page, every ``api_url`` to the API resource. Nothing here queries the
database: callers pass records their queryset method loaded.
"""

from __future__ import annotations

from django.urls import reverse

from .presenters import FacilityRow


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
    return {
        "locality": location.locality,
        "region": location.region,
        "country": location.country,
        "latitude": location.latitude,
        "longitude": location.longitude,
    }


def release_dict(release, root: str) -> dict | None:
    if release is None:
        return None
    return {
        "id": release.pk,
        "headline": release.headline,
        "published": release.published,
        "url": root + release.get_absolute_url(),
        "source_url": release.url,
    }


def facility_dict(row: FacilityRow, root: str, *, company: bool = True) -> dict:
    """A facility with its status (today's or as of a date, per ``row.status``)."""
    facility, status = row.facility, row.status
    data = {
        "id": facility.pk,
        "name": facility.display_name,
        "kind": facility.kind,
        "url": root + facility.get_absolute_url(),
    }
    if company:
        data["company"] = company_summary(facility.company, root)
    data.update(
        {
            "location": location_dict(facility.location),
            "status": status.status,
            "status_since": status.since,
            "pending": (
                {"type": status.pending_type, "date": status.pending_date, "label": status.pending_label}
                if status.pending_type
                else None
            ),
            "source_release": release_dict(row.release, root),
        }
    )
    return data


def event_dict(event, root: str) -> dict:
    facility = event.facility
    return {
        "id": event.pk,
        "type": event.type,
        "date": event.date,
        "announced_date": event.announced_date,
        "effective_date": event.effective_date,
        "employees": event.employees,
        "evidence": event.evidence,
        "url": root + event.get_absolute_url(),
        "facility": {
            "id": facility.pk,
            "name": facility.display_name,
            "kind": facility.kind,
            "url": root + facility.get_absolute_url(),
        },
        "company": company_summary(facility.company, root),
        "location": location_dict(facility.location),
        "release": release_dict(event.release, root),
    }
