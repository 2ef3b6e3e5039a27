"""The facility CSV written by PostgreSQL's COPY is byte for byte the one Python writes, formula
guard included; and the JSON exports carry the API's shape."""

import datetime
import json

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from companies import exports
from companies.filters import FacilitySelection
from companies.serializers import FACILITY_COLUMNS, Links, facility_csv_row
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    ReleaseFactory,
    build_iwg_footprint,
)

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")


def awkward_facilities():
    """Names and places a CSV writer can get wrong: formulas, quotes, commas, newlines, blanks,
    no coordinates, a pending closure, a release URL that looks like a formula."""
    company = CompanyFactory(name='=HYPERLINK("http://x", "y")')
    release = ReleaseFactory(company=company, url="@evil", published=datetime.date(2009, 3, 24))
    future = timezone.localdate() + datetime.timedelta(days=30)
    cases = [
        ("-1 plant", "Town, with comma", "US-OH", 40.5, -82.25),
        ('A "quoted" mill', "Line\nbreak", "", None, None),
        ("", "Tab\tville", "BE-VAN", 51.0543, 3.7174),
        ("+plus", "Ünïcödé", "US-CT", 1e-05, -0.0001),
    ]
    facilities = []
    for name, locality, region, lat, lon in cases:
        location = LocationFactory(
            locality=locality, region=region, country="US", latitude=lat, longitude=lon
        )
        facility = FacilityFactory(company=company, location=location, name=name, kind="distribution_center")
        EventFactory(
            facility=facility, type="opened", release=release, announced_date=datetime.date(2001, 1, 1)
        )
        facilities.append(facility)
    EventFactory(
        facility=facilities[0], type="closed", announced_date=timezone.localdate(), effective_date=future
    )
    return facilities


def python_csv(selection, links) -> str:
    rows = exports.facility_rows(selection)
    return "".join(exports.write_csv(FACILITY_COLUMNS, (facility_csv_row(r, links) for r in rows.iterator())))


def copy_csv(selection, links) -> str:
    chunks = exports.facilities_copy(exports.facility_rows(selection), links)
    return b"".join(c if isinstance(c, bytes) else c.encode() for c in chunks).decode()


@postgres_only
@pytest.mark.parametrize("query", ["", "ordering=-locality", "status=open&as_of=2009-03-01", "status=idled"])
def test_copy_writes_what_python_writes(query):
    build_iwg_footprint()
    awkward_facilities()
    links = Links("http://testserver")
    selection = FacilitySelection(
        QueryDict(query), as_of=datetime.date(2009, 3, 1) if "as_of" in query else None
    )
    expected = python_csv(selection, links)
    assert expected.count("\n") > 1 or "idled" in query
    assert copy_csv(selection, links) == expected


@postgres_only
def test_the_csv_download_on_postgresql_is_the_copy(client):
    awkward_facilities()
    text = b"".join(client.get("/facilities/", {"format": "csv"}).streaming_content).decode()
    assert text.startswith(",".join(FACILITY_COLUMNS) + "\n")
    assert "'=HYPERLINK" in text and "'-1 plant" in text and "'+plus" in text and "'@evil" in text


def test_json_export_rows_are_the_api_records(client):
    iwg = build_iwg_footprint()
    exported = json.loads(b"".join(client.get("/facilities/", {"format": "json"}).streaming_content))
    api = client.get("/api/facilities/").json()
    assert exported["results"] == api["results"]  # same records, same order
    assert exported["results"][0].keys() == api["results"][0].keys()
    jewett = next(r for r in exported["results"] if r["id"] == iwg.jewett.pk)
    assert jewett["status_label"] == "Idled"
    events = json.loads(b"".join(client.get("/events/", {"format": "json"}).streaming_content))
    assert events["results"] == client.get("/api/events/").json()["results"]


def test_streamed_rows_are_the_values_list_rows():
    """``stream_rows`` reads the values_list's SQL itself: same columns, same order."""
    build_iwg_footprint()
    awkward_facilities()
    rows = exports.facility_rows(FacilitySelection(QueryDict("ordering=-locality")))

    def plain(row):
        return tuple(v.isoformat() if isinstance(v, datetime.date) else v for v in row)

    assert [plain(r) for r in exports.stream_rows(rows)] == [plain(r) for r in rows]
    assert list(rows[:1])[0]._fields == exports.FacilityValues._fields
