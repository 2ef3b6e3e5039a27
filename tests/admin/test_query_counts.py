"""Admin pages run the same number of queries for 3 rows as for 30: no query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ClaimFactory, CompanyFactory, EventFactory, FacilityFactory, LocationFactory


def make_rows(n: int) -> dict:
    """``n`` rows of every model, each linked (releases, claims, parents, locations)."""
    parent = CompanyFactory()
    company = CompanyFactory(parent=parent, headquarters=LocationFactory())
    facilities = []
    for _ in range(n):
        event = EventFactory(facility=FacilityFactory(company=company), review_state="proposed")
        ClaimFactory(release=event.release)
        facilities.append(event.facility)
        CompanyFactory(parent=parent)
    return {"company": company}


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["company", "facility", "event", "release", "location", "footprintclaim"])
def test_changelist_query_count_is_constant(admin_client, model):
    url = reverse(f"admin:companies_{model}_changelist")
    make_rows(3)
    admin_client.get(url)  # warm the session and content-type caches
    small = count_queries(admin_client, url)
    make_rows(27)
    large = count_queries(admin_client, url)
    assert large == small, f"{model}: {small} queries for 3 rows, {large} for 30"


@pytest.mark.django_db
def test_company_page_query_count_is_constant(admin_client):
    """The read-only facilities inline costs the same for 3 facilities as for 30."""
    rows = make_rows(3)
    url = reverse("admin:companies_company_change", args=[rows["company"].pk])
    admin_client.get(url)
    small = count_queries(admin_client, url)
    for _ in range(27):
        FacilityFactory(company=rows["company"])
    large = count_queries(admin_client, url)
    assert large == small, f"{small} queries for 3 facilities, {large} for 30"


@pytest.mark.django_db
def test_changelists_stay_small(admin_client, django_assert_max_num_queries):
    make_rows(30)
    for model in ("company", "facility", "event", "release"):
        with django_assert_max_num_queries(12):
            admin_client.get(reverse(f"admin:companies_{model}_changelist"))
