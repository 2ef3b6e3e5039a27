"""The maps' points as GeoJSON (``companies.maps``): a company's facilities and the explorer's
current filter, fetched by ``static/js/map.js`` so pages never inline thousands of points."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.gzip import gzip_page

from .. import maps
from ..filters import FacilitySelection
from ..models import Company
from ..presenters import parse_as_of


# Compressed as they stream: 20,000 points are ~5 MB of GeoJSON and ~0.5 MB gzipped. (No
# secret is in them, so compression cannot leak one the way it can on a page with a CSRF token.)
@gzip_page
def company_points(request, slug):
    """``/companies/<slug>/map.geojson?as_of=``: its own facilities on the page's date (an
    invalid date means today, as on the page)."""
    company = get_object_or_404(Company.objects.only("pk", "slug"), slug=slug)
    as_of, _error = parse_as_of(request.GET.get("as_of"))
    return maps.geojson_response(maps.company_points(company, as_of))


@gzip_page
def facility_points(request):
    """``/facilities/map.geojson?<the explorer's filters>``."""
    as_of, _error = parse_as_of(request.GET.get("as_of"))
    selection = FacilitySelection(request.GET, as_of=as_of)
    if selection.errors:
        errors = {name: [str(m) for m in messages] for name, messages in selection.errors.items()}
        return JsonResponse({"error": "Invalid filter parameters.", "details": errors}, status=400)
    return maps.geojson_response(maps.selection_points(selection))
