"""Every changelist, change and add page renders for a superuser, and search finds things."""

import pytest
from django.urls import reverse

from tests.factories import (
    ClaimFactory,
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    ReleaseFactory,
)

MODELS = ["company", "facility", "event", "release", "location", "footprintclaim"]


@pytest.fixture
def world(db):
    """One of everything, linked the way the importer links them."""
    parent = CompanyFactory(name="Wire Holdings")
    company = CompanyFactory(
        name="International Wire Group",
        legal_name="International Wire Group, Inc.",
        aliases="IWG\nInternational Wire",
        ticker="ITWG",
        exchange="Pink Sheets",
        parent=parent,
        industry="Wire and cable",
    )
    location = LocationFactory(locality="Jewett City", region="US-CT", country="US")
    facility = FacilityFactory(company=company, location=location, name="Jewett City plant")
    event = EventFactory(facility=facility, type="idled")
    claim = ClaimFactory(release=event.release)
    return {
        "company": company,
        "facility": facility,
        "event": event,
        "release": event.release,
        "location": location,
        "footprintclaim": claim,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_changelist_renders(admin_client, world, model):
    response = admin_client.get(reverse(f"admin:companies_{model}_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_change_page_renders(admin_client, world, model):
    response = admin_client.get(reverse(f"admin:companies_{model}_change", args=[world[model].pk]))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_add_page_renders(admin_client, world, model):
    assert admin_client.get(reverse(f"admin:companies_{model}_add")).status_code == 200


def _search(client, model, query, **params):
    response = client.get(reverse(f"admin:companies_{model}_changelist"), {"q": query, **params})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["international", "Wire Group, Inc", "IWG", "itwg"])
def test_company_search_by_name_legal_name_alias_ticker(admin_client, world, query):
    CompanyFactory(name="Unrelated Steel")
    assert _search(admin_client, "company", query) == [world["company"]]


@pytest.mark.django_db
def test_company_list_shows_status_counts(admin_client, world):
    FacilityFactory(company=world["company"])  # no events: unknown
    response = admin_client.get(reverse("admin:companies_company_changelist"), {"q": "ITWG"})
    (company,) = response.context["cl"].result_list
    assert (company.open_count, company.idled_count, company.closed_count) == (0, 1, 0)
    assert "Pink Sheets: ITWG" in response.content.decode()


@pytest.mark.django_db
def test_company_filters(admin_client, world):
    url = reverse("admin:companies_company_changelist")
    subsidiaries = admin_client.get(url, {"has_parent": "yes"}).context["cl"].result_list
    assert list(subsidiaries) == [world["company"]]
    by_industry = admin_client.get(url, {"industry": "Wire and cable"}).context["cl"].result_list
    assert list(by_industry) == [world["company"]]


@pytest.mark.django_db
def test_facility_search_and_filters(admin_client, world):
    other = FacilityFactory(location=LocationFactory(locality="Liège", region="BE-WLG", country="BE"))
    assert _search(admin_client, "facility", "Jewett") == [world["facility"]]
    assert _search(admin_client, "facility", "", country="BE") == [other]
    assert _search(admin_client, "facility", "", status="idled") == [world["facility"]]
    response = admin_client.get(reverse("admin:companies_facility_changelist"))
    assert "Belgium (BE)" in response.content.decode()


@pytest.mark.django_db
def test_event_search_and_filters(admin_client, world):
    EventFactory(type="closed", evidence="The Liège mill will close.")
    assert _search(admin_client, "event", "Jewett") == [world["event"]]
    assert _search(admin_client, "event", "International Wire") == [world["event"]]
    assert _search(admin_client, "event", "idling production") == [world["event"]]
    assert _search(admin_client, "event", "", type="idled") == [world["event"]]
    assert _search(admin_client, "event", "", review_state="proposed") == []
    assert _search(admin_client, "event", "", announced_date__year="2009") != []


@pytest.mark.django_db
def test_release_search_and_list(admin_client, world):
    ReleaseFactory(headline="Something else", body="Nothing to see.")
    assert _search(admin_client, "release", "idling a plant") == [world["release"]]
    response = admin_client.get(reverse("admin:companies_release_changelist"), {"q": "idling a plant"})
    (release,) = response.context["cl"].result_list
    assert release.event_count == 1


@pytest.mark.django_db
def test_location_search_and_needs_review(admin_client, world):
    unresolved = LocationFactory(locality="Nowhere Falls", region="", country="", resolved=False)
    assert _search(admin_client, "location", "Jewett") == [world["location"]]
    assert _search(admin_client, "location", "", needs_review="yes") == [unresolved]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "term", "expected"),
    [
        ("company", "Internat", "company"),
        ("location", "Jewett", "location"),
        ("facility", "Jewett", "facility"),
    ],
)
def test_autocomplete_endpoints(admin_client, world, model, term, expected):
    """The autocomplete widgets' backing view finds records by their admin search fields."""
    field = {"company": ("facility", "company"), "location": ("facility", "location")}.get(
        model, ("event", "facility")
    )
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "companies", "model_name": field[0], "field_name": field[1]},
    )
    assert response.status_code == 200
    ids = [r["id"] for r in response.json()["results"]]
    assert ids == [str(world[expected].pk)]


@pytest.mark.django_db
def test_company_change_page_lists_facilities_read_only(admin_client, world):
    url = reverse("admin:companies_company_change", args=[world["company"].pk])
    html = admin_client.get(url).content.decode()
    facility_url = reverse("admin:companies_facility_change", args=[world["facility"].pk])
    assert f'href="{facility_url}"' in html
    assert "Idled" in html
    assert "2009-03-24" in html or "March 24, 2009" in html
    assert f"{reverse('admin:companies_facility_add')}?company={world['company'].pk}" in html
    assert 'name="facilities-0-status"' not in html
    # The latest claim is shown against the known facilities.
    assert "19 facilities (United States, Belgium, France, Italy)" in html


@pytest.mark.django_db
def test_facility_add_prefills_company_from_link(admin_client, world):
    url = reverse("admin:companies_facility_add") + f"?company={world['company'].pk}"
    response = admin_client.get(url)
    assert response.context["adminform"].form.initial["company"] == str(world["company"].pk)


@pytest.mark.django_db
def test_facility_pages_show_an_announced_future_closure(admin_client):
    import datetime

    event = EventFactory(
        type="closed", announced_date=datetime.date(2024, 1, 5), effective_date=datetime.date(2099, 6, 30)
    )
    listing = admin_client.get(reverse("admin:companies_facility_changelist")).content.decode()
    assert "Closure announced for 2099-06-30" in listing
    page = admin_client.get(reverse("admin:companies_facility_change", args=[event.facility_id]))
    assert "Closure announced for 2099-06-30" in page.content.decode()
    assert page.context["original"].span.status == "open"
