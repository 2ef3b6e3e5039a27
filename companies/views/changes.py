"""The changes pages: what changed between two dates, everywhere or for one company.

``/changes/?from=YYYY-MM-DD&to=YYYY-MM-DD`` and ``/companies/<slug>/changes/?from=&to=``.
``companies.changes.changes_between`` reads a page of each list, the template displays.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from ..changes import DEFAULT_DAYS, changes_between, parse_period
from ..models import Company


def _render(request, company=None):
    period = parse_period(request.GET, today=timezone.localdate())
    changes = changes_between(period, request.GET, company=company)
    context = {
        "company": company,
        "period": period,
        "changes": changes,
        "default_days": DEFAULT_DAYS,
        "events_query": period.events_query(company),
    }
    return render(request, "companies/changes.html", context)


def changes(request):
    return _render(request)


def company_changes(request, slug):
    company = get_object_or_404(Company.objects.for_detail(), slug=slug)
    return _render(request, company)
