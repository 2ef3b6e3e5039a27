"""Atom feeds: all events, per company, and any filtered events URL (the events page's filter)."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    build_iwg_footprint,
)
from tests.views.test_query_counts import bulk_events, bulk_facilities, bulk_releases

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def iwg():
    return build_iwg_footprint()


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    datetime.datetime.fromisoformat(root.findtext(f"{ATOM}updated"))
    return root


def entries(root) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def titles(root) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in entries(root)]


def test_url_names():
    assert reverse("companies:event_feed") == "/events/feed/"
    assert reverse("companies:company_feed", args=["acme"]) == "/companies/acme/feed/"


def test_all_events_feed_is_valid_atom_with_complete_entries(client, iwg):
    root = parse(client.get("/events/feed/"))
    assert root.findtext(f"{ATOM}title") == "Footprint: all events"
    assert sorted(titles(root)) == [
        "Idled: Jewett City plant (International Wire Group)",
        "Idled: Littleton plant (International Wire Group)",
        "Opened: Camden plant (International Wire Group)",
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries(root)]
    assert len(set(ids)) == 3
    entry = next(e for e in entries(root) if "Jewett" in e.findtext(f"{ATOM}title"))
    link = entry.find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver" + iwg.jewett.get_absolute_url())
    assert entry.findtext(f"{ATOM}published").startswith("2009-03-24")
    assert entry.findtext(f"{ATOM}updated")
    assert "today announced that it is idling production" in entry.findtext(f"{ATOM}summary")
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "International Wire Group"
    assert entry.findtext(f"{ATOM}author/{ATOM}uri") == "http://testserver" + iwg.company.get_absolute_url()
    assert {c.get("term") for c in entry.findall(f"{ATOM}category")} == {"idled", "US", "US-CT"}
    self_link = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link.get("href") == "http://testserver/events/feed/"


def test_proposed_events_are_not_in_the_feed(client, iwg):
    EventFactory(facility=iwg.camden, type="closed", review_state="proposed")
    assert len(entries(parse(client.get("/events/feed/")))) == 3


def test_filtered_feed_applies_the_events_page_filter(client, iwg):
    closed = FacilityFactory(name="Closed mill", location=LocationFactory(region="US-OH", country="US"))
    EventFactory(facility=closed, type="closed", announced_date=datetime.date(2010, 1, 5))
    abroad = FacilityFactory(name="Liège plant", location=LocationFactory(region="BE-WLG", country="BE"))
    EventFactory(facility=abroad, type="closed", announced_date=datetime.date(2010, 1, 6))
    query = "type=closed&country=US"
    root = parse(client.get(f"/events/feed/?{query}"))
    assert [t.split(" (")[0] for t in titles(root)] == ["Closed: Closed mill"]
    page_names = [e.facility.name for e in client.get(f"/events/?{query}").context["events"]]
    assert page_names == ["Closed mill"]
    assert "Closed" in root.findtext(f"{ATOM}title") and "US" in root.findtext(f"{ATOM}title")
    alternate = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "alternate")
    assert parse_qs(urlsplit(alternate.get("href")).query) == {"type": ["closed"], "country": ["US"]}
    assert root.findtext(f"{ATOM}id") != parse(client.get("/events/feed/")).findtext(f"{ATOM}id")
    dated = parse(client.get("/events/feed/?date_after=2009-01-01&date_before=2009-12-31"))
    assert len(entries(dated)) == 2


def test_events_page_links_to_its_feed_with_its_query_string(client, iwg):
    html = client.get("/events/?type=idled&country=US").content.decode()
    assert 'type="application/atom+xml"' in html
    assert "/events/feed/?type=idled&amp;country=US" in html


def test_company_feed(client, iwg):
    other = FacilityFactory(name="Someone else's plant")
    EventFactory(facility=other)
    root = parse(client.get("/companies/international-wire-group/feed/"))
    assert root.findtext(f"{ATOM}title") == "Footprint: International Wire Group"
    assert len(titles(root)) == 3 and all("International Wire Group" in t for t in titles(root))
    only_idled = parse(client.get("/companies/international-wire-group/feed/?type=idled"))
    assert len(entries(only_idled)) == 2
    assert client.get("/companies/nope/feed/").status_code == 404


def test_feed_links_in_page_heads(client, iwg):
    home = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Footprint: all events" href="/events/feed/">'
        in home
    )
    company = client.get(iwg.company.get_absolute_url()).content.decode()
    assert (
        'type="application/atom+xml" title="International Wire Group: events" href="/companies/international-wire-group/feed/"'
        in company
    )


def test_newest_50_and_untrusted_text_is_escaped(client):
    company = CompanyFactory(name="Acme <b>Bold</b> & Co")
    facilities = bulk_facilities(company, 60)
    bulk_events(facilities, bulk_releases(company, 60))
    EventFactory(
        facility=FacilityFactory(company=company),
        announced_date=datetime.date(2020, 1, 1),
        evidence="It said <script>alert(1)</script> & more.",
    )
    root = parse(client.get("/events/feed/"))
    assert len(entries(root)) == 50
    newest = entries(root)[0]
    assert newest.findtext(f"{ATOM}published").startswith("2020-01-01")
    assert newest.findtext(f"{ATOM}author/{ATOM}name") == "Acme <b>Bold</b> & Co"
    summary = newest.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "&lt;script&gt;" in summary.text and "<script>" not in summary.text


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url", ["/events/feed/", "/events/feed/?type=idled&country=US", "/companies/fc/feed/"]
)
def test_query_count_is_constant(client, url):
    company = CompanyFactory(slug="fc")
    bulk_events(bulk_facilities(company, 3), bulk_releases(company, 3))
    small = _count(client, url)
    bulk_events(bulk_facilities(company, 80), bulk_releases(company, 80))
    assert _count(client, url) == small
