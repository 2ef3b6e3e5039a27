"""The changes pages: what changed between two dates, everywhere or for one company.

``/changes/?from=YYYY-MM-DD&to=YYYY-MM-DD`` and ``/companies/<slug>/changes/?from=&to=``.
``FacilityQuerySet.for_changes`` reads, ``companies.changes`` shapes, the template displays.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from ..changes import DEFAULT_DAYS, changes_between, parse_period
from ..models import Company, Facility


def _render(request, company=None):
    period = parse_period(request.GET, today=timezone.localdate())
    facilities = Facility.objects.all() if company is None else Facility.objects.filter(company=company)
    changes = changes_between(facilities.for_changes(period.start, period.end), period)
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
