"""Outside the admin the site is read-only (companies.middleware.ReadOnlyMiddleware): walking every
pattern of the URL conf, anonymous users read (GET and HEAD answer 200, or 404 for what does not
exist, never 500) and every other method is 405 with ``Allow: GET, HEAD``, for anyone, with or
without a CSRF token."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from companies.models import Company, Event, Release
from tests.factories import ClaimFactory, open_facility
from tests.security.urlconf import Route, routes

pytestmark = pytest.mark.django_db

UNSAFE_METHODS = ("post", "put", "patch", "delete", "options", "trace")
PUBLIC = [route for route in routes() if route.namespace != "admin"]
MISSING = {"slug": "no-such-company", "pk": 999_999_999}


def test_the_walk_finds_every_analyst_url():
    # Guards the walk itself: if the URL conf's shape changed and it found nothing, every test
    # below would pass vacuously.
    names = {route.name for route in PUBLIC}
    assert {"companies:home", "companies:company_detail", "companies:api_event_list"} <= names
    assert all(route.namespace == "companies" for route in PUBLIC), names


@pytest.fixture
def values() -> dict:
    """Sample parameters for every analyst URL, from the factories: a company in the footprint,
    its facility and the release that opened it."""
    facility = open_facility()
    ClaimFactory(release=Release.objects.get(), company=facility.company)
    release = Event.objects.get().release
    return {"slug": facility.company.slug, "pk": facility.pk, "_release": release.pk}


def sample_path(route: Route, values: dict) -> str:
    # <int:pk> names a release on the release page and a facility everywhere else.
    pk = values["_release"] if route.name == "companies:release_detail" else values["pk"]
    return route.path({**values, "pk": pk})


@pytest.mark.parametrize("route", PUBLIC, ids=lambda r: r.name)
def test_anonymous_users_read_every_page(client, values, route):
    path = sample_path(route, values)
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    head = client.head(path)
    assert head.status_code == 200, (path, head.status_code)


@pytest.mark.parametrize("route", [r for r in PUBLIC if r.params], ids=lambda r: r.name)
def test_what_does_not_exist_is_404(client, values, route):
    response = client.get(route.path(MISSING))
    assert response.status_code == 404


@pytest.mark.parametrize("method", UNSAFE_METHODS)
@pytest.mark.parametrize("route", PUBLIC, ids=lambda r: r.name)
def test_every_unsafe_method_is_405(values, route, method):
    path = sample_path(route, values)
    companies_before = Company.objects.count()
    # A CSRF-checking client: the method is refused before CSRF is looked at (405, not 403).
    response = getattr(Client(enforce_csrf_checks=True), method)(path, {"name": "x"})
    assert response.status_code == 405, (method, path, response.status_code)
    assert response["Allow"] == "GET, HEAD"
    assert Company.objects.count() == companies_before


@pytest.mark.parametrize("method", ("post", "put", "patch", "delete"))
def test_staff_cannot_write_outside_the_admin_either(client, values, method):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "pw"))
    company = f"/companies/{values['slug']}/"
    assert getattr(client, method)(company, {"name": "x"}).status_code == 405
    assert getattr(client, method)("/no/such/page/").status_code == 405


def test_the_admin_still_takes_posts(admin_client):
    response = admin_client.post("/admin/companies/company/add/", {"name": "Posted Co", "slug": "posted-co"})
    assert response.status_code in (200, 302)
    assert response.status_code != 405
