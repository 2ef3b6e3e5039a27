"""The review page of one release (companies/admin/review.py): display, permissions, CSRF, each
form, bad input kept, and its query count."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Company, Event, Facility, ImportState
from companies.services.review_places import place_choose
from tests.factories import CompanyFactory, EventFactory, FacilityFactory, LocationFactory, ReleaseFactory
from tests.services.test_review import DAY, PAPER_BODY, SALE_BODY, memphis_idling

pytestmark = pytest.mark.django_db


def url(release) -> str:
    return reverse("admin:companies_release_review", args=[release.pk])


def row_data(event, **changes) -> dict:
    """The row's form as the page sends it, with ``changes``."""
    prefix = f"e{event.pk}"
    data = {
        "action": "row",
        "event": event.pk,
        f"{prefix}-type": event.type,
        f"{prefix}-place": event.facility.location.label,
        f"{prefix}-place_id": "",
        f"{prefix}-announced_date": event.announced_date.isoformat() if event.announced_date else "",
        f"{prefix}-effective_date": "",
        f"{prefix}-employees": "",
    }
    data.update({f"{prefix}-{k}" if not k.startswith("_") else k: v for k, v in changes.items()})
    return data


def editor_client() -> Client:
    call_command("setup_editors", verbosity=0, stdout=StringIO())
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


# --- what the page shows -------------------------------------------------------------------------


def test_the_page_shows_text_numbered_evidence_and_one_row_per_proposal(admin_client):
    event = memphis_idling()
    html = admin_client.get(url(event.release)).content.decode()
    assert f'id="evidence-{event.pk}"' in html and 'data-n="1"' in html
    assert f'id="row-{event.pk}"' in html
    assert 'value="Memphis, TN, US"' in html  # the place, editable on the row
    assert "Memphis mill" in html and "95%" in html
    assert "Accept all" in html and "Reject the rest" in html
    assert "Add an event from the text" in html


def test_proposals_the_importer_set_aside_are_shown_for_the_editor(admin_client):
    event = memphis_idling()
    release = event.release
    release.extraction = {
        "events": [],
        "set_aside": [
            {"type": "opened", "locality": "Erie", "region": "US-PA", "country": "US",
             "evidence": "The company opened its Erie plant in 1987.", "confidence": 0.31}
        ],
    }  # fmt: skip
    release.save()
    html = admin_client.get(url(release)).content.decode()
    assert 'id="set-aside"' in html
    assert "<b>opened</b> at Erie, PA, US" in html and "31% likely" in html
    assert "opened its Erie plant in 1987" in html


def test_nothing_set_aside_shows_no_set_aside_box(admin_client):
    event = memphis_idling()
    event.release.extraction = {"events": [], "set_aside": []}
    event.release.save()
    assert 'id="set-aside"' not in admin_client.get(url(event.release)).content.decode()


def test_a_sale_is_one_row_naming_the_buyer(admin_client):
    from companies.services.review import event_add_from_text

    release = ReleaseFactory(company=CompanyFactory(name="Northwind Timber"), body=SALE_BODY, published=DAY)
    event_add_from_text(
        release=release, type="sold", places=[place_choose(text="Troy, Ohio")], counterparty="Harrow Lumber"
    )
    html = admin_client.get(url(release)).content.decode()
    assert html.count('class="review-row ') == 1
    assert "to Harrow Lumber" in html
    sold = Event.objects.get(type="sold")
    assert "disabled" in html.split(f'name="e{sold.pk}-type"')[1].split(">")[0]

    # The row's type cannot be sent (disabled); accepting the row accepts both sides.
    data = row_data(sold, _accept="1")
    del data[f"e{sold.pk}-type"]
    assert admin_client.post(url(release), data).status_code == 302
    assert set(Event.objects.values_list("review_state", flat=True)) == {"accepted"}


def test_a_release_without_date_or_issuer_asks_for_them(admin_client):
    release = ReleaseFactory(company=None, published=None, import_state=ImportState.NEEDS_COMPANY)
    html = admin_client.get(url(release)).content.decode()
    assert 'id="complete-release"' in html
    assert "does not say its date or who issued it" in html
    assert 'name="published"' in html and 'name="company"' in html


def test_reached_from_the_release_list_and_change_page(admin_client):
    release = ReleaseFactory()
    assert url(release) in admin_client.get(reverse("admin:companies_release_changelist")).content.decode()
    change = admin_client.get(reverse("admin:companies_release_change", args=[release.pk])).content.decode()
    assert url(release) in change


# --- permissions and CSRF -------------------------------------------------------------------------


