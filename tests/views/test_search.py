"""Site search: companies by name, alias and ticker; releases by full text (PostgreSQL FTS or a
simple match on SQLite), from the header's search box."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.search import mark_sentinels, mark_terms, query_terms, release_search
from tests.factories import CompanyFactory, ReleaseFactory, build_iwg_footprint
from tests.views.test_query_counts import bulk_releases

pytestmark = pytest.mark.django_db
URL = "/search/"


@pytest.fixture
def iwg():
    build = build_iwg_footprint()
    ReleaseFactory(
        company=CompanyFactory(name="Kestrel Foods", slug="kestrel-foods", aliases="Kestrel"),
        headline="Kestrel Foods opens a new bakery in Ohio",
        body="Kestrel Foods today opened a bakery in Columbus, Ohio, hiring 120 workers.",
        published=datetime.date(2015, 6, 2),
    )
    return build


def company_names(response) -> list[str]:
    return [c.name for c in response.context["companies"]]


def release_headlines(response) -> list[str]:
    return [hit.release.headline for hit in response.context["releases"]]


def test_url_name_and_header_form_points_here(client):
    assert reverse("companies:search") == URL
    html = client.get("/").content.decode()
    assert f'action="{URL}"' in html and 'id="site-search-q"' in html


def test_empty_query_shows_a_hint(client, iwg):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["companies"] == [] and response.context["releases"] == []
    assert "Type a company name" in response.content.decode()


@pytest.mark.parametrize("query", ["ITWG", "itwg", "IWG", "International Wire", "wire group"])
def test_companies_by_ticker_alias_and_name(client, iwg, query):
    assert company_names(client.get(URL, {"q": query})) == ["International Wire Group"]


def test_company_results_show_counts(client, iwg):
    response = client.get(URL, {"q": "ITWG"})
    [company] = response.context["companies"]
    assert (company.open_count, company.idled_count, company.facility_count) == (1, 2, 3)
    html = response.content.decode()
    assert iwg.company.get_absolute_url() in html and "Pink Sheets: ITWG" in html


def test_releases_by_words_of_the_body(client, iwg):
    response = client.get(URL, {"q": "idling production"})
    assert release_headlines(response) == ["International Wire Announces the Idling of Two Plants"]
    [hit] = response.context["releases"]
    assert "<mark>" in hit.snippet and "Jewett City" in hit.snippet
    html = response.content.decode()
    assert iwg.release.get_absolute_url() in html
    assert "International Wire Group" in html and "2009-03-24" in html


def test_releases_by_headline_words_and_every_word_must_match(client, iwg):
    assert release_headlines(client.get(URL, {"q": "bakery Ohio"})) == [
        "Kestrel Foods opens a new bakery in Ohio"
    ]
    assert release_headlines(client.get(URL, {"q": "bakery Connecticut"})) == []


def test_websearch_exclusion(client, iwg):
    assert release_headlines(client.get(URL, {"q": "bakery"})) == ["Kestrel Foods opens a new bakery in Ohio"]
    assert release_headlines(client.get(URL, {"q": "bakery -Columbus"})) == []


def test_release_text_is_escaped_and_only_our_marks_are_markup(client):
    ReleaseFactory(
        headline="<img src=x onerror=alert(1)> idling news",
        body="Before <script>alert('x')</script> the mill idling was announced. \ue000 stray \ue001\ue001",
    )
    response = client.get(URL, {"q": "idling"})
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html
    [hit] = response.context["releases"]
    assert str(hit.snippet).count("<mark>") == str(hit.snippet).count("</mark>") >= 1
    assert str(hit.headline).count("<mark>") == str(hit.headline).count("</mark>") >= 1


def test_postgres_uses_full_text_search_with_stemming(iwg):
    hits = release_search("idle plant")  # stems: idling ~ idle, plants ~ plant
    if connection.vendor == "postgresql":
        assert hits[0].release.pk == iwg.release.pk
        assert "Kestrel" not in [h.release.company.name for h in hits]
        assert hits[0].rank is not None and hits[0].rank > 0
        assert "<mark>idling</mark>" in hits[0].snippet and "<mark>Plants</mark>" in hits[0].headline
    else:
        assert hits == []  # the simple match needs the words as written


def test_query_count_is_constant(client):
    company = CompanyFactory(name="Countable Co", aliases="Countable")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"q": "Countable"}).status_code == 200
        return len(ctx.captured_queries)

    bulk_releases(company, 3)
    small = count()
    bulk_releases(company, 120)
    assert count() == small


# --- the pure helpers -------------------------------------------------------------------------


def test_query_terms_understand_websearch_syntax():
    assert query_terms('"Jewett City" or Littleton -closure') == ["Jewett", "City", "Littleton"]
    assert query_terms('"Jewett City" or Littleton -closure', excluded=True) == ["closure"]


def test_mark_terms_escapes_and_marks_case_insensitively():
    assert mark_terms("Idling <b> & idling", ["idling"]) == (
        "<mark>Idling</mark> &lt;b&gt; &amp; <mark>idling</mark>"
    )


def test_mark_sentinels_balances_marks():
    assert mark_sentinels("a \ue000<x>\ue001 \ue001 \ue000b") == "a <mark>&lt;x&gt;</mark>  <mark>b</mark>"


def test_releases_page_newest_first_without_counting(client, monkeypatch):
    """Pages of two: the third page holds the last release; no COUNT of the matches."""
    monkeypatch.setattr("companies.views.search.RELEASE_LIMIT", 2)
    company = CompanyFactory(name="Paged Co")
    bulk_releases(company, 5)  # "announced a change", published a day apart
    first = client.get(URL, {"q": "announced change"})
    assert [h.release.published for h in first.context["releases"]] == [
        datetime.date(2009, 1, 5),
        datetime.date(2009, 1, 4),
    ]
    assert first.context["release_links"].next == "?q=announced+change&page=2#releases-heading"
    with CaptureQueriesContext(connection) as ctx:
        third = client.get(URL, {"q": "announced change", "page": "3"})
    assert [h.release.published for h in third.context["releases"]] == [datetime.date(2009, 1, 1)]
    assert not third.context["release_page"].has_next and third.context["release_links"].previous
    assert not any(
        "COUNT(" in q["sql"].upper() for q in ctx.captured_queries if "companies_release" in q["sql"]
    )
