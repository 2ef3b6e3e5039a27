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
    """The company's facility at a place: an existing one with the same name (or unnamed), or a new one."""
    candidates = Facility.objects.filter(company=company, location=location)
    if name:
        named = candidates.filter(name__iexact=name).first()
        if named:
            return named, False
        unnamed = candidates.filter(name="").first()
        if unnamed:
            unnamed.name = name
            unnamed.full_clean()
            unnamed.save(update_fields=["name"])
            return unnamed, False
    else:
        existing = candidates.order_by("id").first()
        if existing:
            return existing, False
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
    sold_on: date,
    effective: date | None = None,
    review_state: str = "accepted",
) -> Facility:
    """Record a sale: the seller's facility ends "sold"; the buyer's own record starts "acquired".

    History is not rewritten: both records stay, linked through ``successor``.
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
