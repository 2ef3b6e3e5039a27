"""Company hierarchy: parent and subsidiaries on the company page, footprint rolled up over
subsidiaries at any depth (bounded, cycle-safe), one descendant lookup for page and filter."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.models import Company
from tests.factories import (
    CompanyFactory,
    EventFactory,
    FacilityFactory,
    LocationFactory,
    build_iwg_footprint,
)
from tests.views.test_query_counts import bulk_events, bulk_facilities, bulk_releases

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    """Wire Holdings ← International Wire Group ← IWG Europe ← IWG Italia (3 levels)."""
    iwg = build_iwg_footprint()
    holding = CompanyFactory(name="Wire Holdings", slug="wire-holdings")
    Company.objects.filter(pk=iwg.company.pk).update(parent=holding)
    europe = CompanyFactory(name="IWG Europe", slug="iwg-europe", parent=iwg.company)
    italia = CompanyFactory(name="IWG Italia", slug="iwg-italia", parent=europe)
    liege = FacilityFactory(
        company=europe,
        name="Liège plant",
        location=LocationFactory(locality="Liège", region="BE-WLG", country="BE"),
    )
    EventFactory(facility=liege, type="opened", announced_date=datetime.date(2001, 1, 1))
    milan = FacilityFactory(
        company=italia,
        name="Milan plant",
        location=LocationFactory(locality="Milan", region="IT-MI", country="IT"),
    )
    EventFactory(facility=milan, type="opened", announced_date=datetime.date(2001, 1, 1))
    EventFactory(facility=milan, type="closed", announced_date=datetime.date(2010, 1, 1))
    return iwg, holding, europe, italia


def test_descendants_any_depth_shallowest_first(group):
    iwg, holding, europe, italia = group
    assert [(c.name, c.depth) for c in Company.objects.descendants(holding)] == [
        ("International Wire Group", 1),
        ("IWG Europe", 2),
        ("IWG Italia", 3),
    ]
    assert Company.objects.descendant_ids(iwg.company) == sorted([europe.pk, italia.pk])
    assert Company.objects.descendant_ids(italia) == []
    assert Company.objects.descendant_ids(holding, max_depth=1) == [iwg.company.pk]


def test_one_query_and_cycles_end(group, django_assert_num_queries):
    iwg, holding, europe, italia = group
    Company.objects.filter(pk=holding.pk).update(parent=italia)  # a cycle an editor might make
    with django_assert_num_queries(1):
        descendants = Company.objects.descendants(holding)
    assert sorted(c.name for c in descendants) == ["IWG Europe", "IWG Italia", "International Wire Group"]
    assert holding.pk not in Company.objects.descendant_ids(holding)
    assert Company.objects.family_ids("wire-holdings") == sorted(
        [holding.pk, iwg.company.pk, europe.pk, italia.pk]
    )


def test_parent_filter_uses_the_same_lookup(client, group):
    response = client.get("/facilities/", {"parent": "international-wire-group"})
    names = sorted(row.facility.name for row in response.context["page"].object_list)
    assert names == sorted(
        ["Camden plant", "Jewett City plant", "Liège plant", "Littleton plant", "Milan plant"]
    )


def test_company_page_shows_parent_subsidiaries_and_rollup(client, group):
    iwg, holding, europe, italia = group
    response = client.get(iwg.company.get_absolute_url())
    html = response.content.decode()
    assert holding.get_absolute_url() in html and "Wire Holdings" in html
    rollup = response.context["rollup"]
    assert [(s.company.name, s.depth, s.parent.name) for s in rollup.companies] == [
        ("IWG Europe", 1, "International Wire Group"),
        ("IWG Italia", 2, "IWG Europe"),
    ]
    assert [(s.counts["open"], s.counts["closed"]) for s in rollup.companies] == [(1, 0), (0, 1)]
    assert {k: rollup.own_counts[k] for k in ("open", "idled", "closed")} == {
        "open": 1,
        "idled": 2,
        "closed": 0,
    }
    assert {k: rollup.counts[k] for k in ("open", "idled", "closed")} == {"open": 2, "idled": 2, "closed": 1}
    # the company's own groups are unchanged; the subsidiaries' facilities are listed apart, named
    assert sorted(r.facility.name for r in response.context["footprint"]["open"].rows) == ["Camden plant"]
    # one status at a time, the largest first, with a tab per status
    listing = response.context["subsidiary_list"]
    assert listing.status == "open"
    assert [(r.facility.name, r.facility.company.name) for r in listing.rows] == [
        ("Liège plant", "IWG Europe")
    ]
    assert [(t.key, t.count) for t in listing.tabs] == [("open", 1), ("idled", 0), ("closed", 1)]
    closed = client.get(iwg.company.get_absolute_url(), {"sub_status": "closed"}).context["subsidiary_list"]
    assert [(r.facility.name, r.facility.company.name) for r in closed.rows] == [
        ("Milan plant", "IWG Italia")
    ]
    assert europe.get_absolute_url() in html and italia.get_absolute_url() in html
    assert "(via IWG Europe)" in html
    assert "Subsidiaries’ facilities" in html and "With subsidiaries" in html


def test_rollup_honours_as_of(client, group):
    iwg, holding, europe, italia = group
    response = client.get(iwg.company.get_absolute_url(), {"as_of": "2009-03-01"})
    rollup = response.context["rollup"]
    assert {k: rollup.counts[k] for k in ("open", "idled", "closed")} == {"open": 5, "idled": 0, "closed": 0}


def test_company_without_subsidiaries_shows_no_rollup(client, group):
    iwg, holding, europe, italia = group
    html = client.get(italia.get_absolute_url()).content.decode()
    assert "Subsidiaries’ facilities" not in html
    assert europe.get_absolute_url() in html  # its parent


def count(client, url) -> int:
    """Queries of one request with nothing cached (the family's counts, place order, timeline
    and chart are kept for minutes): the cold path."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_company_page_query_count_is_constant_with_subsidiaries(client):
    def grow(parent, n):
        child = CompanyFactory(parent=parent)
        grandchild = CompanyFactory(parent=child)
        for company in (parent, child, grandchild):
            bulk_events(bulk_facilities(company, n), bulk_releases(company, n))

    parent = CompanyFactory(slug="group-parent")
    grow(parent, 2)
    small = count(client, "/companies/group-parent/")
    grow(parent, 60)
    assert count(client, "/companies/group-parent/") == small
    assert count(client, "/companies/group-parent/?as_of=2009-02-01") == small


