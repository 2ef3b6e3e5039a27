"""Home page in a real browser: totals, latest events and the events-per-month chart."""

import re

import pytest
from playwright.sync_api import expect

from companies.models import Company, Facility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_shows_totals_latest_events_and_chart(page):
    page.goto("/")

    expect(page.get_by_role("heading", level=1, name="Corporate facility footprints")).to_be_visible()

    totals = page.get_by_role("region", name="Totals")
    companies = totals.get_by_role("listitem").filter(has_text="companies")
    expect(companies).to_contain_text(str(Company.objects.count()))
    idled = Facility.objects.status_totals()["idled"]
    assert idled >= 2  # Jewett City and Littleton at least
    expect(totals.get_by_role("listitem").filter(has_text="facilities idled")).to_contain_text(str(idled))

    expect(page.get_by_role("heading", name="Latest accepted events")).to_be_visible()
    latest = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Evidence"))
    for plant in ("Jewett City plant", "Littleton plant"):
        row = latest.get_by_role("row").filter(has=page.get_by_role("rowheader", name=plant))
        expect(row).to_contain_text("Idled")
        expect(row).to_contain_text("International Wire Group")

    chart = page.get_by_role("img", name=re.compile("events", re.I))
    expect(chart).to_have_count(1)  # the narrow variant is hidden at this width
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100, box
