"""Writes of the release review page (``companies/admin/review.py``): what an editor does to one
release's proposals, each a small atomic service.

A sale is two events of one release (DESIGN.md: the seller's facility ends "sold", the buyer's
own record, its successor, starts "acquired"). The page shows the pair as one row, and every
service here treats it as one: accepting, rejecting, re-dating or moving one side does the same
to the other, so the two companies' histories never disagree.

A facility that only existed for events that have moved elsewhere is debris (it would show as
"No accepted events" in the admin and hold a stray pin once accepted): moving an event deletes
the facility it leaves when that has no events left.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..history import acting
from ..models import Company, Event, EventType, Facility, FacilityKind, ImportState, Release, ReviewState
from .events import event_create, event_set_review_state
from .facilities import facility_get_or_create, facility_record_sale
from .records import company_get_or_create
from .releases import release_set_published
from .review_places import PlaceChoice, evidence_for_place, kind_in_sentence, location_for_place

SALE_TYPES = (EventType.SOLD, EventType.ACQUIRED)

# Change reasons in the audit history for the two writes only this page makes (the others --
# accepted, rejected, dated, re-extracted -- are ``companies.history.Reason``'s).
EDITED = "edited on the review page"
MOVED = "moved to another place"
ADDED = "added from the text"
ISSUER_SET = "issuer set"


# --- a proposal and its sale partner ------------------------------------------------------


def sale_partner(event: Event) -> Event | None:
    """The other side of a sale recorded from the same release: the buyer's "acquired" for a
    "sold", the seller's "sold" for an "acquired"; None for any other event."""
    if event.type == EventType.SOLD and event.facility.successor_id:
        facility_id, type = event.facility.successor_id, EventType.ACQUIRED
    elif event.type == EventType.ACQUIRED:
        seller = Facility.objects.filter(successor_id=event.facility_id).values_list("pk", flat=True).first()
        if seller is None:
            return None
        facility_id, type = seller, EventType.SOLD
    else:
        return None
    return (
        Event.objects.select_related("facility__location", "release")
        .filter(release_id=event.release_id, facility_id=facility_id, type=type)
        .first()
    )


def _with_partner(event: Event) -> list[Event]:
    partner = sale_partner(event) if event.release_id else None
    return [event, partner] if partner is not None else [event]


def _refuse_undated(event: Event) -> None:
    if event.announced_date is None and (event.release is None or event.release.published is None):
        raise ValidationError(
            "This release has no publication date yet: give it at the top of the page to accept its events."
        )


@transaction.atomic
def proposal_accept(*, event: Event, user: AbstractBaseUser | None = None) -> list[Event]:
    """Accept a proposal (both sides of a sale). Refused while the release has no date."""
    events = _with_partner(event)
    for each in events:
        _refuse_undated(each)
        event_set_review_state(event=each, state=ReviewState.ACCEPTED, user=user)
    return events


@transaction.atomic
def proposal_reject(*, event: Event, user: AbstractBaseUser | None = None) -> list[Event]:
    """Reject a proposal (both sides of a sale). The event is kept, rejected, so re-extracting
    the release does not propose it again."""
    events = _with_partner(event)
    for each in events:
        event_set_review_state(event=each, state=ReviewState.REJECTED, user=user)
    return events


@dataclass
class BulkOutcome:
    changed: int = 0
    waiting_for_date: int = 0
    errors: list[str] = field(default_factory=list)


@transaction.atomic
def proposals_accept_all(*, release: Release, user: AbstractBaseUser | None = None) -> BulkOutcome:
    """Accept every proposal of the release; undated ones wait for the release's date."""
    outcome = BulkOutcome()
    for event in release.events.proposed().select_related("release").order_by("id"):
        if event.announced_date is None and release.published is None:
            outcome.waiting_for_date += 1
            continue
        try:
            with transaction.atomic():
                event_set_review_state(event=event, state=ReviewState.ACCEPTED, user=user)
        except ValidationError as error:
            outcome.errors.append(f"{event}: {' '.join(error.messages)}")
        else:
            outcome.changed += 1
    return outcome


@transaction.atomic
def proposals_reject_rest(*, release: Release, user: AbstractBaseUser | None = None) -> int:
    """Reject every proposal of the release still waiting for a decision."""
    count = 0
    for event in release.events.proposed().order_by("id"):
        event_set_review_state(event=event, state=ReviewState.REJECTED, user=user)
        count += 1
    return count


# --- editing a row ----------------------------------------------------------------------------


