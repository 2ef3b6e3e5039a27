"""Audit history through the admin: who changed what, when, from what to what, and why.

Adding and editing through the forms, accepting and rejecting (actions and the edit form),
re-extracting and setting a release's date are each recorded with the editor and the reason;
every history page renders with the field diffs."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from companies.history import Reason
from companies.models import Company, Event
from companies.services import imports
from companies.services.imports import release_import
from tests.admin import change_form_data
from tests.factories import ClaimFactory, EventFactory, FacilityFactory, ReleaseFactory
from tests.services.test_imports import brindlemoor_doc, brindlemoor_proposal, doc, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(admin_user):
    return admin_user


def latest(obj):
    return obj.history.order_by("-history_id").first()


def test_adding_and_editing_a_company_records_who_and_what(admin_client, editor):
    url = reverse("admin:companies_company_add")
    data = change_form_data(admin_client.get(url))
    data.update({"name": "Harrowgate Ceramics", "slug": "harrowgate-ceramics"})
    assert admin_client.post(url, data).status_code == 302
    company = Company.objects.get(slug="harrowgate-ceramics")
    created = latest(company)
    assert (created.history_type, created.history_user) == ("+", editor)

    url = reverse("admin:companies_company_change", args=[company.pk])
    data = change_form_data(admin_client.get(url))
    data["ticker"] = "HRGC"
    assert admin_client.post(url, data).status_code == 302
    changed = latest(company)
    assert (changed.history_type, changed.history_user) == ("~", editor)
    delta = changed.diff_against(created)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("ticker", "", "HRGC")]


def test_accept_and_reject_actions_record_the_editor_and_the_decision(admin_client, editor):
    first, second = (EventFactory(review_state="proposed") for _ in range(2))
    changelist = reverse("admin:companies_event_changelist")
    admin_client.post(changelist, {"action": "accept_events", "_selected_action": [first.pk]})
    admin_client.post(changelist, {"action": "reject_events", "_selected_action": [second.pk]})

    accepted, rejected = latest(first), latest(second)
    assert (accepted.review_state, accepted.history_user, accepted.history_change_reason) == (
        "accepted",
        editor,
        Reason.ACCEPTED,
    )
    assert (rejected.review_state, rejected.history_user, rejected.history_change_reason) == (
        "rejected",
        editor,
        Reason.REJECTED,
    )
    assert accepted.prev_record.review_state == "proposed"


def test_accepting_in_the_event_form_is_recorded_as_accepted(admin_client, editor):
    event = EventFactory(review_state="proposed")
    url = reverse("admin:companies_event_change", args=[event.pk])
    data = change_form_data(admin_client.get(url))
    data["review_state"] = "accepted"
    assert admin_client.post(url, data).status_code == 302
    row = latest(event)
    assert (row.review_state, row.history_user, row.history_change_reason) == ("accepted", editor, "accepted")


def test_accepting_a_releases_proposals_records_each_event(admin_client, editor):
    event = EventFactory(review_state="proposed")
    admin_client.post(
        reverse("admin:companies_release_changelist"),
        {"action": "accept_proposed_events", "_selected_action": [event.release_id]},
    )
    assert (latest(event).history_user, latest(event).history_change_reason) == (editor, Reason.ACCEPTED)


def test_reextracting_records_removed_and_new_proposals_as_reextracted_by_the_editor(
    admin_client, editor, monkeypatch
):
    monkeypatch.setattr(imports, "document_extract", lambda document: make_proposal())
    release = release_import(document=doc(), proposal=make_proposal()).release
    before = set(Event.objects.values_list("pk", flat=True))

    admin_client.post(
        reverse("admin:companies_release_changelist"),
        {"action": "reextract_releases", "_selected_action": [release.pk]},
    )

    history = Event.history.filter(history_user=editor, history_change_reason=Reason.REEXTRACTED)
    removed = history.filter(history_type="-").values_list("id", flat=True)
    created = history.filter(history_type="+").values_list("id", flat=True)
    assert set(removed) == before
    assert set(created) == set(Event.objects.values_list("pk", flat=True)) and len(created) == 2
    assert latest(release).history_change_reason == Reason.REEXTRACTED


def test_an_import_is_recorded_as_imported_and_with_the_user_when_given(editor):
    release = release_import(document=doc(), proposal=make_proposal(), user=editor).release
    assert {(row.history_user, row.history_change_reason) for row in release.history.all()} == {
        (editor, Reason.IMPORTED)
    }
    assert set(Event.history.values_list("history_change_reason", flat=True)) == {Reason.IMPORTED}
    # without a user (the command), the reason is kept and nobody is named
    other = release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal()).release
    assert {(row.history_user, row.history_change_reason) for row in other.history.all()} == {
        (None, Reason.IMPORTED)
    }


def test_setting_a_releases_date_records_its_events_dated(admin_client, editor):
    release = release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal()).release
    events = list(release.events.all())
    assert events and all(e.announced_date is None for e in events)

    url = reverse("admin:companies_release_change", args=[release.pk])
    data = change_form_data(admin_client.get(url))
    data["published"] = "2024-11-05"
    assert admin_client.post(url, data).status_code == 302

    for event in events:
        row = latest(event)
        assert row.announced_date == datetime.date(2024, 11, 5)
        assert (row.history_user, row.history_change_reason) == (editor, Reason.DATED)
    assert latest(release).history_user == editor


@pytest.mark.parametrize("model", ["company", "facility", "event", "release", "footprintclaim"])
def test_each_history_page_renders_with_the_changes(admin_client, model):
    claim = ClaimFactory()
    event = EventFactory(release=claim.release, facility=FacilityFactory(company=claim.company))
    objects = {
        "company": claim.company,
        "facility": event.facility,
        "event": event,
        "release": claim.release,
        "footprintclaim": claim,
    }
    obj = objects[model]
    if model == "event":
        obj.employees = 140
    elif model == "footprintclaim":
        obj.count = 12
    elif model == "release":
        obj.wire = "PR Newswire"
    elif model == "facility":
        obj.name = "Millbrook tile plant"
    else:
        obj.ticker = "HRGC"
    obj.save()

    response = admin_client.get(reverse(f"admin:companies_{model}_history", args=[obj.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Changed by" in page and "Change reason" in page
    assert any(v in page for v in ("140", "12", "PR Newswire", "Millbrook tile plant", "HRGC"))
    assert "&rarr;" in page or "\u2192" in page  # a field diff: old -> new
    assert "Revert" not in page  # history is a record, not an undo button


def test_an_editor_in_the_editors_group_sees_history(client):
    User.objects.create_user("alice", password="pw")
    call_command("setup_editors", "--user", "alice", verbosity=0)
    alice = User.objects.get(username="alice")
    client.force_login(alice)
    release = ReleaseFactory()
    response = client.get(reverse("admin:companies_release_history", args=[release.pk]))
    assert response.status_code == 200
