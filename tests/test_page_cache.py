"""companies.page_cache: anonymous analyst pages from the cache, forgotten when a status changes,
never for staff, never past the login rule, never with a stale CSP nonce."""

import datetime

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from companies import cached, page_cache
from companies.models import ReviewState
from companies.services.events import event_accept, event_create
from footprint.settings import _cache
from tests.factories import open_facility

pytestmark = pytest.mark.django_db

HEADER = page_cache.HEADER


@pytest.fixture
def facility():
    return open_facility(name="Jewett City plant")


@pytest.fixture
def page(facility):
    return f"/companies/{facility.company.slug}/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password="pw-editor-1", is_staff=True)


def test_a_second_anonymous_request_is_answered_from_the_cache(client, page, django_assert_num_queries):
    first = client.get(page)
    assert first.status_code == 200 and first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(page)
    assert second[HEADER] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize("path", ["/", "/facilities/", "/events/", "/changes/"])
def test_the_analyst_pages_are_cached(client, facility, path):
    assert client.get(path)[HEADER] == "miss"
    assert client.get(path)[HEADER] == "hit"


def test_each_query_string_is_its_own_page(client, facility):
    assert client.get("/facilities/?status=open")[HEADER] == "miss"
    assert client.get("/facilities/?status=idled")[HEADER] == "miss"
    assert client.get("/facilities/?status=idled&country=US")[HEADER] == "miss"
    assert client.get("/facilities/?status=idled")[HEADER] == "hit"


def test_an_accepted_event_shows_on_the_company_page_at_once(client, facility, page):
    assert "Jewett City plant" in client.get(page).content.decode()
    assert client.get(page)[HEADER] == "hit"
    event = event_create(
        facility=facility,
        type="idled",
        announced_date=datetime.date(2009, 3, 24),
        evidence="Acme today announced that it is idling the Jewett City plant.",
    )
    assert "idling the Jewett City plant" not in client.get(page).content.decode()  # a proposal
    event_accept(event=event)
    response = client.get(page)
    assert response[HEADER] == "miss"
    assert "Acme today announced that it is idling the Jewett City plant." in response.content.decode()
    assert 'class="status-badge status-idled"' in response.content.decode()
    assert client.get(page)[HEADER] == "hit"


@pytest.mark.django_db(transaction=True)
def test_an_accepted_event_shows_once_committed(client, facility, page):
    client.get(page)
    event = event_create(
        facility=facility,
        type="idled",
        announced_date=datetime.date(2009, 3, 24),
        evidence="Idling the plant from today.",
        review_state=ReviewState.PROPOSED,
    )
    event_accept(event=event)
    response = client.get(page)
    assert response[HEADER] == "miss"
    assert "Idling the plant from today." in response.content.decode()


def test_a_stale_page_is_given_while_one_request_renders_it_afresh(client, facility, page, monkeypatch):
    from django.core.cache import caches

    from companies import paging

    now = [2_000_000.0]
    monkeypatch.setattr(paging.time, "time", lambda: now[0])
    assert client.get(page)[HEADER] == "miss"
    facility.company.name = "Renamed Widgets"  # no status changes: the page is not forgotten
    facility.company.save()
    assert "Renamed Widgets" not in client.get(page).content.decode()
    now[0] += 61  # past FOOTPRINT_PAGE_CACHE_SECONDS: stale
    response = client.get(page)  # the first to ask renders it afresh
    assert response[HEADER] == "miss" and "Renamed Widgets" in response.content.decode()
    now[0] += 61
    facility.company.name = "Widgets Again"
    facility.company.save()
    backend, real_add, renewing = caches["default"], caches["default"].add, [True]
    monkeypatch.setattr(backend, "add", lambda *a, **k: False if renewing[0] else real_add(*a, **k))
    response = client.get(page)  # another request is renewing it: this one gets the stale page
    assert response[HEADER] == "hit" and "Renamed Widgets" in response.content.decode()
    renewing[0] = False
    assert "Widgets Again" in client.get(page).content.decode()