def test_editors_may_review(admin_client):
    event = memphis_idling()
    client = editor_client()
    assert client.get(url(event.release)).status_code == 200
    response = client.post(url(event.release), row_data(event, _accept="1"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.review_state == "accepted"


def test_staff_without_permissions_and_anonymous_users_may_not():
    event = memphis_idling()
    staff = User.objects.create_user("staff", password="pw", is_staff=True)
    client = Client()
    assert client.get(url(event.release)).status_code == 302  # to the login page
    client.force_login(staff)
    assert client.get(url(event.release)).status_code == 403
    assert client.post(url(event.release), row_data(event, _accept="1")).status_code == 403
    assert client.get(reverse("admin:companies_release_review_places") + "?q=jay").status_code == 403
    event.refresh_from_db()
    assert event.review_state == "proposed"


def test_a_viewer_sees_the_page_without_its_buttons():
    from django.contrib.auth.models import Permission

    event = memphis_idling()
    viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__in=["view_release", "view_event"]))
    client = Client()
    client.force_login(viewer)
    html = client.get(url(event.release)).content.decode()
    assert f'id="row-{event.pk}"' in html
    assert "Accept all" not in html and "Add an event from the text" not in html
    assert client.post(url(event.release), {"action": "accept_all"}).status_code == 403


def test_a_post_without_the_csrf_token_is_refused():
    event = memphis_idling()
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    assert client.post(url(event.release), row_data(event, _accept="1")).status_code == 403
    event.refresh_from_db()
    assert event.review_state == "proposed"


# --- rows -------------------------------------------------------------------------------------


def test_a_wrong_place_is_fixed_and_accepted_in_one_post(admin_client):
    event = memphis_idling()
    old = event.facility
    response = admin_client.post(url(event.release), row_data(event, place="Jay, Maine", _accept="1"))
    assert response.status_code == 302 and response["Location"].endswith(f"#row-{event.pk}")
    event.refresh_from_db()
    assert event.facility.location.label == "Jay, ME, US" and event.review_state == "accepted"
    assert not Facility.objects.filter(pk=old.pk).exists()
    # The audit history says who moved and accepted it, and why.
    reasons = {(h.history_user.username, h.history_change_reason) for h in event.history.all()[:2]}
    assert reasons == {("admin", "moved to another place"), ("admin", "accepted")}


def test_a_place_picked_from_the_suggestions_is_used(admin_client):
    event = memphis_idling()
    picked = place_choose(text="Jay, Maine")
    admin_client.post(
        url(event.release), row_data(event, place=picked.label, place_id=picked.geonames_id, _save="1")
    )
    event.refresh_from_db()
    assert event.facility.location.geonames_id == picked.geonames_id
    assert event.review_state == "proposed"


