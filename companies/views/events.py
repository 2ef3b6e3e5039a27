"""The events page: ``/events/``, accepted events newest first, filtered and exportable.

The Atom feed of the same filtered events is ``companies:event_feed`` (``/events/feed/``,
``companies.feeds``); this page links to it with its query string.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from .. import cached
from ..exports import FORMATS, events_export
from ..filters import EventFilter
from ..models import Company, Event, EventType
from ..paging import CountedPaginator, remember, selection_key
from ..presenters import place_options
from ..querysets import COMPANY_OPTIONS_MAX

PER_PAGE = 50


def event_feed_url(params) -> str:
    """The Atom feed for these filters (``companies:event_feed``, ``/events/feed/``)."""
    url = reverse("companies:event_feed")
    query = params.copy()
    for key in ("page", "format"):
        query.pop(key, None)
    encoded = query.urlencode()
    return f"{url}?{encoded}" if encoded else url


def event_list(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.for_event_list())
    events = filterset.qs
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return events_export(request, events, fmt)

    params = filterset.data
    # COUNT(*) over every accepted event costs more than the page itself on a large database;
    # paging through a selection asks for it again on every page, so it is kept briefly
    paginator = CountedPaginator(remember(f"events-count:{selection_key(params)}", events.count), PER_PAGE)
    number = paginator.number(request.GET.get("page"))
    offset = paginator.offset(number)
    page = paginator.page_for(number, events[offset : offset + PER_PAGE])
    countries, region_groups = place_options(cached.place_options())
    context = {
        "page": page,
        "events": page.object_list,
        "filter_errors": filterset.errors,
        "params": params,
        "selected": {"type": params.getlist("type"), "country": params.getlist("country")},
        "type_choices": EventType.choices,
        # A drop-down only while it stays short; past that the field takes a company's slug.
        "company_options": list(Company.objects.options()[: COMPANY_OPTIONS_MAX + 1]),
        "company_options_max": COMPANY_OPTIONS_MAX,
        "country_options": countries,
        "region_groups": region_groups,
        "feed_url": event_feed_url(params),
        "is_filtered": any(k != "page" for k in request.GET),
    }
    return render(request, "companies/event_list.html", context)
