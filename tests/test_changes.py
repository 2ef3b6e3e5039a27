"""companies.changes: the period parser and the changes between two dates (no extra queries)."""

import datetime

import pytest

from companies.changes import DEFAULT_DAYS, Period, changes_between, parse_period
from companies.models import Facility
from tests.factories import EventFactory, FacilityFactory, build_iwg_footprint

D = datetime.date
TODAY = D(2024, 6, 30)


def test_defaults_to_the_last_90_days():
    period = parse_period({}, today=TODAY)
    assert period == Period(TODAY - datetime.timedelta(days=DEFAULT_DAYS), TODAY)
    assert period.errors == ()


def test_to_alone_sets_from_90_days_before_it():
    period = parse_period({"to": "2009-12-31"}, today=TODAY)
    assert (period.start, period.end) == (D(2009, 10, 2), D(2009, 12, 31))


def test_invalid_dates_fall_back_with_a_message():
    period = parse_period({"from": "yesterday", "to": "2009-13-01"}, today=TODAY)
    assert period.end == TODAY
    assert period.start == TODAY - datetime.timedelta(days=DEFAULT_DAYS)
    assert len(period.errors) == 2
    assert "2009-13-01" in period.errors[0] and "YYYY-MM-DD" in period.errors[0]
    assert "yesterday" in period.errors[1]


def test_reversed_dates_are_swapped_with_a_message():
    period = parse_period({"from": "2009-12-31", "to": "2009-01-01"}, today=TODAY)
    assert (period.start, period.end) == (D(2009, 1, 1), D(2009, 12, 31))
    assert "swapped" in period.errors[0]


@pytest.mark.django_db
def test_iwg_idlings_with_status_before_and_after():
    iwg = build_iwg_footprint()
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    changes = changes_between(Facility.objects.for_changes(period.start, period.end), period)
    assert sorted(c.facility.name for c in changes.events) == ["Jewett City plant", "Littleton plant"]
    assert {(c.event.type, c.before, c.after) for c in changes.events} == {("idled", "open", "idled")}
    assert [(t.type, t.count) for t in changes.type_counts] == [("idled", 2)]
    changed = {c.facility.name: (c.start.status, c.end.status) for c in changes.facilities}
    assert changed == {"Jewett City plant": ("open", "idled"), "Littleton plant": ("open", "idled")}
    assert iwg.camden not in [c.facility for c in changes.events]


@pytest.mark.django_db
def test_period_is_inclusive_and_start_status_is_the_day_before():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2009, 1, 1))
    EventFactory(facility=facility, type="closed", announced_date=D(2009, 6, 30))
    period = Period(D(2009, 1, 1), D(2009, 6, 30))
    changes = changes_between(Facility.objects.for_changes(period.start, period.end), period)
    assert [(c.event.type, c.before, c.after) for c in changes.events] == [
        ("opened", None, "open"),
        ("closed", "open", "closed"),
    ]
    assert changes.events[0].before_label == "Not in footprint"
    [change] = changes.facilities
    assert (change.start.status, change.end.status) == (None, "closed")


@pytest.mark.django_db
def test_an_idling_and_reopening_in_the_period_is_listed_but_not_a_net_change():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2000, 1, 1))
    EventFactory(facility=facility, type="idled", announced_date=D(2009, 3, 1))
    EventFactory(facility=facility, type="reopened", announced_date=D(2009, 9, 1))
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    changes = changes_between(Facility.objects.for_changes(period.start, period.end), period)
    assert [c.event.type for c in changes.events] == ["idled", "reopened"]
    assert changes.facilities == []
    assert [(t.type, t.count) for t in changes.type_counts] == [("idled", 1), ("reopened", 1)]


@pytest.mark.django_db
def test_uses_effective_dates_and_lists_announcements_for_later():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2000, 1, 1))
    EventFactory(
        facility=facility, type="closed", announced_date=D(2009, 11, 1), effective_date=D(2010, 6, 30)
    )
    in_2009 = Period(D(2009, 1, 1), D(2009, 12, 31))
    changes = changes_between(Facility.objects.for_changes(in_2009.start, in_2009.end), in_2009)
    assert changes.events == []
    assert [c.event.type for c in changes.announced] == ["closed"]
    assert changes.facilities == []  # still open on 2009-12-31, closure pending
    in_2010 = Period(D(2010, 1, 1), D(2010, 12, 31))
    changes = changes_between(Facility.objects.for_changes(in_2010.start, in_2010.end), in_2010)
    assert [(c.event.type, c.date) for c in changes.events] == [("closed", D(2010, 6, 30))]
    assert [(c.start.status, c.end.status) for c in changes.facilities] == [("open", "closed")]


@pytest.mark.django_db
def test_ignores_events_that_are_not_accepted_and_facilities_without_changes():
    quiet = FacilityFactory()
    EventFactory(facility=quiet, type="opened", announced_date=D(2000, 1, 1))
    proposed = FacilityFactory()
    EventFactory(facility=proposed, type="closed", announced_date=D(2009, 5, 1), review_state="proposed")
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    facilities = Facility.objects.for_changes(period.start, period.end)
    assert list(facilities) == []
    assert changes_between(facilities, period).events == []


@pytest.mark.django_db
def test_changes_between_runs_no_queries_over_loaded_facilities(django_assert_num_queries):
    build_iwg_footprint()
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    facilities = list(Facility.objects.for_changes(period.start, period.end))
    with django_assert_num_queries(0):
        changes = changes_between(facilities, period)
        [(c.facility.company.name, c.facility.location.label, c.event.release) for c in changes.events]
