"""The analyst pages render the right content through the test client."""

import datetime
import re

import pytest
from django.urls import reverse

from companies.services.facilities import facility_record_sale
from tests.factories import (
    ClaimFactory,
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    ReleaseFactory,
)

pytestmark = pytest.mark.django_db

IDLING_EVIDENCE = (
    "International Wire Group, Inc. (Pink Sheets: ITWG) today announced that it is idling production "
    "at the Jewett City, Connecticut and Littleton, New Hampshire plants."
)


def section(html: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by ``heading_id``."""
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


@pytest.fixture
def iwg():
    """International Wire Group as the seed release describes it."""
    hq = LocationFactory(locality="Camden", region="US-NY", country="US")
    company = CompanyFactory(
        name="International Wire Group",
        slug="international-wire-group",
        legal_name="International Wire Group, Inc.",
        ticker="ITWG",
        exchange="Pink Sheets",
        headquarters=hq,
        industry="Wire and cable",
        markets="aerospace, electronics/data communications",
        website="https://www.internationalwire.com/",
    )
    release = ReleaseFactory(
        company=company,
        headline="International Wire Announces the Idling of Two Plants",
        body=f"CAMDEN, N.Y., Mar 24, 2009 (BUSINESS WIRE) -- {IDLING_EVIDENCE} Customers will be "
        "served by our other 13 U.S. facilities.\n\nAbout International Wire Group, Inc.\n\n"
        "The Company manufactures its products at 19 facilities.",
        published=datetime.date(2009, 3, 24),
    )
    jewett = FacilityFactory(
        company=company,
        name="Jewett City plant",
        location=LocationFactory(locality="Jewett City", region="US-CT", country="US"),
    )
    littleton = FacilityFactory(
        company=company,
        name="Littleton plant",
        location=LocationFactory(locality="Littleton", region="US-NH", country="US"),
    )
    events = [
        EventFactory(
            facility=f, release=release, announced_date=datetime.date(2009, 3, 24), evidence=IDLING_EVIDENCE
        )
        for f in (jewett, littleton)
    ]
    ClaimFactory(release=release, count=19, countries=["US", "BE", "FR", "IT"], text="19 facilities")
    ClaimFactory(
        release=release, count=13, countries=["US"], qualifier="other", text="our other 13 U.S. facilities"
    )
    return {
        "company": company,
        "release": release,
        "jewett": jewett,
        "littleton": littleton,
        "events": events,
    }


# --- home -----------------------------------------------------------------------------------


def test_home_shows_totals_and_latest_events(client, iwg):
    closed = EventFactory(type="closed", evidence="Acme closed its Springfield mill.")
    response = client.get(reverse("companies:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Corporate facility footprints · Footprint</title>" in html
    totals = response.context["totals"]
    assert (totals["open"], totals["idled"], totals["closed"]) == (0, 2, 1)
    assert response.context["company_count"] == 2
    latest = section(html, "latest-heading")
    assert "Jewett City plant" in latest
    assert "International Wire Group" in latest
    assert "Acme closed its Springfield mill." in latest
    assert iwg["release"].get_absolute_url() in latest
    assert closed.release.get_absolute_url() in latest
    assert 'class="status-badge status-idled"' in latest


def test_home_lists_only_accepted_events(client):
    EventFactory(review_state="proposed", evidence="A proposal nobody reviewed yet.")
    html = client.get("/").content.decode()
    assert "A proposal nobody reviewed yet." not in html
    assert "No accepted events yet." in html


# --- companies list -------------------------------------------------------------------------


def test_company_list_counts_and_search(client, iwg):
    CompanyFactory(name="Kestrel Foods", slug="kestrel-foods", aliases="Kestrel\nKFI", ticker="KFD")
    response = client.get("/companies/")
    html = response.content.decode()
    assert "International Wire Group" in html and "Kestrel Foods" in html
    row = next(c for c in response.context["companies"] if c.slug == "international-wire-group")
    assert (row.open_count, row.idled_count, row.closed_count) == (0, 2, 0)
    assert "Pink Sheets: ITWG" in html

    for query in ("kestrel", "KFI", "kfd"):
        names = [c.name for c in client.get("/companies/", {"q": query}).context["companies"]]
        assert names == ["Kestrel Foods"], query
    names = [c.name for c in client.get("/companies/", {"q": "itwg"}).context["companies"]]
    assert names == ["International Wire Group"]
    assert "No companies found" in client.get("/companies/", {"q": "nothing like it"}).content.decode()


def test_company_list_sorts_by_whitelisted_columns(client):
    busy, quiet = CompanyFactory(name="Busy Co", slug="busy"), CompanyFactory(name="Quiet Co", slug="quiet")
    for _ in range(3):
        EventFactory(facility=FacilityFactory(company=busy), type="opened")
    EventFactory(facility=FacilityFactory(company=quiet), type="closed")

    def names(sort):
        return [c.name for c in client.get("/companies/", {"sort": sort}).context["companies"]]

    assert names("-open") == ["Busy Co", "Quiet Co"]
    assert names("open") == ["Quiet Co", "Busy Co"]
    assert names("-closed") == ["Quiet Co", "Busy Co"]
    assert names("-name") == ["Quiet Co", "Busy Co"]
    # Anything else falls back to name, never reaching order_by().
    assert names("password") == ["Busy Co", "Quiet Co"]
    html = client.get("/companies/", {"sort": "-open"}).content.decode()
    assert 'aria-sort="descending"' in html


def test_company_list_paginates(client):
    for n in range(55):
        CompanyFactory(name=f"Company {n:02d}", slug=f"company-{n}")
    first = client.get("/companies/")
    assert len(first.context["companies"]) == 50
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/companies/", {"page": 2})
    assert len(second.context["companies"]) == 5
    assert client.get("/companies/", {"page": "junk"}).status_code == 200


# --- company page ---------------------------------------------------------------------------


def test_company_page_lists_idled_plants_with_since_and_release(client, iwg):
    response = client.get("/companies/international-wire-group/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>International Wire Group · Footprint</title>" in html
    assert "Pink Sheets: ITWG" in html
    assert "International Wire Group, Inc." in html
    assert "Camden, New York, United States" in html
    footprint = response.context["footprint"]
    assert [row.facility.name for row in footprint["idled"].rows] == ["Jewett City plant", "Littleton plant"]
    assert footprint["open"].rows == [] and footprint["closed"].rows == []
    idled = section(html, "group-idled")
    assert "Jewett City" in idled and "Littleton" in idled
    assert "2009-03-24" in idled
    assert f'href="{iwg["release"].get_absolute_url()}#evidence-' in idled
    assert "Jewett City" not in section(html, "group-open")


def test_company_page_compares_known_with_claimed(client, iwg):
    html = client.get("/companies/international-wire-group/").content.decode()
    summary = section(html, "summary-heading")
    assert "19 facilities claimed (United States, Belgium, France, Italy)" in summary
    assert "13 other U.S. facilities claimed" in summary
    assert "2 known here" in summary


def test_company_page_timeline_and_releases(client, iwg):
    html = client.get("/companies/international-wire-group/").content.decode()
    timeline = section(html, "timeline-heading")
    assert "today announced that it is idling production" in timeline
    assert iwg["release"].get_absolute_url() in timeline
    assert "International Wire Announces the Idling of Two Plants" in section(html, "releases-heading")


def test_company_page_puts_sold_plants_apart_with_buyer(client):
    seller = CompanyFactory(name="Harrow Paper", slug="harrow-paper")
    buyer = CompanyFactory(name="Norrland Steel", slug="norrland-steel")
    mill = FacilityFactory(company=seller, name="Kettle Falls mill")
    EventFactory(facility=mill, type="opened", announced_date=datetime.date(2001, 5, 1))
    release = ReleaseFactory(
        company=seller, published=datetime.date(2018, 4, 10), body="Harrow sold the mill."
    )
    facility_record_sale(
        facility=mill,
        buyer=buyer,
        release=release,
        evidence="Harrow sold the mill.",
        sold_on=datetime.date(2018, 4, 10),
    )
    response = client.get("/companies/harrow-paper/")
    html = response.content.decode()
    assert [row.facility for row in response.context["footprint"]["sold"].rows] == [mill]
    sold = section(html, "group-sold")
    assert "Kettle Falls mill" in sold and "2018-04-10" in sold
    assert 'href="/companies/norrland-steel/">Norrland Steel</a>' in sold
    assert "Kettle Falls mill" not in section(html, "group-open")

    # The buyer's page shows the same site as its own open facility.
    buyer_page = client.get("/companies/norrland-steel/")
    assert [row.facility.name for row in buyer_page.context["footprint"]["open"].rows] == [
        "Kettle Falls mill"
    ]


def test_company_page_flags_announced_future_closure(client):
    company = CompanyFactory(name="Kestrel Foods", slug="kestrel-foods")
    plant = FacilityFactory(company=company, name="Dunmore plant")
    EventFactory(facility=plant, type="opened", announced_date=datetime.date(2012, 3, 5))
    EventFactory(
        facility=plant,
        type="closed",
        announced_date=datetime.date(2024, 2, 20),
        effective_date=datetime.date(2099, 6, 30),
    )
    html = client.get("/companies/kestrel-foods/").content.decode()
    open_group = section(html, "group-open")
    assert "Dunmore plant" in open_group
    assert "Closure announced for 2099-06-30" in open_group


def test_company_page_shows_planned_and_unknown_facilities_apart_and_eventless_ones_nowhere(client):
    company = CompanyFactory(slug="builder")
    FacilityFactory(company=company, name="Unreviewed site")  # no accepted event: in no footprint
    EventFactory(
        facility=FacilityFactory(company=company, name="New plant"),
        type="opened",
        announced_date=datetime.date(2024, 1, 1),
        effective_date=datetime.date(2099, 1, 1),
    )
    EventFactory(
        facility=FacilityFactory(company=company, name="Growing plant"),
        type="expanded",  # implies nothing about before it
        announced_date=datetime.date(2024, 1, 1),
        effective_date=datetime.date(2099, 1, 1),
    )
    html = client.get("/companies/builder/").content.decode()
    assert "New plant" in section(html, "group-planned")
    assert "Growing plant" in section(html, "group-unknown")
    assert "Unreviewed site" not in html


def test_company_page_as_of_shows_implied_status(client, iwg):
    response = client.get("/companies/international-wire-group/", {"as_of": "2009-03-01"})
    html = response.content.decode()
    assert "as of 2009-03-01" in html
    assert "<title>International Wire Group as of 2009-03-01 · Footprint</title>" in html
    footprint = response.context["footprint"]
    assert [row.facility.name for row in footprint["open"].rows] == ["Jewett City plant", "Littleton plant"]
    assert footprint["idled"].rows == []
    assert "Jewett City plant" in section(html, "group-open")

    later = client.get("/companies/international-wire-group/", {"as_of": "2009-04-01"})
    assert len(later.context["footprint"]["idled"].rows) == 2


def test_company_page_invalid_as_of_shows_message_and_today(client, iwg):
    response = client.get("/companies/international-wire-group/", {"as_of": "2009-13-45"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "is not a date in the form YYYY-MM-DD" in html
    assert response.context["as_of"] is None
    assert len(response.context["footprint"]["idled"].rows) == 2


# --- facility page --------------------------------------------------------------------------


def test_facility_page_shows_history_and_other_events(client, iwg):
    jewett = iwg["jewett"]
    EventFactory(
        facility=jewett,
        type="reopened",
        review_state="rejected",
        announced_date=datetime.date(2010, 1, 5),
        evidence="A misread reopening the editor rejected.",
    )
    response = client.get(jewett.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Jewett City plant — International Wire Group · Footprint</title>" in html
    assert response.context["status"].status == "idled"
    status = section(html, "status-heading")
    assert "since 2009-03-24" in status
    assert iwg["release"].get_absolute_url() in status
    assert "Connecticut, United States" in html
    history = section(html, "history-heading")
    assert "today announced that it is idling production" in history
    assert 'status-badge status-open">Open' in history and 'status-badge status-idled">Idled' in history
    other = section(html, "other-heading")
    assert "A misread reopening the editor rejected." in other
    assert "Rejected" in other
    assert "A misread reopening" not in history


def test_facility_page_links_predecessor_and_successor(client):
    seller, buyer = CompanyFactory(slug="seller"), CompanyFactory(slug="buyer", name="Buyer Co")
    mill = FacilityFactory(company=seller)
    release = ReleaseFactory(company=seller, body="Seller sold the mill to Buyer Co.")
    successor = facility_record_sale(
        facility=mill,
        buyer=buyer,
        release=release,
        evidence="Seller sold the mill.",
        sold_on=datetime.date(2018, 4, 10),
    )
    html = client.get(mill.get_absolute_url()).content.decode()
    assert "Sold to" in html and successor.get_absolute_url() in html
    html = client.get(successor.get_absolute_url()).content.decode()
    assert "Bought from" in html and mill.get_absolute_url() in html


# --- release page ---------------------------------------------------------------------------


def test_release_page_highlights_evidence(client, iwg):
    release = iwg["release"]
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>International Wire Announces the Idling of Two Plants · Footprint</title>" in html
    assert f'<mark id="evidence-{iwg["events"][0].pk}">{IDLING_EVIDENCE}</mark>' in html
    # Paragraphs are preserved.
    assert "<p>About International Wire Group, Inc.</p>" in html
    events = section(html, "events-heading")
    assert "Jewett City plant" in events and "Littleton plant" in events and "Accepted" in events
    claims = section(html, "claims-heading")
    assert "19 facilities" in claims and "United States, Belgium, France, Italy" in claims
    assert "Business Wire" in html


def test_release_page_escapes_untrusted_text(client):
    event = EventFactory(
        release=ReleaseFactory(
            headline="<b>Bold</b> headline",
            body='Intro <script>alert("x")</script> text.\n\nAcme is idling <img src=x onerror=alert(1)> the plant.',
        ),
        evidence="Acme is idling <img src=x onerror=alert(1)> the plant.",
    )
    html = client.get(event.release.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert (
        f'<mark id="evidence-{event.pk}">Acme is idling &lt;img src=x onerror=alert(1)&gt; the plant.</mark>'
        in html
    )
    assert "&lt;b&gt;Bold&lt;/b&gt; headline" in html


def test_release_page_matches_rewrapped_evidence(client):
    event = EventFactory(
        release=ReleaseFactory(body="Acme is idling\nthe Springfield plant.\n\nMore text."),
        evidence="Acme is idling the Springfield plant.",
    )
    html = client.get(event.release.get_absolute_url()).content.decode()
    assert f'<mark id="evidence-{event.pk}">Acme is idling\nthe Springfield plant.</mark>' in html


# --- 404s -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/companies/no-such-company/", "/facilities/999999/", "/releases/999999/", "/facilities/abc/"]
)
def test_unknown_records_are_404(client, url):
    assert client.get(url).status_code == 404


# --- paging: the company page never lists every facility or event -----------------------------


def paged_company(n: int):
    """A company with ``n`` open facilities in towns A..., one idled, and ``n`` releases."""
    from companies import views

    company = CompanyFactory(name="Paged Co", slug="paged-co")
    for i in range(n):
        facility = FacilityFactory(
            company=company, name=f"Plant {i:02d}", location=LocationFactory(locality=f"Town {i:02d}")
        )
        EventFactory(
            facility=facility,
            type="opened",
            announced_date=datetime.date(2001, 1, 1) + datetime.timedelta(days=i),
            release=ReleaseFactory(
                company=company, published=datetime.date(2001, 1, 1) + datetime.timedelta(days=i)
            ),
        )
    idled = FacilityFactory(company=company, name="Idle plant")
    EventFactory(
        facility=idled,
        type="idled",
        announced_date=datetime.date(2009, 1, 1),
        release=ReleaseFactory(company=company),
    )
    return company, views


def test_company_page_pages_each_status_group_with_counts_from_sql(client, monkeypatch):
    company, views = paged_company(5)
    monkeypatch.setattr(views.pages, "FACILITIES_PER_PAGE", 2)
    response = client.get(company.get_absolute_url())
    footprint = response.context["footprint"]
    assert footprint["open"].count == 5 and footprint["idled"].count == 1
    assert [r.facility.name for r in footprint["open"].rows] == ["Plant 00", "Plant 01"]
    assert [r.facility.name for r in footprint["idled"].rows] == ["Idle plant"]
    assert footprint["open"].links.next == "?open_page=2#group-open"
    html = response.content.decode()
    assert 'href="?open_page=3#group-open"' in html  # the last page
    # the open group's third page, the idled group unchanged, other parameters kept
    third = client.get(company.get_absolute_url(), {"open_page": "3", "as_of": "2020-01-01"}).context[
        "footprint"
    ]
    assert [r.facility.name for r in third["open"].rows] == ["Plant 04"]
    assert [r.facility.name for r in third["idled"].rows] == ["Idle plant"]
    assert third["open"].links.previous == "?open_page=2&as_of=2020-01-01#group-open"
    # past the end shows the last page, nonsense the first
    assert [
        r.facility.name
        for r in client.get(company.get_absolute_url(), {"open_page": "99"}).context["footprint"]["open"].rows
    ] == ["Plant 04"]
    assert [
        r.facility.name
        for r in client.get(company.get_absolute_url(), {"open_page": "x"}).context["footprint"]["open"].rows
    ] == ["Plant 00", "Plant 01"]


def test_company_page_pages_timeline_and_releases(client, monkeypatch):
    company, views = paged_company(5)
    monkeypatch.setattr(views.pages, "TIMELINE_PER_PAGE", 4)
    monkeypatch.setattr(views.pages, "RELEASES_PER_PAGE", 4)
    first = client.get(company.get_absolute_url()).context
    assert [e.facility.name for e in first["timeline"].rows] == [
        "Idle plant",
        "Plant 04",
        "Plant 03",
        "Plant 02",
    ]
    assert first["timeline"].has_next and first["timeline_links"].next == "?timeline_page=2#timeline-heading"
    second = client.get(company.get_absolute_url(), {"timeline_page": "2", "releases_page": "2"}).context
    assert [e.facility.name for e in second["timeline"].rows] == ["Plant 01", "Plant 00"]
    assert not second["timeline"].has_next
    assert first["releases"].paginator.count == 6 and len(second["releases"].object_list) == 2


def test_company_page_counts_facilities_not_yet_in_the_footprint(client):
    company, _ = paged_company(3)
    response = client.get(company.get_absolute_url(), {"as_of": "2001-01-02"})
    footprint = response.context["footprint"]
    # the idling implies the idled plant was open before it; plant 02 opens the next day
    assert footprint["open"].count == 3 and not footprint.not_yet_more
    assert [f.name for f in footprint.not_yet] == ["Plant 02"]
    assert "Not yet in the footprint on 2001-01-02: " in response.content.decode()
