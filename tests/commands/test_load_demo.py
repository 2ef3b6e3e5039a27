"""load_demo: the seed and the fictional companies, through the real importer, idempotent."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from companies.models import Company, Event, Facility, FootprintClaim, Release

pytestmark = pytest.mark.django_db
D = datetime.date


def statuses() -> dict[tuple[str, str], tuple]:
    rows = (
        Facility.objects.on(timezone.localdate())
        .with_span()
        .select_related("company", "location")
        .values_list(
            "company__slug",
            "location__locality",
            "span__status",
            "span__since",
            "span__pending_type",
            "span__pending_date",
        )
    )
    return {
        (slug, locality): (status, since, pending_type or "", pending_date)
        for slug, locality, status, since, pending_type, pending_date in rows
    }


def berlin_expected() -> tuple:
    # Announced in 2026 for 2027-06-30: pending until that day, closed from it.
    if timezone.localdate() < D(2027, 6, 30):
        return ("open", None, "closed", D(2027, 6, 30))
    return ("closed", D(2027, 6, 30), "", None)


def test_demo_shows_every_path_and_a_second_run_changes_nothing():
    call_command("load_demo", stdout=StringIO())
    assert statuses() == {
        ("international-wire-group", "Jewett City"): ("idled", D(2009, 3, 24), "", None),
        ("international-wire-group", "Littleton"): ("idled", D(2009, 3, 24), "", None),
        ("harrow-paper", "Brattleboro"): ("open", D(2018, 4, 10), "", None),
        ("harrow-paper", "Berlin"): berlin_expected(),
        ("kestrel-foods", "Hamilton"): ("open", D(2017, 9, 12), "", None),
        ("kestrel-foods", "Erie"): ("sold", D(2024, 2, 20), "", None),
        ("birchwood-provisions", "Erie"): ("open", D(2024, 2, 20), "", None),
        ("norrland-steel", "Youngstown"): ("closed", D(2019, 11, 4), "", None),
        ("norrland-steel", "Gary"): ("open", D(2019, 11, 4), "", None),
    }
    iwg = Company.objects.get(slug="international-wire-group")
    assert (iwg.ticker, iwg.exchange) == ("ITWG", "Pink Sheets")
    assert sorted(
        (c.count, tuple(c.countries), c.qualifier) for c in FootprintClaim.objects.filter(company=iwg)
    ) == [
        (13, ("US",), "other"),
        (19, ("US", "BE", "FR", "IT"), ""),
    ]
    counts = (
        Release.objects.count(),
        Event.objects.count(),
        Facility.objects.count(),
        Company.objects.count(),
    )

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "0 imported, 8 already imported, 0 failed" in out.getvalue()
    assert (
        Release.objects.count(),
        Event.objects.count(),
        Facility.objects.count(),
        Company.objects.count(),
    ) == counts
