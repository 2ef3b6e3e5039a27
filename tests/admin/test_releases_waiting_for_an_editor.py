"""The admin side of "nothing is invented": a release without a date and one whose issuer could
not be identified are imported (not failed), shown as waiting for an editor, and completed in the
admin — the date dates their events, the company and a re-extraction propose them."""

import pytest
from django.urls import reverse

from companies.models import Event, Release
from companies.services import imports
from companies.services.imports import NEEDS_COMPANY_WARNING, NEEDS_DATE_WARNING, release_import
from tests.admin import change_form_data
from tests.admin.test_review_actions import messages_of
from tests.factories import CompanyFactory, EventFactory, status_today
from tests.services.test_imports import (
    BRINDLEMOOR_BODY,
    EDITORS_DATE,
    brindlemoor_doc,
    brindlemoor_proposal,
    doc,
)

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:companies_release_import")
RELEASES = reverse("admin:companies_release_changelist")
HEADLINE = "Brindlemoor Textiles to idle a mill and close a dye house"


def change_url(release) -> str:
    return reverse("admin:companies_release_change", args=[release.pk])


@pytest.fixture
def undated_release() -> Release:
    release_import(document=brindlemoor_doc(), proposal=brindlemoor_proposal())
    return Release.objects.get()


@pytest.fixture
def release_without_company() -> Release:
    text = f"{BRINDLEMOOR_BODY} A spokesperson said the mill's looms will be kept in working order."
    result = release_import(
        document=doc(text, name="unsigned.txt"), proposal=brindlemoor_proposal(company=None)
    )
    return result.release


# --- a release without a date ---------------------------------------------------------------


def test_accept_action_refuses_undated_events_and_names_the_release(admin_client, undated_release):
    dated = EventFactory(review_state="proposed")
    selected = [dated, *Event.objects.filter(release=undated_release)]

    response = admin_client.post(
        reverse("admin:companies_event_changelist"),
        {"action": "accept_events", "_selected_action": [e.pk for e in selected]},
        follow=True,
    )

    msgs = messages_of(response)
    assert "Accepted 1 event; facility statuses recomputed." in msgs
    [refusal] = [m for m in msgs if m.startswith("Could not accept")]
    assert "Could not accept 2 events: the release" in refusal
    assert f"\u201c{HEADLINE}\u201d</a> has no publication date" in refusal
    assert change_url(undated_release) in refusal
    assert "Set the release's date to accept its events." in refusal
    assert set(Event.objects.filter(release=undated_release).values_list("review_state", flat=True)) == {
        "proposed"
    }
    assert Event.objects.get(pk=dated.pk).review_state == "accepted"


def test_release_accept_action_refuses_undated_events(admin_client, undated_release):
    response = admin_client.post(
        RELEASES,
        {"action": "accept_proposed_events", "_selected_action": [undated_release.pk]},
        follow=True,
    )
    assert any("Could not accept 2 events" in m and HEADLINE in m for m in messages_of(response))
    assert not Event.objects.accepted().exists()


def test_event_page_refuses_to_accept_an_undated_event(admin_client, undated_release):
    event = Event.objects.get(type="idled")
    url = reverse("admin:companies_event_change", args=[event.pk])
    data = change_form_data(admin_client.get(url))
    data["review_state"] = "accepted"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "has no publication date: set the release&#x27;s date to accept its events" in (
        response.content.decode()
    )
    assert Event.objects.get(pk=event.pk).review_state == "proposed"


def test_release_page_asks_for_the_date(admin_client, undated_release):
    response = admin_client.get(change_url(undated_release))
    assert "Publication date unknown: set the release&#x27;s date to accept its events (2 events wait" in (
        response.content.decode()
    )


def test_setting_the_date_on_the_release_page_dates_its_events(admin_client, undated_release):
    url = change_url(undated_release)
    data = change_form_data(admin_client.get(url))
    data["published"] = EDITORS_DATE.isoformat()

    response = admin_client.post(url, data, follow=True)

    assert response.status_code == 200
    assert set(Event.objects.values_list("announced_date", "review_state")) == {(EDITORS_DATE, "proposed")}
    assert any("2 events of" in m and "took its date 2024-11-05" in m for m in messages_of(response))
    undated_release.refresh_from_db()
    assert "publication date set to 2024-11-05" in undated_release.import_log
    assert "Publication date unknown" not in admin_client.get(url).content.decode()


def test_setting_the_date_and_accepting_an_event_in_one_save(admin_client, undated_release):
    url = change_url(undated_release)
    data = change_form_data(admin_client.get(url))
    data["published"] = EDITORS_DATE.isoformat()
    index = next(i for i in range(2) if data[f"events-{i}-type"] == "idled")
    data[f"events-{index}-review_state"] = "accepted"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    idled = Event.objects.get(type="idled")
    assert (idled.review_state, idled.announced_date) == ("accepted", EDITORS_DATE)
    assert Event.objects.get(type="closed").announced_date == EDITORS_DATE
    status = status_today(idled.facility_id)
    assert (status.status, status.since) == ("idled", EDITORS_DATE)


