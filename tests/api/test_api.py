"""The read-only JSON API: envelopes, filters shared with the pages, as_of, errors, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.models import Company
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    build_iwg_footprint,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def iwg():
    return build_iwg_footprint()


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


# --- companies ------------------------------------------------------------------------------


def test_company_list_envelope_and_counts(client, iwg):
    CompanyFactory(name="Zeta Mills", slug="zeta-mills")
    data = get(client, "/api/companies/")
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    company = data["results"][0]
    assert company["slug"] == "international-wire-group"
    assert company["url"] == "http://testserver/companies/international-wire-group/"
    assert company["api_url"] == "http://testserver/api/companies/international-wire-group/"
    assert company["status_counts"] == {"open": 1, "idled": 2, "closed": 0, "sold": 0, "planned": 0}
    assert company["facility_count"] == 3
    assert company["ticker"] == "ITWG" and company["aliases"] == ["IWG", "International Wire"]


@pytest.mark.parametrize("q", ["international", "IWG", "itwg"])
def test_company_search(client, iwg, q):
    CompanyFactory(name="Zeta Mills", slug="zeta-mills")
    assert [c["slug"] for c in get(client, "/api/companies/", {"q": q})["results"]] == [
        "international-wire-group"
    ]


def test_company_detail_with_facilities_and_statuses(client, iwg):
    parent = CompanyFactory(slug="holding")
    iwg.company.parent = parent
    iwg.company.save()
    CompanyFactory(slug="iwg-europe", parent=iwg.company)
    data = get(client, "/api/companies/international-wire-group/")
    assert data["as_of"] is None
    assert data["parent"]["slug"] == "holding"
    assert [s["slug"] for s in data["subsidiaries"]] == ["iwg-europe"]
    statuses = {f["name"]: f["status"] for f in data["facilities"]}
    assert statuses == {"Camden plant": "open", "Jewett City plant": "idled", "Littleton plant": "idled"}
    jewett = next(f for f in data["facilities"] if f["name"] == "Jewett City plant")
    assert jewett["status_since"] == "2009-03-24"
    assert jewett["location"] == {
        "locality": "Jewett City",
        "region": "US-CT",
        "country": "US",
        "latitude": 41.6065,
        "longitude": -71.9806,
    }
    assert jewett["source_release"]["url"] == f"http://testserver{iwg.release.get_absolute_url()}"
    assert jewett["source_release"]["source_url"] == iwg.release.url
    assert jewett["url"] == f"http://testserver{iwg.jewett.get_absolute_url()}"
    assert data["status_counts"] == {"open": 1, "idled": 2}


def test_company_detail_as_of(client, iwg):
    data = get(client, "/api/companies/international-wire-group/", {"as_of": "2009-03-01"})
    assert data["as_of"] == "2009-03-01"
    assert {f["name"]: f["status"] for f in data["facilities"]} == {
        "Camden plant": "open",
        "Jewett City plant": "open",
        "Littleton plant": "open",
    }
    data = get(client, "/api/companies/international-wire-group/", {"as_of": "2004-01-01"})
    assert "Camden plant" not in {f["name"] for f in data["facilities"]}  # not yet in the footprint


def test_company_detail_errors(client, iwg):
    error = get(client, "/api/companies/international-wire-group/", {"as_of": "March 2009"}, status=400)
    assert "as_of" in error["error"]
    assert "error" in get(client, "/api/companies/nobody/", status=404)


# --- facilities -----------------------------------------------------------------------------


def test_facilities_use_the_explorer_filters(client, iwg):
    data = get(client, "/api/facilities/", {"status": "idled", "country": "US"})
    assert data["count"] == 2
    assert sorted(f["name"] for f in data["results"]) == ["Jewett City plant", "Littleton plant"]
    result = data["results"][0]
    assert result["company"]["slug"] == "international-wire-group"
    assert result["status"] == "idled"
    assert get(client, "/api/facilities/", {"q": "camden"})["count"] == 1
    assert get(client, "/api/facilities/", {"region": "US-NH"})["results"][0]["name"] == "Littleton plant"


def test_facilities_as_of(client, iwg):
    data = get(client, "/api/facilities/", {"as_of": "2009-03-01", "status": "idled"})
    assert data["count"] == 0 and data["as_of"] == "2009-03-01"
    data = get(client, "/api/facilities/", {"as_of": "2009-03-01"})
    assert {f["status"] for f in data["results"]} == {"open"}


def test_facilities_pagination_keeps_filters(client):
    for n in range(7):
        EventFactory(facility=FacilityFactory(name=f"Plant {n}"), type="idled")
    FacilityFactory(name="No events")
    data = get(client, "/api/facilities/", {"status": "idled", "page_size": 3, "ordering": "facility"})
    assert data["count"] == 7
    assert [f["name"] for f in data["results"]] == ["Plant 0", "Plant 1", "Plant 2"]
    assert (
        data["next"] == "http://testserver/api/facilities/?status=idled&page_size=3&ordering=facility&page=2"
    )
    last = get(
        client, "/api/facilities/", {"status": "idled", "page_size": 3, "ordering": "facility", "page": 3}
    )
    assert [f["name"] for f in last["results"]] == ["Plant 6"]
    assert last["next"] is None
    assert last["previous"].endswith("page=2")


@pytest.mark.parametrize(
    "params,status",
    [
        ({"page": "abc"}, 400),
        ({"page": "0"}, 400),
        ({"page_size": "501"}, 400),
        ({"page_size": "-1"}, 400),
        ({"page": "99"}, 404),
        ({"as_of": "2009-13-01"}, 400),
        ({"region": "Connecticut"}, 400),
        ({"status": "vanished"}, 400),
        ({"changed_after": "yesterday"}, 400),
    ],
)
def test_facilities_bad_parameters_are_json_errors(client, iwg, params, status):
    data = get(client, "/api/facilities/", params, status=status)
    assert data["error"]


def test_page_size_up_to_500(client, iwg):
    assert get(client, "/api/facilities/", {"page_size": 500})["count"] == 3


def test_api_is_read_only(client, iwg):
    for url in (
        "/api/companies/",
        "/api/facilities/",
        "/api/events/",
        "/api/companies/international-wire-group/",
    ):
        response = client.post(url, {})
        assert response.status_code == 405
        assert "GET" in response["Allow"]
        assert response.json()["error"]


# --- events ---------------------------------------------------------------------------------


def test_events_with_filters(client, iwg):
    data = get(client, "/api/events/")
    assert data["count"] == 3
    first = data["results"][0]
    assert first["type"] == "idled" and first["date"] == "2009-03-24"
    assert first["company"]["slug"] == "international-wire-group"
    assert first["release"]["headline"].startswith("International Wire Announces")
    assert "idling production" in first["evidence"]
    assert first["url"].startswith("http://testserver/facilities/")
    assert get(client, "/api/events/", {"type": "opened"})["count"] == 1
    assert get(client, "/api/events/", {"date_after": "2009-01-01"})["count"] == 2
    assert get(client, "/api/events/", {"region": "US-CT"})["count"] == 1
    assert get(client, "/api/events/", {"company": "nobody"})["count"] == 0
    assert get(client, "/api/events/", {"type": "exploded"}, status=400)["details"]["type"]


# --- query counts ---------------------------------------------------------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def add_data(n: int, start: int = 0):
    parent = CompanyFactory(slug=f"group-{start}")
    for i in range(start, start + n):
        company = CompanyFactory(parent=parent) if i % 2 else parent
        location = LocationFactory(locality=f"Town {i}", region="US-OH")
        EventFactory(
            facility=FacilityFactory(company=company, location=location), type=["idled", "opened"][i % 2]
        )
    # One company that grows: the detail endpoint must not query per facility.
    anchor = Company.objects.filter(slug="anchor").first() or CompanyFactory(slug="anchor")
    for i in range(start, start + n):
        EventFactory(facility=FacilityFactory(company=anchor, location=LocationFactory(locality=f"A{i}")))


@pytest.mark.parametrize(
    "url",
    [
        "/api/companies/",
        "/api/companies/?q=acme",
        "/api/companies/anchor/",
        "/api/companies/anchor/?as_of=2009-03-01",
        "/api/facilities/",
        "/api/facilities/?status=idled&region=US-OH&ordering=-since",
        "/api/facilities/?as_of=2009-03-01&status=idled",
        "/api/events/",
        "/api/events/?type=idled&date_after=2000-01-01",
    ],
)
def test_api_query_count_is_constant(client, url):
    add_data(3)
    small = count_queries(client, url)
    add_data(57, start=3)
    assert count_queries(client, url) == small
    assert small <= 5
