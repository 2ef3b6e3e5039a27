"""companies.cached: cached reads forget themselves when a facility's statuses change."""

import pytest

from companies import cached
from tests.factories import open_facility

pytestmark = pytest.mark.django_db(transaction=True)  # forget runs when the write commits


def test_home_totals_follow_an_accepted_event_at_once():
    assert (cached.status_totals()["total"], cached.status_totals()["open"]) == (0, 0)
    open_facility()
    assert (cached.status_totals()["total"], cached.status_totals()["open"]) == (1, 1)


def test_forget_moves_to_new_keys():
    first = cached._key("x")
    cached.forget()
    assert cached._key("x") != first


def test_a_new_proposal_keeps_the_cache_and_accepting_it_forgets_it():
    from tests.factories import EventFactory

    facility = open_facility()
    before = cached.generation()
    event = EventFactory(facility=facility, type="idled", review_state="proposed")
    assert cached.generation() == before  # an import's proposals leave every cached page warm
    event.review_state = "accepted"
    event.save()
    after_accept = cached.generation()
    assert after_accept != before
    event.delete()  # an accepted event deleted changes a status
    assert cached.generation() != after_accept
