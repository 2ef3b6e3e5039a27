"""``companies.history``: the acting editor and reason on every history row written inside a
block, however deep; bulk updates recorded the same way; background imports recorded as the
editor who submitted them."""

import pytest
from django.contrib.auth.models import AnonymousUser, User

from companies.history import Reason, acting, bulk_update_with_history, current
from companies.models import Event, Release
from companies.services import import_batches, imports
from companies.services.events import event_accept
from companies.services.import_batches import RawInput, releases_submit
from tests.factories import CompanyFactory, EventFactory
from tests.services.test_imports import make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return User.objects.create_user("alice")


def test_rows_written_inside_a_block_get_its_user_and_reason(alice):
    with acting(user=alice, reason="merged"):
        company = CompanyFactory()
        company.ticker = "HRGC"
        company.save()
    assert {(row.history_user, row.history_change_reason) for row in company.history.all()} == {
        (alice, "merged")
    }
    assert current() is None


def test_blocks_nest_and_an_objects_own_reason_wins(alice):
    event = EventFactory(review_state="proposed")
    with acting(user=alice, reason=Reason.REEXTRACTED):
        event_accept(event=event)  # its own block: reason "accepted", the outer block's user
        event.note = "checked"
        event._change_reason = "note added"
        event.save()
    accepted, noted = event.history.order_by("history_id")[1:]
    assert (accepted.history_user, accepted.history_change_reason) == (alice, Reason.ACCEPTED)
    assert (noted.history_user, noted.history_change_reason) == (alice, "note added")


def test_an_anonymous_user_is_nobody():
    with acting(user=AnonymousUser(), reason="imported"):
        company = CompanyFactory()
    assert company.history.get().history_user is None


def test_bulk_updates_write_a_row_each_with_the_block(alice):
    events = [EventFactory(review_state="proposed", employees=None) for _ in range(3)]
    for event in events:
        event.employees = 40
    with acting(user=alice, reason="head counts"):
        assert bulk_update_with_history(events, Event, ["employees"]) == 3
    for event in events:
        row = event.history.order_by("-history_id").first()
        assert (row.employees, row.history_user, row.history_change_reason) == (40, alice, "head counts")
    assert bulk_update_with_history([], Event, ["employees"]) == 0


def test_a_background_import_is_recorded_as_the_editor_who_submitted_it(alice, monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())
    monkeypatch.setattr(import_batches, "IMPORT_AT_ONCE_MAX", 2)
    inputs = [
        RawInput(name=f"r{i}.txt", data=f"Release {i}. Acme is idling its plant.".encode()) for i in range(3)
    ]

    submission = releases_submit(inputs=inputs, user=alice)  # the test queue runs the task at once

    assert submission.batch is not None and Release.objects.count() == 3
    assert set(Release.history.values_list("history_user__username", "history_change_reason")) == {
        ("alice", Reason.IMPORTED)
    }
