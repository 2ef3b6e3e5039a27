"""Saving releases (with claims) and companies through their admin forms."""

import datetime

import pytest
from django.urls import reverse

from companies.models import Company, FootprintClaim, Release
from tests.admin import add_inline_row, change_form_data
from tests.factories import CompanyFactory, EventFactory, FacilityFactory, ReleaseFactory


@pytest.mark.django_db
def test_a_duplicate_release_text_is_refused_with_a_link(admin_client):
    existing = ReleaseFactory(body="Acme   today announced\nit is idling a plant.")
    url = reverse("admin:companies_release_add")
    data = change_form_data(admin_client.get(url))
    data.update(
        {"headline": "Copy", "body": "Acme today announced it is idling a plant.", "import_state": "new"}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "The same text is already stored" in response.content.decode()
    assert reverse("admin:companies_release_change", args=[existing.pk]) in response.content.decode()
    assert Release.objects.count() == 1


@pytest.mark.django_db
def test_a_release_is_added_with_its_hash(admin_client):
    company = CompanyFactory()
    url = reverse("admin:companies_release_add")
    data = change_form_data(admin_client.get(url))
    data.update(
        {
            "headline": "Acme idles a plant",
            "body": "Acme today announced it is idling its Testville plant.",
            "company": company.pk,
            "published": "2009-03-24",
            "import_state": "new",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert len(Release.objects.get().content_hash) == 64


@pytest.mark.django_db
def test_claims_inline_takes_country_codes_as_text(admin_client):
    release = ReleaseFactory()
    url = reverse("admin:companies_release_change", args=[release.pk])
    response = admin_client.get(url)
    data = change_form_data(response)
    # New claim rows default to the release's company.
    assert (
        response.context["inline_admin_formsets"][1].formset.empty_form["company"].value()
        == release.company_id
    )
    add_inline_row(
        data,
        "claims",
        {"count": "19", "countries": "us, BE; FR IT", "qualifier": "", "company": release.company_id},
    )
    assert admin_client.post(url, data).status_code == 302
    claim = FootprintClaim.objects.get()
    assert claim.countries == ["US", "BE", "FR", "IT"]

    # Unchanged on a second save; shown back as text.
    response = admin_client.get(url)
    assert 'value="US, BE, FR, IT"' in response.content.decode()
    data = change_form_data(response)
    assert admin_client.post(url, data).status_code == 302

    data["claims-0-countries"] = "US, ZZ"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Not ISO 3166 country codes: ZZ" in response.content.decode()


@pytest.mark.django_db
def test_saving_a_company_keeps_its_facilities_and_their_status(admin_client):
    event = EventFactory(type="idled")
    FacilityFactory(company=event.facility.company)
    company = event.facility.company
    url = reverse("admin:companies_company_change", args=[company.pk])
    data = change_form_data(admin_client.get(url))
    assert data["facilities-TOTAL_FORMS"] == 2
    data["industry"] = "Wire"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Company.objects.get(pk=company.pk).industry == "Wire"
    assert company.facilities.count() == 2
    statuses = company.facilities.on(datetime.date.today()).values_list("span__status", flat=True)
    assert set(statuses) == {"idled", None}


@pytest.mark.django_db
def test_adding_a_company(admin_client):
    parent = CompanyFactory(name="Parent Corp")
    url = reverse("admin:companies_company_add")
    data = change_form_data(admin_client.get(url))
    data.update({"name": "Child Co", "slug": "child-co", "parent": parent.pk, "website": "example.com"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    child = Company.objects.get(slug="child-co")
    assert child.parent == parent
    assert child.website == "https://example.com"
