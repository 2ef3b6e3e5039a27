"""The events page: accepted events newest first, filters, feed link, pagination, query counts."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
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

pytestmark = pytest.mark.django_db
URL = "/events/"


@pytest.fixture
def iwg():
    return build_iwg_footprint()


def listed(response) -> list[tuple[str, str]]:
    return [(e.facility.display_name, e.type) for e in response.context["events"]]


def test_url_name():
    assert reverse("companies:event_list") == URL


def test_lists_accepted_events_newest_first_with_evidence_and_release(client, iwg):
    EventFactory(facility=iwg.camden, type="idled", review_state="proposed")
    response = client.get(URL)
    assert response.status_code == 200
    events = listed(response)
    assert events[-1] == ("Camden plant", "opened")
    assert sorted(events[:2]) == [("Jewett City plant", "idled"), ("Littleton plant", "idled")]
    assert len(events) == 3  # the proposed event is not shown
    html = response.content.decode()
    assert "today announced that it is idling production" in html
    assert iwg.release.get_absolute_url() in html
    assert iwg.jewett.get_absolute_url() in html
    assert iwg.company.get_absolute_url() in html
    assert "status-badge status-idled" in html
    assert "Jewett City" in html and "CT" in html


def test_orders_by_effective_date_where_stated(client):
    facility = FacilityFactory(name="Future")
    EventFactory(
        facility=facility,
        type="closed",
        announced_date=datetime.date(2010, 1, 1),
        effective_date=datetime.date(2012, 6, 30),
    )
    EventFactory(
        facility=FacilityFactory(name="Recent"), type="idled", announced_date=datetime.date(2011, 5, 1)
    )
    assert [name for name, _ in listed(client.get(URL))] == ["Future", "Recent"]


def test_type_filter(client, iwg):
    assert [t for _, t in listed(client.get(URL, {"type": "opened"}))] == ["opened"]
    assert len(listed(client.get(URL + "?type=opened&type=idled"))) == 3


def test_date_range_filter_on_effective_or_announced_date(client, iwg):
    assert len(listed(client.get(URL, {"date_after": "2009-01-01", "date_before": "2009-12-31"}))) == 2
    assert listed(client.get(URL, {"date_before": "2008-01-01"})) == [("Camden plant", "opened")]
    late = FacilityFactory(name="Late")
    EventFactory(
        facility=late,
        type="closed",
        announced_date=datetime.date(2009, 5, 1),
        effective_date=datetime.date(2010, 3, 1),
    )
    assert ("Late", "closed") in listed(client.get(URL, {"date_after": "2010-01-01"}))
    assert ("Late", "closed") not in listed(client.get(URL, {"date_before": "2009-12-31"}))


def test_place_and_company_filters(client, iwg):
    belgian = FacilityFactory(
        name="Liège plant",
        location=LocationFactory(locality="Liège", region="BE-WLG", country="BE"),
        company=CompanyFactory(slug="other"),
    )
    EventFactory(facility=belgian, type="closed")
    assert listed(client.get(URL, {"country": "be"})) == [("Liège plant", "closed")]
    assert listed(client.get(URL, {"region": "US-NH"})) == [("Littleton plant", "idled")]
    assert len(listed(client.get(URL, {"company": "international-wire-group"}))) == 3
    assert listed(client.get(URL, {"company": "other"})) == [("Liège plant", "closed")]


def test_invalid_filter_is_reported_not_fatal(client, iwg):
    response = client.get(URL, {"date_after": "soon"})
    assert response.status_code == 200
    assert "not understood" in response.content.decode()


def test_links_to_the_atom_feed_with_the_filters(client, iwg):
    html = client.get(URL, {"type": "idled", "country": "US", "page": "1"}).content.decode()
    feeds = re.findall(r'href="(/events/feed/[^"]*)"', html)
    assert feeds, "no feed link"
    for feed in feeds:
        assert parse_qs(urlsplit(feed.replace("&amp;", "&")).query) == {"type": ["idled"], "country": ["US"]}
    assert 'type="application/atom+xml"' in html


def test_download_links_keep_the_filters(client, iwg):
    html = client.get(URL, {"type": "idled"}).content.decode()
    assert "?type=idled&amp;format=csv" in html


def test_pagination_keeps_filters(client):
    facility = FacilityFactory()
    for n in range(55):
        EventFactory(
            facility=facility, type="idled", announced_date=datetime.date(2000, 1, 1) + datetime.timedelta(n)
        )
    response = client.get(URL, {"type": "idled"})
    assert len(response.context["events"]) == 50
    html = response.content.decode()
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(next_link).query) == {"type": ["idled"], "page": ["2"]}
    assert len(client.get(URL + next_link).context["events"]) == 5


def test_labelled_controls_and_clear_link(client, iwg):
    html = client.get(URL).content.decode()
    for control_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id
    assert f'href="{URL}">Clear filters' in html


def count_queries(client, url):
    cache.clear()  # the cold path: nothing kept by companies.cached
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def add_events(n: int, start: int = 0):
    for i in range(start, start + n):
        location = LocationFactory(
            locality=f"Town {i}", region=["US-OH", "BE-WLG"][i % 2], country=["US", "BE"][i % 2]
        )
        EventFactory(facility=FacilityFactory(location=location), type=["idled", "closed", "opened"][i % 3])


@pytest.mark.parametrize("url", [URL, URL + "?type=idled&type=closed&country=US&date_after=2000-01-01"])
def test_events_page_query_count_is_constant(client, url):
    add_events(3)
    small = count_queries(client, url)
    add_events(57, start=3)
    assert count_queries(client, url) == small
    assert small <= 6


def test_company_filter_is_a_text_field_past_the_drop_down_limit(client, monkeypatch):
    """Thousands of companies would weigh more than the page: past the limit the filter takes a
    slug, and keeps the one given."""
    for _ in range(3):
        CompanyFactory()
    monkeypatch.setattr("companies.views.events.COMPANY_OPTIONS_MAX", 2)
    monkeypatch.setattr("companies.views.explorer.COMPANY_OPTIONS_MAX", 2)
    html = client.get("/events/", {"company": "acme"}).content.decode()
    assert '<input id="e-company" type="text" name="company" value="acme"' in html
    explorer = client.get("/facilities/", {"parent": "acme"}).content.decode()
    assert '<input id="f-parent" type="text" name="parent" value="acme"' in explorer
    monkeypatch.setattr("companies.views.events.COMPANY_OPTIONS_MAX", 300)
    assert '<select id="e-company" name="company">' in client.get("/events/").content.decode()


def test_the_count_is_kept_while_paging_and_follows_an_accepted_event(client, iwg):
    first = client.get(URL).context["page"].paginator.count
    with CaptureQueriesContext(connection) as kept:
        client.get(URL, {"page": "2"})
    assert not [q for q in kept.captured_queries if "COUNT(" in q["sql"].upper()]
    EventFactory(type="closed")  # accepted: statuses change, the cache is forgotten
    assert client.get(URL).context["page"].paginator.count == first + 1


def test_a_page_past_the_end_shows_the_last_page(client, iwg):
    page = client.get(URL, {"page": "999"}).context["page"]
    assert page.number == page.paginator.num_pages
