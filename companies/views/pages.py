"""The analyst pages: home, companies list, company, facility and release.

Thin function views: a queryset method reads, a presenter shapes, a template displays.
"""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from .. import cached
from ..charts import company_status_chart
from ..highlight import Mark, evidence_found, highlight_text
from ..maps import company_map
from ..models import Company, Event, Facility, Release, StatusSpan
from ..paging import CountedPaginator, LookaheadPage, page_links, page_number, remember, window
from ..presenters import (
    ACTIVE,
    GROUP_ORDER,
    ROLLUP_KEYS,
    FacilityRow,
    SubsidiaryList,
    country_name,
    facility_history,
    footprint_of,
    group_pages,
    latest_claims,
    other_events,
    page_offsets,
    parse_as_of,
    region_name,
    related_facility,
    roll_up,
    sort_toggle,
    span_status,
)

LATEST_EVENTS = 20
COMPANIES_PER_PAGE = 50
FACILITIES_PER_PAGE = 25
"""Facilities shown per status group on the company page (the rest a page away)."""
NOT_YET_SHOWN = 20
TIMELINE_PER_PAGE = 25
SUBSIDIARIES_PER_PAGE = 50
RELEASES_PER_PAGE = 20

# ?sort= values the companies list accepts, and the ordering each one means.
COMPANY_SORTS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "open": ("open_count", "name"),
    "-open": ("-open_count", "name"),
    "idled": ("idled_count", "name"),
    "-idled": ("-idled_count", "name"),
    "closed": ("closed_count", "name"),
    "-closed": ("-closed_count", "name"),
}


# Column headers of the companies list: (sort key, label, numeric). Numeric columns sort
# largest first on the first click.
COMPANY_COLUMNS = (
    ("name", "Company", False),
    ("open", "Open", True),
    ("idled", "Idled", True),
    ("closed", "Closed", True),
)


def _sort_columns(current: str) -> list[dict]:
    columns = []
    for key, label, numeric in COMPANY_COLUMNS:
        direction, next_sort = sort_toggle(key, current, descending_first=numeric)
        columns.append(
            {"key": key, "label": label, "numeric": numeric, "aria_sort": direction, "next": next_sort}
        )
    return columns


def home(request):
    # Totals and the monthly series pass over every facility and ten years of events: cached.
    context = {
        "company_count": Company.objects.count(),
        "totals": cached.status_totals(),
        "events": Event.objects.latest_accepted()[:LATEST_EVENTS],
        "events_chart": cached.events_chart(),
    }
    return render(request, "companies/home.html", context)


def company_list(request):
    query = request.GET.get("q", "").strip()
    sort = request.GET.get("sort", "name")
    if sort not in COMPANY_SORTS:
        sort = "name"
    companies = Company.objects.for_list().search(query).order_by(*COMPANY_SORTS[sort])
    page = Paginator(companies, COMPANIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "companies": page.object_list,
        "q": query,
        "sort": sort,
        "sort_columns": _sort_columns(sort),
    }
    return render(request, "companies/company_list.html", context)


