"""The release review page in a real browser: five releases in the shape of real ones, each
taken from what the importer gives to the right company page, counting the clicks.

The releases are written for this test about fictional companies. What the importer gives is
fixed here as a ``Proposal`` (the importer's output, not re-run), so the flows test the review
page and not the extractor of the day:

- a wrong place: an idling put in the dateline city, at confidence 0.95;
- a missing event: one of two closures found;
- an unknown issuer: five plant investments waiting for their company;
- no date: two closures, undated;
- a six-mill sale: nothing found.

A click is a click on a link, button or suggestion, or on a text field to type into it (a field
that keeps the focus after a pick is not clicked again); choosing from a drop-down counts two.
Each flow ends on the company page and must take at most ``MAX_CLICKS``.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from companies.importer.proposal import CompanyRef, Document, PlaceRef, Proposal, ProposedEvent
from companies.models import Company, Event, Facility, Release
from companies.services import imports
from companies.services.imports import release_import
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_CLICKS = 15
DAY = datetime.date(2026, 4, 14)
DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "review-page.png"


class Clicks:
    """Counts what an editor does with the mouse (see the module docstring)."""

    def __init__(self, page):
        self.page = page
        self.n = 0

    def click(self, locator) -> None:
        locator.click()
        self.n += 1

    def fill(self, locator, text: str, *, focused: bool = False) -> None:
        if focused:
            expect(locator).to_be_focused()
        else:
            locator.click()
            self.n += 1
        locator.press_sequentially(text, delay=10)

    def select(self, locator, value: str) -> None:
        locator.select_option(value)
        self.n += 2

    def pick(self, field, text: str, suggestion: str, *, focused: bool = False) -> None:
        """Type a place and click the suggestion that names it."""
        self.fill(field, text, focused=focused)
        listbox = self.page.locator(f"#{field.get_attribute('id')}-suggestions")
        self.click(listbox.get_by_role("option", name=re.compile(re.escape(suggestion))).first)


def record(name: str, clicks: Clicks) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with (ARTIFACTS / "review-clicks.txt").open("a") as f:
        f.write(f"{name}: {clicks.n} clicks\n")
    assert clicks.n <= MAX_CLICKS, f"{name}: {clicks.n} clicks"


def place(locality, region, country, lat, lon, geonames_id=None, resolved=True) -> PlaceRef:
    return PlaceRef(locality, region, country, lat, lon, geonames_id, resolved)


def imported(text: str, proposal: Proposal, name: str) -> Release:
    result = release_import(document=Document(name=name, text=text), proposal=proposal)
    assert not result.failed, result.error
    return result.release


def log_in(page) -> Clicks:
    User.objects.create_superuser("editor", "editor@example.com", "pw")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/admin/login/?next=/admin/companies/release/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    expect(page.get_by_role("heading", level=1)).to_contain_text("release")
    return Clicks(page)  # logging in is not part of the review


def open_review(clicks: Clicks, release: Release) -> None:
    """From the release list, the release's "Review" link."""
    row = clicks.page.locator("#result_list tbody tr").filter(has_text=release.headline[:40])
    clicks.click(row.get_by_role("link", name="Review"))
    expect(clicks.page.locator(".review-title")).to_have_text(release.headline)
    # review.js has set up its autocompletes (it marks each field a combobox): a person is
    # slower than a script, which could type before the page is ready.
    expect(clicks.page.locator("input[data-autocomplete]").first).to_have_attribute("role", "combobox")


def open_company_page(clicks: Clicks, company: Company) -> None:
    clicks.click(clicks.page.locator("#company-page"))
    expect(clicks.page.get_by_role("heading", level=1, name=company.name)).to_be_visible()


def group(page, status: str):
    return page.locator(f"section[aria-labelledby='group-{status}']")


# --- the releases ---------------------------------------------------------------------------------

PAPER_TEXT = """Lakemoor Paper to Idle Pulp Line at Jay Mill

MEMPHIS, Tenn., April 14, 2026 -- Lakemoor Paper Co. (NYSE: LKMP) said today that it will idle the pulp line at its Androscoggin mill in Jay, Maine, for about eight weeks beginning May 1, 2026, because orders for coated paper remain weak. Roughly 150 employees will be affected.

"We expect to restart the line once inventories come down," the company's chief executive said.

About Lakemoor Paper: Lakemoor Paper Co. is headquartered in Memphis, Tennessee and makes coated and specialty papers at five mills in North America.
"""


