"""companies.maps and its endpoints: the maps' points as GeoJSON (a company's facilities, the
explorer's filter), capped, streamed, with statuses of the page's date, in constant queries."""

import datetime
import gzip
import json

import pytest
from django.db import connection
from django.http import QueryDict, StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from companies import maps
from companies.models import Facility, Location
from companies.services.facilities import facilities_refresh
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    build_iwg_footprint,
    open_facility,
)

pytestmark = pytest.mark.django_db


def geojson(response) -> dict:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(b"".join(response.streaming_content))


def by_name(data) -> dict:
    return {f["properties"]["name"]: f for f in data["features"]}


# --- the company map -------------------------------------------------------------------------


def test_company_points_have_coordinates_status_label_and_link(client):
    iwg = build_iwg_footprint()
    open_facility(
        company=iwg.company,
        name="Mystery plant",
        location=LocationFactory(locality="Nowhere", latitude=None, longitude=None),
    )
    data = geojson(client.get(f"/companies/{iwg.company.slug}/map.geojson"))
    assert data["type"] == "FeatureCollection"
    points = by_name(data)
    assert set(points) == {"Jewett City plant", "Littleton plant", "Camden plant"}
    jewett = points["Jewett City plant"]
    assert jewett["geometry"] == {"type": "Point", "coordinates": [-71.9806, 41.6065]}
    assert jewett["properties"] == {
        "id": iwg.jewett.pk,
        "name": "Jewett City plant",
        "company": "International Wire Group",
        "status": "idled",
        "status_label": "Idled",
        "status_since": "2009-03-24",
        "place": "Jewett City, CT, US",
        "url": iwg.jewett.get_absolute_url(),
    }
    assert (data["limit"], data["truncated"], data["unlocated"]) == (maps.MAP_LIMIT, False, 1)


def test_company_points_as_of_a_date_and_only_in_the_footprint_then(client):
    iwg = build_iwg_footprint()
    data = geojson(client.get(f"/companies/{iwg.company.slug}/map.geojson?as_of=2009-03-01"))
    assert {f["properties"]["status"] for f in data["features"]} == {"open"}
    data = geojson(client.get(f"/companies/{iwg.company.slug}/map.geojson?as_of=2004-01-01"))
    assert "Camden plant" not in by_name(data)  # opened in 2005
    # A bad date is today, as on the page.
    data = geojson(client.get(f"/companies/{iwg.company.slug}/map.geojson?as_of=junk"))
    assert by_name(data)["Jewett City plant"]["properties"]["status"] == "idled"


def test_company_points_are_its_own_and_never_a_facility_without_events(client):
    iwg = build_iwg_footprint()
    FacilityFactory(company=iwg.company, name="No events plant")
    other = CompanyFactory()
    open_facility(company=other, name="Someone else's plant")
    assert set(by_name(geojson(client.get(f"/companies/{iwg.company.slug}/map.geojson")))) == {
        "Jewett City plant",
        "Littleton plant",
        "Camden plant",
    }
    assert client.get("/companies/no-such-company/map.geojson").status_code == 404


def test_names_are_data_not_markup(client):
    company = CompanyFactory(name="<script>alert(1)</script>", slug="evil")
    plant = FacilityFactory(company=company, name="<b>Plant</b>")
    EventFactory(facility=plant, type="idled", announced_date=datetime.date(2009, 3, 24))
    (feature,) = geojson(client.get("/companies/evil/map.geojson"))["features"]
    assert feature["properties"]["company"] == "<script>alert(1)</script>"
    html = client.get("/companies/evil/").content.decode()
    assert "<script>alert(1)</script>" not in html


# --- the explorer map -------------------------------------------------------------------------


def test_explorer_points_follow_the_filters_and_as_of(client):
    iwg = build_iwg_footprint()
    data = geojson(client.get("/facilities/map.geojson?status=idled&country=US"))
    assert {f["properties"]["id"] for f in data["features"]} == {iwg.jewett.pk, iwg.littleton.pk}
    data = geojson(client.get("/facilities/map.geojson?as_of=2009-03-01"))
    assert by_name(data)["Jewett City plant"]["properties"]["status"] == "open"


def test_points_are_gzipped_for_clients_that_take_it(client):
    build_iwg_footprint()
    response = client.get("/facilities/map.geojson", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    data = json.loads(gzip.decompress(b"".join(response.streaming_content)))
    assert len(data["features"]) == 3


def test_explorer_points_with_bad_filters_are_a_400(client):
    response = client.get("/facilities/map.geojson?region=nowhere")
    assert response.status_code == 400
    assert "region" in response.json()["details"]


def test_points_are_capped_and_say_so():
    iwg = build_iwg_footprint()
    rows = maps.company_points(iwg.company)
    data = json.loads("".join(maps.feature_collection(rows, limit=2)))
    assert len(data["features"]) == 2 and data["truncated"] is True and data["limit"] == 2
    data = json.loads("".join(maps.feature_collection(rows, limit=3)))
    assert len(data["features"]) == 3 and data["truncated"] is False


def test_pages_link_their_points_and_inline_none(client):
    iwg = build_iwg_footprint()
    html = client.get(iwg.company.get_absolute_url() + "?as_of=2009-03-01").content.decode()
    assert 'data-geojson="/companies/international-wire-group/map.geojson?as_of=2009-03-01"' in html
    assert 'data-outlines="/static/geo/outlines.json"' in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert 'src="/static/js/map.js"' in html
    assert "Jewett City, CT, US" not in html.split('class="facility-map"', 1)[1].split("</section>", 1)[0]

    html = client.get("/facilities/?status=idled&country=US&page=1&ordering=-since").content.decode()
    assert 'data-geojson="/facilities/map.geojson?status=idled&amp;country=US"' in html


def test_explorer_map_url_keeps_filters_not_paging_or_order():
    facility_map = maps.explorer_map(QueryDict("status=idled&page=3&ordering=company&format=csv&q=x"))
    assert facility_map.data_url == "/facilities/map.geojson?status=idled&q=x"
    assert [status for status, _label in facility_map.legend][:3] == ["open", "idled", "closed"]


# --- queries: constant at two data sizes ------------------------------------------------------


def add_facilities(company, n: int, start: int = 0) -> None:
    locations = Location.objects.bulk_create(
        Location(
            locality=f"Town {i}", region="US-OH", country="US", latitude=40.0 + i / 1000, longitude=-82.0
        )
        for i in range(start, start + n)
    )
    facilities = Facility.objects.bulk_create(
        Facility(company=company, location=loc, name=f"Plant {loc.locality}") for loc in locations
    )
    for facility in facilities:
        EventFactory(facility=facility, type="opened", announced_date=datetime.date(2001, 1, 1))
    facilities_refresh(facility_ids=[f.pk for f in facilities])


def count_queries(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        data = geojson(client.get(url))
    return len(ctx.captured_queries), len(data["features"])


@pytest.mark.parametrize(
    "url",
    [
        "/companies/big/map.geojson",
        "/companies/big/map.geojson?as_of=2005-01-01",
        "/facilities/map.geojson?status=open&country=US",
        "/facilities/map.geojson?parent=big&as_of=2005-01-01",
    ],
)
def test_map_points_run_constant_queries_at_two_sizes(client, url):
    company = CompanyFactory(slug="big")
    add_facilities(company, 3)
    small, small_points = count_queries(client, url)
    add_facilities(company, 120, start=3)
    large, large_points = count_queries(client, url)
    assert (small_points, large_points) == (3, 123)
    assert small == large <= 3
