"""The facility explorer in a real browser: filters applied through the form as a person would,
bookmarkable URLs, sortable columns, the CSV download, and keyboard use of the filters."""

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLANTS = ["Jewett City plant", "Littleton plant"]


def results(page):
    """The explorer's results table (not the map's table alternative)."""
    return page.get_by_role("region", name="Facilities", exact=True).get_by_role("table")


def facility_names(page) -> list[str]:
    return [name.strip() for name in results(page).get_by_role("rowheader").all_inner_texts()]


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def filter_form(page):
    return page.get_by_role("form", name="Filter facilities")


def apply_idled_in_us(page):
    page.goto("/facilities/")
    expect(page.get_by_role("heading", level=1, name="Facilities")).to_be_visible()
    form = filter_form(page)
    form.get_by_role("checkbox", name="Idled").check()
    form.get_by_label(re.compile(r"^Country\b")).select_option("US")
    form.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"status=idled"))


def test_two_filters_through_the_form_then_sort_by_a_column(page):
    apply_idled_in_us(page)

    params = query(page)
    assert params["status"] == ["idled"] and params["country"] == ["US"], page.url
    expect(page.get_by_role("status").filter(has_text="facilit")).to_contain_text("2 facilities match")
    expect(results(page).get_by_role("rowheader")).to_have_count(2)
    assert sorted(facility_names(page)) == PLANTS
    for plant in PLANTS:
        row = results(page).get_by_role("row").filter(has=page.get_by_role("rowheader", name=plant))
        expect(row).to_contain_text("International Wire Group")
        expect(row).to_contain_text("2009-03-24")
    # The facets mark exactly the two chosen values (the blank selects the form also submits,
    # region= and company=, are not filters).
    selected = page.get_by_role("complementary", name="Facet counts").locator("a[aria-current='true']")
    expect(selected).to_have_count(2)
    expect(selected.first).to_contain_text("Idled")
    expect(selected.last).to_contain_text("United States (US)")
    # The form shows the state it was given.
    expect(filter_form(page).get_by_role("checkbox", name="Idled")).to_be_checked()
    expect(filter_form(page).get_by_role("checkbox", name="Open")).not_to_be_checked()

    locality = results(page).get_by_role("columnheader", name="Locality")
    locality.get_by_role("link").click()
    expect(locality).to_have_attribute("aria-sort", "ascending")
    assert facility_names(page) == PLANTS
    locality.get_by_role("link").click()
    expect(locality).to_have_attribute("aria-sort", "descending")
    assert facility_names(page) == PLANTS[::-1]
    params = query(page)
    assert params["ordering"] == ["-locality"], page.url
    assert params["status"] == ["idled"] and params["country"] == ["US"], "sorting must keep the filters"


def test_csv_download_keeps_the_filters(page):
    apply_idled_in_us(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = info.value
    assert re.fullmatch(r"footprint-facilities-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    assert download.failure() is None
    text = download.path().read_text(encoding="utf-8-sig")

    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    for column in ("Company", "Facility", "Locality", "Country", "Status", "Status since", "Source URL"):
        assert column in header, header
    records = [dict(zip(header, row, strict=True)) for row in body]
    assert sorted(r["Facility"] for r in records) == PLANTS
    for record in records:
        assert record["Company"] == "International Wire Group"
        assert record["Status"] == "Idled"
        assert record["Status since"] == "2009-03-24"
        assert record["Country"] == "US"
        assert re.search(r"/releases/\d+/", record["Source release"]), record


def test_filters_are_labelled_and_keyboard_usable(page):
    page.goto("/facilities/")

    # Every filter control has a label a screen reader (and get_by_label) finds.
    form = filter_form(page)
    labelled = {
        "Search facility, company or locality": "f-q",
        "Company": "f-company",
        "Parent company": "f-parent",
        "Country": "f-country",
        "Region": "f-region",
        "Kind": "f-kind",
        "Event type": "f-event-type",
        "From": "f-changed-after",
        "To": "f-changed-before",
        "Statuses as of": "f-as-of",
    }
    for label, dom_id in labelled.items():
        expect(form.get_by_label(re.compile("^" + re.escape(label) + r"\b"))).to_have_id(dom_id)
    for status in ("Open", "Idled", "Closed", "Sold"):
        expect(form.get_by_role("checkbox", name=status, exact=True)).to_be_visible()

    # Tab from the search field reaches every control, in order, and the submit button.
    search = form.get_by_label("Search facility, company or locality")
    search.focus()
    page.keyboard.type("Littleton")
    reached = ["f-q"]
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.id || (e.type === 'checkbox' ? 'status=' + e.value : e.textContent.trim()); }"
        )
        if focused != reached[-1]:
            reached.append(focused)
        if focused == "status=idled":
            page.keyboard.press("Space")
        if focused == "Apply filters":
            break
    expected = ["f-q", "status=open", "status=idled", "status=closed", "status=sold"]
    expected += [v for v in labelled.values() if v != "f-q"] + ["Apply filters"]
    assert [r for r in reached if r in expected] == expected, reached
    assert reached[-1] == "Apply filters", reached

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=Littleton"))
    params = query(page)
    assert params["q"] == ["Littleton"] and params["status"] == ["idled"], page.url
    expect(results(page).get_by_role("rowheader")).to_have_text(["Littleton plant"])
