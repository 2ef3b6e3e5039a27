"""The facility explorer: filters, facets, sorting, pagination, as_of and query counts."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Company
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    build_iwg_footprint,
    open_facility,
)

pytestmark = pytest.mark.django_db
URL = "/facilities/"


@pytest.fixture
def iwg():
    return build_iwg_footprint()


def names(response) -> list[str]:
    return [row.facility.display_name for row in response.context["rows"]]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def facet(response, key: str) -> dict[str, object]:
    group = next(g for g in response.context["facets"] if g.key == key)
    return {item.value: item for item in group.items}


def place(locality, region, country="US", lat=40.0, lon=-75.0):
    return LocationFactory(locality=locality, region=region, country=country, latitude=lat, longitude=lon)


def test_url_name():
    assert reverse("companies:facility_list") == URL


def test_acceptance_idled_in_us_lists_jewett_city_and_littleton(client, iwg):
    response = client.get(URL, {"status": "idled", "country": "US"})
    assert response.status_code == 200
    assert sorted(names(response)) == ["Jewett City plant", "Littleton plant"]
    html = response.content.decode()
    assert "Jewett City plant" in html and "Littleton plant" in html
    assert "Camden plant" not in html


def test_status_filter_takes_several_values(client, iwg):
    response = client.get(URL + "?status=idled&status=open")
    assert sorted(names(response)) == ["Camden plant", "Jewett City plant", "Littleton plant"]
    assert names(client.get(URL, {"status": "closed"})) == []


def test_company_filter_by_slug(client, iwg):
    FacilityFactory(name="Other plant")
    assert sorted(names(client.get(URL, {"company": "international-wire-group"}))) == [
        "Camden plant",
        "Jewett City plant",
        "Littleton plant",
    ]


def test_parent_filter_includes_subsidiaries_at_every_depth(client):
    parent = CompanyFactory(slug="parent-co")
    child = CompanyFactory(slug="child-co", parent=parent)
    grandchild = CompanyFactory(slug="grandchild-co", parent=child)
    open_facility(company=parent, name="Parent plant")
    open_facility(company=child, name="Child plant")
    open_facility(company=grandchild, name="Grandchild plant")
    open_facility(name="Unrelated plant")
    assert sorted(names(client.get(URL, {"parent": "parent-co"}))) == [
        "Child plant",
        "Grandchild plant",
        "Parent plant",
    ]
    assert sorted(names(client.get(URL, {"parent": "child-co"}))) == ["Child plant", "Grandchild plant"]
    assert names(client.get(URL, {"parent": "no-such-company"})) == []


def test_family_ids_is_bounded_and_survives_cycles():
    a = CompanyFactory(slug="a")
    b = CompanyFactory(slug="b", parent=a)
    Company.objects.filter(pk=a.pk).update(parent=b)  # a cycle an editor might make
    assert Company.objects.family_ids("a") == sorted([a.pk, b.pk])
    c = CompanyFactory(slug="c", parent=b)
    assert c.pk not in Company.objects.family_ids("a", max_depth=0)


def test_country_filter_multiple_and_case_insensitive(client):
    open_facility(name="US plant", location=place("Akron", "US-OH"))
    open_facility(name="Belgian plant", location=place("Liège", "BE-WLG", "BE"))
    open_facility(name="French plant", location=place("Lyon", "FR-ARA", "FR"))
    assert sorted(names(client.get(URL + "?country=us&country=BE"))) == ["Belgian plant", "US plant"]


def test_region_filter_and_invalid_region_message(client, iwg):
    assert names(client.get(URL, {"region": "us-ct"})) == ["Jewett City plant"]
    response = client.get(URL, {"region": "Connecticut"})
    assert response.status_code == 200
    assert "ISO 3166-2" in response.content.decode()
    assert len(names(response)) == 3  # the bad filter is ignored, and said so


def test_kind_filter(client, iwg):
    open_facility(name="Big warehouse", kind="warehouse")
    assert names(client.get(URL, {"kind": "warehouse"})) == ["Big warehouse"]


def test_free_text_matches_facility_company_and_locality(client, iwg):
    open_facility(name="Unrelated", location=place("Akron", "US-OH"))
    assert names(client.get(URL, {"q": "jewett"})) == ["Jewett City plant"]
    assert len(names(client.get(URL, {"q": "international wire"}))) == 3
    assert names(client.get(URL, {"q": "akron"})) == ["Unrelated"]
    assert names(client.get(URL, {"q": "wire littleton"})) == ["Littleton plant"]  # every word must match


def test_event_type_and_changed_between(client, iwg):
    assert sorted(names(client.get(URL, {"event_type": "idled"}))) == ["Jewett City plant", "Littleton plant"]
    assert names(client.get(URL, {"event_type": "opened"})) == ["Camden plant"]
    in_2009 = {"changed_after": "2009-01-01", "changed_before": "2009-12-31"}
    assert sorted(names(client.get(URL, in_2009))) == ["Jewett City plant", "Littleton plant"]
    assert names(client.get(URL, {"changed_before": "2008-12-31"})) == ["Camden plant"]
    # Type and dates must hold for the same event: Camden opened, but not in 2009.
    assert names(client.get(URL, {**in_2009, "event_type": "opened"})) == []


def test_changed_between_uses_effective_date_and_ignores_unaccepted_events(client):
    facility = FacilityFactory(name="Future closure")
    EventFactory(
        facility=facility,
        type="closed",
        announced_date=datetime.date(2009, 1, 5),
        effective_date=datetime.date(2009, 6, 30),
    )
    EventFactory(facility=FacilityFactory(name="Proposed only"), type="closed", review_state="proposed")
    assert names(client.get(URL, {"changed_after": "2009-06-01", "changed_before": "2009-07-01"})) == [
        "Future closure"
    ]
    assert names(client.get(URL, {"changed_after": "2009-01-01", "changed_before": "2009-01-31"})) == []
    assert names(client.get(URL, {"event_type": "closed"})) == ["Future closure"]


def test_facet_counts_for_the_current_filter(client, iwg):
    open_facility(name="Belgian plant", location=place("Liège", "BE-WLG", "BE"))
    response = client.get(URL, {"country": "US"})
    status = facet(response, "status")
    assert status["idled"].count == 2 and status["open"].count == 1
    countries = facet(response, "country")
    assert countries["US"].count == 3 and countries["US"].selected
    assert "BE" not in countries  # the current filter excludes it
    regions = facet(response, "region")
    assert {k: v.count for k, v in regions.items()} == {"US-CT": 1, "US-NH": 1, "US-NY": 1}
    companies = facet(response, "company")
    assert companies["international-wire-group"].count == 3
    assert companies["international-wire-group"].label == "International Wire Group"


def test_status_facet_ignores_the_status_selection_and_toggles(client, iwg):
    response = client.get(URL, {"status": "idled", "country": "US"})
    status = facet(response, "status")
    assert status["open"].count == 1 and not status["open"].selected
    assert status["idled"].selected
    assert query_of(status["open"].url) == {"status": ["idled", "open"], "country": ["US"]}
    assert query_of(status["idled"].url) == {"country": ["US"]}  # switches it off, keeps the rest
    region = facet(response, "region")["US-CT"]
    assert query_of(region.url) == {"status": ["idled"], "country": ["US"], "region": ["US-CT"]}
    html = response.content.decode()
    assert 'aria-current="true"' in html


def test_facet_links_reset_the_page(client, iwg):
    response = client.get(URL, {"country": "US", "page": "1"})
    assert "page" not in query_of(facet(response, "status")["open"].url)


def test_ordering_by_columns(client, iwg):
    assert names(client.get(URL, {"ordering": "locality"})) == [
        "Camden plant",
        "Jewett City plant",
        "Littleton plant",
    ]
    assert names(client.get(URL, {"ordering": "-locality"})) == [
        "Littleton plant",
        "Jewett City plant",
        "Camden plant",
    ]
    assert names(client.get(URL, {"ordering": "region"}))[0] == "Jewett City plant"  # US-CT first
    assert names(client.get(URL, {"ordering": "-since"}))[0] in ("Jewett City plant", "Littleton plant")
    assert names(client.get(URL, {"ordering": "status"}))[-1] == "Camden plant"  # idled < open


def test_sort_headers_keep_filters_and_mark_aria_sort(client, iwg):
    response = client.get(URL, {"status": "idled", "ordering": "locality", "page": "1"})
    columns = {c["label"]: c for c in response.context["columns"]}
    assert columns["Locality"]["aria_sort"] == "ascending"
    assert query_of(columns["Locality"]["url"]) == {"status": ["idled"], "ordering": ["-locality"]}
    assert query_of(columns["Company"]["url"]) == {"status": ["idled"], "ordering": ["company"]}
    assert 'aria-sort="ascending"' in response.content.decode()


def test_pagination_keeps_filters(client):
    company = CompanyFactory(slug="many")
    for n in range(55):
        open_facility(company=company, name=f"Plant {n:03d}")
    open_facility(name="Elsewhere")
    response = client.get(URL, {"company": "many", "ordering": "facility"})
    assert len(response.context["rows"]) == 50
    assert response.context["page"].paginator.count == 55
    html = response.content.decode()
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert query_of(next_link) == {"company": ["many"], "ordering": ["facility"], "page": ["2"]}
    second = client.get(URL + next_link)
    assert names(second) == [f"Plant {n:03d}" for n in range(50, 55)]


def test_form_controls_are_labelled_and_clear_link(client, iwg):
    html = client.get(URL, {"status": "idled"}).content.decode()
    for control_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id
    assert 'method="get"' in html
    assert f'href="{URL}">Clear filters' in html


def test_as_of_uses_the_status_function(client, iwg):
    response = client.get(URL, {"as_of": "2009-03-01"})
    statuses = {row.facility.display_name: row.status.status for row in response.context["rows"]}
    assert statuses == {"Camden plant": "open", "Jewett City plant": "open", "Littleton plant": "open"}
    html = response.content.decode()
    assert "as of 1 March 2009" in html
    assert names(client.get(URL, {"as_of": "2009-03-01", "status": "idled"})) == []
    assert len(names(client.get(URL, {"as_of": "2009-03-01", "status": "open"}))) == 3
    assert sorted(names(client.get(URL, {"as_of": "2009-04-01", "status": "idled"}))) == [
        "Jewett City plant",
        "Littleton plant",
    ]


def test_as_of_excludes_facilities_not_yet_in_the_footprint(client, iwg):
    assert "Camden plant" not in names(client.get(URL, {"as_of": "2004-12-31"}))


def test_as_of_facets_and_ordering_use_computed_statuses(client, iwg):
    response = client.get(URL, {"as_of": "2009-03-01", "status": "open", "ordering": "-since"})
    status = facet(response, "status")
    assert status["open"].count == 3 and "idled" not in status
    assert facet(response, "country")["US"].count == 3
    assert names(response)[0] == "Camden plant"  # the only one with a known since on that date
    response = client.get(URL, {"as_of": "2009-04-01", "ordering": "status"})
    assert names(response)[-1] == "Camden plant"


def test_invalid_as_of_shows_a_message_and_today(client, iwg):
    response = client.get(URL, {"as_of": "2009-02-30"})
    assert response.status_code == 200
    assert response.context["as_of"] is None
    assert "not a date" in response.content.decode()
    assert sorted(names(client.get(URL, {"as_of": "2009-02-30", "status": "idled"}))) == [
        "Jewett City plant",
        "Littleton plant",
    ]


def test_rows_link_to_facility_company_and_release(client, iwg):
    html = client.get(URL, {"status": "idled"}).content.decode()
    assert iwg.jewett.get_absolute_url() in html
    assert iwg.company.get_absolute_url() in html
    assert iwg.release.get_absolute_url() in html


# --- query counts ---------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    cache.clear()  # the cold path: nothing kept by companies.cached
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
    return len(ctx.captured_queries)


def add_facilities(n: int, start: int = 0) -> None:
    """``n`` facilities over several companies (with a parent), places and statuses."""
    parent = Company.objects.filter(slug="qc-parent").first() or CompanyFactory(slug="qc-parent")
    countries = [("US-OH", "US"), ("BE-WLG", "BE"), ("FR-ARA", "FR")]
    for i in range(start, start + n):
        company = CompanyFactory(parent=parent) if i % 2 else parent
        region, country = countries[i % 3]
        facility = FacilityFactory(company=company, location=place(f"Town {i}", region, country))
        EventFactory(facility=facility, type=["idled", "closed", "opened"][i % 3])


EXPLORER_URLS = [
    URL,
    URL + "?status=idled&status=closed&country=US&country=BE&ordering=-since",
    URL + "?parent=qc-parent&q=town&changed_after=2000-01-01&event_type=idled&kind=plant",
    URL + "?as_of=2009-03-01",
    URL + "?as_of=2009-03-01&status=open&ordering=status&region=US-OH",
]


@pytest.mark.parametrize("url", EXPLORER_URLS)
def test_explorer_query_count_is_constant(client, url):
    add_facilities(3)
    small = count_queries(client, url)
    add_facilities(57, start=3)
    assert count_queries(client, url) == small
    assert small <= 12


def test_count_and_facets_are_kept_until_a_status_changes(client):
    """The pager's count and the facets are kept briefly per date and filter (not per page or
    order), and forgotten as soon as any facility's spans change."""
    for _ in range(3):
        EventFactory(type="idled", announced_date=datetime.date(2010, 1, 1))
    first = client.get(URL, {"status": "idled"})
    assert first.context["page"].paginator.count == 3
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(URL, {"status": "idled", "ordering": "-since", "page": "1"})
    assert again.context["page"].paginator.count == 3
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]
    EventFactory(type="idled", announced_date=datetime.date(2011, 1, 1))  # the status service forgets
    after = client.get(URL, {"status": "idled"})
    assert after.context["page"].paginator.count == 4
    idled = next(g for g in after.context["facets"] if g.key == "status").items
    assert [(i.value, i.count) for i in idled] == [("idled", 4)]
