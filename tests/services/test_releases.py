"""An editor completes a release (companies.services.releases and the rules on Event and Release):
an undated release's events wait, undated and unacceptable, until its date is set; then they take
it in the same transaction. Nothing is ever dated by the import day."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from companies.models import Event, Release
from companies.services.events import event_accept, event_create, event_reject
from companies.services.facilities import facilities_refresh
from companies.services.imports import release_import
from companies.services.releases import release_set_published
from tests.factories import FacilityFactory, ReleaseFactory, status_today
from tests.services.test_imports import EDITORS_DATE, brindlemoor_doc, brindlemoor_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def undated_release() -> Release:
    release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal())
    return Release.objects.get()


def test_an_undated_event_cannot_be_accepted_and_the_reason_names_the_release(undated_release):
    event = Event.objects.get(type="idled")

    with pytest.raises(ValidationError) as refused:
        event_accept(event=event)

    message = " ".join(refused.value.messages)
    assert f"\u201c{undated_release.headline}\u201d has no publication date" in message
    assert "set the release's date to accept its events" in message
    assert Event.objects.get(pk=event.pk).review_state == "proposed"
    assert status_today(event.facility_id).status is None


def test_an_undated_event_can_be_rejected(undated_release):
    event = event_reject(event=Event.objects.get(type="idled"))
    assert (event.review_state, event.announced_date) == ("rejected", None)


def test_the_database_refuses_an_accepted_event_without_a_date(undated_release):
    event = Event.objects.get(type="idled")
    # A bulk update skips validation; the CheckConstraint still holds, so the status function
    # never sees an accepted event without a date.
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(review_state="accepted")
    assert Event.objects.get(pk=event.pk).review_state == "proposed"
    facilities_refresh(facility_ids=[event.facility_id])
    assert status_today(event.facility_id).status is None


def test_an_event_entered_by_hand_needs_its_date():
    facility = FacilityFactory()
    with pytest.raises(ValidationError, match="entered by hand needs its announced date"):
        event_create(facility=facility, type="closed", announced_date=None, note="told by phone")
    with pytest.raises(IntegrityError), transaction.atomic():
        Event(facility=facility, type="closed", review_state="proposed").save()


def test_an_event_of_a_dated_release_takes_the_release_date():
    facility = FacilityFactory()
    release = ReleaseFactory(company=facility.company, published=EDITORS_DATE)
    event = event_create(
        facility=facility,
        type="closed",
        announced_date=None,
        release=release,
        evidence="The Ashgrove dye house will close.",
        review_state="accepted",
    )
    assert event.announced_date == EDITORS_DATE
    assert status_today(facility).status == "closed"


def test_setting_the_release_date_dates_its_events_then_they_can_be_accepted(undated_release):
    dated = release_set_published(release=undated_release, published=EDITORS_DATE)

    assert dated == 2
    assert set(Event.objects.values_list("announced_date", "review_state")) == {(EDITORS_DATE, "proposed")}
    undated_release.refresh_from_db()
    assert undated_release.published == EDITORS_DATE
    assert "date: publication date set to 2024-11-05" in undated_release.import_log
    assert "2 undated events take it and can now be accepted" in undated_release.import_log

    event = event_accept(event=Event.objects.get(type="idled"))
    status = status_today(event.facility_id)
    assert (status.status, status.since) == ("idled", EDITORS_DATE)


def test_the_events_take_the_date_in_the_same_transaction(undated_release):
    with pytest.raises(RuntimeError), transaction.atomic():
        release_set_published(release=undated_release, published=EDITORS_DATE)
        assert set(Event.objects.values_list("announced_date", flat=True)) == {EDITORS_DATE}
        raise RuntimeError("the editor's save failed later on")
    assert set(Event.objects.values_list("announced_date", flat=True)) == {None}
    assert Release.objects.get().published is None


def test_the_date_reaches_the_events_however_the_release_is_saved(undated_release):
    undated_release.published = EDITORS_DATE
    undated_release.save()  # the admin's save, the shell
    assert set(Event.objects.values_list("announced_date", flat=True)) == {EDITORS_DATE}


def test_changing_or_clearing_the_date_later_leaves_dated_events_alone(undated_release):
    release_set_published(release=undated_release, published=EDITORS_DATE)
    assert release_set_published(release=undated_release, published=datetime.date(2024, 11, 6)) == 0
    undated_release.published = None
    undated_release.save()
    assert set(Event.objects.values_list("announced_date", flat=True)) == {EDITORS_DATE}
