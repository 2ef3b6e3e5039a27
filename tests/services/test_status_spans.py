"""The status spans follow every kind of event change, in the same transaction, and always agree
with the one status function (``companies.status``): its ``history()`` and ``status_at``."""

import datetime

import pytest
from django.db import transaction

from companies.models import Event, Facility, Release, StatusSpan
from companies.services.events import event_accept, event_create, event_reject
from companies.services.facilities import facilities_follow_company, facilities_refresh, facility_record_sale
from companies.services.releases import release_set_published
from companies.status import BEGINNING, PLANNED, event_date, history, spans, status_at
from tests.factories import CompanyFactory, EventFactory, FacilityFactory, ReleaseFactory, status_today

pytestmark = pytest.mark.django_db
D = datetime.date
FAR_FUTURE = D(9999, 12, 30)


def stored(facility) -> list[tuple]:
    """The facility's spans as stored, oldest first."""
    return list(
        StatusSpan.objects.filter(facility_id=getattr(facility, "pk", facility))
        .order_by("valid_from")
        .values_list("valid_from", "valid_to", "status", "since", "event_id", "pending_type", "pending_date")
    )


def fresh_events(facility) -> list[Event]:
    return list(Event.objects.filter(facility_id=getattr(facility, "pk", facility)).select_related("release"))


def check_dates(events) -> list[datetime.date]:
    """Every date the status can change on, the day before each, the beginning and the far future."""
    days = {BEGINNING, FAR_FUTURE}
    for event in events:
        for day in (event.announced_date, event.effective_date):
            if day is not None:
                days |= {day, day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)}
    return sorted(days)


def assert_spans_agree(facility) -> None:
    """The stored spans are ``companies.status`` itself, read three ways from fresh events."""
    events = fresh_events(facility)
    rows = stored(facility)
    # 0. Each carries its facility's company as it is now (the company page reads them by it).
    owner = Facility.objects.get(pk=getattr(facility, "pk", facility)).company_id
    assert set(
        StatusSpan.objects.filter(facility_id=getattr(facility, "pk", facility)).values_list(
            "company_id", flat=True
        )
    ) <= {owner}
    # 1. They are exactly what spans() gives for the facility's events as they are now.
    assert rows == [
        (
            s.valid_from,
            s.valid_to,
            s.status.status,
            s.status.since,
            s.status.event.pk if s.status.event else None,
            s.status.pending_type,
            s.status.pending_date,
        )
        for s in spans(events)
    ]
    # 2. They never overlap, and only an open end is open-ended.
    for before, after in zip(rows, rows[1:], strict=False):
        assert before[1] is not None and before[1] <= after[0]
    # 3. On every date that matters, the span holding then is status_at on that date, and its
    #    status is what history() says the last event effective by then left behind.
    rows_history = history(events)
    for day in check_dates(events):
        holding = [r for r in rows if r[0] <= day and (r[1] is None or r[1] > day)]
        assert len(holding) <= 1, day
        expected = status_at(events, day)
        if not rows_history:  # no accepted event: in no footprint, on no date (DESIGN.md)
            assert not holding, day
            continue
        if not holding:
            assert expected.status is None, day
            continue
        span = holding[0]
        assert (span[2], span[3], span[4], span[5], span[6]) == (
            expected.status,
            expected.since,
            expected.event.pk if expected.event else None,
            expected.pending_type,
            expected.pending_date,
        ), day
        happened = [row for row in rows_history if event_date(row[0]) <= day]
        if happened:
            assert span[2] == happened[-1][2], day
        elif span[2] != PLANNED:
            assert span[2] == rows_history[0][1], day


def status_of(facility):
    status = status_today(facility)
    return status.status, status.since


# --- every kind of change -------------------------------------------------------------------


def test_adding_an_accepted_event_writes_its_spans():
    facility = FacilityFactory()
    assert stored(facility) == []
    event = event_create(
        facility=facility, type="idled", announced_date=D(2009, 3, 24), review_state="accepted"
    )
    assert stored(facility) == [
        (BEGINNING, D(2009, 3, 24), "open", None, None, "", None),
        (D(2009, 3, 24), None, "idled", D(2009, 3, 24), event.pk, "", None),
    ]
    assert_spans_agree(facility)


def test_accepting_a_proposed_event_sets_the_status():
    event = EventFactory(review_state="proposed")
    assert stored(event.facility) == []
    assert status_of(event.facility) == (None, None)
    event_accept(event=event)
    assert status_of(event.facility) == ("idled", D(2009, 3, 24))
    assert status_today(event.facility).event == event
    assert_spans_agree(event.facility)


def test_rejecting_an_accepted_event_reverts_the_status():
    first = EventFactory(type="idled", announced_date=D(2009, 3, 24))
    second = EventFactory(facility=first.facility, type="closed", announced_date=D(2010, 1, 5))
    assert status_of(first.facility) == ("closed", D(2010, 1, 5))
    event_reject(event=second)
    assert status_of(first.facility) == ("idled", D(2009, 3, 24))
    assert_spans_agree(first.facility)


