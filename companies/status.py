"""The one function that derives a facility's status from its events.

Every view of status — the cached ``Facility.status``, the company page, "as of" views,
exports — goes through :func:`status_at`. It is pure: it takes event-like objects
(``Event`` instances or anything with the same attributes) and a date, and touches no
database, so it can run over prefetched events without extra queries.

Rules (DESIGN.md, "Status is derived, never typed"):

* Only accepted events count; they are ordered by effective date (announced date where
  none), then by release date, then by a lifecycle rank for events of the same release.
* opened, reopened, acquired, expanded -> open; idled -> idled; closed -> closed;
  sold -> sold (it leaves the seller's footprint).
* Before its first event a facility is what that event implies: an idling, closure or sale
  implies it was open; an opening or acquisition implies it was not yet in this footprint.
* An accepted event announced by the date but effective after it does not change the status;
  it is reported as pending ("closure announced for DATE"). An opening announced for a future
  date makes the facility planned until then.

What is stored is :func:`spans`: the whole of :func:`status_at` over time, as stretches of dates
with one answer each (``companies.models.StatusSpan``), so any date's status is one SQL condition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

OPEN, IDLED, CLOSED, SOLD, PLANNED, UNKNOWN = "open", "idled", "closed", "sold", "planned", "unknown"

STATUS_AFTER = {
    "opened": OPEN,
    "reopened": OPEN,
    "acquired": OPEN,
    "expanded": OPEN,
    "idled": IDLED,
    "closed": CLOSED,
    "sold": SOLD,
}

# What the first event says the facility was before it. None: not yet in this footprint.
# Missing: nothing can be said (unknown).
IMPLIED_BEFORE = {
    "idled": OPEN,
    "closed": OPEN,
    "sold": OPEN,
    "opened": None,
    "acquired": None,
}

# Within one release on one date, the order a lifecycle runs in ("closed and sold").
LIFECYCLE_RANK = {
    "opened": 0,
    "acquired": 0,
    "reopened": 1,
    "expanded": 2,
    "idled": 3,
    "closed": 4,
    "sold": 5,
}


class EventLike(Protocol):
    pk: Any
    type: str
    announced_date: date
    effective_date: date | None
    review_state: str
    release_published: date | None


@dataclass(frozen=True)
class Status:
    """A facility's status on a date, and why."""

    status: str | None
    """One of open, idled, closed, sold, planned, unknown; None: not in this footprint then."""
    since: date | None = None
    event: Any = None
    """The event that set the status (None when implied or unknown)."""
    pending_type: str = ""
    pending_date: date | None = None

    @property
    def in_footprint(self) -> bool:
        return self.status is not None

    @property
    def pending_label(self) -> str:
        """E.g. "Closure announced for 2010-06-30"."""
        if not self.pending_type:
            return ""
        noun = {
            "closed": "Closure",
            "idled": "Idling",
            "opened": "Opening",
            "reopened": "Reopening",
            "sold": "Sale",
            "acquired": "Acquisition",
            "expanded": "Expansion",
        }[self.pending_type]
        return f"{noun} announced for {self.pending_date.isoformat()}"


def event_date(event: EventLike) -> date:
    return event.effective_date or event.announced_date


def sort_key(event: EventLike) -> tuple:
    return (
        event_date(event),
        event.release_published or event.announced_date,
        LIFECYCLE_RANK.get(event.type, 9),
        event.pk or 0,
    )


def accepted_in_order(events: Iterable[EventLike]) -> list[EventLike]:
    return sorted((e for e in events if getattr(e, "review_state", "accepted") == "accepted"), key=sort_key)


def status_at(events: Iterable[EventLike], on: date) -> Status:
    """The status on ``on`` implied by ``events`` (any review state; only accepted count)."""
    ordered = accepted_in_order(events)
    if not ordered:
        return Status(UNKNOWN)

    happened = [e for e in ordered if event_date(e) <= on]
    upcoming = [e for e in ordered if event_date(e) > on and e.announced_date <= on]
    pending = upcoming[0] if upcoming else None
    pending_type = pending.type if pending else ""
    pending_date = event_date(pending) if pending else None

    if not happened:
        first = ordered[0]
        before = IMPLIED_BEFORE.get(first.type, UNKNOWN)
        if before is None and pending is not None and pending.type == "opened":
            before = PLANNED
        return Status(before, pending_type=pending_type, pending_date=pending_date)

    status: str | None = None
    since: date | None = None
    setter = None
    for event in happened:
        after = STATUS_AFTER[event.type]
        if after != status:
            status, since, setter = after, event_date(event), event
    return Status(status, since, setter, pending_type, pending_date)


BEGINNING = date.min
"""``valid_from`` of a span that holds from before any event: what the first event implies."""


@dataclass(frozen=True)
class Span:
    """The dates ``valid_from`` (inclusive) to ``valid_to`` (exclusive; None: from then on) over
    which :func:`status_at` gives the same answer, ``status``."""

    valid_from: date
    valid_to: date | None
    status: Status


def spans(events: Iterable[EventLike]) -> list[Span]:
    """The whole history of :func:`status_at` over ``events``, as consecutive spans.

    ``status_at`` can only change on a date an accepted event takes effect or is announced, so it
    is asked once at the beginning and once on each of those dates, and equal answers in a row
    are merged: each span is exactly ``status_at`` on every date in it (status, since, the event
    that set it and the pending announcement). Stretches when the facility is not in this
    footprint (``status`` None: before an opening or acquisition) are left out, and a facility
    without accepted events has no spans.
    """
    ordered = accepted_in_order(events)
    if not ordered:
        return []
    change_dates = sorted({day for e in ordered for day in (event_date(e), e.announced_date)})
    result: list[Span] = []
    start, current = BEGINNING, status_at(ordered, BEGINNING)
    for day in change_dates:
        answer = status_at(ordered, day)
        if answer == current:
            continue
        if current.status is not None:
            result.append(Span(start, day, current))
        start, current = day, answer
    if current.status is not None:
        result.append(Span(start, None, current))
    return result


def history(events: Iterable[EventLike]) -> list[tuple[EventLike, str | None, str]]:
    """Each accepted event in order with the status before and after it."""
    ordered = accepted_in_order(events)
    rows = []
    if not ordered:
        return rows
    first = ordered[0]
    current = IMPLIED_BEFORE.get(first.type, UNKNOWN)
    for event in ordered:
        after = STATUS_AFTER[event.type]
        rows.append((event, current, after))
        current = after
    return rows
