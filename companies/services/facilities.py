"""Writes for facilities, including the one place the status cache is written."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from ..models import Event, Facility, FacilityKind
from ..status import UNKNOWN, status_at


@transaction.atomic
def facility_refresh_status(*, facility_id: int, today: date | None = None) -> Facility | None:
    """Recompute a facility's cached status from its accepted events.

    Called whenever an event changes, in the same transaction. Writes with ``update()`` so it
    never re-enters model ``save()`` logic.
    """
    today = today or timezone.localdate()
    events = list(Event.objects.accepted().filter(facility_id=facility_id).select_related("release"))
    result = status_at(events, today)
    fields = {
        "status": result.status or UNKNOWN,
        "status_since": result.since,
        "status_event": result.event,
        "pending_type": result.pending_type,
        "pending_date": result.pending_date,
    }
    updated = Facility.objects.filter(pk=facility_id).update(**fields)
    if not updated:
        return None
    return Facility.objects.get(pk=facility_id)


def facilities_refresh(*, facility_ids: Iterable[int], today: date | None = None) -> int:
    count = 0
    for facility_id in sorted(set(facility_ids)):
        if facility_refresh_status(facility_id=facility_id, today=today):
            count += 1
    return count


def facilities_refresh_due(*, today: date | None = None) -> int:
    """Refresh facilities whose announced change has come due; run daily (refresh_statuses)."""
    today = today or timezone.localdate()
    ids = Facility.objects.due_for_refresh(today).values_list("pk", flat=True)
    return facilities_refresh(facility_ids=list(ids), today=today)


@transaction.atomic
def facility_get_or_create(
    *, company, location, name: str = "", kind: str = FacilityKind.PLANT, products: str = ""
) -> tuple[Facility, bool]:
    """The company's facility at a place, or a new one.

    Releases name the same site differently over the years ("its Hamilton bakery plant",
    "the Hamilton plant"), so a different name alone does not make a new facility: an exact
    name match wins, then the only facility there (or the only one of that kind).
    """
    candidates = list(Facility.objects.filter(company=company, location=location).order_by("id"))
    match = None
    if name:
        match = next((f for f in candidates if f.name.lower() == name.lower()), None)
    if match is None:
        same_kind = [f for f in candidates if f.kind == kind]
        if len(candidates) == 1:
            match = candidates[0]
        elif len(same_kind) == 1:
            match = same_kind[0]
        elif not name and candidates:
            match = candidates[0]
    if match is not None:
        if name and not match.name:
            match.name = name
            match.full_clean()
            match.save(update_fields=["name"])
        return match, False
    facility = Facility(company=company, location=location, name=name, kind=kind, products=products)
    facility.full_clean()
    facility.save()
    return facility, True


@transaction.atomic
def facility_record_sale(
    *,
    facility: Facility,
    buyer,
    release=None,
    evidence: str = "",
    sold_on: date | None,
    effective: date | None = None,
    review_state: str = "accepted",
) -> Facility:
    """Record a sale: the seller's facility ends "sold"; the buyer's own record starts "acquired".

    History is not rewritten: both records stay, linked through ``successor``. ``sold_on`` None
    (a release without a date) proposes both sides undated, like any event of such a release.
    """
    from .events import event_create

    event_create(
        facility=facility,
        type="sold",
        announced_date=sold_on,
        effective_date=effective,
        release=release,
        evidence=evidence,
        review_state=review_state,
    )
    successor, _ = facility_get_or_create(
        company=buyer,
        location=facility.location,
        name=facility.name,
        kind=facility.kind,
        products=facility.products,
    )
    event_create(
        facility=successor,
        type="acquired",
        announced_date=sold_on,
        effective_date=effective,
        release=release,
        evidence=evidence,
        review_state=review_state,
    )
    facility.successor = successor
    facility.save(update_fields=["successor"])
    return successor