def test_a_wrong_place_is_moved_and_accepted(page, snapshot):
    release = imported(
        PAPER_TEXT,
        Proposal(
            headline="Lakemoor Paper to Idle Pulp Line at Jay Mill",
            published=DAY,
            company=CompanyRef("Lakemoor Paper Co.", "LKMP", "NYSE"),
            events=[
                ProposedEvent(
                    "idled",
                    place("Memphis", "US-TN", "US", 35.15, -90.05, 4641239),
                    "MEMPHIS, Tenn., April 14, 2026 -- Lakemoor Paper Co. (NYSE: LKMP) said today that it will idle "
                    "the pulp line at its Androscoggin mill in Jay, Maine, for about eight weeks beginning May 1, "
                    "2026, because orders for coated paper remain weak.",
                    0.95,
                    facility="Androscoggin mill",
                    kind="mill",
                )
            ],
        ),
        "lakemoor.txt",
    )
    clicks = log_in(page)
    open_review(clicks, release)
    event = release.events.get()
    field = page.locator(f"#id_e{event.pk}-place")
    field.fill("")  # clearing is part of the click into the field below
    clicks.pick(field, "Jay", "Jay, Maine")
    expect(field).to_have_value("Jay, ME, US")
    snapshot("place-picked")
    clicks.click(page.locator(f"#row-{event.pk}").get_by_role("button", name="Accept"))
    expect(page.locator(".messagelist")).to_contain_text("Accepted: Idled at Jay, ME, US")
    open_company_page(clicks, release.company)

    record("wrong place", clicks)
    idled = group(page, "idled")
    expect(idled.get_by_role("rowheader", name="Androscoggin mill")).to_be_visible()
    expect(idled).to_contain_text("Jay")
    expect(page.get_by_text("Memphis mill")).to_have_count(0)
    assert not Facility.objects.filter(location__locality="Memphis", company=release.company).exists()
    assert Facility.objects.get(company=release.company).location.geonames_id


BAKERY_TEXT = """Kestrel Foods Will Close Two Bakeries

HAMILTON, Ontario, April 14, 2026 -- Kestrel Foods Inc. announced today it will close its bakery in Brantford, Ontario by the end of June and its bread plant in Chapleau, Ontario in September 2026, moving their production to its larger Hamilton site.

About 210 people work at the two sites.
"""


def bakery_release(name: str, *, set_aside: tuple[ProposedEvent, ...] = ()) -> Release:
    """The two-bakery release as the importer gives it: the Brantford closure found, Chapleau
    not among the proposals (missing, or in ``set_aside``)."""
    brantford = ProposedEvent(
        "closed",
        place("Brantford", "CA-ON", "CA", 43.13, -80.27, 5907990),
        "HAMILTON, Ontario, April 14, 2026 -- Kestrel Foods Inc. announced today it will close its bakery "
        "in Brantford, Ontario by the end of June and its bread plant in Chapleau, Ontario in September "
        "2026, moving their production to its larger Hamilton site.",
        0.9,
        kind="plant",
    )
    proposal = Proposal(
        headline="Kestrel Foods Will Close Two Bakeries",
        published=DAY,
        company=CompanyRef("Kestrel Foods Inc."),
        events=[brantford],
        set_aside=list(set_aside),
    )
    return imported(BAKERY_TEXT, proposal, name)


def test_a_missing_event_is_added_from_the_text(page):
    release = bakery_release("kestrel.txt")
    clicks = log_in(page)
    open_review(clicks, release)
    clicks.click(page.locator(".review-row").first.get_by_role("button", name="Accept"))
    clicks.select(page.locator("#id_add-type"), "closed")
    clicks.pick(page.locator("#id_add-place"), "Chapleau", "Chapleau, Ontario")
    clicks.click(page.locator("#add-event-submit"))
    expect(page.locator(".messagelist")).to_contain_text("Added 1 event at Chapleau, ON, CA, accepted")
    open_company_page(clicks, release.company)

    record("missing event", clicks)
    closed = group(page, "closed")
    expect(closed).to_contain_text("Brantford")
    expect(closed).to_contain_text("Chapleau")
    chapleau = Facility.objects.get(company=release.company, location__locality="Chapleau")
    assert chapleau.kind == "plant" and chapleau.location.latitude is not None


def test_a_closure_the_importer_set_aside_is_shown_and_added(page, snapshot):
    # the importer's fitted decision found the second closure unlikely: the page shows it apart,
    # with its evidence, and the editor adds it with the form below it
    chapleau = place("Chapleau", "CA-ON", "CA", 47.84, -83.40, 5920433)
    evidence = "its bread plant in Chapleau, Ontario in September 2026"
    release = bakery_release(
        "kestrel-set-aside.txt", set_aside=(ProposedEvent("closed", chapleau, evidence, 0.31, kind="plant"),)
    )
    clicks = log_in(page)
    open_review(clicks, release)
    box = page.locator("#set-aside")
    expect(box).to_contain_text("closed at Chapleau, ON, CA")
    expect(box).to_contain_text("31% likely")
    snapshot("set-aside")
    clicks.select(page.locator("#id_add-type"), "closed")
    clicks.pick(page.locator("#id_add-place"), "Chapleau", "Chapleau, Ontario")
    clicks.click(page.locator("#add-event-submit"))
    expect(page.locator(".messagelist")).to_contain_text("Added 1 event at Chapleau, ON, CA")
    expect(page.locator("#set-aside")).to_have_count(0)  # added: no longer set aside


