"""What changed between two dates: the changes pages (``/changes/``, ``/companies/<slug>/changes/``).

Pure Python over facilities that ``FacilityQuerySet.for_changes`` loaded with their accepted
events and their status spans at either end of the period; nothing here queries the database.
Statuses before and after each event come from ``companies.status.history`` and the status at
either end of the period from the spans that function wrote — never a second implementation.

The period is inclusive: an event dated ``start`` is one of its changes, so a facility's status
"at the start" is its status on the day before ``start`` and "at the end" its status on ``end``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from .models import EventType
from .presenters import GROUP_TITLES
from .status import UNKNOWN, Status, event_date, history, sort_key

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
    value = (value or "").strip()
    if not value:
        return None, ""
    try:
        return date.fromisoformat(value), ""
    except ValueError:
        return None, f"“{value}” is not a valid “{name}” date in the form YYYY-MM-DD"


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
    period: Period
    events: list[EventChange] = field(default_factory=list)
    """The period's accepted events, oldest first (the order ``status_at`` applies them)."""
    facilities: list[FacilityChange] = field(default_factory=list)
    """Facilities whose status at the end differs from the start."""
    announced: list[EventChange] = field(default_factory=list)
    """Events announced in the period that take effect after it ("will close by ...")."""

    @property
    def type_counts(self) -> list[TypeCount]:
        """Events of the period per type, in lifecycle order (types with none left out)."""
        counts = Counter(change.event.type for change in self.events)
        order = list(TYPE_ORDER) + sorted(set(counts) - set(TYPE_ORDER))
        return [TypeCount(t, TYPE_LABELS.get(t, t), counts[t]) for t in order if counts[t]]

    @property
    def sections(self) -> list[dict]:
        """The page's event tables: the period's events, then those announced for later."""
        return [
            {"key": "events", "title": "Events, oldest first", "rows": self.events},
            {"key": "announced", "title": "Announced in the period, effective later", "rows": self.announced},
        ]

    @property
    def company_count(self) -> int:
        return len({change.facility.company_id for change in self.events})


def _span_status(facility, name: str) -> Status:
    span = getattr(facility, name, None)
    return span.as_status() if span is not None else Status(None)


def changes_between(facilities: Iterable, period: Period) -> Changes:
    """What changed in ``period`` for ``facilities``.

    Each facility must carry ``accepted_events`` and its spans on the day before the period
    and on its last day, ``span_start`` and ``span_end`` (``FacilityQuerySet.for_changes``).
    """
    result = Changes(period=period)
    for facility in facilities:
        events = facility.accepted_events
        for event, before, after in history(events):
            change = EventChange(event, facility, before, after)
            on = event_date(event)
            if period.start <= on <= period.end:
                result.events.append(change)
            elif on > period.end and period.start <= event.announced_date <= period.end:
                result.announced.append(change)
        at_start = _span_status(facility, "span_start")
        at_end = _span_status(facility, "span_end")
        if at_start.status != at_end.status:
            result.facilities.append(FacilityChange(facility, at_start, at_end))
    result.events.sort(key=lambda c: (sort_key(c.event), c.facility.pk))
    result.announced.sort(key=lambda c: (sort_key(c.event), c.facility.pk))
    result.facilities.sort(key=lambda c: (c.facility.company.name, c.facility.display_name, c.facility.pk))
    return result
