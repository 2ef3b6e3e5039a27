"""Accepting and rejecting events from the event changelist recomputes facility statuses."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from companies.models import Event, StatusSpan
from tests.factories import EventFactory, FacilityFactory, status_today

CHANGELIST = "admin:companies_event_changelist"


def run_action(client, action, events):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [e.pk for e in events]},
        follow=True,
    )


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)] or [
        str(m) for m in response.context["messages"]
    ]


@pytest.mark.django_db
def test_accepting_proposed_events_sets_the_status_they_imply(admin_client):
    jewett = FacilityFactory(name="Jewett City plant")
    littleton = FacilityFactory(company=jewett.company, name="Littleton plant")
    events = [EventFactory(facility=f, type="idled", review_state="proposed") for f in (jewett, littleton)]
    assert status_today(jewett.pk).status is None

    response = run_action(admin_client, "accept_events", events)

    assert response.status_code == 200
    for facility in (jewett, littleton):
        status = status_today(facility)
        assert (status.status, status.since) == ("idled", datetime.date(2009, 3, 24))
    assert all(e.review_state == "accepted" and e.reviewed_at for e in Event.objects.all())
    assert "Accepted 2 events; facility statuses recomputed." in messages_of(response)


@pytest.mark.django_db
def test_accept_reports_events_already_accepted(admin_client):
    accepted = EventFactory(review_state="accepted")
    proposed = EventFactory(review_state="proposed")
    response = run_action(admin_client, "accept_events", [accepted, proposed])
    msgs = messages_of(response)
    assert "Accepted 1 event; facility statuses recomputed." in msgs
    assert "1 event was already accepted." in msgs


@pytest.mark.django_db
def test_rejecting_an_accepted_event_reverts_the_status(admin_client):
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=datetime.date(2001, 5, 1))
    closure = EventFactory(facility=facility, type="closed", announced_date=datetime.date(2009, 3, 24))
    assert status_today(facility.pk).status == "closed"

    response = run_action(admin_client, "reject_events", [closure])

    status = status_today(facility)
    assert (status.status, status.since) == ("open", datetime.date(2001, 5, 1))
    assert Event.objects.get(pk=closure.pk).review_state == "rejected"
    assert "Rejected 1 event; facility statuses recomputed." in messages_of(response)


@pytest.mark.django_db
def test_rejecting_the_only_event_leaves_no_status(admin_client):
    event = EventFactory(type="idled")
    run_action(admin_client, "reject_events", [event])
    status = status_today(event.facility_id)
    assert (status.status, status.since, status.event) == (None, None, None)
    assert not StatusSpan.objects.filter(facility_id=event.facility_id).exists()


@pytest.mark.django_db
def test_changing_review_state_on_the_event_page_refreshes_status(admin_client):
    from tests.admin import change_form_data

    event = EventFactory(type="idled", review_state="proposed")
    url = reverse("admin:companies_event_change", args=[event.pk])
    data = change_form_data(admin_client.get(url))
    data["review_state"] = "accepted"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert status_today(event.facility_id).status == "idled"
    assert Event.objects.get(pk=event.pk).reviewed_at is not None


@pytest.mark.django_db
def test_deleting_events_from_the_changelist_refreshes_status(admin_client):
    event = EventFactory(type="idled")
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert status_today(event.facility_id).status is None


@pytest.mark.django_db
def test_release_action_accepts_its_proposed_events(admin_client):
    event = EventFactory(type="closed", review_state="proposed")
    admin_client.post(
        reverse("admin:companies_release_changelist"),
        {"action": "accept_proposed_events", "_selected_action": [event.release_id]},
    )
    assert status_today(event.facility_id).status == "closed"


def idled_section(html: str) -> str:
    """The company page's Idled group, up to the next group heading."""
    start = html.index('id="group-idled"')
    end = html.index('id="group-closed"', start)
    return html[start:end]


@pytest.mark.django_db
def test_accept_then_reject_in_the_admin_changes_the_company_page(admin_client, client):
    facility = FacilityFactory(name="Jewett City plant")
    event = EventFactory(facility=facility, type="idled", review_state="proposed")
    page = facility.company.get_absolute_url()
    assert "Jewett City plant" not in idled_section(client.get(page).content.decode())

    run_action(admin_client, "accept_events", [event])
    idled = idled_section(client.get(page).content.decode())
    assert "Jewett City plant" in idled and "2009-03-24" in idled

    run_action(admin_client, "reject_events", [event])
    assert "Jewett City plant" not in idled_section(client.get(page).content.decode())
