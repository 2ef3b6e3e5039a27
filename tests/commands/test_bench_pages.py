"""``manage.py bench_pages``: every page answers, is timed and has its queries counted."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from companies.page_bench import Result, Target, family_sizes, percentile, pick_subjects, table
from tests.factories import CompanyFactory, EventFactory, FacilityFactory

D = datetime.date


def test_percentile_is_nearest_rank():
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 95) == 19.0
    assert percentile(values, 50) == 10.0
    assert percentile([3.0], 95) == 3.0
    with pytest.raises(ValueError):
        percentile([], 95)


def test_family_sizes_add_subsidiaries_at_any_depth_and_survive_a_cycle():
    rows = [(1, None, 10), (2, 1, 5), (3, 2, 2), (4, None, 1), (5, 6, 1), (6, 5, 1)]
    sizes = family_sizes(rows)
    assert sizes[1] == (10, 17) and sizes[2] == (5, 7) and sizes[3] == (2, 2) and sizes[4] == (1, 1)
    assert sizes[5] == (1, 2) and sizes[6] == (1, 2)  # A's parent B, B's parent A: each once


def test_table_reports_rows_per_second_for_exports():
    export = Result(Target("CSV", "/x", export=True), seconds=[0.5, 0.5], queries=1, size=2048, rows=1000)
    page = Result(Target("home", "/"), seconds=[0.1, 0.2, 0.3], queries=5, size=1024)
    text = table([page, export])
    assert "| home | 200 | 300 | 0 | 5 | 1 |" in text  # median, p95, cold (none here), queries, KB
    assert "CSV (1,000 rows, 2,000 rows/s)" in text


@pytest.mark.django_db
def test_no_companies_is_an_error():
    with pytest.raises(CommandError, match="generate_synthetic"):
        call_command("bench_pages", runs=1, stdout=io.StringIO())


@pytest.mark.django_db
def test_bench_pages_times_every_page(monkeypatch):
    monkeypatch.setattr("companies.page_bench.date", _Today)
    parent = CompanyFactory(slug="big-group")
    child = CompanyFactory(parent=parent)
    for company, n in ((parent, 3), (child, 2)):
        for _ in range(n):
            facility = FacilityFactory(company=company)
            EventFactory(facility=facility, type="opened", announced_date=D(2015, 3, 1))
            EventFactory(facility=facility, type="idled", announced_date=D(2024, 5, 1))
    subjects = pick_subjects()
    assert (subjects.company_slug, subjects.own_facilities, subjects.family_facilities) == ("big-group", 3, 5)
    assert (subjects.year, subjects.as_of, subjects.subsidiaries) == (2024, D(2019, 6, 30), 1)

    out = io.StringIO()
    call_command("bench_pages", runs=2, stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "big-group, 3 own facilities, 5 with its 1 subsidiaries" in text
    for name in (
        "company page ?as_of=",
        "/changes/ one year",
        "/search/?q=plant",
        "home",
        "explorer page 200",
    ):
        assert f"| {name} |" in text
    assert "CSV, every facility (5 rows," in text
    only = io.StringIO()
    call_command("bench_pages", runs=1, only="feed", stdout=only, stderr=io.StringIO())
    assert "| Atom feed |" in only.getvalue() and "| home |" not in only.getvalue()


class _Today(datetime.date):
    """``date.today()`` fixed at 2025-06-30, so the benchmark's year is 2024."""

    @classmethod
    def today(cls):
        return cls(2025, 6, 30)
