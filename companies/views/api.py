"""The read-only JSON API under ``/api/`` (documented in docs/api.md).

GET only. Lists are paginated (``?page=``, ``?page_size=`` up to 500) as
``{"count", "next", "previous", "results"}``; filters are the HTML pages' FilterSets; bad
parameters are a 400 with ``{"error": ..., "details": ...}``.
"""

from __future__ import annotations

from collections import Counter
from functools import wraps

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.utils import timezone

from ..filters import EventFilter, FacilitySelection
from ..models import Company, Event, Facility
from ..presenters import parse_as_of
from ..serializers import (
    BUYER_VALUES,
    EVENT_VALUES,
    FACILITY_VALUES,
    Links,
    company_dict,
    company_summary,
    event_dict,
    facility_dict,
    site_root,
)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class ApiError(Exception):
    def __init__(self, message: str, *, status: int = 400, details=None):
        super().__init__(message)
        self.message, self.status, self.details = message, status, details


def api_view(view):
    """``ApiError`` becomes a JSON error response. (Only GET and HEAD reach a view:
    ``companies.middleware.ReadOnlyMiddleware`` answers every other method with 405.)"""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            body = {"error": error.message}
            if error.details is not None:
                body["details"] = error.details
            return JsonResponse(body, status=error.status)

    return wrapper


def _positive_int(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(f"{name} must be a whole number, not “{raw}”.") from None
    if value < 1 or (maximum is not None and value > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise ApiError(f"{name} must be at least 1{limit}.")
    return value


def _as_of(request):
    as_of, error = parse_as_of(request.GET.get("as_of"))
    if error:
        raise ApiError(
            "as_of must be a date in the form YYYY-MM-DD.", details={"as_of": request.GET["as_of"]}
        )
    return as_of


def _errors(errors) -> dict[str, list[str]]:
    """Form errors as ``{"field": ["message", ...]}``."""
    return {name: [str(message) for message in messages] for name, messages in errors.items()}


def _page_url(request, number: int | None) -> str | None:
    if number is None:
        return None
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(request.path + "?" + query.urlencode())


def _envelope(request, page, results: list, **extra) -> dict:
    return {
        "count": page.paginator.count,
        "next": _page_url(request, page.next_page_number() if page.has_next() else None),
        "previous": _page_url(request, page.previous_page_number() if page.has_previous() else None),
        **extra,
        "results": results,
    }


def _paginate(request, paginate):
    """``paginate(number, size)`` -> Page, with the API's parameter checks and errors."""
    number = _positive_int(request, "page", 1)
    size = _positive_int(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    try:
        return paginate(number, size)
    except EmptyPage:
        raise ApiError(f"Page {number} is past the last page.", status=404) from None


@api_view
def company_list(request):
    """Companies, searched by name, legal name, alias or ticker (``?q=``), with status counts."""
    companies = (
        Company.objects.for_list()
        .select_related("parent")
        .search(request.GET.get("q", ""))
        .order_by("name", "pk")
    )
    page = _paginate(request, lambda n, size: Paginator(companies, size).page(n))
    root = site_root(request)
    return JsonResponse(_envelope(request, page, [company_dict(c, root) for c in page.object_list]))


@api_view
def company_detail(request, slug):
    """A company with its facilities and their statuses today or ``?as_of=``.

    Statuses are the facilities' status spans on the date, as on the company page; facilities
    not in the footprint on the date are left out.
    """
    as_of = _as_of(request)
    company = Company.objects.for_detail().filter(slug=slug).first()
    if company is None:
        raise ApiError(f"No company with slug “{slug}”.", status=404)
    on = as_of or timezone.localdate()
    # The same rows and shape as /api/facilities/ and the exports, plus the buyer of a sold one.
    rows = list(
        Facility.objects.filter(company=company)
        .on(on)
        .in_footprint()
        .order_by("location__country", "location__region", "location__locality", "name", "pk")
        .values_list(*FACILITY_VALUES, *BUYER_VALUES, named=True)
    )
    subsidiaries = Company.objects.filter(parent=company).order_by("name", "pk")
    root = site_root(request)
    links = Links(root)
    data = company_dict(company, root)
    data.update(
        {
            "as_of": as_of,
            "subsidiaries": [company_summary(c, root) for c in subsidiaries],
            "status_counts": dict(Counter(row.span__status for row in rows)),
            "facilities": [facility_dict(row, links, company=False) for row in rows],
        }
    )
    return JsonResponse(data)


@api_view
def facility_list(request):
    """Facilities with the explorer's filters (``FacilityFilter``) and ``?as_of=``."""
    as_of = _as_of(request)
    selection = FacilitySelection(request.GET, as_of=as_of)
    if selection.errors:
        raise ApiError("Invalid filter parameters.", details=_errors(selection.errors))
    rows = selection.queryset().values_list(*FACILITY_VALUES, named=True)
    page = _paginate(request, lambda n, size: Paginator(rows, size).page(n))
    links = Links(site_root(request))
    return JsonResponse(
        _envelope(request, page, [facility_dict(r, links) for r in page.object_list], as_of=as_of)
    )


@api_view
def event_list(request):
    """Accepted events, newest first, with the events page's filters (``EventFilter``)."""
    filterset = EventFilter(request.GET, queryset=Event.objects.for_event_list())
    if filterset.errors:
        raise ApiError("Invalid filter parameters.", details=_errors(filterset.errors))
    rows = filterset.qs.values_list(*EVENT_VALUES, named=True)
    page = _paginate(request, lambda n, size: Paginator(rows, size).page(n))
    links = Links(site_root(request))
    return JsonResponse(_envelope(request, page, [event_dict(e, links) for e in page.object_list]))