def test_accepting_an_undated_event_inline_without_a_date_is_refused(admin_client, undated_release):
    url = change_url(undated_release)
    data = change_form_data(admin_client.get(url))
    data["events-0-review_state"] = "accepted"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "has no publication date" in response.content.decode()
    assert not Event.objects.accepted().exists()


# --- a release whose issuer could not be identified ------------------------------------------


def test_release_list_shows_and_filters_what_releases_wait_for(
    admin_client, undated_release, release_without_company
):
    complete = EventFactory(review_state="proposed").release

    listing = admin_client.get(RELEASES)
    rows = {r.pk: r for r in listing.context["cl"].result_list}
    admin = listing.context["cl"].model_admin
    assert admin.needs_col(rows[undated_release.pk]) == "publication date"
    assert admin.needs_col(rows[release_without_company.pk]) == "company"
    assert admin.needs_col(rows[complete.pk]) == ""

    by_company = admin_client.get(RELEASES, {"needs": "company"}).context["cl"].result_list
    by_date = admin_client.get(RELEASES, {"needs": "date"}).context["cl"].result_list
    assert [r.pk for r in by_company] == [release_without_company.pk]
    assert [r.pk for r in by_date] == [undated_release.pk]
    state = admin_client.get(RELEASES, {"import_state__exact": "needs_company"}).context["cl"].result_list
    assert [r.pk for r in state] == [release_without_company.pk]


def test_import_page_keeps_a_release_without_its_company_and_asks_for_it(admin_client, monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: brindlemoor_proposal(company=None))

    response = admin_client.post(IMPORT_URL, {"text": BRINDLEMOOR_BODY}, follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert "imported: issuing company unknown, 2 events waiting for it" in page
    msgs = messages_of(response)
    assert "1 releases imported (0 events proposed, 0 accepted), 0 already imported." in msgs[0]
    assert f"pasted text: {NEEDS_COMPANY_WARNING} to propose its events." in msgs
    assert not any("error" in m.lower() for m in msgs)
    release = Release.objects.get()
    assert (release.body, release.import_state, release.company) == (BRINDLEMOOR_BODY, "needs_company", None)


def test_import_page_warns_about_an_undated_release(admin_client, monkeypatch):
    monkeypatch.setattr(imports, "document_extract", lambda document: brindlemoor_proposal())
    response = admin_client.post(IMPORT_URL, {"text": BRINDLEMOOR_BODY, "accept_above": "0.5"}, follow=True)
    assert f"pasted text: {NEEDS_DATE_WARNING}." in messages_of(response)
    assert "imported: 2 events proposed, 0 accepted; publication date unknown" in response.content.decode()
    assert set(Event.objects.values_list("announced_date", "review_state")) == {(None, "proposed")}


def test_company_set_in_the_admin_then_reextract_proposes_the_events(admin_client, monkeypatch):
    """End to end: import, the release asks for its company, the editor sets it, re-extracts."""
    proposal = brindlemoor_proposal(company=None, published=EDITORS_DATE)
    monkeypatch.setattr(imports, "document_extract", lambda document: proposal)
    admin_client.post(IMPORT_URL, {"text": BRINDLEMOOR_BODY})
    release = Release.objects.get()
    url = change_url(release)

    page = admin_client.get(url).content.decode()
    assert "The issuing company of this release could not be identified" in page

    company = CompanyFactory(name="Brindlemoor Textiles")
    data = change_form_data(admin_client.get(url))
    data["company"] = company.pk
    response = admin_client.post(url, data, follow=True)
    assert any("has its company now: re-extract it" in m for m in messages_of(response))
    release.refresh_from_db()
    assert (release.company, release.import_state) == (company, "needs_company")
    listing = admin_client.get(RELEASES).context["cl"]
    assert listing.model_admin.needs_col(listing.result_list[0]) == "re-extract"

    response = admin_client.post(
        RELEASES, {"action": "reextract_releases", "_selected_action": [release.pk]}, follow=True
    )

    assert "Re-extracted 1 releases" in response.content.decode()
    release.refresh_from_db()
    assert release.import_state == "extracted"
    assert {(e.facility.company, e.announced_date, e.review_state) for e in release.events.all()} == {
        (company, EDITORS_DATE, "proposed")
    }
    assert release.claims.count() == 1
    assert "The issuing company of this release" not in admin_client.get(url).content.decode()


def test_reextract_action_says_when_the_company_is_still_missing(
    admin_client, monkeypatch, release_without_company
):
    monkeypatch.setattr(imports, "document_extract", lambda document: brindlemoor_proposal(company=None))
    response = admin_client.post(
        RELEASES,
        {"action": "reextract_releases", "_selected_action": [release_without_company.pk]},
        follow=True,
    )
    assert f"{HEADLINE}: {NEEDS_COMPANY_WARNING} to propose its events." in messages_of(response)
    assert not Event.objects.exists()
