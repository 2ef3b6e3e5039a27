"""The page benchmark behind ``manage.py bench_pages`` (``make bench-pages``).

Pages are requested through Django's test client in this process, so a figure is server time:
the view, its queries and the template, with no network or WSGI server in between. Which
company, year and date to ask for is read from the data (the biggest company family, the last
full year with events), so the same command fits any database ``generate_synthetic`` filled.
"""

from __future__ import annotations

import math
import resource
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Count, Max
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Target:
    """One page to time: a row of the table."""

    name: str
    url: str
    export: bool = False
    """A streamed download: report rows per second as well."""


@dataclass
class Result:
    target: Target
    seconds: list[float] = field(default_factory=list)
    cold: float = 0.0
    """Seconds of the warm-up request, made with nothing cached."""
    queries: int = 0
    size: int = 0
    """Bytes of the last response."""
    rows: int = 0
    """Data rows of the last response (exports)."""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.seconds, 95) * 1000

    @property
    def rows_per_second(self) -> float:
        return self.rows / statistics.median(self.seconds) if self.rows else 0.0


def percentile(values: Iterable[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile: the smallest value with at least ``p`` % of the
    values at or below it (with 20 runs, p95 is the 19th fastest)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


# ---------------------------------------------------------------------------------------------
# What to ask for


@dataclass(frozen=True)
class Subjects:
    """The data the pages are asked about."""

    company_slug: str
    own_facilities: int
    family_facilities: int
    subsidiaries: int
    as_of: date
    year: int


def family_sizes(rows: Iterable[tuple[int, int | None, int]]) -> dict[int, tuple[int, int]]:
    """``company id -> (own facilities, facilities with every subsidiary below it)`` from
    ``(id, parent id, own facilities)`` rows; a cycle an editor made counts each company once."""
    rows = list(rows)
    parent = {pk: parent_id for pk, parent_id, _ in rows}
    own = {pk: n for pk, _, n in rows}
    family = dict(own)
    for pk in own:
        seen = {pk}
        up = parent.get(pk)
        while up is not None and up not in seen and up in family:
            family[up] += own[pk]
            seen.add(up)
            up = parent.get(up)
    return {pk: (own[pk], family[pk]) for pk in own}


def pick_subjects() -> Subjects:
    """The company with the largest family (own facilities plus its subsidiaries', any depth),
    the last full calendar year before today with accepted events, and a date five and a half
    years before that year's end for ``?as_of=``."""
    from .models import Company, Event

    rows = Company.objects.annotate(n=Count("facilities")).values_list("pk", "parent_id", "n")
    sizes = family_sizes(rows)
    if not sizes:
        raise ValueError("The database has no companies: run generate_synthetic first.")
    pk = max(sizes, key=lambda k: (sizes[k][1], sizes[k][0], -k))
    company = Company.objects.get(pk=pk)
    today = date.today()
    latest = Event.objects.accepted().aggregate(last=Max("announced_date"))["last"] or today
    # The last calendar year over before today (synthetic data also announces into the future).
    year = min(latest.year, today.year - 1)
    subsidiaries = len(Company.objects.descendant_ids(company))
    return Subjects(
        company_slug=company.slug,
        own_facilities=sizes[pk][0],
        family_facilities=sizes[pk][1],
        subsidiaries=subsidiaries,
        as_of=date(year - 5, 6, 30),
        year=year,
    )


def targets(subjects: Subjects) -> list[Target]:
    """The issue's pages, in its order."""
    company = f"/companies/{subjects.company_slug}/"
    year = subjects.year
    return [
        Target("company page", company),
        Target("company page ?as_of=", f"{company}?as_of={subjects.as_of.isoformat()}"),
        Target("company page, open facilities p. 2", f"{company}?open_page=2"),
        Target("company changes, one year", f"{company}changes/?from={year}-01-01&to={year}-12-31"),
        Target("/changes/ one year", f"/changes/?from={year}-01-01&to={year}-12-31"),
        Target("/changes/ one year, p. 20", f"/changes/?from={year}-01-01&to={year}-12-31&page=20"),
        Target("/search/?q=plant", "/search/?q=plant"),
        Target("home", "/"),
        Target("explorer idled, US", "/facilities/?status=idled&country=US"),
        Target("explorer page 200", "/facilities/?page=200"),
        Target("explorer, event type + dates", f"/facilities/?event_type=closed&changed_after={year}-01-01"),
        Target("/events/", "/events/"),
        Target("/events/ page 200", "/events/?page=200"),
        Target("Atom feed", "/events/feed/"),
        Target("company Atom feed", f"{company}feed/"),
        Target("CSV, every facility", "/facilities/?format=csv", export=True),
    ]


# ---------------------------------------------------------------------------------------------
# Timing


def fetch(client, url: str) -> tuple[int, bytes]:
    """GET ``url`` and read the whole body (streamed responses included)."""
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def measure(client, target: Target, runs: int, *, clock: Callable[[], float] = time.perf_counter) -> Result:
    """One warm-up request with nothing cached (``companies.cached``, ``paging.remember``) that
    also counts queries and is timed as the cold figure, then ``runs`` timed ones."""
    from django.core.cache import cache

    result = Result(target)
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        start = clock()
        _, body = fetch(client, target.url)
        result.cold = clock() - start
    result.queries = len(ctx.captured_queries)
    for _ in range(runs):
        start = clock()
        _, body = fetch(client, target.url)
        result.seconds.append(clock() - start)
    result.size = len(body)
    if target.export:
        result.rows = max(body.count(b"\n") - 1, 0)  # less the header
    return result


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(results: list[Result]) -> str:
    """The results as a Markdown table (the README's "Performance" section quotes it)."""
    lines = [
        "| page | median ms | p95 ms | cold ms | queries | KB |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        name = r.target.name
        if r.target.export:
            name += f" ({r.rows:,} rows, {r.rows_per_second:,.0f} rows/s)"
        lines.append(
            f"| {name} | {r.median_ms:,.0f} | {r.p95_ms:,.0f} | {r.cold * 1000:,.0f} | {r.queries} "
            f"| {r.size / 1024:,.0f} |"
        )
    return "\n".join(lines)
