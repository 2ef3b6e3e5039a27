"""companies.querysets: a status on any date is one SQL condition on the status spans, and it
agrees with the one status function (``companies.status.status_at``) on every date.

A seeded random history (companies, facilities, events of every type and review state, future
effective dates, same-day events ordered by their releases, events entered by hand) is written
the way the product writes it; then on random dates, and on every date a status can change, the
SQL answer is compared with ``status_at`` over each facility's events.
"""

import datetime
import random
from collections import Counter, defaultdict

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from companies.filters import FacilitySelection
from companies.models import Company, Event, EventType, Facility, Location, Release, ReviewState, StatusSpan
from companies.models.release import content_hash
from companies.querysets import STATUS_COUNTS
from companies.services.facilities import facilities_refresh
from companies.status import status_at

pytestmark = pytest.mark.django_db
D = datetime.date
SEED = 20261207
FIRST, LAST = D(1995, 1, 1), D(2035, 12, 31)


def random_day(rng: random.Random, first: datetime.date = FIRST, last: datetime.date = LAST) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def build_history(rng: random.Random, *, companies: int = 4, facilities: int = 80) -> dict[int, list[Event]]:
    """Random facilities and events, bulk-inserted, then their spans written by the service."""
    owners = [Company.objects.create(name=f"Random Co {i}", slug=f"random-co-{i}") for i in range(companies)]
    places = Location.objects.bulk_create(
        Location(locality=f"Randomtown {i}", region="US-OH", country="US") for i in range(facilities)
    )
    sites = Facility.objects.bulk_create(
        Facility(company=rng.choice(owners), location=place, name=f"Site {i}")
        for i, place in enumerate(places)
    )
    events = []
    for site in sites:
        for n in range(rng.choice([0, 1, 2, 3, 4, 5, 6])):
            announced = random_day(rng)
            roll = rng.random()
            if roll < 0.35:
                effective = announced + datetime.timedelta(days=rng.randrange(1, 900))  # announced ahead
            elif roll < 0.45:
                effective = announced - datetime.timedelta(days=rng.randrange(1, 60))  # told afterwards
            elif roll < 0.55 and events and events[-1].facility_id == site.pk:
                effective = events[-1].effective_date or events[-1].announced_date  # same day as another
            else:
                effective = None
            by_hand = rng.random() < 0.15
            release = None
            if not by_hand:
                body = f"Random release {site.pk}-{n}-{rng.random()}"
                release = Release.objects.create(
                    company=site.company,
                    headline=f"News {site.pk}-{n}",
                    body=body,
                    content_hash=content_hash(body),
                    published=announced - datetime.timedelta(days=rng.randrange(0, 3)),
                )
            events.append(
                Event(
                    facility=site,
                    # Many histories begin with an opening, some announced ahead (planned).
                    type="opened" if n == 0 and rng.random() < 0.4 else rng.choice(EventType.values),
                    announced_date=announced,
                    effective_date=effective,
                    release=release,
                    evidence="" if by_hand else "The release says so.",
                    review_state=rng.choices(ReviewState.values, weights=[1, 6, 1])[0],
                )
            )
    Event.objects.bulk_create(events)  # bypasses Event.save: the spans are written below
    facilities_refresh(facility_ids=[site.pk for site in sites])
    by_facility: dict[int, list[Event]] = {site.pk: [] for site in sites}
    for event in Event.objects.select_related("release"):
        by_facility[event.facility_id].append(event)
    return by_facility


def expected_on(events: list[Event], day: datetime.date) -> tuple:
    """What ``status_at`` says, in the shape the SQL read returns; a facility without accepted
    events is in no footprint (DESIGN.md), whatever ``status_at`` calls it."""
    if not any(e.review_state == ReviewState.ACCEPTED for e in events):
        return (None, None, None, None, None)
    status = status_at(events, day)
    if status.status is None:
        return (None, None, None, None, None)
    event_id = status.event.pk if status.event is not None else None
    return (status.status, status.since, event_id, status.pending_type, status.pending_date)


def sql_on(day: datetime.date) -> dict[int, tuple]:
    """Every facility's status on ``day`` read in SQL: one query on the spans."""
    rows = list(
        Facility.objects.on(day).values_list(
            "pk", "span__status", "span__since", "span__event_id", "span__pending_type", "span__pending_date"
        )
    )
    answer = {pk: tuple(rest) for pk, *rest in rows}
    assert len(answer) == len(rows), f"a facility has two spans on {day}"
    return answer


@pytest.fixture
def history():
    return build_history(random.Random(SEED))


def check_dates(history, rng: random.Random, n: int = 120) -> list[datetime.date]:
    """``n`` random dates, plus every date a status can change on and the day before it."""
    days = {random_day(rng, D(1990, 1, 1), D(2040, 12, 31)) for _ in range(n)}
    for events in history.values():
        for event in events:
            for day in (event.announced_date, event.effective_date):
                if day is not None:
                    days |= {day, day - datetime.timedelta(days=1)}
    return sorted(days)


def test_sql_status_on_any_date_agrees_with_the_status_function(history):
    days = check_dates(history, random.Random(SEED + 1))
    assert len(days) > 300
    seen = Counter()
    for day in days:
        with CaptureQueriesContext(connection) as ctx:
            answer = sql_on(day)
        assert len(ctx.captured_queries) == 1
        for pk, events in history.items():
            expected = expected_on(events, day)
            got = answer[pk]
            assert got == expected, (
                pk,
                day,
                [(e.type, e.announced_date, e.effective_date, e.review_state) for e in events],
            )
            seen[got[0]] += 1
    # The random history reaches every status, and facilities out of any footprint.
    assert set(seen) >= {None, "open", "idled", "closed", "sold", "planned", "unknown"}


def test_counts_facets_and_the_explorer_agree_with_the_status_function_on_random_dates(history):
    rng = random.Random(SEED + 2)
    for day in sorted(random_day(rng, D(1995, 1, 1), D(2035, 1, 1)) for _ in range(12)):
        statuses = {pk: expected_on(events, day)[0] for pk, events in history.items()}
        in_footprint = Counter(s for s in statuses.values() if s is not None)

        totals = Facility.objects.status_totals(day)
        assert totals["total"] == sum(in_footprint.values()), day
        assert {s: totals[s] for s in in_footprint} == dict(in_footprint), day

        per_company: dict[int, Counter] = defaultdict(Counter)
        for facility in Facility.objects.all():
            if statuses[facility.pk] is not None:
                per_company[facility.company_id][statuses[facility.pk]] += 1
        for company in Company.objects.with_status_counts(day):
            counts = per_company[company.pk]
            assert company.facility_count == sum(counts.values()), day
            for status in STATUS_COUNTS:
                assert getattr(company, f"{status}_count") == counts[status], (day, status)

        selection = FacilitySelection(QueryDict(""), as_of=day)
        rows = list(selection.iter_rows())
        assert {row.facility.pk: row.status.status for row in rows} == {
            pk: s for pk, s in statuses.items() if s is not None
        }, day
        facet = next(group for group in selection.facets() if group.key == "status")
        assert {item.value: item.count for item in facet.items} == dict(in_footprint), day


def test_a_span_on_each_date_is_unique_per_facility(history):
    for day in check_dates(history, random.Random(SEED + 3), n=40):
        per_facility = Counter(StatusSpan.objects.on(day).values_list("facility_id", flat=True))
        assert not per_facility or max(per_facility.values()) == 1, day
