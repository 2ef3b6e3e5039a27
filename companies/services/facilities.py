"""Writes for facilities, including the one place their status is written: the status spans."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery

from .. import cached
from ..models import Event, Facility, FacilityKind, StatusSpan
from ..status import spans

REFRESH_BATCH = 2000
"""Facilities whose spans ``facilities_refresh`` rewrites per round of queries."""


@transaction.atomic
def facilities_refresh(
    *, facility_ids: Iterable[int | None], batch_size: int = REFRESH_BATCH, forget: bool = True
) -> int:
    """Rewrite the status spans of ``facility_ids`` from their accepted events.

    The one writer of ``StatusSpan``: ``companies.status.spans`` (``status_at`` over the whole
    history) is stored as it is, replacing the facility's previous spans. Called whenever a
    facility's accepted events change, in the same transaction, however they change
    (``Event.save``/``delete``, the ``EventQuerySet`` bulk ``update``/``delete``, a release's
    date or deletion, the admin). Each batch locks its facilities' rows first (``SELECT ... FOR
    UPDATE`` where the database has it), so two editors changing one facility's events at once
    write its spans one after the other, each from every committed event. Each span carries the
    facility's company as it is then (``facilities_follow_company`` moves them with the facility).
    Four queries per batch; returns how many facilities exist of those asked for. ``forget``
    False keeps the cached pages and counts (``cached.forget``): for a change the caller knows
    touches no accepted event, such as a new proposal.
    """
    ids = sorted({pk for pk in facility_ids if pk is not None})
    if ids and forget:
        _forget_cached()
    count = 0
    for offset in range(0, len(ids), batch_size):
        companies = dict(
            Facility.objects.select_for_update()
            .filter(pk__in=ids[offset : offset + batch_size])
            .order_by("pk")
            .values_list("pk", "company_id")
        )
        batch = list(companies)
        if not batch:
            continue
        events: dict[int, list[Event]] = defaultdict(list)
        accepted = (
            Event.objects.accepted()
            .filter(facility_id__in=batch)
            .select_related("release")
            .only(
                "pk",
                "facility_id",
                "type",
                "announced_date",
                "effective_date",
                "review_state",
                "release_id",
                "release__published",
            )
            .order_by()
        )
        for event in accepted:
            events[event.facility_id].append(event)
        StatusSpan.objects.filter(facility_id__in=batch).delete()
        StatusSpan.objects.bulk_create(
            [
                row
                for pk in batch
                for row in span_rows(facility_id=pk, company_id=companies[pk], events=events.get(pk, []))
            ]
        )
        count += len(batch)
    return count


def span_rows(*, facility_id: int, company_id: int, events: Iterable[Event]) -> list[StatusSpan]:
    """Unsaved ``StatusSpan`` rows for ``companies.status.spans(events)``."""
    return [
        StatusSpan(
            facility_id=facility_id,
            company_id=company_id,
            valid_from=span.valid_from,
            valid_to=span.valid_to,
            status=span.status.status,
            since=span.status.since,
            event_id=span.status.event.pk if span.status.event is not None else None,
            pending_type=span.status.pending_type,
            pending_date=span.status.pending_date,
        )
        for span in spans(events)
    ]


@transaction.atomic
def facilities_follow_company(*, facility_ids: Iterable[int | None]) -> int:
    """Give the status spans of ``facility_ids`` their facility's company as it is now: called
    when a facility's company changes however it is changed (``Facility.save``, the
    ``FacilityQuerySet`` bulk ``update``/``bulk_update``). The statuses themselves do not change
    (they come from the events alone). One query; returns how many spans moved."""
    ids = sorted({pk for pk in facility_ids if pk is not None})
    if not ids:
        return 0
    owner = Facility.objects.filter(pk=OuterRef("facility_id")).values("company_id")[:1]
    moved = 0
    for offset in range(0, len(ids), REFRESH_BATCH):
        batch = ids[offset : offset + REFRESH_BATCH]
        moved += (
            StatusSpan.objects.filter(facility_id__in=batch)
            .exclude(company_id=Subquery(owner))
            .update(company_id=Subquery(owner))
        )
    if moved:
        _forget_cached()
    return moved


def _forget_cached() -> None:
    """Pages keep counts read from the spans for minutes (``companies.cached``, ``paging.remember``):
    forget them now, for the rest of this transaction, and again once it commits, so nothing
    read before the commit outlives it."""
    cached.forget()
    transaction.on_commit(cached.forget)


@transaction.atomic
def facility_get_or_create(
    *, company, location, name: str = "", kind: str = FacilityKind.PLANT, products: str = ""
) -> tuple[Facility, bool]:
    """The company's facility at a place, or a new one.

    Releases name the same site differently over the years ("its Hamilton bakery plant",
    "the Hamilton plant"), so a different name alone does not make a new facility: an exact
    name match wins, then the only facility there (or the only one of that kind).
    """
    match = _facility_match(company=company, location=location, name=name, kind=kind)
    if match is None:
        facility = Facility(company=company, location=location, name=name, kind=kind, products=products)
        try:
            facility.full_clean()
            with transaction.atomic():  # a savepoint: another process may store it first
                facility.save()
        except (IntegrityError, ValidationError):
            # ``facility_unique_per_company_place`` refused it (in full_clean or on insert): the
            # facility stored meanwhile by another process is read again; any other error stands.
            match = _facility_match(company=company, location=location, name=name, kind=kind)
            if match is None:
                raise
        else:
            return facility, True
    if name and not match.name:
        match.name = name
        match.full_clean()
        match.save(update_fields=["name"])
    return match, False


def _facility_match(*, company, location, name: str, kind: str) -> Facility | None:
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
    return match


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
    confidence: float = 1.0,
    employees: int | None = None,
) -> Facility:
    """Record a sale: the seller's facility ends "sold"; the buyer's own record starts "acquired".

    History is not rewritten: both records stay, linked through ``successor``. ``sold_on`` None
    (a release without a date) proposes both sides undated, like any event of such a release.
    ``confidence`` and ``employees`` (the extractor's) go on both sides.
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
        confidence=confidence,
        employees=employees,
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
        confidence=confidence,
        employees=employees,
    )
    facility.successor = successor
    facility.save(update_fields=["successor"])
    return successor
