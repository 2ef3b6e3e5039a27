"""The map and charts on the company page, the explorer and the home page."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.factories import CompanyFactory, EventFactory, FacilityFactory, build_iwg_footprint

pytestmark = pytest.mark.django_db


def map_json(html: str, dom_id: str) -> dict:
    match = re.search(rf'<script id="{dom_id}-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, f"no map data {dom_id}"
    return json.loads(match.group(1))


def map_table(html: str) -> str:
    match = re.search(r'<details class="map-table">(.*?)</details>', html, re.S)
    assert match, "no map table"
    return match.group(1)


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", html, re.S)]


def test_company_page_has_map_table_and_status_chart(client):
    iwg = build_iwg_footprint()
    html = client.get(iwg.company.get_absolute_url()).content.decode()

    data = map_json(html, "company-map")
    points = {p["n"]: p for p in data["points"]}
    assert set(points) == {"Jewett City plant", "Littleton plant", "Camden plant"}
    for facility in (iwg.jewett, iwg.littleton, iwg.camden):
        point = points[facility.name]
        assert point["u"] == facility.get_absolute_url()
        assert (point["y"], point["x"]) == (facility.location.latitude, facility.location.longitude)
    assert points["Jewett City plant"]["s"] == "idled"
    assert 'src="/static/js/map.js"' in html
    assert 'class="map-legend__swatch map-legend__swatch--idled"' in html

    table = map_table(html)
    assert "Map data as a table" in table
    for facility in (iwg.jewett, iwg.littleton, iwg.camden):
        assert f'<a href="{facility.get_absolute_url()}">{facility.name}</a>' in table
    assert "Jewett City, CT, US" in table
    assert "status-idled" in table

    charts = svgs(html)
    assert len(charts) == 2  # wide and narrow
    for svg in charts:
        assert svg.get("role") == "img"
    assert "Footprint over time" in html
    assert "open, idled and closed facilities over time" in html


def test_company_page_as_of_maps_the_statuses_of_that_date(client):
    iwg = build_iwg_footprint()
    html = client.get(iwg.company.get_absolute_url() + "?as_of=2009-03-01").content.decode()
    statuses = {p["n"]: p["s"] for p in map_json(html, "company-map")["points"]}
    assert statuses == {"Jewett City plant": "open", "Littleton plant": "open", "Camden plant": "open"}


def test_company_name_is_escaped_in_the_chart_and_map(client):
    company = CompanyFactory(name="<script>alert(1)</script>", slug="evil")
    plant = FacilityFactory(company=company, name="<b>Plant</b>")
    EventFactory(facility=plant, type="idled", announced_date=datetime.date(2009, 3, 24))
    html = client.get(company.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>Plant</b>" not in html
    data = map_json(html, "company-map")
    assert data["points"][0]["c"] == "<script>alert(1)</script>"
    for svg in svgs(html):
        assert "<script>alert(1)</script>" in "".join(
            svg.find("{http://www.w3.org/2000/svg}title").itertext()
        )


def test_company_without_events_says_so(client):
    company = CompanyFactory()
    html = client.get(company.get_absolute_url()).content.decode()
    assert "No accepted events yet, so there is no history to chart." in html
    assert "No facilities to map." in html


def test_explorer_maps_the_filtered_set(client):
    iwg = build_iwg_footprint()
    html = client.get("/facilities/?status=idled&country=US").content.decode()
    data = map_json(html, "facility-map")
    assert {p["id"] for p in data["points"]} == {iwg.jewett.pk, iwg.littleton.pk}
    assert {p["s"] for p in data["points"]} == {"idled"}
    assert "Camden plant" not in map_table(html)


def test_explorer_map_as_of(client):
    iwg = build_iwg_footprint()
    html = client.get("/facilities/?as_of=2009-03-01").content.decode()
    statuses = {p["id"]: p["s"] for p in map_json(html, "facility-map")["points"]}
    assert statuses[iwg.jewett.pk] == "open"


def test_home_page_has_events_chart(client):
    build_iwg_footprint()
    html = client.get("/").content.decode()
    assert "Events per month" in html
    charts = svgs(html)
    assert len(charts) == 2
    labels = ["".join(t.itertext()) for t in charts[0].iter("{http://www.w3.org/2000/svg}text")]
    assert {"Idled", "Opened", "Events", "Month announced"} <= set(labels)
    assert "Chart data as a table" in html
    assert re.search(r'<th scope="row" class="date">2009-03</th><td class="num">', html)


def test_shipped_outlines_are_small_and_well_formed():
    path = settings.BASE_DIR / "static" / "geo" / "outlines.json"
    assert path.stat().st_size < 1_500_000
    data = json.loads(path.read_text())
    names = {f["name"] for f in data["layers"]["countries"]}
    assert {"United States of America", "Canada", "Belgium"} <= names
    assert len(data["layers"]["states"]) >= 50
    assert "Natural Earth" in data["source"]
