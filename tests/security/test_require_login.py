"""``FOOTPRINT_REQUIRE_LOGIN=1`` (companies.middleware.RequireLoginMiddleware): every analyst
URL sends anonymous users to the admin login and comes back after it; static files and the
login page stay open; off (the default), nothing changes."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import open_facility
from tests.security.test_read_only import PUBLIC, sample_path
from tests.security.urlconf import Route

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def values(settings) -> dict:
    settings.FOOTPRINT_REQUIRE_LOGIN = True
    facility = open_facility()
    release = facility.events.get().release
    return {"slug": facility.company.slug, "pk": facility.pk, "_release": release.pk}


@pytest.mark.parametrize("route", PUBLIC, ids=lambda r: r.name)
def test_anonymous_users_are_sent_to_the_login(client, values, route: Route):
    path = sample_path(route, values)
    response = client.get(path)
    assert response.status_code == 302, (path, response.status_code)
    assert response["Location"] == f"{LOGIN}?next={quote(path)}"


@pytest.mark.parametrize("route", PUBLIC, ids=lambda r: r.name)
def test_logged_in_users_read_every_page(values, route: Route):
    # An analyst's account: staff (the admin login admits only staff), with no permissions.
    analyst = get_user_model().objects.create_user("ana", password="pw", is_staff=True)
    client = Client()
    client.force_login(analyst)
    assert client.get(sample_path(route, values)).status_code == 200


def test_the_login_page_and_static_files_stay_open(values, settings):
    # Static files as whitenoise serves them (from the finders here; collected in production).
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    client = Client()  # a new client builds its middleware with these settings
    assert client.get(LOGIN).status_code == 200
    assert client.get("/static/css/footprint.css").status_code == 200


def test_logging_in_leads_back_to_the_page(values):
    get_user_model().objects.create_user("ana", password="pw", is_staff=True)
    client = Client()
    page = f"/companies/{values['slug']}/"
    response = client.post(f"{LOGIN}?next={quote(page)}", {"username": "ana", "password": "pw", "next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert client.get(page).status_code == 200


def test_off_by_default(client, values, settings):
    settings.FOOTPRINT_REQUIRE_LOGIN = False
    assert client.get(f"/companies/{values['slug']}/").status_code == 200
