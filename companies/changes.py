"""What changed between two dates: the changes pages (``/changes/``, ``/companies/<slug>/changes/``).

A year of a large database holds tens of thousands of events, so nothing here loads them all:
the summary is ``GROUP BY`` counts, and the period's events, the events announced for later and
the facilities whose status changed are three lists read a page at a time through their
queryset methods (``EventQuerySet.in_period`` and ``in_status_order``,
``FacilityQuerySet.status_changed``). Statuses before and after each shown event come from
``companies.status.history`` over the accepted events of the page's facilities only, and the
status at either end of the period from the spans that function wrote — never a second
implementation.

The period is inclusive: an event dated ``start`` is one of its changes, so a facility's status
"at the start" is its status on the day before ``start`` and "at the end" its status on ``end``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.http import QueryDict

from .models import EventType
from .paging import CountedPaginator, LookaheadPage, PageLinks, page_links, page_number, remember
from .params import parse_day
from .presenters import GROUP_TITLES
from .status import UNKNOWN, Status, event_date, history

DEFAULT_DAYS = 90
"""Without ``from``, the period starts this many days before ``to``."""

TYPE_ORDER = ("opened", "idled", "reopened", "closed", "sold", "acquired", "expanded")
TYPE_LABELS = dict(EventType.choices)
NOT_IN_FOOTPRINT = "Not in footprint"


def status_label(status: str | None) -> str:
    """``idled`` -> ``Idled``; None (not in this company's footprint then) -> "Not in footprint";
    ``unknown`` (what the events cannot tell) -> "Unknown"."""
    if status is None:
        return NOT_IN_FOOTPRINT
    if status == UNKNOWN:
        return GROUP_TITLES[UNKNOWN]  # e.g. before a first "expanded": the events do not say
    return GROUP_TITLES.get(status, status)


# ---------------------------------------------------------------------------------------------
# The period


@dataclass(frozen=True)
class Period:
    """The inclusive period ``[start, end]`` a changes page covers, and what was wrong with the
    query string (each message says what was used instead)."""

    start: date
    end: date
    errors: tuple[str, ...] = ()

    @property
    def before_start(self) -> date:
        return self.start - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def events_query(self, company=None) -> str:
        """The events page's query string for this period (and ``company``, if any)."""
        query = {"date_after": self.start.isoformat(), "date_before": self.end.isoformat()}
        if company is not None:
            query["company"] = company.slug
        return urlencode(query)


def _parse(value: str, name: str) -> tuple[date | None, str]:
    return parse_day(value, name)


def parse_period(params: Mapping, *, today: date) -> Period:
    """``?from=YYYY-MM-DD&to=YYYY-MM-DD``; ``to`` defaults to today, ``from`` to ``DEFAULT_DAYS``
    days before ``to``. An invalid date falls back to its default and a reversed period is
    swapped, each with a message."""
    errors = []
    end, error = _parse(params.get("to", ""), "to")
    if error:
        errors.append(f"{error}; using today.")
    end = end or today
    start, error = _parse(params.get("from", ""), "from")
    if error:
        errors.append(f"{error}; using {DEFAULT_DAYS} days before “to”.")
    start = start or end - timedelta(days=DEFAULT_DAYS)
    if start > end:
        errors.append(
            f"“from” ({start.isoformat()}) is after “to” ({end.isoformat()}); the dates were swapped."
        )
        start, end = end, start
    return Period(start, end, tuple(errors))


# ---------------------------------------------------------------------------------------------
# The changes


@dataclass(frozen=True)
class EventChange:
    """One accepted event of the period with the facility's status before and after it."""

    event: object
    facility: object
    before: str | None
    after: str

    @property
    def date(self) -> date:
        return event_date(self.event)

    @property
    def before_label(self) -> str:
        return status_label(self.before)

    @property
    def after_label(self) -> str:
        return status_label(self.after)

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class FacilityChange:
    """A facility whose status at the end of the period differs from its status at the start."""

    facility: object
    start: Status
    end: Status

    @property
    def start_label(self) -> str:
        return status_label(self.start.status)

    @property
    def end_label(self) -> str:
        return status_label(self.end.status)


@dataclass(frozen=True)
class TypeCount:
    type: str
    label: str
    count: int


@dataclass
class Changes:
    """The changes page: counts for the whole period, and a page of each list."""

    period: Period
    counts: dict[str, int]
    """Events of the period per type."""
    company_count: int | None
    """Companies with an event in the period (None on a company's own page)."""
    events: Page
    """A page of the period's accepted events (``EventChange``), oldest first (the order
    ``status_at`` applies them)."""
    announced: Page
    """A page of the events announced in the period that take effect after it."""
    facilities: LookaheadPage
    """A page of the facilities whose status at the end differs from the start (not counted)."""
    links: dict[str, PageLinks] = field(default_factory=dict)

    @property
    def event_count(self) -> int:
        return sum(self.counts.values())

    @property
    def type_counts(self) -> list[TypeCount]:
        """Events of the period per type, in lifecycle order (types with none left out)."""
        order = list(TYPE_ORDER) + sorted(set(self.counts) - set(TYPE_ORDER))
        return [TypeCount(t, TYPE_LABELS.get(t, t), self.counts[t]) for t in order if self.counts.get(t)]

    @property
    def sections(self) -> list[dict]:
        """The page's event tables: the period's events, then those announced for later."""
        return [
            {
                "key": "events",
                "title": "Events, oldest first",
                "page": self.events,
                "links": self.links.get("events"),
            },
            {
                "key": "announced",
                "title": "Announced in the period, effective later",
                "page": self.announced,
                "links": self.links.get("announced"),
            },
        ]


def _span_status(facility, name: str) -> Status:
    span = getattr(facility, name, None)
    return span.as_status() if span is not None else Status(None)


def statuses_around(events: Iterable) -> dict:
    """``{event pk: (status before, status after)}`` from ``companies.status.history`` over
    each facility's accepted events (``EventQuerySet.for_history``)."""
    by_facility: dict[int, list] = {}
    for event in events:
        by_facility.setdefault(event.facility_id, []).append(event)
    result = {}
    for facility_events in by_facility.values():
        for event, before, after in history(facility_events):
            result[event.pk] = (before, after)
    return result


def event_changes(events: Iterable, around: Mapping) -> list[EventChange]:
    """The page's events, each with its facility's status before and after it."""
    rows = []
    for event in events:
        before, after = around.get(event.pk, (None, None))
        rows.append(EventChange(event, event.facility, before, after))
    return rows


EVENTS_PER_PAGE = 50
FACILITIES_PER_PAGE = 50


def changes_between(period: Period, params: QueryDict, *, company=None) -> Changes:
    """What changed in ``period`` (for ``company``, or everywhere): the period's counts, and
    the page of each list that ``params`` asks for (``?page=``, ``?announced_page=``,
    ``?changed_page=``). A fixed number of queries, whatever the period holds."""
    from .models import Event, Facility

    events = Event.objects.accepted()
    facilities = Facility.objects.all()
    if company is not None:
        events = events.filter(facility__company=company)
        facilities = facilities.filter(company=company)
    in_period = events.in_period(period.start, period.end)

    def summary() -> tuple[dict, int | None]:
        n = (
            None
            if company is not None
            else in_period.aggregate(n=Count("facility__company_id", distinct=True))["n"]
        )
        return in_period.type_counts(), n

    # the period's counts are a pass over its events: kept briefly, as every page of the three
    # lists asks for them again, and forgotten with any status change
    scope = company.pk if company is not None else "all"
    counts, company_count = remember(f"changes-summary:{scope}:{period.start}:{period.end}", summary)

    paginator = CountedPaginator(sum(counts.values()), EVENTS_PER_PAGE)
    number = paginator.number(params.get("page"))
    start = paginator.offset(number)
    shown = in_period.slice_in_status_order(start, EVENTS_PER_PAGE)
    announced = Paginator(
        events.announced_for_later(period.start, period.end).in_status_order(), EVENTS_PER_PAGE
    ).get_page(params.get("announced_page"))
    # Counting every changed facility means joining both spans of every facility with an
    # event in the period; a page with one row of lookahead reads only what it shows.
    changed = LookaheadPage.read(
        facilities.status_changed(period.start, period.end),
        page_number(params.get("changed_page")),
        FACILITIES_PER_PAGE,
    )

    facility_ids = {e.facility_id for e in shown} | {e.facility_id for e in announced.object_list}
    around = statuses_around(Event.objects.for_history(facility_ids)) if facility_ids else {}
    announced.object_list = event_changes(announced.object_list, around)
    changed = replace(
        changed,
        rows=[
            FacilityChange(f, _span_status(f, "span_start"), _span_status(f, "span_end"))
            for f in changed.rows
        ],
    )
    result = Changes(
        period=period,
        counts=counts,
        company_count=company_count,
        events=paginator.page_for(number, event_changes(shown, around)),
        announced=announced,
        facilities=changed,
    )
    result.links = {
        "events": page_links(params, result.events, label="Event pages", fragment="events-heading"),
        "announced": page_links(
            params,
            announced,
            param="announced_page",
            label="Announced event pages",
            fragment="announced-heading",
        ),
        "facilities": page_links(
            params, changed, param="changed_page", label="Changed facility pages", fragment="changed-heading"
        ),
    }
    return result