def test_subsidiary_counts_are_paged(client, group, monkeypatch):
    iwg, holding, europe, italia = group
    monkeypatch.setattr("companies.views.pages.SUBSIDIARIES_PER_PAGE", 1)
    first = client.get(iwg.company.get_absolute_url()).context
    assert [s.company.name for s in first["subsidiaries_page"].object_list] == ["IWG Europe"]
    assert first["subsidiaries_links"].next == "?subs_page=2#subsidiaries-heading"
    second = client.get(iwg.company.get_absolute_url(), {"subs_page": "2"}).context
    assert [s.company.name for s in second["subsidiaries_page"].object_list] == ["IWG Italia"]
    assert second["rollup"].counts["closed"] == 1  # the totals count every subsidiary


def test_subsidiaries_facilities_page_across_subsidiaries_in_company_then_place_order(client, monkeypatch):
    """A page of the subsidiaries' facilities is found from their counts (``paging.window``):
    paging through every page gives each facility once, by company name, then place."""
    monkeypatch.setattr("companies.views.pages.FACILITIES_PER_PAGE", 2)
    parent = CompanyFactory(slug="pager-parent")
    sizes = {"Delta": 3, "Alpha": 1, "Charlie": 0, "Bravo": 4}
    child = None
    for name, n in sizes.items():
        child = CompanyFactory(
            name=name, parent=parent if name != "Bravo" else child
        )  # Bravo is a grandchild
        for i in range(n):
            place = LocationFactory(locality=f"Town {chr(ord('z') - i)}", region="US-OH", country="US")
            facility = FacilityFactory(company=child, name=f"{name} plant {i}", location=place)
            EventFactory(facility=facility, type="opened", announced_date=datetime.date(2001, 1, 1))
    seen = []
    for number in range(1, 6):
        listing = client.get("/companies/pager-parent/", {"sub_status": "open", "sub_page": number}).context[
            "subsidiary_list"
        ]
        assert listing.page.paginator.count == 8
        if number <= 4:
            seen += [(row.facility.company.name, row.facility.location.locality) for row in listing.rows]
    expected = sorted((name, f"Town {chr(ord('z') - i)}") for name, n in sizes.items() for i in range(n))
    assert seen == expected
