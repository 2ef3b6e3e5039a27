"""Unit tests of the one status function, over plain event-like objects (no database)."""

from dataclasses import dataclass
from datetime import date

import pytest

from companies.status import history, status_at

D = date


@dataclass
class Ev:
    type: str
    announced_date: date
    effective_date: date | None = None
    review_state: str = "accepted"
    release_published: date | None = None
    pk: int = 0


def test_no_events_is_unknown():
    assert status_at([], D(2020, 1, 1)).status == "unknown"


@pytest.mark.parametrize(
    ("event_type", "after"),
    [
        ("opened", "open"),
        ("reopened", "open"),
        ("acquired", "open"),
        ("expanded", "open"),
        ("idled", "idled"),
        ("closed", "closed"),
        ("sold", "sold"),
    ],
)
def test_each_event_type_sets_status_from_its_date(event_type, after):
    event = Ev(event_type, D(2009, 3, 24))
    result = status_at([event], D(2009, 3, 24))
    assert result.status == after
    assert result.since == D(2009, 3, 24)
    assert result.event is event


@pytest.mark.parametrize(
    ("event_type", "before"),
    [
        ("idled", "open"),
        ("closed", "open"),
        ("sold", "open"),
        ("opened", None),
        ("acquired", None),
        ("reopened", "unknown"),
        ("expanded", "unknown"),
    ],
)
def test_status_before_the_first_event_is_what_it_implies(event_type, before):
    result = status_at([Ev(event_type, D(2009, 3, 24))], D(2009, 3, 1))
    assert result.status == before
    assert result.since is None
    assert result.event is None


def test_idle_then_reopen_then_close():
    events = [
        Ev("idled", D(2009, 3, 24), pk=1),
        Ev("reopened", D(2010, 5, 1), pk=2),
        Ev("closed", D(2012, 1, 15), pk=3),
    ]
    assert status_at(events, D(2009, 12, 31)).status == "idled"
    reopened = status_at(events, D(2011, 1, 1))
    assert (reopened.status, reopened.since) == ("open", D(2010, 5, 1))
    closed = status_at(events, D(2013, 1, 1))
    assert (closed.status, closed.since) == ("closed", D(2012, 1, 15))


def test_expansion_of_an_open_plant_keeps_its_open_since_date():
    events = [Ev("opened", D(2001, 6, 1)), Ev("expanded", D(2005, 2, 1))]
    result = status_at(events, D(2006, 1, 1))
    assert (result.status, result.since) == ("open", D(2001, 6, 1))


def test_events_are_ordered_by_date_not_by_entry_order():
    # An older release entered after a newer one must not win.
    newer = Ev("reopened", D(2010, 5, 1), pk=1)
    older = Ev("idled", D(2009, 3, 24), pk=2)
    assert status_at([newer, older], D(2011, 1, 1)).status == "open"


def test_effective_date_orders_before_announced_date():
    # Announced first but effective later: the closure takes effect after the idling.
    closure = Ev("closed", D(2009, 1, 10), effective_date=D(2009, 6, 30), pk=1)
    idling = Ev("idled", D(2009, 3, 24), pk=2)
    assert status_at([closure, idling], D(2009, 4, 1)).status == "idled"
    assert status_at([closure, idling], D(2009, 7, 1)).status == "closed"


def test_same_day_events_ordered_by_release_date():
    # Same effective date: the later release has the last word.
    a = Ev("idled", D(2009, 3, 1), effective_date=D(2009, 4, 1), release_published=D(2009, 3, 1), pk=2)
    b = Ev("reopened", D(2009, 3, 20), effective_date=D(2009, 4, 1), release_published=D(2009, 3, 20), pk=1)
    assert status_at([b, a], D(2009, 4, 2)).status == "open"


def test_same_day_same_release_follows_the_lifecycle():
    closed = Ev("closed", D(2015, 1, 5), pk=2)
    sold = Ev("sold", D(2015, 1, 5), pk=1)
    assert status_at([sold, closed], D(2015, 1, 5)).status == "sold"


def test_only_accepted_events_count():
    events = [
        Ev("idled", D(2009, 3, 24), review_state="proposed"),
        Ev("closed", D(2009, 4, 1), review_state="rejected"),
    ]
    assert status_at(events, D(2010, 1, 1)).status == "unknown"


def test_rejecting_the_latest_event_falls_back_to_the_one_before():
    idled = Ev("idled", D(2009, 3, 24), pk=1)
    closed = Ev("closed", D(2009, 9, 1), pk=2)
    assert status_at([idled, closed], D(2010, 1, 1)).status == "closed"
    closed.review_state = "rejected"
    assert status_at([idled, closed], D(2010, 1, 1)).status == "idled"


def test_future_closure_is_flagged_without_changing_todays_status():
    closure = Ev("closed", D(2026, 11, 1), effective_date=D(2027, 6, 30))
    today = status_at([closure], D(2026, 11, 27))
    assert today.status == "open"  # a closure implies it was open
    assert (today.pending_type, today.pending_date) == ("closed", D(2027, 6, 30))
    assert today.pending_label == "Closure announced for 2027-06-30"
    later = status_at([closure], D(2027, 7, 1))
    assert (later.status, later.since, later.pending_type) == ("closed", D(2027, 6, 30), "")


def test_a_closure_not_yet_announced_is_not_pending():
    closure = Ev("closed", D(2026, 11, 1), effective_date=D(2027, 6, 30))
    assert status_at([closure], D(2026, 10, 1)).pending_type == ""


def test_future_idling_of_an_open_plant_is_flagged():
    events = [Ev("opened", D(2000, 1, 1)), Ev("idled", D(2026, 11, 20), effective_date=D(2027, 1, 15))]
    result = status_at(events, D(2026, 11, 27))
    assert (result.status, result.pending_label) == ("open", "Idling announced for 2027-01-15")


def test_announced_opening_is_planned_until_its_date():
    opening = Ev("opened", D(2026, 5, 1), effective_date=D(2027, 3, 31))
    assert status_at([opening], D(2026, 4, 1)).status is None  # not yet announced: not in footprint
    planned = status_at([opening], D(2026, 11, 27))
    assert (planned.status, planned.pending_type) == ("planned", "opened")
    assert status_at([opening], D(2027, 3, 31)).status == "open"


def test_sale_leaves_the_footprint():
    events = [Ev("opened", D(1990, 1, 1)), Ev("sold", D(2015, 1, 5))]
    result = status_at(events, D(2016, 1, 1))
    assert result.status == "sold"
    assert result.in_footprint  # the seller's record keeps its history; pages show it apart


def test_before_an_acquisition_the_facility_is_not_in_the_footprint():
    assert not status_at([Ev("acquired", D(2015, 1, 5))], D(2014, 1, 1)).in_footprint


def test_history_lists_before_and_after():
    events = [Ev("idled", D(2009, 3, 24), pk=1), Ev("reopened", D(2010, 5, 1), pk=2)]
    rows = history(events)
    assert [(e.type, before, after) for e, before, after in rows] == [
        ("idled", "open", "idled"),
        ("reopened", "idled", "open"),
    ]
