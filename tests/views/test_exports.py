"""CSV, JSON and GeoJSON exports of the explorer and the events page."""

import csv
import datetime
import io
import itertools
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from companies.exports import EVENT_COLUMNS, FACILITY_COLUMNS, write_csv, write_geojson, write_json
from tests.factories import EventFactory, FacilityFactory, LocationFactory, build_iwg_footprint

pytestmark = pytest.mark.django_db


@pytest.fixture
def iwg():
    return build_iwg_footprint()


def body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


def test_acceptance_idled_in_us_as_csv(client, iwg):
    response = client.get("/facilities/", {"status": "idled", "country": "US", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = body(response)
    header = next(csv.reader(io.StringIO(text)))
    assert header == list(FACILITY_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["Facility"] for r in rows) == ["Jewett City plant", "Littleton plant"]


def test_csv_has_readable_columns_release_links_and_a_dated_filename(client, iwg):
    response = client.get("/facilities/", {"status": "idled", "format": "csv"})
    today = timezone.localdate().isoformat()
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"footprint-facilities-{today}.csv" in disposition
    row = next(r for r in csv_rows(response) if r["Facility"] == "Jewett City plant")
    assert row["Company"] == "International Wire Group"
    assert row["Kind"] == "Plant"
    assert (row["Locality"], row["Region"], row["Country"]) == ("Jewett City", "US-CT", "US")
    assert (row["Latitude"], row["Longitude"]) == ("41.6065", "-71.9806")
    assert (row["Status"], row["Status since"]) == ("Idled", "2009-03-24")
    assert row["Source release"] == f"http://testserver{iwg.release.get_absolute_url()}"
    assert row["Source URL"] == iwg.release.url
    assert row["Facility page"] == f"http://testserver{iwg.jewett.get_absolute_url()}"


def test_csv_reports_a_pending_change(client):
    facility = FacilityFactory(name="Doomed")
    future = timezone.localdate() + datetime.timedelta(days=90)
    EventFactory(facility=facility, type="opened", announced_date=datetime.date(2001, 1, 1))
    EventFactory(facility=facility, type="closed", announced_date=timezone.localdate(), effective_date=future)
    (row,) = csv_rows(client.get("/facilities/", {"format": "csv"}))
    assert (row["Status"], row["Pending change"], row["Pending date"]) == (
        "Open",
        "Closed",
        future.isoformat(),
    )


def test_geojson_is_a_feature_collection_of_lon_lat_points(client, iwg):
    FacilityFactory(
        name="Nowhere", location=LocationFactory(locality="Nowhere", latitude=None, longitude=None)
    )
    response = client.get("/facilities/", {"format": "geojson"})
    assert response["Content-Type"] == "application/geo+json"
    assert ".geojson" in response["Content-Disposition"]
    data = json.loads(body(response))
    assert data["type"] == "FeatureCollection"
    features = {f["properties"]["name"]: f for f in data["features"]}
    assert "Nowhere" not in features  # no coordinates, no point
    jewett = features["Jewett City plant"]
    assert jewett["type"] == "Feature"
    assert jewett["geometry"] == {"type": "Point", "coordinates": [-71.9806, 41.6065]}
    assert jewett["properties"]["status"] == "idled"
    assert jewett["properties"]["status_label"] == "Idled"


def test_json_parses_with_count_and_results(client, iwg):
    response = client.get("/facilities/", {"status": "idled", "format": "json"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(body(response))
    assert data["count"] == 2
    assert sorted(r["name"] for r in data["results"]) == ["Jewett City plant", "Littleton plant"]
    assert data["results"][0]["status_since"] == "2009-03-24"
    assert data["results"][0]["company"]["name"] == "International Wire Group"


def test_exports_honour_as_of_and_ordering(client, iwg):
    response = client.get("/facilities/", {"as_of": "2009-03-01", "format": "csv", "ordering": "-locality"})
    assert "as-of-2009-03-01" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [r["Facility"] for r in rows] == ["Littleton plant", "Jewett City plant", "Camden plant"]
    assert {r["Status"] for r in rows} == {"Open"}
    rows = csv_rows(client.get("/facilities/", {"as_of": "2009-04-01", "status": "idled", "format": "csv"}))
    assert sorted(r["Facility"] for r in rows) == ["Jewett City plant", "Littleton plant"]
    data = json.loads(body(client.get("/facilities/", {"as_of": "2004-01-01", "format": "geojson"})))
    assert "Camden plant" not in {f["properties"]["name"] for f in data["features"]}


def test_unknown_format_shows_the_page(client, iwg):
    response = client.get("/facilities/", {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_explorer_download_links_keep_filters(client, iwg):
    html = client.get("/facilities/", {"status": "idled", "country": "US", "page": "1"}).content.decode()
    for fmt in ("csv", "json", "geojson"):
        assert f"?status=idled&amp;country=US&amp;format={fmt}" in html


def test_events_exports(client, iwg):
    response = client.get("/events/", {"type": "idled", "format": "csv"})
    assert f"footprint-events-{timezone.localdate().isoformat()}.csv" in response["Content-Disposition"]
    text = body(response)
    assert next(csv.reader(io.StringIO(text))) == list(EVENT_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["Facility"] for r in rows) == ["Jewett City plant", "Littleton plant"]
    assert rows[0]["Event"] == "Idled" and rows[0]["Date"] == "2009-03-24"
    assert "idling production" in rows[0]["Evidence"]
    assert rows[0]["Source release"].startswith("http://testserver/")
    data = json.loads(body(client.get("/events/", {"format": "json"})))
    assert data["count"] == 3
    geo = json.loads(body(client.get("/events/", {"format": "geojson", "country": "US"})))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    assert geo["features"][0]["geometry"]["type"] == "Point"


def test_csv_defuses_spreadsheet_formulas_but_keeps_numbers():
    record = dict.fromkeys(FACILITY_COLUMNS, "") | {"Facility": "=HYPERLINK(1)", "Longitude": -71.5}
    line = tuple(record[c] for c in FACILITY_COLUMNS)
    row = list(csv.DictReader(io.StringIO("".join(write_csv(FACILITY_COLUMNS, [line])))))[0]
    assert row["Facility"] == "'=HYPERLINK(1)"
    assert row["Longitude"] == "-71.5"


def test_writers_are_lazy():
    """A writer yields its first chunk without reading every record: exports stream."""
    line = ("x",) * len(FACILITY_COLUMNS)
    for chunks in (
        write_csv(FACILITY_COLUMNS, itertools.repeat(line)),
        write_json(itertools.repeat({"name": "x"})),
        write_geojson(itertools.repeat((2.0, 1.0, {"name": "x"}))),
    ):
        assert 0 < len(next(chunks)) < 200_000


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        body(client.get(url))
    return len(ctx.captured_queries)


def add_facilities(n: int, start: int = 0):
    for i in range(start, start + n):
        facility = FacilityFactory(location=LocationFactory(locality=f"Town {i}"))
        EventFactory(facility=facility, type=["idled", "opened"][i % 2])


@pytest.mark.parametrize(
    "url",
    [
        "/facilities/?format=csv",
        "/facilities/?format=geojson&status=idled",
        "/facilities/?format=json&as_of=2009-03-01",
        "/events/?format=csv",
        "/events/?format=geojson",
    ],
)
def test_export_query_count_is_constant(client, url):
    add_facilities(3)
    small = count_queries(client, url)
    add_facilities(57, start=3)
    assert count_queries(client, url) == small
