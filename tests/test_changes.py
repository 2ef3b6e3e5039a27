"""companies.changes: the period parser and the changes between two dates (no extra queries)."""

import datetime

import pytest
from django.http import QueryDict

from companies import changes as changes_module
from companies.changes import DEFAULT_DAYS, Period, changes_between, parse_period
from tests.factories import EventFactory, FacilityFactory, ReleaseFactory, build_iwg_footprint

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


def changes_in(period: Period, **params):
    query = QueryDict(mutable=True)
    query.update(params)
    return changes_between(period, query)


def events_of(changes) -> list:
    return list(changes.events.object_list)


@pytest.mark.django_db
def test_iwg_idlings_with_status_before_and_after():
    iwg = build_iwg_footprint()
    changes = changes_in(Period(D(2009, 1, 1), D(2009, 12, 31)))
    assert sorted(c.facility.name for c in events_of(changes)) == ["Jewett City plant", "Littleton plant"]
    assert {(c.event.type, c.before, c.after) for c in events_of(changes)} == {("idled", "open", "idled")}
    assert [(t.type, t.count) for t in changes.type_counts] == [("idled", 2)]
    assert changes.event_count == 2 and changes.company_count == 1
    changed = {c.facility.name: (c.start.status, c.end.status) for c in changes.facilities.rows}
    assert changed == {"Jewett City plant": ("open", "idled"), "Littleton plant": ("open", "idled")}
    assert iwg.camden not in [c.facility for c in events_of(changes)]


@pytest.mark.django_db
def test_period_is_inclusive_and_start_status_is_the_day_before():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2009, 1, 1))
    EventFactory(facility=facility, type="closed", announced_date=D(2009, 6, 30))
    changes = changes_in(Period(D(2009, 1, 1), D(2009, 6, 30)))
    assert [(c.event.type, c.before, c.after) for c in events_of(changes)] == [
        ("opened", None, "open"),
        ("closed", "open", "closed"),
    ]
    assert events_of(changes)[0].before_label == "Not in footprint"
    [change] = changes.facilities.rows
    assert (change.start.status, change.end.status) == (None, "closed")


@pytest.mark.django_db
def test_an_idling_and_reopening_in_the_period_is_listed_but_not_a_net_change():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2000, 1, 1))
    EventFactory(facility=facility, type="idled", announced_date=D(2009, 3, 1))
    EventFactory(facility=facility, type="reopened", announced_date=D(2009, 9, 1))
    changes = changes_in(Period(D(2009, 1, 1), D(2009, 12, 31)))
    assert [c.event.type for c in events_of(changes)] == ["idled", "reopened"]
    assert list(changes.facilities.rows) == []
    assert [(t.type, t.count) for t in changes.type_counts] == [("idled", 1), ("reopened", 1)]


@pytest.mark.django_db
def test_uses_effective_dates_and_lists_announcements_for_later():
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2000, 1, 1))
    EventFactory(
        facility=facility, type="closed", announced_date=D(2009, 11, 1), effective_date=D(2010, 6, 30)
    )
    changes = changes_in(Period(D(2009, 1, 1), D(2009, 12, 31)))
    assert events_of(changes) == []
    assert [(c.event.type, c.before, c.after) for c in changes.announced.object_list] == [
        ("closed", "open", "closed")
    ]
    assert list(changes.facilities.rows) == []  # still open on 2009-12-31, closure pending
    changes = changes_in(Period(D(2010, 1, 1), D(2010, 12, 31)))
    assert [(c.event.type, c.date) for c in events_of(changes)] == [("closed", D(2010, 6, 30))]
    assert [(c.start.status, c.end.status) for c in changes.facilities.rows] == [("open", "closed")]


@pytest.mark.django_db
def test_ignores_events_that_are_not_accepted_and_facilities_without_changes():
    quiet = FacilityFactory()
    EventFactory(facility=quiet, type="opened", announced_date=D(2000, 1, 1))
    proposed = FacilityFactory()
    EventFactory(facility=proposed, type="closed", announced_date=D(2009, 5, 1), review_state="proposed")
    changes = changes_in(Period(D(2009, 1, 1), D(2009, 12, 31)))
    assert events_of(changes) == [] and changes.event_count == 0
    assert list(changes.facilities.rows) == []


@pytest.mark.django_db
def test_same_day_events_keep_the_status_functions_order():
    """A closure and a sale in one release on one day: closed first, then sold (lifecycle rank)."""
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=D(2000, 1, 1))
    release = ReleaseFactory(company=facility.company, published=D(2009, 5, 1))
    EventFactory(facility=facility, type="sold", announced_date=D(2009, 5, 1), release=release)
    EventFactory(facility=facility, type="closed", announced_date=D(2009, 5, 1), release=release)
    changes = changes_in(Period(D(2009, 1, 1), D(2009, 12, 31)))
    assert [(c.event.type, c.before, c.after) for c in events_of(changes)] == [
        ("closed", "open", "closed"),
        ("sold", "closed", "sold"),
    ]


@pytest.mark.django_db
def test_each_list_pages_on_its_own(monkeypatch):
    """Three facilities closed in the period: pages of two, the page numbers clamped."""
    monkeypatch.setattr(changes_module, "EVENTS_PER_PAGE", 2)
    monkeypatch.setattr(changes_module, "FACILITIES_PER_PAGE", 2)
    for day in (1, 2, 3):
        facility = FacilityFactory()
        EventFactory(facility=facility, type="opened", announced_date=D(2000, 1, 1))
        EventFactory(facility=facility, type="closed", announced_date=D(2009, 5, day))
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    first = changes_in(period)
    assert [c.date for c in events_of(first)] == [D(2009, 5, 1), D(2009, 5, 2)]
    assert first.event_count == 3 and first.events.paginator.num_pages == 2
    assert first.links["events"].next == "?page=2#events-heading"
    second = changes_in(period, page="2", changed_page="2")
    assert [c.date for c in events_of(second)] == [D(2009, 5, 3)]
    assert [(c.before, c.after) for c in events_of(second)] == [("open", "closed")]
    assert len(second.facilities.rows) == 1 and not second.facilities.has_next and first.facilities.has_next
    assert [c.date for c in events_of(changes_in(period, page="99"))] == [D(2009, 5, 3)]


@pytest.mark.django_db
def test_changes_between_reads_a_fixed_number_of_queries(django_assert_num_queries):
    build_iwg_footprint()
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    with django_assert_num_queries(7):
        changes = changes_in(period)
    with django_assert_num_queries(0):
        [(c.facility.company.name, c.facility.location.label, c.event.release) for c in events_of(changes)]


@pytest.mark.django_db(transaction=True)
def test_the_periods_counts_are_kept_and_follow_an_accepted_event():
    build_iwg_footprint()
    period = Period(D(2009, 1, 1), D(2009, 12, 31))
    assert changes_in(period).event_count == 2
    EventFactory(type="closed", announced_date=D(2009, 6, 1))  # accepted: every cached count is forgotten
    assert changes_in(period).event_count == 3