def test_editing_an_event_rewrites_the_spans():
    event = EventFactory(type="idled", announced_date=D(2009, 3, 24))
    event.type = "closed"
    event.effective_date = D(2009, 6, 30)
    event.save()
    assert [row[2] for row in stored(event.facility)] == ["open", "open", "closed"]
    assert_spans_agree(event.facility)


def test_an_older_release_entered_later_does_not_win():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="reopened", announced_date=D(2010, 5, 1))
    EventFactory(facility=facility, type="idled", announced_date=D(2009, 3, 24))
    assert status_of(facility) == ("open", D(2010, 5, 1))
    assert [row[2] for row in stored(facility)] == ["open", "idled", "open"]
    assert_spans_agree(facility)


def test_deleting_an_event_refreshes_the_status():
    event = EventFactory()
    facility = event.facility
    event.delete()
    assert stored(facility) == []
    assert status_of(facility) == (None, None)


def test_deleting_the_event_that_set_a_status_rewrites_the_spans_that_named_it():
    first = EventFactory(type="idled", announced_date=D(2009, 3, 24))
    second = EventFactory(facility=first.facility, type="reopened", announced_date=D(2010, 1, 5))
    second.delete()
    assert_spans_agree(first.facility)
    assert status_of(first.facility) == ("idled", D(2009, 3, 24))


def test_queryset_update_and_delete_refresh_statuses():
    events = [EventFactory(review_state="proposed") for _ in range(3)]
    Event.objects.filter(pk__in=[e.pk for e in events]).update(review_state="accepted")
    assert {status_of(e.facility)[0] for e in events} == {"idled"}
    for event in events:
        assert_spans_agree(event.facility)
    Event.objects.filter(pk__in=[e.pk for e in events]).update(effective_date=D(2009, 5, 1))
    for event in events:
        assert_spans_agree(event.facility)
    Event.objects.filter(pk__in=[e.pk for e in events]).delete()
    assert {status_of(e.facility)[0] for e in events} == {None}
    assert not StatusSpan.objects.exists()


def test_moving_an_event_to_another_facility_refreshes_both():
    event = EventFactory()
    original = event.facility
    other = FacilityFactory(company=original.company)
    event.facility = other
    event.save()
    assert status_of(other)[0] == "idled"
    assert status_of(original)[0] is None
    assert_spans_agree(other)
    assert_spans_agree(original)


def test_moving_events_in_bulk_refreshes_both_facilities():
    event = EventFactory()
    original = event.facility
    other = FacilityFactory(company=original.company)
    Event.objects.filter(pk=event.pk).update(facility=other)
    assert (status_of(original)[0], status_of(other)[0]) == (None, "idled")


def test_deleting_a_release_refreshes_its_facilities():
    event = EventFactory()
    Release.objects.filter(pk=event.release_id).delete()
    assert status_of(event.facility) == (None, None)
    other = EventFactory()
    other.release.delete()
    assert stored(other.facility) == []


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
    assert_spans_agree(facility)


def test_setting_an_undated_releases_date_writes_the_spans_of_its_accepted_events():
    facility = FacilityFactory()
    release = ReleaseFactory(company=facility.company, published=None)
    event = event_create(
        facility=facility, type="closed", announced_date=None, release=release, evidence="It will close."
    )
    release_set_published(release=release, published=D(2024, 11, 5))
    event_accept(event=Event.objects.get(pk=event.pk))
    assert status_of(facility) == ("closed", D(2024, 11, 5))
    assert_spans_agree(facility)


def test_an_announced_closure_takes_effect_on_its_date_with_no_job():
    event = EventFactory(type="closed", announced_date=D(2026, 11, 1), effective_date=D(2099, 6, 30))
    facility = event.facility
    assert stored(facility) == [
        (BEGINNING, D(2026, 11, 1), "open", None, None, "", None),
        (D(2026, 11, 1), D(2099, 6, 30), "open", None, None, "closed", D(2099, 6, 30)),
        (D(2099, 6, 30), None, "closed", D(2099, 6, 30), event.pk, "", None),
    ]
    before = status_today(facility)
    assert (before.status, before.pending_label) == ("open", "Closure announced for 2099-06-30")
    on_the_day = StatusSpan.objects.status_of(facility, D(2099, 6, 30))
    assert (on_the_day.status, on_the_day.since, on_the_day.pending_type) == ("closed", D(2099, 6, 30), "")
    assert Facility.objects.on(D(2099, 7, 1)).filter(span__status="closed").get() == facility
    assert_spans_agree(facility)


