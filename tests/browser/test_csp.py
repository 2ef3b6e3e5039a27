"""The Content-Security-Policy in a real browser: every public page, its map and charts, and the
admin's pages (the review page with its place autocomplete among them) run under the policy the
site sends without one violation.

Chromium reports a violation both as a console error (the ``page`` fixture fails a test on any)
and as a ``securitypolicyviolation`` event, which the script below records so the failure names
the directive and what it blocked."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import Company, Facility, Release

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPANY = "international-wire-group"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(
    e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber
  );
});
"""


@pytest.fixture
def csp_page(page):
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def visit(page, url: str) -> list[str]:
    """Load ``url``, wait for its scripts (and map) to finish, and return what the policy blocked."""
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy, f"{url}: no policy ({policy!r})"
    page.wait_for_load_state("networkidle")
    for container in page.locator(".map[data-geojson]").all():
        expect(container).to_have_attribute("data-ready", "true")
    return [f"{url}: {v}" for v in page.evaluate("window.__cspViolations")]


def public_urls() -> list[str]:
    company = Company.objects.get(slug=COMPANY)
    facility = Facility.objects.filter(company=company, spans__isnull=False).first()
    release = Release.objects.filter(company=company).first()
    return [
        reverse("companies:home"),
        reverse("companies:company_list"),
        reverse("companies:company_detail", args=[company.slug]),
        reverse("companies:company_detail", args=[company.slug]) + "?as_of=2008-01-01",
        reverse("companies:company_changes", args=[company.slug]) + "?from=2008-01-01&to=2010-01-01",
        reverse("companies:facility_list"),
        reverse("companies:event_list"),
        reverse("companies:changes") + "?from=2008-01-01&to=2010-01-01",
        reverse("companies:facility_detail", args=[facility.pk]),
        reverse("companies:release_detail", args=[release.pk]),
        reverse("companies:search") + "?q=wire",
    ]


def test_public_pages_run_under_the_policy(csp_page):
    violations = [v for url in public_urls() for v in visit(csp_page, url)]
    # A map popup is built by the page's script after load: open one too.
    visit(csp_page, reverse("companies:company_detail", args=[COMPANY]))
    marker = csp_page.locator("#company-map").get_by_role("button", name=re.compile(r"Cluster|plant")).first
    marker.click()
    csp_page.wait_for_timeout(500)
    violations += [f"after a click: {v}" for v in csp_page.evaluate("window.__cspViolations")]
    assert not violations, "\n".join(violations)


def test_admin_pages_and_the_review_page_run_under_the_policy(csp_page):
    User.objects.create_superuser("editor", "editor@example.com", "pw")
    release = Release.objects.filter(company__slug=COMPANY).first()
    company = Company.objects.get(slug=COMPANY)
    facility = company.facilities.first()
    csp_page.goto(reverse("admin:login"))
    csp_page.fill("#id_username", "editor")
    csp_page.fill("#id_password", "pw")
    csp_page.click("input[type=submit]")
    expect(csp_page).to_have_url(re.compile(r"/admin/$"))

    review = reverse("admin:companies_release_review", args=[release.pk])
    urls = [
        reverse("admin:index"),
        reverse("admin:companies_release_changelist"),
        reverse("admin:companies_release_change", args=[release.pk]),
        reverse("admin:companies_release_history", args=[release.pk]),
        reverse("admin:companies_release_import"),
        reverse("admin:companies_company_change", args=[company.pk]),
        reverse("admin:companies_facility_change", args=[facility.pk]),
        reverse("admin:companies_event_changelist"),
        reverse("admin:companies_location_changelist"),
        reverse("admin:auth_user_changelist"),
        review,
    ]
    violations = [v for url in urls for v in visit(csp_page, url)]

    # The review page's script: the place autocomplete of "Add an event from the text" fetches
    # and lists suggestions (once review.js has made the field a combobox).
    field = csp_page.locator("input[data-autocomplete=place][data-multiple='1']")
    expect(field).to_have_attribute("role", "combobox")
    field.click()
    field.press_sequentially("Littleton", delay=10)
    expect(
        csp_page.locator(f"#{field.get_attribute('id')}-suggestions").get_by_role("option").first
    ).to_be_visible()
    violations += [f"autocomplete: {v}" for v in csp_page.evaluate("window.__cspViolations")]
    assert not violations, "\n".join(violations)
