"""The charts on the company page and the home page (the maps: tests/test_maps.py)."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.factories import CompanyFactory, EventFactory, FacilityFactory, build_iwg_footprint

pytestmark = pytest.mark.django_db


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", html, re.S)]


def test_company_page_has_status_chart(client):
    iwg = build_iwg_footprint()
    html = client.get(iwg.company.get_absolute_url()).content.decode()

    charts = svgs(html)
    assert len(charts) == 2  # wide and narrow
    for svg in charts:
        assert svg.get("role") == "img"
    assert "Footprint over time" in html
    assert "open, idled and closed facilities over time" in html


def test_company_name_is_escaped_in_the_chart(client):
    company = CompanyFactory(name="<script>alert(1)</script>", slug="evil")
    plant = FacilityFactory(company=company, name="<b>Plant</b>")
    EventFactory(facility=plant, type="idled", announced_date=datetime.date(2009, 3, 24))
    html = client.get(company.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>Plant</b>" not in html
    for svg in svgs(html):
        assert "<script>alert(1)</script>" in "".join(
            svg.find("{http://www.w3.org/2000/svg}title").itertext()
        )


def test_company_without_events_says_so(client):
    company = CompanyFactory()
    html = client.get(company.get_absolute_url()).content.decode()
    assert "No accepted events yet, so there is no history to chart." in html


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
