"""The Content-Security-Policy header (companies.middleware.ContentSecurityPolicyMiddleware over
django-csp): strict on the analyst pages, inline styles (never scripts) added in the admin, and a
nonce in the header whenever a page uses ``request.csp_nonce``. Whether the pages' own scripts
pass it is tests/browser/test_csp.py's job."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from companies.middleware import ContentSecurityPolicyMiddleware
from tests.factories import open_facility

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def test_analyst_pages_allow_nothing_inline(client):
    facility = open_facility()
    for path in ("/", f"/companies/{facility.company.slug}/", "/facilities/", "/api/companies/"):
        policy = directives(client.get(path))
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["connect-src"] == ["'self'"]


def test_the_admin_adds_inline_styles_but_never_scripts(admin_client):
    for path in ("/admin/login/", "/admin/", "/admin/companies/release/"):
        policy = directives(admin_client.get(path, follow=True))
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["script-src"] == ["'self'"]


def test_a_page_that_uses_the_nonce_gets_it_in_the_header():
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(str(request.csp_nonce)))
    response = middleware(RequestFactory().get("/"))
    nonce = response.content.decode()
    assert nonce and directives(response)["script-src"] == ["'self'", f"'nonce-{nonce}'"]
