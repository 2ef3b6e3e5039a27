"""The International Wire Group page in a real browser: the idled plants with their source,
the chart, and time travel with ``as_of`` (the map: test_map.py)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPANY_URL = "/companies/international-wire-group/"
PLANTS = ("Jewett City plant", "Littleton plant")


def status_group(page, status):
    """The company page's section of facilities with one status (its ``<h3>`` names it)."""
    return page.locator(f"section[aria-labelledby='group-{status}']")


def test_company_page_lists_idled_plants_with_their_release(page):
    page.goto(COMPANY_URL)
    expect(page.get_by_role("heading", level=1, name="International Wire Group")).to_be_visible()

    idled = status_group(page, "idled")
    for plant in PLANTS:
        row = idled.get_by_role("row").filter(has=page.get_by_role("rowheader", name=plant))
        expect(row).to_contain_text("2009-03-24")
        expect(row.get_by_role("link", name="2009-03-24 release")).to_be_visible()
    expect(status_group(page, "open").get_by_role("rowheader")).to_have_count(0)

    idled.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Littleton plant")).get_by_role(
        "link", name="2009-03-24 release"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "International Wire Announces the Idling of Two Plants"
    )
    expect(page).to_have_url(re.compile(r"/releases/\d+/#evidence-\d+$"))


def test_company_chart_renders(page):
    # The map has its own tests (test_map.py).
    page.goto(COMPANY_URL)
    chart = page.get_by_role("img", name=re.compile("International Wire Group", re.I))
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()


def test_time_travel_with_the_as_of_date_control(page, snapshot):
    page.goto(COMPANY_URL)
    page.get_by_label("Show the footprint as of").fill("2009-03-01")
    page.get_by_role("button", name="Show", exact=True).click()

    expect(page).to_have_url(re.compile(r"\?as_of=2009-03-01$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("as of 2009-03-01")
    open_group = status_group(page, "open")
    for plant in PLANTS:
        expect(open_group.get_by_role("rowheader", name=plant)).to_be_visible()
    expect(status_group(page, "idled").get_by_role("rowheader")).to_have_count(0)
    snapshot("as-of")

    # A bookmarked URL gives the same page; "Today" goes back.
    page.goto(COMPANY_URL + "?as_of=2009-03-01")
    expect(status_group(page, "open").get_by_role("rowheader")).to_have_count(2)
    page.get_by_role("link", name="Today").click()
    expect(page).to_have_url(re.compile(re.escape(COMPANY_URL) + "$"))
    expect(status_group(page, "idled").get_by_role("rowheader")).to_have_count(2)