@transaction.atomic
def proposal_edit(
    *,
    event: Event,
    type: str,
    announced_date: date | None,
    effective_date: date | None,
    employees: int | None,
    place: PlaceChoice | None = None,
    accept: bool = False,
    user: AbstractBaseUser | None = None,
) -> Event:
    """Correct a row: its type, dates and head count (both sides of a sale), its place (one
    step: see ``event_move``), and accept it at once when ``accept``."""
    if type not in EventType.values:
        raise ValidationError(f"Unknown event type {type!r}.")
    partner = sale_partner(event) if event.release_id else None
    if partner is not None and type != event.type:
        raise ValidationError(
            "This row is a sale recorded for both companies: reject it and add the right event instead."
        )
    with acting(user=user, reason=EDITED):
        for each in [event, partner] if partner is not None else [event]:
            each.announced_date = announced_date
            each.effective_date = effective_date
            each.employees = employees
            if each is event:
                each.type = type
            each.full_clean()
            each.save()
    if place is not None and location_for_place(place=place, create=False) != event.facility.location:
        event_move(event=event, place=place, user=user)
        event.refresh_from_db()
    if accept:
        proposal_accept(event=event, user=user)
        event.refresh_from_db()
    return event


def _moved_name(facility: Facility, old_locality: str, new_locality: str) -> str:
    """The facility's name at its new place: a name made of the old place ("Memphis mill")
    takes the new one ("Jay mill"); a name of its own ("Androscoggin mill") is kept."""
    if facility.name and old_locality and old_locality.lower() in facility.name.lower():
        start = facility.name.lower().index(old_locality.lower())
        return (facility.name[:start] + new_locality + facility.name[start + len(old_locality) :])[:200]
    return facility.name


def _relocated(facility: Facility, location) -> Facility:
    target, _ = facility_get_or_create(
        company=facility.company,
        location=location,
        name=_moved_name(facility, facility.location.locality, location.locality),
        kind=facility.kind,
        products=facility.products,
    )
    return target


@transaction.atomic
def event_move(*, event: Event, place: PlaceChoice, user: AbstractBaseUser | None = None) -> Event:
    """Move an event (both sides of a sale) to the right place in one step: to its company's
    facility there, made when missing; the facility it leaves is deleted if no events remain."""
    with acting(user=user, reason=MOVED):
        return _event_move(event=event, place=place)


def _event_move(*, event: Event, place: PlaceChoice) -> Event:
    location = location_for_place(place=place)
    partner = sale_partner(event) if event.release_id else None
    left: list[int] = []
    moved: dict[int, Facility] = {}
    for each in [event, partner] if partner is not None else [event]:
        old = each.facility
        if old.location_id == location.pk:
            continue
        target = moved.setdefault(old.pk, _relocated(old, location))
        if Event.objects.filter(facility=target, release_id=each.release_id, type=each.type).exists():
            raise ValidationError(
                f"{target.company} already has a {each.get_type_display().lower()} event at "
                f"{location.label} from this release."
            )
        each.facility = target
        each.full_clean()
        each.save()
        left.append(old.pk)
    if partner is not None:
        seller, buyer = (event, partner) if event.type == EventType.SOLD else (partner, event)
        if seller.facility.successor_id != buyer.facility_id:
            # The records left behind link each other; unlinked, both are empty debris.
            Facility.objects.filter(pk__in=left).update(successor=None)
            Facility.objects.filter(successor_id=buyer.facility_id).update(successor=None)
            Facility.objects.filter(pk=seller.facility_id).update(successor=buyer.facility_id)
    facilities_drop_empty(facility_ids=left)
    event.refresh_from_db()
    return event


@transaction.atomic
def facilities_drop_empty(*, facility_ids: Iterable[int]) -> int:
    """Delete those of ``facility_ids`` that have no events left (and so no status spans).

    A facility another one names as its successor is the buyer's record of a sale and stays
    while that link does; ``Facility.successor`` is SET_NULL, so dropping a seller's record
    only unlinks it."""
    empty = Facility.objects.filter(pk__in=list(facility_ids), events__isnull=True, predecessor__isnull=True)
    return empty.delete()[1].get("companies.Facility", 0)


# --- what the release did not say -----------------------------------------------------------


@dataclass
class ReleaseCompletion:
    dated: int = 0
    """Undated events that took the release's new date."""
    company: Company | None = None
    company_created: bool = False
    reextracted: bool = False
    proposed: int = 0
    """Events proposed by re-extracting once the issuer was known."""


