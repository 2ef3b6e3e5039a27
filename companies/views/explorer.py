"""The facility explorer: ``/facilities/`` with filters, facets, sorting, ``as_of`` and exports.

Every state lives in the query string (a GET form), so any view can be bookmarked, shared and
downloaded (``?format=csv|json|geojson`` keeps the filters).
"""

from __future__ import annotations

from django.shortcuts import render

from .. import cached
from ..exports import FORMATS, facilities_export
from ..filters import STATUS_CHOICES, FacilitySelection
from ..maps import explorer_map
from ..models import Company, EventType, FacilityKind
from ..presenters import parse_as_of, place_options, sort_toggle
from ..querysets import COMPANY_OPTIONS_MAX

PER_PAGE = 50

# The table's columns: (ordering key or None when not sortable, label).
COLUMNS = (
    ("facility", "Facility"),
    ("company", "Company"),
    (None, "Kind"),
    ("locality", "Locality"),
    ("region", "Region"),
    ("country", "Country"),
    ("status", "Status"),
    ("since", "Since"),
    (None, "Source"),
)


def table_columns(params, current: list[str]) -> list[dict]:
    """Each column's header: for sortable ones its ``aria-sort`` and the URL that sorts by it
    (ascending first, then toggling), keeping the other parameters and returning to page 1."""
    first = current[0] if current else ""
    columns = []
    for key, label in COLUMNS:
        if key is None:
            columns.append({"label": label, "sortable": False})
            continue
        aria, next_value = sort_toggle(key, first)
        query = params.copy()
        query.pop("page", None)
        query.pop("format", None)
        query["ordering"] = next_value
        columns.append({"label": label, "sortable": True, "aria_sort": aria, "url": "?" + query.urlencode()})
    return columns


def facility_list(request):
    as_of, as_of_error = parse_as_of(request.GET.get("as_of"))
    selection = FacilitySelection(request.GET, as_of=as_of)
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return facilities_export(request, selection, fmt)

    page = selection.page(request.GET.get("page"), PER_PAGE)
    params = selection.params
    countries, region_groups = place_options(cached.place_options())
    context = {
        "page": page,
        "rows": page.object_list,
        "facets": selection.facets(),
        "as_of": as_of,
        "as_of_error": as_of_error,
        "filter_errors": selection.errors,
        "params": params,
        "selected": {
            "status": params.getlist("status"),
            "country": params.getlist("country"),
        },
        "status_choices": STATUS_CHOICES,
        "kind_choices": FacilityKind.choices,
        "event_type_choices": EventType.choices,
        # A drop-down only while it stays short; past that the field takes a company's slug.
        "company_options": list(Company.objects.options()[: COMPANY_OPTIONS_MAX + 1]),
        "company_options_max": COMPANY_OPTIONS_MAX,
        "country_options": countries,
        "region_groups": region_groups,
        "columns": table_columns(params, selection.ordering),
        "is_filtered": any(k not in ("page", "ordering") for k in request.GET),
        "facility_map": explorer_map(params),
    }
    return render(request, "companies/facility_list.html", context)