MOTORS_TEXT = """Investing in Five North American Plants

GEORGETOWN, Ky., April 14, 2026 -- The automaker said today it will invest $1.2 billion to expand five of its plants: Georgetown, Kentucky; Princeton, Indiana; Buffalo, West Virginia; Huntsville, Alabama; and Troy, Missouri.

The work adds capacity for hybrid drivetrains and is expected to create 400 jobs.
"""

MOTOR_PLANTS = [
    ("Georgetown", "US-KY", 38.21, -84.56, 4295251),
    ("Princeton", "US-IN", 38.36, -87.57, 4262045),
    ("Buffalo", "US-WV", 38.62, -81.98, 4800843),
    ("Huntsville", "US-AL", 34.73, -86.59, 4068590),
    ("Troy", "US-MO", 38.98, -90.98, 4412697),
]


def test_an_unknown_issuer_is_given_and_the_release_re_extracted(page, monkeypatch, snapshot):
    events = [
        ProposedEvent(
            "expanded", place(name, region, "US", lat, lon, gid), MOTORS_TEXT.split("\n\n")[1].strip(), 0.8
        )
        for name, region, lat, lon, gid in MOTOR_PLANTS
    ]
    proposal = Proposal(headline="Investing in Five North American Plants", published=DAY, events=events)
    monkeypatch.setattr(imports, "document_extract", lambda document: proposal)
    release = imported(MOTORS_TEXT, proposal, "motors.txt")
    assert release.company is None and release.events.count() == 0

    clicks = log_in(page)
    open_review(clicks, release)
    snapshot("asks-for-the-issuer")
    # The field suggests stored companies as it is typed; none has this name yet.
    with page.expect_response(lambda r: "/admin/autocomplete/" in r.url and "Manufacturing" in r.url):
        clicks.fill(page.locator("#id_company"), "Corvane Motor Manufacturing")
    clicks.click(page.locator("#complete-release").get_by_role("button", name="Set"))
    expect(page.locator(".messagelist")).to_contain_text("re-extracted: 5 events proposed")
    snapshot("five-proposed")
    clicks.click(page.locator("#accept-all"))
    expect(page.locator(".messagelist")).to_contain_text("Accepted 5 events")
    company = Company.objects.get(name="Corvane Motor Manufacturing")
    open_company_page(clicks, company)

    record("unknown issuer", clicks)
    expect(group(page, "open").get_by_role("rowheader")).to_have_count(5)


BREAD_TEXT = """Harrowgate Baking Announces Closure of Two Facilities

Harrowgate Baking Company today announced it will close its plants in Ripon, California and Azusa, California by the end of the third quarter, consolidating production at its other bakeries. The company expects to record charges for the closures.

Harrowgate Baking makes private-label breads and crackers for grocers.
"""


def test_an_undated_release_is_dated_and_accepted(page):
    evidence = BREAD_TEXT.split("\n\n")[1].split(". ")[0] + "."
    release = imported(
        BREAD_TEXT,
        Proposal(
            headline="Harrowgate Baking Announces Closure of Two Facilities",
            published=None,
            company=CompanyRef("Harrowgate Baking Company"),
            events=[
                ProposedEvent(
                    "closed", place("Ripon", "US-CA", "US", 37.74, -121.12, 5387428), evidence, 0.9
                ),
                ProposedEvent(
                    "closed", place("Azusa", "US-CA", "US", 34.13, -117.91, 5325423), evidence, 0.9
                ),
            ],
        ),
        "harrowgate.txt",
    )
    assert release.published is None
    clicks = log_in(page)
    open_review(clicks, release)
    clicks.fill(page.locator("#id_published"), "2026-05-24")
    clicks.click(page.locator("#complete-release").get_by_role("button", name="Set"))
    expect(page.locator(".messagelist")).to_contain_text("2 events took it")
    clicks.click(page.locator("#accept-all"))
    open_company_page(clicks, release.company)

    record("no date", clicks)
    closed = group(page, "closed")
    expect(closed).to_contain_text("Ripon")
    expect(closed).to_contain_text("Azusa")
    assert set(Event.objects.filter(release=release).values_list("announced_date", flat=True)) == {
        datetime.date(2026, 5, 24)
    }