def test_bad_input_on_a_row_says_why_and_keeps_what_was_typed(admin_client):
    event = memphis_idling()
    response = admin_client.post(
        url(event.release), row_data(event, place="Qqqxyzzy Falls", employees="12", _accept="1")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "No place \u201cQqqxyzzy Falls\u201d in the gazetteer" in html
    assert 'value="Qqqxyzzy Falls"' in html and 'value="12"' in html
    event.refresh_from_db()
    assert (event.review_state, event.employees, event.facility.location.locality) == (
        "proposed",
        None,
        "Memphis",
    )


def test_a_bad_date_on_a_row_is_refused(admin_client):
    event = memphis_idling()
    response = admin_client.post(url(event.release), row_data(event, announced_date="2026-13-40", _save="1"))
    assert response.status_code == 200
    assert 'value="2026-13-40"' in response.content.decode()
    event.refresh_from_db()
    assert event.announced_date == DAY


def test_reject_and_accept_all_and_reject_the_rest(admin_client):
    event = memphis_idling()
    admin_client.post(url(event.release), row_data(event, _reject="1"))
    event.refresh_from_db()
    assert event.review_state == "rejected"

    others = [
        EventFactory(
            facility=FacilityFactory(company=event.release.company),
            release=event.release,
            review_state="proposed",
        )
        for _ in range(2)
    ]
    admin_client.post(url(event.release), {"action": "accept_all"})
    assert {e.review_state for e in Event.objects.filter(pk__in=[o.pk for o in others])} == {"accepted"}
    EventFactory(
        facility=FacilityFactory(company=event.release.company),
        release=event.release,
        review_state="proposed",
    )
    admin_client.post(url(event.release), {"action": "reject_rest"})
    assert not Event.objects.filter(release=event.release, review_state="proposed").exists()


# --- the release's date and issuer -----------------------------------------------------------------


def test_the_date_given_at_the_top_fills_every_row(admin_client):
    release = ReleaseFactory(published=None)
    event = EventFactory(
        facility=FacilityFactory(company=release.company),
        release=release,
        announced_date=None,
        review_state="proposed",
    )
    response = admin_client.post(url(release), {"action": "complete", "published": "2026-05-04"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.announced_date == datetime.date(2026, 5, 4)


def test_a_bad_date_at_the_top_is_refused_and_kept(admin_client):
    release = ReleaseFactory(published=None)
    response = admin_client.post(url(release), {"action": "complete", "published": "May the 4th"})
    assert response.status_code == 200
    assert 'value="May the 4th"' in response.content.decode()


def test_an_issuer_picked_from_the_companies_is_used(admin_client):
    company = CompanyFactory(name="Quillfeather Motors")
    release = ReleaseFactory(company=None, published=DAY)
    admin_client.post(url(release), {"action": "complete", "company": "Quill", "company_id": company.pk})
    release.refresh_from_db()
    assert release.company == company
    assert Company.objects.count() == 1


# --- adding an event ----------------------------------------------------------------------------


def test_an_event_is_added_from_picked_places(admin_client):
    release = ReleaseFactory(company=CompanyFactory(name="Northwind Timber"), body=SALE_BODY, published=DAY)
    picks = [place_choose(text="Chapleau, Ontario"), place_choose(text="Troy, Ohio")]
    response = admin_client.post(
        url(release),
        {
            "action": "add",
            "add-type": "sold",
            "add-picks": [f"{p.geonames_id}|{p.label}" for p in picks],
            "add-counterparty": "Harrow Lumber Ltd.",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#add-event")
    assert Event.objects.filter(release=release, type="sold", review_state="accepted").count() == 2
    assert Company.objects.filter(name="Harrow Lumber").exists()


def test_adding_with_a_mistake_keeps_the_form(admin_client):
    release = ReleaseFactory(body=PAPER_BODY, published=DAY)
    jay = place_choose(text="Jay, Maine")
    response = admin_client.post(
        url(release),
        {
            "action": "add",
            "add-type": "sold",
            "add-picks": [f"{jay.geonames_id}|{jay.label}"],
            "add-employees": "40",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A sale names its buyer" in html
    assert f'value="{jay.geonames_id}|{jay.label}"' in html and 'value="40"' in html
    assert not Event.objects.exists()


def test_the_gazetteer_autocomplete(admin_client):
    response = admin_client.get(reverse("admin:companies_release_review_places") + "?q=chapleau")
    results = response.json()["results"]
    assert results[0]["label"] == "Chapleau, ON, CA" and results[0]["geonames_id"]


# --- query count ------------------------------------------------------------------------------------


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_proposals(release, n: int) -> None:
    for _ in range(n):
        location = LocationFactory()
        facility = FacilityFactory(company=release.company, location=location)
        EventFactory(facility=facility, release=release, review_state="proposed")


def test_query_count_is_the_same_for_3_and_30_rows(admin_client):
    release = ReleaseFactory()
    add_proposals(release, 3)
    admin_client.get(url(release))  # warm the session and content-type caches
    small = count_queries(admin_client, url(release))
    add_proposals(release, 27)
    large = count_queries(admin_client, url(release))
    assert large == small, f"{small} queries for 3 rows, {large} for 30"
    assert small <= 10


# --- what review leaves behind never shows publicly ----------------------------------------------


def debris():
    """A company with one accepted facility, and one the editor rejected (in another country)."""
    event = memphis_idling()
    kept = EventFactory(
        facility=FacilityFactory(company=event.facility.company, name="Kept mill"),
        release=event.release,
        type="closed",
    )
    helsinki = LocationFactory(locality="Helsinki", region="", country="FI", latitude=60.17, longitude=24.94)
    rejected = FacilityFactory(company=event.facility.company, location=helsinki, name="Rejected mill")
    EventFactory(facility=rejected, release=event.release, type="closed", review_state="rejected")
    return kept.facility, rejected, event.facility


@pytest.mark.parametrize("path", ["company", "explorer", "csv", "geojson", "home", "release", "api"])
def test_a_facility_without_accepted_events_shows_nowhere_public(client, path):
    kept, rejected, proposed = debris()
    company = kept.company
    urls = {
        "company": company.get_absolute_url(),
        "explorer": reverse("companies:facility_list"),
        "csv": reverse("companies:facility_list") + "?format=csv",
        "geojson": reverse("companies:facility_list") + "?format=geojson",
        "home": "/",
        "release": proposed.events.get().release.get_absolute_url(),
        "api": f"/api/companies/{company.slug}/",
    }
    response = client.get(urls[path])
    assert response.status_code == 200
    text = b"".join(response.streaming_content) if response.streaming else response.content
    text = text.decode()
    assert "Rejected mill" not in text and "Memphis mill" not in text
    if path in ("company", "explorer", "csv", "geojson"):
        assert "Kept mill" in text
    if path == "explorer":
        assert "Finland" not in text  # the place filter offers only places in a footprint


def test_a_facility_without_accepted_events_has_no_public_page(client):
    kept, rejected, proposed = debris()
    assert client.get(kept.get_absolute_url()).status_code == 200
    assert client.get(rejected.get_absolute_url()).status_code == 404
    assert client.get(proposed.get_absolute_url()).status_code == 404
