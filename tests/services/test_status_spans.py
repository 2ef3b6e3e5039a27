"""The cached status on Facility follows every kind of event change, in the same transaction."""

import datetime

import pytest
from django.db import transaction

from companies.models import Event, Facility, Release
from companies.services.events import event_accept, event_create, event_reject
from companies.services.facilities import facilities_refresh_due, facility_record_sale
from tests.factories import CompanyFactory, EventFactory, FacilityFactory, ReleaseFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def status_of(facility):
    return Facility.objects.values_list("status", "status_since").get(pk=facility.pk)


def test_accepting_a_proposed_event_sets_the_status():
    event = EventFactory(review_state="proposed")
    assert status_of(event.facility) == ("unknown", None)
    event_accept(event=event)
    assert status_of(event.facility) == ("idled", D(2009, 3, 24))
    assert Facility.objects.get(pk=event.facility_id).status_event_id == event.pk


def test_rejecting_an_accepted_event_reverts_the_status():
    first = EventFactory(type="idled", announced_date=D(2009, 3, 24))
    second = EventFactory(facility=first.facility, type="closed", announced_date=D(2010, 1, 5))
    assert status_of(first.facility) == ("closed", D(2010, 1, 5))
    event_reject(event=second)
    assert status_of(first.facility) == ("idled", D(2009, 3, 24))


def test_an_older_release_entered_later_does_not_win():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="reopened", announced_date=D(2010, 5, 1))
    EventFactory(facility=facility, type="idled", announced_date=D(2009, 3, 24))
    assert status_of(facility) == ("open", D(2010, 5, 1))


def test_deleting_an_event_refreshes_the_status():
    event = EventFactory()
    event.delete()
    assert status_of(event.facility) == ("unknown", None)


def test_queryset_update_and_delete_refresh_statuses():
    events = [EventFactory(review_state="proposed") for _ in range(3)]
    Event.objects.filter(pk__in=[e.pk for e in events]).update(review_state="accepted")
    assert {status_of(e.facility)[0] for e in events} == {"idled"}
    Event.objects.filter(pk__in=[e.pk for e in events]).delete()
    assert {status_of(e.facility)[0] for e in events} == {"unknown"}


def test_moving_an_event_to_another_facility_refreshes_both():
    event = EventFactory()
    other = FacilityFactory(company=event.facility.company)
    event.facility = other
    event.save()
    assert Facility.objects.get(pk=other.pk).status == "idled"
    original = Facility.objects.exclude(pk=other.pk).get(company=other.company)
    assert original.status == "unknown"


def test_deleting_a_release_refreshes_its_facilities():
    event = EventFactory()
    Release.objects.filter(pk=event.release_id).delete()
    assert status_of(event.facility) == ("unknown", None)


def test_changing_a_release_date_reorders_same_day_events():
    facility = FacilityFactory()
    idle = EventFactory(
        facility=facility, type="idled", announced_date=D(2009, 3, 1), effective_date=D(2009, 4, 1)
    )
    EventFactory(
        facility=facility, type="reopened", announced_date=D(2009, 3, 20), effective_date=D(2009, 4, 1)
    )
    assert status_of(facility)[0] == "open"
    idle.release.published = D(2009, 3, 25)
    idle.release.save()
    assert status_of(facility)[0] == "idled"


def test_future_closure_is_cached_as_pending_and_applied_when_due():
    event = EventFactory(type="closed", announced_date=D(2026, 11, 1), effective_date=D(2099, 6, 30))
    facility = Facility.objects.get(pk=event.facility_id)
    assert (facility.status, facility.pending_type, facility.pending_date) == (
        "open",
        "closed",
        D(2099, 6, 30),
    )
    assert facilities_refresh_due(today=D(2099, 7, 1)) == 1
    facility.refresh_from_db()
    assert (facility.status, facility.status_since) == ("closed", D(2099, 6, 30))


def test_a_failed_transaction_leaves_no_stale_cache():
    facility = FacilityFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory(facility=facility)
        raise RuntimeError("boom")
    assert status_of(facility) == ("unknown", None)


def test_sale_keeps_both_companies_history():
    seller_plant = EventFactory(type="opened", announced_date=D(1990, 1, 1)).facility
    buyer = CompanyFactory(name="Buyer Corp")
    release = ReleaseFactory(company=seller_plant.company, published=D(2015, 1, 5))
    successor = facility_record_sale(
        facility=seller_plant,
        buyer=buyer,
        release=release,
        evidence="It sold the plant.",
        sold_on=D(2015, 1, 5),
    )
    seller_plant.refresh_from_db()
    assert seller_plant.status == "sold"
    assert seller_plant.successor == successor
    assert (successor.company, Facility.objects.get(pk=successor.pk).status) == (buyer, "open")


def test_hand_entered_event_needs_no_release():
    facility = FacilityFactory()
    event_create(facility=facility, type="opened", announced_date=D(2001, 1, 1), review_state="accepted")
    assert status_of(facility) == ("open", D(2001, 1, 1))


def test_saving_a_stale_facility_instance_keeps_the_fresh_status():
    facility = FacilityFactory()
    stale = Facility.objects.get(pk=facility.pk)
    EventFactory(facility=facility, type="closed")
    stale.products = "copper wire"
    stale.save()
    assert status_of(facility)[0] == "closed"
    assert Facility.objects.get(pk=facility.pk).products == "copper wire"