def test_an_opening_announced_for_later_is_planned_until_then():
    facility = FacilityFactory()
    event = event_create(
        facility=facility,
        type="opened",
        announced_date=D(2025, 3, 1),
        effective_date=D(2099, 1, 15),
        review_state="accepted",
    )
    assert stored(facility) == [
        (D(2025, 3, 1), D(2099, 1, 15), "planned", None, None, "opened", D(2099, 1, 15)),
        (D(2099, 1, 15), None, "open", D(2099, 1, 15), event.pk, "", None),
    ]
    assert StatusSpan.objects.status_of(facility, D(2025, 2, 28)).status is None
    assert_spans_agree(facility)


def test_a_failed_transaction_leaves_no_stale_spans():
    facility = FacilityFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory(facility=facility)
        raise RuntimeError("boom")
    assert stored(facility) == []


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
    assert status_of(seller_plant)[0] == "sold"
    assert StatusSpan.objects.status_of(seller_plant, D(2010, 1, 1)).status == "open"
    assert seller_plant.successor == successor
    assert (successor.company, status_of(successor)[0]) == (buyer, "open")
    assert StatusSpan.objects.status_of(successor, D(2010, 1, 1)).status is None
    assert_spans_agree(seller_plant)
    assert_spans_agree(successor)


def test_hand_entered_event_needs_no_release():
    facility = FacilityFactory()
    event_create(facility=facility, type="opened", announced_date=D(2001, 1, 1), review_state="accepted")
    assert status_of(facility) == ("open", D(2001, 1, 1))


def test_refresh_rewrites_spans_changed_behind_its_back():
    event = EventFactory(type="idled", announced_date=D(2009, 3, 24))
    StatusSpan.objects.filter(facility=event.facility).update(status="closed")  # a tampered row
    assert facilities_refresh(facility_ids=[event.facility_id, None, 10**9]) == 1
    assert_spans_agree(event.facility)


def test_refresh_in_batches_writes_every_facility():
    facilities = [EventFactory(type=kind).facility for kind in ("idled", "closed", "opened")]
    StatusSpan.objects.all().delete()
    assert facilities_refresh(facility_ids=[f.pk for f in facilities], batch_size=2) == 3
    for facility in facilities:
        assert_spans_agree(facility)


def test_spans_end_after_they_start_in_the_database():
    from django.db import IntegrityError

    facility = FacilityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusSpan.objects.create(
            facility=facility,
            company=facility.company,
            status="open",
            valid_from=D(2010, 1, 1),
            valid_to=D(2010, 1, 1),
        )


# --- a facility changing hands in the records: its spans follow it -----------------------------


def moved_facility():
    event = EventFactory(type="idled", announced_date=D(2009, 3, 24))
    EventFactory(facility=event.facility, type="reopened", announced_date=D(2012, 5, 1))
    return event.facility, CompanyFactory(name="New Owner")


def span_companies(facility) -> set[int]:
    return set(StatusSpan.objects.filter(facility=facility).values_list("company_id", flat=True))


def test_a_facility_saved_with_another_company_moves_its_spans():
    facility, other = moved_facility()
    assert span_companies(facility) == {facility.company_id}
    facility.company = other
    facility.save()
    assert span_companies(facility) == {other.pk}
    assert_spans_agree(facility)


def test_a_save_of_other_fields_leaves_the_spans_alone():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    facility, _ = moved_facility()
    facility.name = "Renamed plant"
    with CaptureQueriesContext(connection) as ctx:
        facility.save(update_fields=["name"])
        Facility.objects.filter(pk=facility.pk).update(name="Renamed again")
    assert not [q for q in ctx.captured_queries if "companies_statusspan" in q["sql"]]
    assert span_companies(facility) == {facility.company_id}


def test_bulk_update_and_queryset_update_move_the_spans():
    first, other = moved_facility()
    second, _ = moved_facility()
    Facility.objects.filter(pk=first.pk).update(company=other)
    assert span_companies(first) == {other.pk}
    second.company = other
    Facility.objects.bulk_update([second], ["company"])
    assert span_companies(second) == {other.pk}
    for facility in (first, second):
        assert_spans_agree(facility)


def test_follow_company_mends_spans_written_with_a_stale_company():
    facility, other = moved_facility()
    StatusSpan.objects.filter(facility=facility).update(company=other)  # tampered
    spans = StatusSpan.objects.filter(facility=facility).count()
    assert facilities_follow_company(facility_ids=[facility.pk, None]) == spans == 3
    assert span_companies(facility) == {facility.company_id}
    assert facilities_follow_company(facility_ids=[facility.pk]) == 0


def test_a_company_page_shows_a_moved_facility_under_its_new_owner(client):
    facility, other = moved_facility()
    facility.name = "Moved plant"
    facility.save()
    old_owner = facility.company
    assert "Moved plant" in client.get(old_owner.get_absolute_url()).content.decode()
    facility.company = other
    facility.save()
    assert "Moved plant" not in client.get(old_owner.get_absolute_url()).content.decode()
    assert "Moved plant" in client.get(other.get_absolute_url()).content.decode()