@transaction.atomic
def release_complete(
    *,
    release: Release,
    published: date | None = None,
    company: Company | None = None,
    company_name: str = "",
    user: AbstractBaseUser | None = None,
) -> ReleaseCompletion:
    """Give a release the date or issuer its text did not say, and fill them into its rows.

    The date dates every undated proposal (``release_set_published``). The issuer is matched
    to a company by name, alias or ticker, or created (``company_get_or_create``); a release
    that was waiting for it (``ImportState.NEEDS_COMPANY``) is then re-extracted, which
    proposes its events under that company. ``company`` is an existing one the editor picked.
    """
    from .imports import release_reextract

    outcome = ReleaseCompletion()
    if published is not None and published != release.published:
        outcome.dated = release_set_published(release=release, published=published, user=user)
    name = " ".join((company_name or "").split())
    if (company is not None or name) and release.company_id is None:
        if company is None:
            company, outcome.company_created = company_get_or_create(name=name[:200], legal_name=name[:250])
        outcome.company = release.company = company
        release.full_clean()
        with acting(user=user, reason=ISSUER_SET):
            release.save(update_fields=["company"])
        if release.import_state == ImportState.NEEDS_COMPANY:
            result = release_reextract(release=release, user=user)
            if result.failed:
                raise ValidationError(f"Re-extracting the release failed: {result.error}")
            outcome.reextracted, outcome.proposed = True, result.events_proposed
            release.refresh_from_db()
    return outcome


# --- adding an event from the text --------------------------------------------------------------


@transaction.atomic
def event_add_from_text(
    *,
    release: Release,
    type: str,
    places: list[PlaceChoice],
    counterparty: str = "",
    kind: str = "",
    name: str = "",
    effective_date: date | None = None,
    employees: int | None = None,
    evidence: str = "",
    user_note: str = "",
    user: AbstractBaseUser | None = None,
) -> list[Event]:
    """Add what the importer missed: one event of ``type`` at each of ``places``, on the
    release's word, decided by the editor (accepted at once when the release has a date).

    The facility is the release's company's at that place (made when missing, named from the
    place and ``kind``; ``kind`` blank: read from the facility noun of the evidence); for
    "acquired" with a named seller, the seller's record is made under the counterparty. A sale
    names its buyer, whose company record is matched or created and gets its own facility
    record starting "acquired" (``facility_record_sale``). The evidence is the sentence of the
    release that names the place (``evidence`` overrides it).
    """
    company = release.company
    if company is None:
        raise ValidationError("Give the release its issuing company first (at the top of the page).")
    if type not in EventType.values:
        raise ValidationError(f"Choose the event type (one of {', '.join(EventType.labels)}).")
    if not places:
        raise ValidationError("Choose at least one place from the gazetteer.")
    if kind and kind not in FacilityKind.values:
        raise ValidationError(f"Unknown facility kind {kind!r}.")
    counterparty = " ".join((counterparty or "").split())
    if type == EventType.SOLD and not counterparty:
        raise ValidationError("A sale names its buyer: give the buyer's name.")
    other = None
    if counterparty and type in SALE_TYPES:
        other, _ = company_get_or_create(name=counterparty[:200], legal_name=counterparty[:250])
        if other.pk == company.pk:
            raise ValidationError("The buyer and the seller are the same company.")
    state = ReviewState.ACCEPTED if release.published else ReviewState.PROPOSED
    note = user_note or f"Added from the text on the review page on {timezone.localdate().isoformat()}."
    added: list[Event] = []
    with acting(user=user, reason=ADDED):
        for place in places:
            sentence = (evidence or "").strip() or evidence_for_place(release.body, place, type)
            if not sentence:
                raise ValidationError(
                    f"The text does not name {place.name}: check the place, or paste the sentence that "
                    "says so as the evidence."
                )
            location = location_for_place(place=place)
            facility_kind = kind or kind_in_sentence(sentence, place) or FacilityKind.PLANT
            seller_company = other if type == EventType.ACQUIRED and other is not None else company
            facility, _ = facility_get_or_create(
                company=seller_company,
                location=location,
                name=name.strip()[:200] if name.strip() and len(places) == 1 else "",
                kind=facility_kind,
            )
            if Event.objects.filter(facility=facility, release=release, type=type).exists() or (
                type == EventType.ACQUIRED
                and other is not None
                and Event.objects.filter(facility=facility, release=release, type=EventType.SOLD).exists()
            ):
                raise ValidationError(f"This release already has that event at {location.label}.")
            if type in SALE_TYPES and other is not None:
                buyer = other if type == EventType.SOLD else company
                facility_record_sale(
                    facility=facility,
                    buyer=buyer,
                    release=release,
                    evidence=sentence,
                    sold_on=release.published,
                    effective=effective_date,
                    review_state=state,
                )
                events = list(
                    Event.objects.filter(
                        release=release, facility_id__in=[facility.pk, facility.successor_id]
                    ).order_by("id")
                )
                for event in events:
                    event.employees, event.note = employees, note
                    event.full_clean()
                    event.save(update_fields=["employees", "note"])
                added += events
            else:
                added.append(
                    event_create(
                        facility=facility,
                        type=type,
                        announced_date=release.published,
                        effective_date=effective_date,
                        release=release,
                        evidence=sentence,
                        employees=employees,
                        confidence=1.0,
                        review_state=state,
                        note=note,
                    )
                )
    return added
