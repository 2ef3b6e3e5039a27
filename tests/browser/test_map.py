"""The maps in a real browser: Leaflet draws the shipped outlines and the points it fetched as
GeoJSON, clustered with counts; clusters zoom in, points open a popup that links to the facility
page, by mouse and by keyboard; nothing is fetched from outside the site."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from companies.models import Event, Facility, Location
from companies.services.facilities import facilities_refresh
from tests.factories import CompanyFactory, EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPANY_URL = "/companies/international-wire-group/"


def wait_for_map(page, dom_id: str):
    container = page.locator(f"#{dom_id}")
    expect(container).to_have_attribute("data-ready", "true")
    return container


def drawn_counts(page, container) -> tuple[int, int]:
    """(points drawn alone, facilities inside the clusters drawn), read from the map's DOM once
    it has settled (clusters fade in and out while the map zooms)."""

    def count():
        singles = container.locator(".map-marker").count()
        texts = container.locator(".marker-cluster span[aria-hidden]").all_inner_texts()
        return singles, sum(int(text.replace(",", "")) for text in texts)

    last = None
    for _ in range(20):
        page.wait_for_timeout(250)
        now = count()
        if now == last and container.locator(".leaflet-zoom-anim, .leaflet-cluster-anim").count() == 0:
            return now
        last = now
    return last


def test_company_map_draws_outlines_and_points_from_geojson_and_popups_by_keyboard(page, snapshot):
    with page.expect_response(re.compile(r"/companies/international-wire-group/map\.geojson$")) as points:
        page.goto(COMPANY_URL)
    assert points.value.headers["content-type"] == "application/geo+json"
    container = wait_for_map(page, "company-map")
    expect(container).to_have_attribute("aria-label", re.compile(r"^Map of 2 facilities"))
    expect(page.locator("#company-map-status")).to_contain_text("The map shows 2 facilities")
    # The base layer is the shipped outlines on one canvas: no tiles, no network.
    expect(container.locator(".leaflet-outlines-pane canvas")).to_have_count(1)
    expect(container.locator(".leaflet-tile")).to_have_count(0)
    singles, clustered = drawn_counts(page, container)
    assert singles + clustered == 2

    # Zoom in by keyboard until both plants are points of their own.
    for _ in range(6):
        cluster = container.get_by_role("button", name=re.compile(r"^Cluster of \d+ facilities"))
        if cluster.count() == 0:
            break
        cluster.first.focus()
        cluster.first.press("Enter")
        page.wait_for_timeout(400)
    jewett = container.get_by_role("button", name=re.compile(r"^Jewett City plant, Jewett City"))
    expect(jewett).to_be_visible()
    expect(jewett).to_have_attribute("title", re.compile(r"International Wire Group: Idled since 2009-03-24"))

    jewett.focus()
    jewett.press("Enter")
    popup = page.get_by_role("dialog", name="Jewett City plant")
    expect(popup).to_be_visible()
    link = popup.get_by_role("link", name="Facility page")
    expect(link).to_be_focused()
    snapshot("popup")
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(jewett).to_be_focused()

    # Mouse: the other plant's popup leads to its page.
    container.get_by_role("button", name=re.compile(r"^Littleton plant,")).click()
    popup = page.get_by_role("dialog", name="Littleton plant")
    expect(popup).to_contain_text("Idled since 2009-03-24")
    popup.get_by_role("link", name="Facility page").click()
    expect(page).to_have_url(re.compile(r"/facilities/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Littleton plant")


def test_company_map_as_of_fetches_the_statuses_of_that_date(page):
    with page.expect_response(re.compile(r"/map\.geojson\?as_of=2009-03-01$")) as points:
        page.goto(COMPANY_URL + "?as_of=2009-03-01")
    wait_for_map(page, "company-map")
    assert {f["properties"]["status"] for f in points.value.json()["features"]} == {"open"}


def many_facilities(n: int) -> None:
    """``n`` open plants in a tight grid around Columbus, Ohio (committed for the live server)."""
    company = CompanyFactory(name="Gridline Manufacturing", slug="gridline")
    locations = Location.objects.bulk_create(
        Location(
            locality=f"Gridtown {i}",
            region="US-OH",
            country="US",
            latitude=38.0 + (i % 10) * 0.5,
            longitude=-84.0 + (i // 10) * 0.5,
        )
        for i in range(n)
    )
    for location in locations:
        facility = Facility.objects.create(
            company=company, location=location, name=f"{location.locality} plant"
        )
        EventFactory(facility=facility, type="opened", announced_date=datetime.date(2001, 1, 1))


def test_explorer_map_clusters_many_points_with_counts_and_zooms_in(page, snapshot):
    many_facilities(60)
    page.goto("/facilities/?company=gridline")
    container = wait_for_map(page, "facility-map")
    expect(page.locator("#facility-map-status")).to_contain_text("The map shows 60 facilities")
    cluster = container.get_by_role("button", name=re.compile(r"^Cluster of \d+ facilities"))
    expect(cluster.first).to_be_visible()
    singles, clustered = drawn_counts(page, container)
    assert clustered > 0 and singles + clustered == 60
    snapshot("clustered")

    zoom_before = page.evaluate("() => document.querySelector('#facility-map').dataset.points")
    assert zoom_before == "60"
    cluster.first.click()
    singles_after, clustered_after = drawn_counts(page, container)
    # Zoomed in: the drawn clusters and points still count the facilities in view, and more of
    # them are points of their own (or smaller clusters) than before.
    assert singles_after >= singles and singles_after + clustered_after <= 60
    assert singles_after > singles or clustered_after < clustered


def test_thousands_of_points_are_clustered_in_chunks_and_all_counted(page):
    """5,000 points: the cluster group adds them in chunks (the page stays responsive), the view
    is fitted before it has finished, and every point is in a cluster count or drawn alone."""
    company = CompanyFactory(name="Sprawl Industries", slug="sprawl")
    n = 5000
    locations = Location.objects.bulk_create(
        Location(
            locality=f"Sprawl {i}",
            region="",
            country="US",
            latitude=25.0 + (i % 100) * 0.22,
            longitude=-124.0 + (i // 100) * 1.1,
        )
        for i in range(n)
    )
    facilities = Facility.objects.bulk_create(
        Facility(company=company, location=location, name=f"{location.locality} plant")
        for location in locations
    )
    Event.objects.bulk_create(
        Event(facility=f, type="opened", announced_date=datetime.date(2001, 1, 1), review_state="accepted")
        for f in facilities
    )
    facilities_refresh(facility_ids=[f.pk for f in facilities])

    page.goto("/companies/sprawl/")
    container = wait_for_map(page, "company-map")
    expect(page.locator("#company-map-status")).to_contain_text("The map shows 5,000 facilities")
    # Every point is somewhere in the world's view: drawn alone or counted in a cluster.
    page.evaluate("() => { const m = document.querySelector('#company-map'); m.scrollIntoView(); }")
    singles, clustered = drawn_counts(page, container)
    assert clustered > 0
    assert singles + clustered == n