SALE_TEXT = """Northwind Timber to Sell Six Sawmills to Harrow Lumber

THUNDER BAY, Ontario, April 14, 2026 -- Northwind Timber Inc. said today it has agreed to sell six sawmills to Harrow Lumber Ltd. for C$310 million.

The mills are in Chapleau, Ontario; Cochrane, Ontario; Hearst, Ontario; Kapuskasing, Ontario; Dryden, Ontario; and Ignace, Ontario, and employ about 900 people.

The sale is expected to close in the third quarter of 2026, subject to regulatory approval.
"""

SALE_MILLS = ["Chapleau", "Cochrane", "Hearst", "Kapuskasing", "Dryden", "Ignace"]


def test_a_six_mill_sale_is_added_with_its_buyer(page):
    release = imported(
        SALE_TEXT,
        Proposal(
            headline="Northwind Timber to Sell Six Sawmills to Harrow Lumber",
            published=DAY,
            company=CompanyRef("Northwind Timber Inc."),
        ),
        "northwind.txt",
    )
    clicks = log_in(page)
    open_review(clicks, release)
    clicks.select(page.locator("#id_add-type"), "sold")
    field = page.locator("#id_add-place")
    for i, mill in enumerate(SALE_MILLS):
        clicks.pick(field, mill, f"{mill}, Ontario", focused=i > 0)
    expect(page.locator("#add-picks li")).to_have_count(6)
    clicks.fill(page.locator("#id_add-counterparty"), "Harrow Lumber Ltd.")
    clicks.click(page.locator("#add-event-submit"))
    expect(page.locator(".messagelist")).to_contain_text("Added 12 events")
    open_company_page(clicks, release.company)

    record("six-mill sale", clicks)
    sold = group(page, "sold")
    for mill in SALE_MILLS:
        expect(sold).to_contain_text(mill)
    buyer = Company.objects.get(name="Harrow Lumber")
    page.goto(buyer.get_absolute_url())
    expect(group(page, "open").get_by_role("rowheader")).to_have_count(6)
    assert set(Facility.objects.filter(company=release.company).values_list("kind", flat=True)) == {"mill"}


def test_the_review_page_fits_a_laptop_screen(page):
    """Every control of every row is on screen at 1,366 px, and the README's screenshot."""
    release = imported(
        BAKERY_TEXT,
        Proposal(
            headline="Kestrel Foods Will Close Two Bakeries",
            published=DAY,
            company=CompanyRef("Kestrel Foods Inc."),
            events=[
                ProposedEvent(
                    "closed",
                    place(town, "CA-ON", "CA", lat, lon, gid),
                    BAKERY_TEXT.split("\n\n")[1].strip(),
                    confidence,
                    kind="plant",
                    employees=210 if town == "Brantford" else None,
                )
                for town, lat, lon, gid, confidence in (
                    ("Brantford", 43.13, -80.27, 5907990, 0.9),
                    ("Chapleau", 47.84, -83.4, 5919850, 0.85),
                    ("Hamilton", 43.23, -79.95, 5969785, 0.55),
                )
            ],
        ),
        "kestrel.txt",
    )
    clicks = log_in(page)
    open_review(clicks, release)
    # Hamilton is where the work goes, not a closure: rejected, as an editor would.
    page.locator(".review-row").nth(2).get_by_role("button", name="Reject").click()
    expect(page.locator(".review-row").nth(2)).to_have_class(re.compile("state-rejected"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1366, f"the page is {width} px wide"
    for button in page.locator(".review-row .decision .button").all():
        box = button.bounding_box()
        assert box and box["x"] + box["width"] <= 1366, box
    shot = (
        DOCS_SCREENSHOT if os.environ.get("FOOTPRINT_DOCS_SCREENSHOT") else ARTIFACTS / "review-page-1366.png"
    )
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))


def test_a_place_is_picked_with_the_keyboard(page):
    """Arrow keys move through the suggestions and Enter picks one without sending the form."""
    release = imported(
        PAPER_TEXT,
        Proposal(
            headline="Lakemoor Paper to Idle Pulp Line at Jay Mill",
            published=DAY,
            company=CompanyRef("Lakemoor Paper Co."),
        ),
        "lakemoor.txt",
    )
    clicks = log_in(page)
    open_review(clicks, release)
    field = page.locator("#id_add-place")
    field.fill("Jay")
    options = page.locator("#id_add-place-suggestions [role=option]")
    expect(options.first).to_contain_text("Jay, Maine")
    field.press("ArrowDown")
    field.press("ArrowUp")
    expect(field).to_have_attribute("aria-activedescendant", "id_add-place-suggestions-0")
    field.press("Enter")
    expect(page.locator("#add-picks li")).to_have_count(1)
    expect(page.locator("#add-picks")).to_contain_text("Jay, ME, US")
    assert release.events.count() == 0  # nothing was sent
