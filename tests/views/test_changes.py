"""The changes pages: /changes/ and /companies/<slug>/changes/."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Company, Location
from tests.factories import CompanyFactory, EventFactory, FacilityFactory, build_iwg_footprint
from tests.views.test_query_counts import bulk_events, bulk_facilities, bulk_releases

pytestmark = pytest.mark.django_db
IWG_2009 = "/companies/international-wire-group/changes/?from=2009-01-01&to=2009-12-31"


@pytest.fixture
def iwg():
    return build_iwg_footprint()


def test_url_names():
    assert reverse("companies:changes") == "/changes/"
    assert reverse("companies:company_changes", args=["acme"]) == "/companies/acme/changes/"


def test_company_changes_lists_both_iwg_idlings(client, iwg):
    response = client.get(IWG_2009)
    assert response.status_code == 200
    changes = response.context["changes"]
    assert sorted((c.facility.name, c.event.type) for c in changes.events) == [
        ("Jewett City plant", "idled"),
        ("Littleton plant", "idled"),
    ]
    html = response.content.decode()
    assert "Jewett City plant" in html and "Littleton plant" in html
    assert "today announced that it is idling production" in html
    assert iwg.release.get_absolute_url() in html
    assert iwg.release.url in html
    assert 'status-badge status-open">Open' in html and 'status-badge status-idled">Idled' in html
    assert "facilities whose status changed</a> over the period are listed below" in " ".join(html.split())
    assert len(changes.facilities.rows) == 2
    assert [(t.label, t.count) for t in changes.type_counts] == [("Idled", 2)]


def test_company_changes_only_lists_that_company(client, iwg):
    other = FacilityFactory(name="Elsewhere works")
    EventFactory(facility=other, type="closed", announced_date=datetime.date(2009, 6, 1))
    names = [c.facility.name for c in client.get(IWG_2009).context["changes"].events]
    assert "Elsewhere works" not in names
    everywhere = client.get("/changes/?from=2009-01-01&to=2009-12-31")
    assert "Elsewhere works" in [c.facility.name for c in everywhere.context["changes"].events]
    assert everywhere.context["changes"].company_count == 2


def test_events_outside_the_period_are_left_out(client, iwg):
    response = client.get("/changes/?from=2009-04-01&to=2009-12-31")
    assert list(response.context["changes"].events.object_list) == []
    assert "No accepted events between 2009-04-01 and 2009-12-31" in response.content.decode()


def test_defaults_to_the_last_90_days(client):
    today = datetime.date.today()
    facility = FacilityFactory(name="Recent plant")
    EventFactory(facility=facility, type="opened", announced_date=today - datetime.timedelta(days=10))
    EventFactory(
        facility=FacilityFactory(name="Old plant"),
        type="opened",
        announced_date=today - datetime.timedelta(days=200),
    )
    response = client.get("/changes/")
    period = response.context["period"]
    assert period.end == today and period.start == today - datetime.timedelta(days=90)
    assert [c.facility.name for c in response.context["changes"].events] == ["Recent plant"]


def test_invalid_dates_show_a_clear_message(client, iwg):
    response = client.get("/changes/?from=2009-02-30&to=soon")
    assert response.status_code == 200
    html = response.content.decode()
    assert "“2009-02-30” is not a valid “from” date in the form YYYY-MM-DD" in html
    assert "“soon” is not a valid “to” date" in html
    assert 'role="alert"' in html


def test_unknown_company_is_404(client):
    assert client.get("/companies/nope/changes/").status_code == 404


def test_linked_from_the_company_page_and_the_nav(client, iwg):
    html = client.get(iwg.company.get_absolute_url()).content.decode()
    assert reverse("companies:company_changes", args=[iwg.company.slug]) in html
    assert 'href="/changes/"' in html


def test_untrusted_evidence_is_escaped(client):
    facility = FacilityFactory()
    EventFactory(
        facility=facility, announced_date=datetime.date(2009, 5, 1), evidence="<script>x()</script> idled."
    )
    html = client.get("/changes/?from=2009-01-01&to=2009-12-31").content.decode()
    assert "<script>x()" not in html and "&lt;script&gt;" in html


def _add(company: Company, n: int) -> None:
    bulk_events(bulk_facilities(company, n), bulk_releases(company, n), types=("opened", "idled", "closed"))


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url", ["/changes/?from=2009-01-01&to=2010-12-31", "/companies/cc/changes/?from=2009-01-01&to=2010-12-31"]
)
def test_query_count_is_constant(client, url):
    company = CompanyFactory(slug="cc")
    _add(company, 3)
    _add(CompanyFactory(), 3)
    small = _count(client, url)
    _add(company, 60)
    _add(CompanyFactory(), 60)
    assert Location.objects.count() >= 120
    assert _count(client, url) == small
