"""Events, changes, the Atom feed and site search in a real browser."""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ATOM = "{http://www.w3.org/2005/Atom}"
PLANTS = ["Jewett City plant", "Littleton plant"]


def test_events_filtered_by_type_and_their_atom_feed(page):
    # The unfiltered feed of the whole site, linked from every page's head.
    page.goto("/")
    site_feed = page.locator("head link[rel='alternate'][type='application/atom+xml']").get_attribute("href")
    response = page.request.get(site_feed)
    assert response.ok and ET.fromstring(response.body()).tag == f"{ATOM}feed"

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page).to_have_url(re.compile(r"/events/$"))
    expect(page.get_by_role("heading", level=1, name="Events")).to_be_visible()
    form = page.get_by_role("form", name="Filter events")
    form.get_by_role("checkbox", name="Idled").check()
    form.get_by_label("Company").select_option(label="International Wire Group")
    form.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"type=idled"))
    expect(page).to_have_url(re.compile(r"company=international-wire-group"))
    table = page.get_by_role("region", name="Events", exact=True).get_by_role("table")
    expect(table.get_by_role("rowheader")).to_have_count(2)
    assert sorted(table.get_by_role("rowheader").all_inner_texts()) == PLANTS
    for row in table.locator("tbody tr").all():
        expect(row).to_contain_text("2009-03-24")
        expect(row).to_contain_text("Idled")

    # The page's feed link and its <link rel="alternate"> both point at the filtered feed.
    feed_link = page.get_by_role("link", name="Atom feed of these events")
    href = feed_link.get_attribute("href")
    assert href and "type=idled" in href and "company=international-wire-group" in href, href
    alternate = page.locator("head link[rel='alternate'][type='application/atom+xml']")
    expect(alternate).to_have_attribute("href", href)

    response = page.request.get(href)
    assert response.ok, response.status
    assert response.headers["content-type"].startswith("application/atom+xml"), response.headers
    feed = ET.fromstring(response.body())
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") and feed.findtext(f"{ATOM}updated")
    entries = list(feed.iter(f"{ATOM}entry"))
    for entry in entries:
        assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}updated"), ET.tostring(entry)
        assert entry.find(f"{ATOM}link").get("href", "").startswith("http"), ET.tostring(entry)
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert len(titles) == 2, titles
    assert all("Idled" in t or "idled" in t for t in titles), titles
    assert any("Jewett City" in t for t in titles) and any("Littleton" in t for t in titles), titles


def test_changes_between_two_dates_lists_both_idlings(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Changes").click()
    expect(page).to_have_url(re.compile(r"/changes/$"))
    form = page.get_by_role("form", name="Period")
    form.get_by_label("From").fill("2009-01-01")
    form.get_by_label("To").fill("2009-12-31")
    form.get_by_role("button", name="Show changes").click()

    expect(page).to_have_url(re.compile(r"from=2009-01-01&to=2009-12-31"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("2009-01-01 to 2009-12-31")
    changed = page.get_by_role("region", name="Facilities whose status changed")
    expect(changed.get_by_role("rowheader")).to_have_count(2)
    for plant in PLANTS:
        row = changed.get_by_role("row").filter(has=page.get_by_role("rowheader", name=plant))
        expect(row).to_contain_text("Open")
        expect(row).to_contain_text("Idled")
    evidence = page.locator("table.events-table tbody tr")
    expect(evidence).to_have_count(2)
    expect(evidence.first).to_contain_text("idling production at the Jewett City")

    page.goto("/companies/international-wire-group/changes/?from=2009-01-01&to=2009-12-31")
    expect(page.get_by_role("heading", level=1)).to_contain_text("International Wire Group: what changed")
    expect(page.locator("table.events-table tbody tr")).to_have_count(2)


def test_header_search_finds_the_ticker(page, snapshot):
    page.goto("/events/")
    search = page.get_by_role("search").filter(has=page.get_by_role("button", name="Search")).first
    box = search.get_by_label("Search companies (name, alias or ticker) and releases")
    box.fill("ITWG")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=ITWG$"))
    companies = page.get_by_role("region", name="Companies", exact=True)
    row = companies.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="International Wire Group")
    )
    expect(row).to_contain_text("ITWG")
    expect(companies.get_by_role("rowheader")).to_have_count(1)
    releases = page.locator("section[aria-labelledby='releases-heading']")
    expect(
        releases.get_by_role("link", name="International Wire Announces the Idling of Two Plants")
    ).to_be_visible()

    snapshot("results")
    row.get_by_role("link", name="International Wire Group").click()
    expect(page).to_have_url(re.compile(r"/companies/international-wire-group/$"))
