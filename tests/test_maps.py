"""companies.maps: projection helpers, points from the pages' rows, and the explorer's cap."""

import datetime
import json

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from companies import maps
from companies.filters import FacilitySelection
from companies.models import Facility
from companies.presenters import group_facilities
from tests.factories import FacilityFactory, LocationFactory, build_iwg_footprint, open_facility

D = datetime.date


# --- projection helpers --------------------------------------------------------------------


def test_mercator_maps_the_world_to_the_unit_square():
    assert maps.mercator(-180, 0) == pytest.approx((0.0, 0.5))
    assert maps.mercator(0, 0) == pytest.approx((0.5, 0.5))
    assert maps.mercator(180, 0)[0] == pytest.approx(1.0)
    x, y = maps.mercator(0, 85.05113)
    assert y == pytest.approx(0.0, abs=1e-6)
    assert maps.mercator(0, 89.9)[1] == pytest.approx(0.0, abs=1e-6)  # clamped
    assert maps.mercator(0, 45)[1] < 0.5  # north is up


def test_fit_bounds_pads_and_keeps_a_minimum_span():
    west, south, east, north = maps.fit_bounds([(-72.0, 41.6)])
    assert east - west == pytest.approx(maps.MIN_LON_SPAN)
    assert north - south == pytest.approx(maps.MIN_LAT_SPAN)
    assert west < -72.0 < east and south < 41.6 < north

    west, south, east, north = maps.fit_bounds([(-120.0, 30.0), (0.0, 60.0)])
    assert west == pytest.approx(-138.0) and east == pytest.approx(18.0)
    assert south == pytest.approx(25.5) and north == pytest.approx(64.5)

    assert maps.fit_bounds([]) == maps.WORLD
    assert maps.fit_bounds([(179.0, 79.0), (-179.0, -79.0)]) == (-180.0, -maps.MAX_LAT, 180.0, maps.MAX_LAT)


# --- the company page's map ----------------------------------------------------------------


@pytest.mark.django_db
def test_company_map_has_each_facility_with_coordinates_status_and_url():
    iwg = build_iwg_footprint()
    nowhere = open_facility(
        company=iwg.company,
        name="Mystery plant",
        location=LocationFactory(locality="Nowhere", latitude=None, longitude=None),
    )
    today = timezone.localdate()
    footprint = group_facilities(Facility.objects.filter(company=iwg.company).for_company_page(today), today)
    with CaptureQueriesContext(connection) as ctx:
        facility_map = maps.company_map(footprint, iwg.company)
        payload = json.loads(json.dumps(facility_map.payload))
    assert ctx.captured_queries == []

    points = {p["n"]: p for p in payload["points"]}
    assert set(points) == {"Jewett City plant", "Littleton plant", "Camden plant"}
    jewett = points["Jewett City plant"]
    assert jewett["s"] == "idled" and jewett["l"] == "Idled"
    assert jewett["d"] == "2009-03-24"
    assert jewett["u"] == iwg.jewett.get_absolute_url()
    assert (jewett["y"], jewett["x"]) == (41.6065, -71.9806)
    assert jewett["c"] == "International Wire Group"
    assert jewett["p"] == "Jewett City, CT, US"
    assert points["Camden plant"]["s"] == "open"
    assert payload["outlines"].endswith("geo/outlines.json")
    assert payload["tiles"] == ""
    west, south, east, north = payload["bounds"]
    assert west < -75.7477 and east > -71.7701 and south < 41.6065 and north > 44.3062

    # The facility without coordinates is left off the map but kept for the table.
    assert facility_map.unlocated_count == 1
    assert nowhere.display_name in [p.name for p in facility_map.points]
    assert facility_map.legend == [("open", "Open", 1), ("idled", "Idled", 2)]  # Nowhere has no place


@pytest.mark.django_db
def test_company_map_as_of_uses_the_statuses_of_that_date():
    iwg = build_iwg_footprint()
    facilities = Facility.objects.filter(company=iwg.company).for_company_page(D(2009, 3, 1))
    footprint = group_facilities(facilities, D(2009, 3, 1))
    points = {p.name: p for p in maps.company_map(footprint, iwg.company).points}
    assert points["Jewett City plant"].status == "open"
    assert points["Littleton plant"].status == "open"


@pytest.mark.django_db
def test_tile_layer_is_passed_only_when_configured(settings):
    iwg = build_iwg_footprint()
    settings.FOOTPRINT_MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    today = timezone.localdate()
    footprint = group_facilities(Facility.objects.filter(company=iwg.company).for_company_page(today), today)
    assert maps.company_map(footprint, iwg.company).payload["tiles"] == settings.FOOTPRINT_MAP_TILE_URL


# --- the explorer's map ----------------------------------------------------------------------


@pytest.mark.django_db
def test_explorer_map_follows_the_filters_in_one_query():
    iwg = build_iwg_footprint()
    selection = FacilitySelection(QueryDict("status=idled"))
    with CaptureQueriesContext(connection) as ctx:
        facility_map = maps.explorer_map(selection)
    assert len(ctx.captured_queries) == 1
    assert {p.pk for p in facility_map.points} == {iwg.jewett.pk, iwg.littleton.pk}
    assert {p.status for p in facility_map.points} == {"idled"}
    assert not facility_map.truncated


@pytest.mark.django_db
def test_explorer_map_is_capped():
    build_iwg_footprint()
    facility_map = maps.explorer_map(FacilitySelection(QueryDict("")), limit=2)
    assert facility_map.truncated
    assert len(facility_map.points) == 2


@pytest.mark.django_db
def test_explorer_map_as_of_reads_the_spans_of_that_date_in_one_query():
    iwg = build_iwg_footprint()
    selection = FacilitySelection(QueryDict("as_of=2009-03-01"), as_of=D(2009, 3, 1))
    with CaptureQueriesContext(connection) as ctx:
        facility_map = maps.explorer_map(selection)
    assert len(ctx.captured_queries) == 1
    statuses = {p.pk: p.status for p in facility_map.points}
    assert statuses[iwg.jewett.pk] == "open"
    assert statuses[iwg.littleton.pk] == "open"


@pytest.mark.django_db
def test_plain_value_labels_match_the_model_properties():
    named = FacilityFactory(location=LocationFactory(locality="Jewett City", region="US-CT", country="US"))
    unnamed = FacilityFactory(
        name="",
        kind="distribution_center",
        location=LocationFactory(locality="Gent", region="", country="BE"),
    )
    for facility in (named, unnamed):
        location = facility.location
        assert maps.display_name(facility.name, location.locality, facility.kind) == facility.display_name
        assert maps.place_label(location.locality, location.region, location.country) == location.label


@pytest.mark.django_db
def test_explorer_map_table_is_capped_but_the_map_is_not(monkeypatch):
    build_iwg_footprint()
    monkeypatch.setattr(maps, "EXPLORER_TABLE_ROWS", 1)
    facility_map = maps.explorer_map(FacilitySelection(QueryDict("")))
    assert len(facility_map.located) == 3
    assert len(facility_map.table_points) == 1 and facility_map.table_truncated
