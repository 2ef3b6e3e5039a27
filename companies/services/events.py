"""Writes for events. Every path refreshes the facility's cached status (via Event.save).

Review decisions are recorded in the event's history with the editor (``user``; in the admin
the request's user is taken anyway) and the decision as the change reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ..history import Reason, acting
from ..models import Event, Facility, Release, ReviewState

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

# The change reason each review state is recorded with.
REVIEW_REASONS = {
    ReviewState.ACCEPTED: Reason.ACCEPTED,
    ReviewState.REJECTED: Reason.REJECTED,
    ReviewState.PROPOSED: Reason.PROPOSED,
}


@transaction.atomic
def event_create(
    *,
    facility: Facility,
    type: str,
    announced_date: date | None,
    effective_date: date | None = None,
    release: Release | None = None,
    evidence: str = "",
    employees: int | None = None,
    confidence: float = 1.0,
    review_state: str = ReviewState.PROPOSED,
    note: str = "",
) -> Event:
    """A new event. ``announced_date`` None (an undated release) is only for a proposed event of a
    release: ``Event.clean`` gives it the release's date when it has one, and refuses to accept
    an event without a date."""
    event = Event(
        facility=facility,
        type=type,
        announced_date=announced_date,
        effective_date=effective_date,
        release=release,
        evidence=evidence,
        employees=employees,
        confidence=confidence,
        review_state=review_state,
        note=note,
    )
    if review_state != ReviewState.PROPOSED:
        event.reviewed_at = timezone.now()
    event.full_clean(validate_unique=True)
    event.save()
    return event


@transaction.atomic
def event_set_review_state(*, event: Event, state: str, user: AbstractBaseUser | None = None) -> Event:
    """Accept, reject (or send back to proposed) one event, recorded in its history as ``user``'s
    decision ("accepted", "rejected")."""
    with acting(user=user, reason=REVIEW_REASONS.get(state, state)):
        event.review_state = state
        event.reviewed_at = timezone.now()
        event.full_clean()
        event.save(update_fields=["review_state", "reviewed_at"])
    return event


def event_accept(*, event: Event, user: AbstractBaseUser | None = None) -> Event:
    return event_set_review_state(event=event, state=ReviewState.ACCEPTED, user=user)


def event_reject(*, event: Event, user: AbstractBaseUser | None = None) -> Event:
    return event_set_review_state(event=event, state=ReviewState.REJECTED, user=user)


@transaction.atomic
def events_set_review_state(
    *, events: Iterable[Event], state: str, user: AbstractBaseUser | None = None
) -> int:
    """Accept or reject many events (admin actions); each refreshes its facility and writes its
    own history row."""
    count = 0
    for event in events:
        if event.review_state != state:
            event_set_review_state(event=event, state=state, user=user)
            count += 1
    return count
