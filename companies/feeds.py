"""Atom feeds of accepted events (django.contrib.syndication, ``Atom1Feed``).

* ``/events/feed/`` (``companies:event_feed``): all accepted events, or — with the events
  page's query string, e.g. ``?type=closed&country=US`` — exactly the events that page lists,
  through the same ``EventFilter`` (``companies.filters``).
* ``/companies/<slug>/feed/`` (``companies:company_feed``): one company's events (the same
  filters apply if given).

Newest ``LIMIT`` entries in the events page's order, one query (plus the company lookup).
Feed instances are shared between requests, so per-request state travels in ``FeedSource``
(returned by ``get_object``), never on ``self``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .filters import EventFilter
from .models import Company, Event, EventType

LIMIT = 50
TYPE_LABELS = dict(EventType.choices)


@dataclass
class FeedSource:
    """What one request's feed is about: its filters, and the company for a company feed."""

    request: object
    filterset: EventFilter
    company: Company | None = None
    base_url: str = ""
    events: list = field(default_factory=list)

    @property
    def query(self) -> str:
        params = self.filterset.data.copy()
        for key in ("page", "format"):
            params.pop(key, None)
        return params.urlencode()

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)


def _midnight(day: datetime.date | None) -> datetime.datetime | None:
    if day is None:
        return None
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


def describe_filters(filterset: EventFilter) -> str:
    """``Closed, Idled · US · US-CT · since 2009-01-01`` for the feed's title ("" unfiltered)."""
    if not filterset.is_bound or not filterset.is_valid():
        return ""
    data = filterset.form.cleaned_data
    parts = []
    if data.get("type"):
        parts.append(", ".join(TYPE_LABELS.get(t, t) for t in data["type"]))
    if data.get("country"):
        parts.append(", ".join(data["country"]))
    if data.get("region"):
        parts.append(data["region"])
    if data.get("company"):
        parts.append(data["company"])
    if data.get("date_after"):
        parts.append(f"from {data['date_after'].isoformat()}")
    if data.get("date_before"):
        parts.append(f"to {data['date_before'].isoformat()}")
    return " · ".join(parts)


class EventFeed(Feed):
    """All accepted events, or the events page's filtered selection."""

    feed_type = Atom1Feed
    author_name = "Footprint"

    def get_object(self, request, *args, **kwargs) -> FeedSource:
        filterset = EventFilter(request.GET, queryset=Event.objects.for_event_list())
        return FeedSource(request=request, filterset=filterset)

    def events_queryset(self, source: FeedSource):
        return source.filterset.qs

    # --- the feed ---

    def title(self, source: FeedSource) -> str:
        described = describe_filters(source.filterset)
        return f"Footprint: events ({described})" if described else "Footprint: all events"

    def subtitle(self, source: FeedSource) -> str:
        return (
            "Accepted facility events (openings, idlings, closures, sales...) with the sentence of "
            f"the release that says so; newest {LIMIT}."
        )

    def link(self, source: FeedSource) -> str:
        url = reverse("companies:event_list")
        return f"{url}?{source.query}" if source.query else url

    def feed_url(self, source: FeedSource) -> str:
        return source.request.get_full_path()

    def feed_guid(self, source: FeedSource) -> str:
        """The feed's Atom id: its own absolute URL, so each filter has its own id."""
        return source.request.build_absolute_uri()

    def items(self, source: FeedSource) -> list:
        events = list(self.events_queryset(source)[:LIMIT])
        for event in events:  # item_* methods only see the item; give each what needs the request
            event.feed_company_url = source.absolute(event.facility.company.get_absolute_url())
        return events

    # --- each entry ---

    def item_title(self, event) -> str:
        return f"{event.get_type_display()}: {event.facility.display_name} ({event.facility.company.name})"

    def item_link(self, event) -> str:
        return event.get_absolute_url()  # the facility page, at this event

    def item_description(self, event) -> str:
        # Atom1Feed writes <summary type="html">: escape the plain-text sentence once.
        place = event.facility.location.label
        text = event.evidence or event.note or "Entered by an editor."
        return escape(f"{text} ({place})")

    def item_pubdate(self, event) -> datetime.datetime:
        return _midnight(event.announced_date)

    def item_updateddate(self, event) -> datetime.datetime:
        """When the entry last changed in Footprint (reviewed, else added), never before the
        announcement."""
        changed = event.reviewed_at or event.created_at or timezone.now()
        return max(changed, _midnight(event.announced_date))

    def item_author_name(self, event) -> str:
        return event.facility.company.name

    def item_author_link(self, event) -> str:
        return event.feed_company_url

    def item_categories(self, event) -> list[str]:
        location = event.facility.location
        return [c for c in (event.type, location.country, location.region) if c]


class CompanyFeed(EventFeed):
    """One company's accepted events (the events page's filters apply too)."""

    def get_object(self, request, slug, *args, **kwargs) -> FeedSource:
        company = get_object_or_404(Company, slug=slug)
        queryset = Event.objects.for_event_list().filter(facility__company=company)
        return FeedSource(
            request=request, filterset=EventFilter(request.GET, queryset=queryset), company=company
        )

    def title(self, source: FeedSource) -> str:
        described = describe_filters(source.filterset)
        title = f"Footprint: {source.company.name}"
        return f"{title} ({described})" if described else title

    def subtitle(self, source: FeedSource) -> str:
        return f"Accepted facility events of {source.company.name}, with evidence; newest {LIMIT}."

    def link(self, source: FeedSource) -> str:
        return source.company.get_absolute_url()