def test_staff_requests_are_never_answered_from_the_cache_nor_stored(client, page, staff):
    client.force_login(staff)
    response = client.get(page)
    assert response.status_code == 200 and HEADER not in response
    assert HEADER not in client.get(page)
    client.logout()
    assert client.get(page)[HEADER] == "miss"  # the editor's pages were never stored
    assert client.get(page)[HEADER] == "hit"
    client.force_login(staff)
    assert HEADER not in client.get(page)


def test_a_reader_with_a_session_is_never_answered_from_the_cache(client, page):
    client.get(page)
    client.cookies["sessionid"] = "whatever"
    response = client.get(page)
    assert response.status_code == 200 and HEADER not in response


def test_require_login_still_sends_anonymous_readers_to_log_in(client, page, staff, settings):
    assert client.get(page)[HEADER] == "miss"
    assert client.get(page)[HEADER] == "hit"
    settings.FOOTPRINT_REQUIRE_LOGIN = True
    response = client.get(page)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(staff)
    response = client.get(page)
    assert response.status_code == 200 and HEADER not in response


def test_the_site_stays_read_only_for_a_cached_page(client, page):
    client.get(page)
    assert client.post(page).status_code == 405
    assert client.put(page).status_code == 405


def test_head_reads_the_get_entry_and_stores_nothing(client, page):
    response = client.head(page)
    assert response.status_code == 200 and HEADER not in response
    client.get(page)
    assert client.head(page)[HEADER] == "hit"


def test_errors_and_downloads_are_not_kept(client, facility):
    assert client.get("/companies/no-such-company/").status_code == 404
    assert HEADER not in client.get("/companies/no-such-company/")
    assert HEADER not in client.get("/facilities/?format=csv")
    assert HEADER not in client.get("/facilities/?format=json")


def test_a_cached_page_has_a_fresh_security_policy_header_without_a_nonce(client, page):
    first, second = client.get(page), client.get(page)
    assert second[HEADER] == "hit"
    for response in (first, second):
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "nonce-" not in policy
        assert response["X-Frame-Options"] == "DENY"


def test_a_page_that_used_the_csp_nonce_is_not_kept():
    request = RequestFactory().get("/")
    response = HttpResponse("<p>page</p>")
    assert page_cache.storable_response(request, response)
    request._csp_nonce = "abc"  # what reading request.csp_nonce leaves (django-csp 4)
    assert not page_cache.storable_response(request, response)


def test_pages_that_set_cookies_or_are_private_are_not_kept():
    request = RequestFactory().get("/")
    response = HttpResponse("<p>page</p>")
    response.set_cookie("x", "1")
    assert not page_cache.storable_response(request, response)
    response = HttpResponse("<p>page</p>", headers={"Cache-Control": "private"})
    assert not page_cache.storable_response(request, response)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not page_cache.storable_response(request, HttpResponse("<p>page</p>"))


def test_turned_off_with_zero_seconds(client, page, settings):
    settings.FOOTPRINT_PAGE_CACHE_SECONDS = 0
    client.get(page)
    assert HEADER not in client.get(page)


def test_a_file_cache_is_shared_and_forgotten(client, page, settings, tmp_path):
    """The default cache of `make serve`: files any worker reads; a new generation written by
    one process is the one every other reads next."""
    settings.CACHES = {"default": _cache(f"file://{tmp_path}")}
    assert client.get(page)[HEADER] == "miss"
    assert client.get(page)[HEADER] == "hit"
    assert list(tmp_path.glob("*.djcache"))
    cached.forget()
    assert client.get(page)[HEADER] == "miss"


def test_cache_settings_from_the_environment(tmp_path):
    assert _cache("")["BACKEND"].endswith("FileBasedCache")
    assert _cache("")["LOCATION"].endswith("var/cache/django")
    assert _cache(f"file://{tmp_path}")["LOCATION"] == str(tmp_path)
    assert _cache("locmem")["BACKEND"].endswith("LocMemCache")
    assert _cache("db")["BACKEND"].endswith("DatabaseCache")
    assert _cache("none")["BACKEND"].endswith("DummyCache")
    assert _cache("redis://10.0.0.5:6379/1") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://10.0.0.5:6379/1",
    }
    assert _cache("memcached://a:11211,b:11211")["LOCATION"] == ["a:11211", "b:11211"]
    with pytest.raises(RuntimeError):
        _cache("mongo://x")
