"""The facility page: events inline drive the status; the status itself is never a form field."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from companies.admin.facilities import FacilityAdmin
from companies.models import Company, Event, Facility, Release, StatusSpan
from companies.services.events import event_accept
from tests.admin import add_inline_row, change_form_data
from tests.factories import EventFactory, FacilityFactory, ReleaseFactory, status_today

STATUS_FIELDS = {"status", "status_since", "status_event", "pending_type", "pending_date", "span", "spans"}


def change_url(facility):
    return reverse("admin:companies_facility_change", args=[facility.pk])


@pytest.mark.django_db
def test_adding_an_event_inline_updates_the_status(admin_client):
    facility = FacilityFactory()
    release = ReleaseFactory(company=facility.company, published=datetime.date(2009, 3, 24))
    data = change_form_data(admin_client.get(change_url(facility)))
    add_inline_row(
        data,
        "events",
        {
            "type": "idled",
            "announced_date": "2009-03-24",
            "release": release.pk,
            "evidence": "It is idling production at its Jewett City plant.",
            "confidence": "0.9",
            "review_state": "accepted",
        },
    )
    data["_continue"] = "1"

    response = admin_client.post(change_url(facility), data, follow=True)

    assert response.status_code == 200
    assert not response.context["adminform"].form.errors
    stored = status_today(facility)
    assert stored.status == "idled"
    assert stored.since == datetime.date(2009, 3, 24)
    event = Event.objects.get(facility=facility)
    assert stored.event == event
    assert event.reviewed_at is not None
    # The page shown after saving reads the fresh spans.
    assert response.context["original"].span.status == "idled"
    assert "2009-03-24" in response.content.decode() or "March 24, 2009" in response.content.decode()


@pytest.mark.django_db
def test_accepting_and_deleting_events_inline(admin_client):
    facility = FacilityFactory()
    EventFactory(facility=facility, type="opened", announced_date=datetime.date(2001, 1, 1))
    closure = EventFactory(
        facility=facility, type="closed", announced_date=datetime.date(2009, 3, 24), review_state="proposed"
    )
    assert status_today(facility).status == "open"

    data = change_form_data(admin_client.get(change_url(facility)))
    index = next(i for i in range(2) if data[f"events-{i}-id"] == closure.pk)
    data[f"events-{index}-review_state"] = "accepted"
    assert admin_client.post(change_url(facility), data).status_code == 302
    assert status_today(facility).status == "closed"

    data = change_form_data(admin_client.get(change_url(facility)))
    data[f"events-{index}-DELETE"] = "on"
    assert admin_client.post(change_url(facility), data).status_code == 302
    assert status_today(facility).status == "open"


@pytest.mark.django_db
def test_adding_a_facility_with_its_first_event(admin_client):
    facility = FacilityFactory.build()
    company = Company.objects.create(name="Newco", slug="newco")
    location = facility.location
    location.save()
    data = change_form_data(admin_client.get(reverse("admin:companies_facility_add")))
    data.update({"company": company.pk, "location": location.pk, "name": "Newco mill", "kind": "mill"})
    add_inline_row(
        data,
        "events",
        {"type": "opened", "announced_date": "2010-05-01", "confidence": "1", "review_state": "accepted"},
    )
    response = admin_client.post(reverse("admin:companies_facility_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = status_today(Facility.objects.get(name="Newco mill"))
    assert (created.status, created.since) == ("open", datetime.date(2010, 5, 1))


@pytest.mark.django_db
def test_status_fields_are_not_in_any_admin_form(admin_client, admin_user):
    facility = EventFactory(type="idled").facility
    request = RequestFactory().get("/")
    request.user = admin_user
    model_admin = FacilityAdmin(Facility, admin.site)
    form_fields = set(model_admin.get_form(request, facility).base_fields)
    assert not form_fields & STATUS_FIELDS
    html = admin_client.get(change_url(facility)).content.decode()
    for name in STATUS_FIELDS:
        assert f'name="{name}"' not in html


@pytest.mark.django_db
def test_posting_a_status_is_ignored(admin_client):
    facility = EventFactory(type="idled").facility
    data = change_form_data(admin_client.get(change_url(facility)))
    data.update({"status": "closed", "status_since": "2020-01-01", "pending_type": "sold"})
    assert admin_client.post(change_url(facility), data).status_code == 302
    stored = status_today(facility)
    assert (stored.status, stored.since, stored.pending_type) == (
        "idled",
        datetime.date(2009, 3, 24),
        "",
    )


@pytest.mark.django_db
def test_saving_a_stale_facility_does_not_overwrite_a_fresher_status(admin_user):
    """Editor A opened the facility before editor B accepted an event; A's save keeps B's status."""
    proposed = EventFactory(type="closed", review_state="proposed")
    stale = Facility.objects.on(timezone.localdate()).with_span().get(pk=proposed.facility_id)
    assert getattr(stale, "span", None) is None
    event_accept(event=proposed)  # editor B, meanwhile

    stale.name = "Renamed plant"
    request = RequestFactory().post("/")
    request.user = admin_user
    model_admin = FacilityAdmin(Facility, admin.site)
    form = model_admin.get_form(request, stale)(instance=stale)
    model_admin.save_model(request, stale, form, change=True)

    assert Facility.objects.get(pk=stale.pk).name == "Renamed plant"
    assert status_today(stale).status == "closed"


@pytest.mark.django_db
def test_editing_a_facility_keeps_its_status(admin_client):
    facility = EventFactory(type="idled").facility
    data = change_form_data(admin_client.get(change_url(facility)))
    data["name"] = "Jewett City works"
    assert admin_client.post(change_url(facility), data).status_code == 302
    assert Facility.objects.get(pk=facility.pk).name == "Jewett City works"
    assert status_today(facility).status == "idled"


@pytest.mark.django_db
def test_release_page_adds_an_event_for_a_facility(admin_client):
    facility = FacilityFactory()
    release = ReleaseFactory(company=facility.company)
    url = reverse("admin:companies_release_change", args=[release.pk])
    response = admin_client.get(url)
    data = change_form_data(response)
    add_inline_row(
        data,
        "events",
        {
            "type": "closed",
            "facility": facility.pk,
            "announced_date": "2009-03-24",
            "evidence": "The plant will close.",
            "confidence": "0.8",
            "review_state": "accepted",
        },
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert status_today(facility).status == "closed"
    assert Release.objects.get(pk=release.pk).events.count() == 1


@pytest.mark.django_db
def test_release_event_inline_rejects_another_companys_facility(admin_client):
    facility = FacilityFactory()
    release = ReleaseFactory()  # about another company
    url = reverse("admin:companies_release_change", args=[release.pk])
    data = change_form_data(admin_client.get(url))
    add_inline_row(
        data,
        "events",
        {
            "type": "closed",
            "facility": facility.pk,
            "announced_date": "2009-03-24",
            "evidence": "The plant will close.",
            "confidence": "0.8",
            "review_state": "accepted",
        },
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "another company" in response.content.decode()
    assert status_today(facility).status is None


@pytest.mark.django_db
def test_the_changelist_filters_sorts_and_deletes_by_todays_status(admin_client):
    idled = EventFactory(type="idled").facility
    eventless = FacilityFactory()
    url = reverse("admin:companies_facility_changelist")
    listed = admin_client.get(url, {"status": "idled", "o": "5"}).context["cl"].result_list
    assert list(listed) == [idled]
    assert list(admin_client.get(url, {"status": "none"}).context["cl"].result_list) == [eventless]
    data = {"action": "delete_selected", "_selected_action": [idled.pk, eventless.pk], "post": "yes"}
    assert admin_client.post(url, data).status_code == 302
    assert not Facility.objects.exists() and not StatusSpan.objects.exists()
