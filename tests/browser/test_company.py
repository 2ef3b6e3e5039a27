"""The International Wire Group page in a real browser: the idled plants with their source,
the map (points, legend, popup to the facility page), the chart, and time travel with ``as_of``."""

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


def test_company_map_and_chart_render_and_popup_links_to_facility(page, snapshot):
    page.goto(COMPANY_URL)

    map_group = page.get_by_role("group", name=re.compile(r"^Map of 2 facilities"))
    expect(map_group).to_be_visible()
    points = map_group.get_by_role(
        "button", name=re.compile(r"International Wire Group: Idled since 2009-03-24")
    )
    expect(points).to_have_count(2)
    for point in points.all():
        expect(point).to_be_visible()
        box = point.bounding_box()
        assert box and box["width"] > 4 and box["height"] > 4, box
    # The base map (shipped outlines) was drawn under the points: no internet needed.
    expect(map_group.locator("path.map__state").first).to_be_attached()

    legend = page.get_by_role("list", name="Legend")
    expect(legend).to_be_visible()
    expect(legend.get_by_role("listitem").filter(has_text="Idled")).to_contain_text("(2)")

    # The map's information is also a table (behind a disclosure).
    page.get_by_text(re.compile(r"^Map data as a table")).click()
    map_table = page.get_by_role("region", name="Map data").get_by_role("table")
    expect(map_table.get_by_role("rowheader")).to_have_count(2)
    for plant in PLANTS:
        row = map_table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=plant))
        expect(row).to_contain_text("Idled")
        expect(row).to_contain_text("2009-03-24")

    chart = page.get_by_role("img", name=re.compile("International Wire Group", re.I))
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()

    # Keyboard: focus the Jewett City point, Enter opens its popup and moves focus to its link.
    jewett = map_group.get_by_role("button", name=re.compile(r"^Jewett City plant,"))
    jewett.focus()
    jewett.press("Enter")
    popup = page.get_by_role("dialog", name="Jewett City plant")
    expect(popup).to_be_visible()
    expect(jewett).to_have_attribute("aria-expanded", "true")
    link = popup.get_by_role("link", name="Facility page")
    expect(link).to_be_focused()
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(jewett).to_be_focused()

    # Mouse: click the Littleton point, follow the popup's link.
    map_group.get_by_role("button", name=re.compile(r"^Littleton plant,")).click()
    popup = page.get_by_role("dialog", name="Littleton plant")
    expect(popup).to_contain_text("Idled since 2009-03-24")
    snapshot("popup")
    popup.get_by_role("link", name="Facility page").click()
    expect(page).to_have_url(re.compile(r"/facilities/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Littleton plant")
    expect(page.get_by_text("Idled since 2009-03-24")).to_be_visible()


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
    # The map agrees with the table.
    expect(page.get_by_role("button", name=re.compile(r"International Wire Group: Open"))).to_have_count(2)
    snapshot("as-of")

    # A bookmarked URL gives the same page; "Today" goes back.
    page.goto(COMPANY_URL + "?as_of=2009-03-01")
    expect(status_group(page, "open").get_by_role("rowheader")).to_have_count(2)
    page.get_by_role("link", name="Today").click()
    expect(page).to_have_url(re.compile(re.escape(COMPANY_URL) + "$"))
    expect(status_group(page, "idled").get_by_role("rowheader")).to_have_count(2)