def company_detail(request, slug):
    company = get_object_or_404(Company.objects.for_page(), slug=slug)
    as_of, as_of_error = parse_as_of(request.GET.get("as_of"))
    on = as_of or timezone.localdate()
    params = request.GET
    # Every count from one GROUP BY over the family's spans on the date (span_company_dates_idx,
    # index only); then a page of each status from the company's place order, not every row.
    subsidiaries = Company.objects.descendants(company, fields=("name", "slug", "parent"))
    family = [company.pk, *(c.pk for c in subsidiaries)]
    family_key = hashlib.sha256(",".join(map(str, family)).encode()).hexdigest()[:16]
    counts = remember(
        f"company-counts:{company.pk}:{on.isoformat()}:{family_key}",
        lambda: list(StatusSpan.objects.filter(company_id__in=family).footprint_counts(on)),
    )
    rollup = roll_up(company, subsidiaries, counts)
    numbers = {key: params.get(f"{key}_page") for key in GROUP_ORDER}
    paginators = group_pages(rollup.own_counts, FACILITIES_PER_PAGE)
    offsets = page_offsets(paginators, numbers)
    rows = []
    if offsets:
        order = remember(
            f"company-order:{company.pk}:{on.isoformat()}", lambda: Facility.objects.place_order(company, on)
        )
        page_ids = [
            pk
            for status, offset in offsets.items()
            for pk in order.get(status, [])[offset : offset + FACILITIES_PER_PAGE]
        ]
        rows = Facility.objects.status_page_rows(on, page_ids)
    # The first few not yet in the footprint, and whether there are more: never counted.
    not_yet = remember(
        f"company-not-yet:{company.pk}:{on.isoformat()}",
        lambda: list(Facility.objects.not_yet_in_footprint(on, company)[: NOT_YET_SHOWN + 1]),
    )
    footprint = footprint_of(
        on,
        paginators,
        numbers,
        rows,
        not_yet=not_yet[:NOT_YET_SHOWN],
        not_yet_more=len(not_yet) > NOT_YET_SHOWN,
        params=params,
    )
    claims = company.latest_claims
    known = Facility.objects.country_counts(on, ACTIVE, company) if claims else {}
    # Newest first a page at a time, read along the index with one row of lookahead: counting
    # a conglomerate's tens of thousands of events would cost more than the page.
    timeline_number = page_number(params.get("timeline_page"))
    timeline = remember(
        f"company-timeline:{company.pk}:{timeline_number}",
        lambda: LookaheadPage.read(
            Event.objects.company_timeline(company), timeline_number, TIMELINE_PER_PAGE
        ),
    )
    releases = Paginator(Release.objects.for_company(company), RELEASES_PER_PAGE).get_page(
        params.get("releases_page")
    )
    # A conglomerate has hundreds of subsidiaries: their rows of counts, a page at a time.
    subsidiaries_page = Paginator(rollup.companies, SUBSIDIARIES_PER_PAGE).get_page(params.get("subs_page"))
    context = {
        "company": company,
        "as_of": as_of,
        "as_of_error": as_of_error,
        "on": on,
        "footprint": footprint,
        "counts": footprint.counts,
        "rollup": rollup,
        "subsidiaries_page": subsidiaries_page,
        "subsidiaries_links": page_links(
            params,
            subsidiaries_page,
            param="subs_page",
            label="Subsidiary pages",
            fragment="subsidiaries-heading",
        ),
        "subsidiary_list": _subsidiary_list(params, subsidiaries, rollup, on),
        "claims": latest_claims(claims, known),
        "timeline": timeline,
        "timeline_links": page_links(
            params, timeline, param="timeline_page", label="Timeline pages", fragment="timeline-heading"
        ),
        "releases": releases,
        "releases_links": page_links(
            params, releases, param="releases_page", label="Release pages", fragment="releases-heading"
        ),
        "headquarters_country": country_name(company.headquarters.country) if company.headquarters else "",
        "facility_map": company_map(company, as_of),
        "status_chart": _status_chart(company),
    }
    return render(request, "companies/company_detail.html", context)


def _status_chart(company):
    """The company's chart of open, idled and closed facilities over time up to today, drawn
    from its spans (``span_company_dates_idx``, index only) and kept like its counts."""
    today = timezone.localdate()

    def draw():
        return company_status_chart(
            company, StatusSpan.objects.filter(company=company).for_chart(), today=today
        )

    return remember(f"company-chart:{company.pk}:{today.isoformat()}", draw)


def _subsidiary_list(params, subsidiaries, rollup, on) -> SubsidiaryList | None:
    """The subsidiaries' facilities of one status (``?sub_status=``, the largest group by
    default), a page at a time (``?sub_page=``)."""
    if not subsidiaries:
        return None
    counts = rollup.subsidiary_counts
    status = params.get("sub_status")
    if status not in counts:
        status = max(ROLLUP_KEYS, key=lambda key: counts[key])
    paginator = CountedPaginator(counts[status], FACILITIES_PER_PAGE)
    number = paginator.number(params.get("sub_page"))
    rows = []
    if paginator.count:
        # By company name, then place: the page's rows fall in a few subsidiaries, found from
        # their counts, so only those subsidiaries' spans are read.
        ordered = sorted(rollup.companies, key=lambda row: (row.company.name, row.company.pk))
        companies, skip = window(
            [(row.company.pk, row.counts.get(status, 0)) for row in ordered],
            paginator.offset(number),
            paginator.per_page,
        )
        facilities = Facility.objects.for_status_list(on, status, companies, skip, paginator.per_page)
        rows = [FacilityRow(f, span_status(f)) for f in facilities]
    page = paginator.page_for(number, rows)
    return SubsidiaryList.build(params, status, counts, page)


def facility_detail(request, pk):
    facility = get_object_or_404(Facility.objects.for_detail(timezone.localdate()), pk=pk)
    events = facility.all_events
    context = {
        "facility": facility,
        "status": span_status(facility),
        "history": facility_history(events),
        "other_events": other_events(events),
        "predecessor": related_facility(facility, "predecessor"),
        "successor": facility.successor,
        "country": country_name(facility.location.country),
        "region": region_name(facility.location.region),
    }
    return render(request, "companies/facility_detail.html", context)


def release_detail(request, pk):
    release = get_object_or_404(Release.objects.for_detail(), pk=pk)
    events = list(release.events.all())
    context = {
        "release": release,
        "body_html": highlight_text(release.body, [Mark(e.pk, e.evidence) for e in events]),
        "events": [(e, evidence_found(release.body, e.evidence)) for e in events],
        "claims": release.claims.all(),
    }
    return render(request, "companies/release_detail.html", context)
