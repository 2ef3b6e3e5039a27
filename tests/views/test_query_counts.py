"""Each analyst page runs the same number of queries at 3 and at 300 rows."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.models import Company, Event, Facility, FootprintClaim, Location, Release
from companies.models.release import content_hash
from companies.services.facilities import facilities_refresh, facility_record_sale
from tests.factories import CompanyFactory, LocationFactory

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 300
_serial = itertools.count()
EVENT_TYPES = ("opened", "idled", "closed", "reopened", "expanded")


def count_queries(client, url: str) -> int:
    """Queries of one request with nothing cached (``companies.cached``): the cold path."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def bulk_facilities(company: Company, n: int) -> list[Facility]:
    batch = next(_serial)
    locations = Location.objects.bulk_create(
        Location(locality=f"Place {batch}-{i}", region="US-OH", country="US") for i in range(n)
    )
    return Facility.objects.bulk_create(
        Facility(company=company, location=loc, name=f"Plant {batch}-{i}") for i, loc in enumerate(locations)
    )


def bulk_releases(company: Company, n: int) -> list[Release]:
    batch = next(_serial)
    releases = []
    for i in range(n):
        body = f"Release {batch}-{i}. {company.name} announced a change at Plant {batch}-{i}."
        releases.append(
            Release(
                company=company,
                headline=f"{company.name} news {batch}-{i}",
                body=body,
                content_hash=content_hash(body),
                published=datetime.date(2009, 1, 1) + datetime.timedelta(days=i),
                wire="Business Wire",
            )
        )
    return Release.objects.bulk_create(releases)


def bulk_events(facilities, releases, *, types=EVENT_TYPES, review_states=("accepted",)) -> list[Event]:
    """One event per (facility, release) pair, then one status refresh per facility."""
    events = Event.objects.bulk_create(
        Event(
            facility=facility,
            release=release,
            type=types[i % len(types)],
            announced_date=release.published,
            evidence=release.body,
            review_state=review_states[i % len(review_states)],
        )
        for i, (facility, release) in enumerate(zip(facilities, releases, strict=True))
    )
    facilities_refresh(facility_ids={f.pk for f in facilities})
    return events


def company_with(n: int, *, slug: str) -> Company:
    """A company with n facilities, each with an accepted event, claims and a sale."""
    company = CompanyFactory(slug=slug, headquarters=LocationFactory(), parent=CompanyFactory())
    facilities = bulk_facilities(company, n)
    releases = bulk_releases(company, n)
    bulk_events(facilities, releases, types=("idled", "closed", "opened"))
    FootprintClaim.objects.create(release=releases[-1], company=company, count=19, countries=["US", "BE"])
    FootprintClaim.objects.create(
        release=releases[-1], company=company, count=13, countries=["US"], qualifier="other"
    )
    facility_record_sale(
        facility=facilities[0],
        buyer=CompanyFactory(),
        release=releases[0],
        evidence="Sold.",
        sold_on=datetime.date(2010, 1, 1),
    )
    return company


def test_home_query_count_is_constant(client):
    company = CompanyFactory()
    bulk_events(bulk_facilities(company, SMALL), bulk_releases(company, SMALL))
    small = count_queries(client, "/")
    bulk_events(bulk_facilities(company, LARGE), bulk_releases(company, LARGE))
    assert count_queries(client, "/") == small


def test_company_list_query_count_is_constant(client):
    def add_companies(n):
        batch = next(_serial)
        hq = LocationFactory()
        companies = Company.objects.bulk_create(
            Company(name=f"Company {batch}-{i}", slug=f"company-{batch}-{i}", headquarters=hq)
            for i in range(n)
        )
        for company in companies[:3]:
            bulk_events(bulk_facilities(company, 2), bulk_releases(company, 2))

    add_companies(SMALL)
    small = count_queries(client, "/companies/?sort=-open")
    add_companies(LARGE)
    assert count_queries(client, "/companies/?sort=-open") == small
    assert count_queries(client, "/companies/?sort=-open&page=2") == small


def test_company_page_query_count_is_constant(client):
    company_with(SMALL, slug="small")
    company_with(LARGE, slug="large")
    small = count_queries(client, "/companies/small/")
    assert count_queries(client, "/companies/large/") == small
    assert count_queries(client, "/companies/large/?as_of=2009-06-01") == small


def facility_with(n: int) -> Facility:
    company = CompanyFactory()
    facility = bulk_facilities(company, 1)[0]
    releases = bulk_releases(company, n)
    bulk_events(
        [facility] * n,
        releases,
        types=EVENT_TYPES,
        review_states=("accepted", "accepted", "proposed", "rejected"),
    )
    facility_record_sale(
        facility=facility,
        buyer=CompanyFactory(),
        release=releases[-1],
        evidence="Sold.",
        sold_on=datetime.date(2030, 1, 1),
    )
    return facility


def test_facility_page_query_count_is_constant(client):
    small = count_queries(client, facility_with(SMALL).get_absolute_url())
    large = facility_with(LARGE)
    assert count_queries(client, large.get_absolute_url()) == small
    assert count_queries(client, large.successor.get_absolute_url()) == small


def release_with(n: int) -> Release:
    company = CompanyFactory()
    release = bulk_releases(company, 1)[0]
    facilities = bulk_facilities(company, n)
    bulk_events(facilities, [release] * n, review_states=("accepted", "proposed"))
    for count in range(3):
        FootprintClaim.objects.create(release=release, company=company, count=count + 1, countries=["US"])
    return release


def test_release_page_query_count_is_constant(client):
    small = count_queries(client, release_with(SMALL).get_absolute_url())
    assert count_queries(client, release_with(LARGE).get_absolute_url()) == small


@pytest.mark.parametrize(
    "path",
    ["/changes/?from=2009-01-01&to=2009-12-31", "/companies/{slug}/changes/?from=2009-01-01&to=2010-06-30"],
)
def test_changes_pages_query_count_is_constant(client, path):
    company_with(SMALL, slug="small")
    small = count_queries(client, path.format(slug="small"))
    company_with(LARGE, slug="large")
    assert count_queries(client, path.format(slug="large")) == small
