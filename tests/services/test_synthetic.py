"""companies.services.synthetic: a deterministic plan of the scale benchmarks' shape, written
with bulk inserts and with status spans from the one status service."""

import datetime
from collections import Counter

import pytest

from companies.models import Company, Event, Facility, Location, Release, StatusSpan
from companies.services.synthetic import (
    SLUG_PREFIX,
    Place,
    SyntheticDataExists,
    gazetteer_places,
    plan_events,
    spread,
    synthetic_generate,
    synthetic_plan,
    zipf_sizes,
)
from tests.services.test_status_spans import assert_spans_agree

D = datetime.date
UNTIL = D(2026, 12, 31)
PLACES = [
    Place("Akron", "US-OH", "US", 41.08, -81.52, 5145476),
    Place("Dayton", "US-OH", "US", 39.76, -84.19, 4509884),
    Place("Erie", "US-PA", "US", 42.13, -80.09, 5188843),
    Place("Gent", "BE-VOV", "BE", 51.05, 3.72, 2797656),
    Place("Lyon", "", "FR", 45.75, 4.85, 2996944),
]


def plan_records(**kwargs):
    plan = synthetic_plan(places=PLACES, until=UNTIL, **kwargs)
    return plan.companies, list(plan.facilities)


def test_zipf_sizes_add_up_and_fall_with_rank():
    sizes = zipf_sizes(200_000, 5000, 0.95)
    assert sum(sizes) == 200_000
    assert sizes == sorted(sizes, reverse=True)
    assert 12_000 < sizes[0] < 18_000  # the biggest company: some 15,000 sites of its own
    assert sizes[-1] >= 1
    assert zipf_sizes(3, 5, 1.0) == [1, 1, 1, 0, 0]
    assert sum(spread(854_000, 200_000, i) for i in range(200_000)) == 854_000


def test_the_plan_is_the_same_for_the_same_arguments_and_differs_with_the_seed():
    first = plan_records(companies=8, facilities=60, events=260, seed=3)
    assert plan_records(companies=8, facilities=60, events=260, seed=3) == first
    assert plan_records(companies=8, facilities=60, events=260, seed=4) != first


def test_the_plan_has_the_asked_shape():
    companies, facilities = plan_records(companies=10, facilities=200, events=870, seed=1)
    assert [c.rank for c in companies] == list(range(1, 11))
    assert sum(c.facilities for c in companies) == len(facilities) == 200
    assert sum(len(f.events) for f in facilities) == 870
    assert {len(f.events) for f in facilities} == {4, 5}
    assert all(c.slug.startswith(SLUG_PREFIX) for c in companies)
    assert len({c.slug for c in companies}) == 10
    assert all(c.parent_rank is None or c.parent_rank < c.rank for c in companies)
    assert Counter(f.company_rank for f in facilities) == {
        c.rank: c.facilities for c in companies if c.facilities
    }
    names = [(f.company_rank, f.place, f.name, f.kind) for f in facilities]
    assert len(set(names)) == len(names)  # Facility's unique constraint holds


def test_companies_form_families_around_the_biggest():
    companies, _ = plan_records(companies=400, facilities=4000, events=17_000, seed=1)
    children = Counter(c.parent_rank for c in companies if c.parent_rank is not None)
    assert 80 < sum(children.values()) < 160  # about 30% are subsidiaries
    assert children.most_common(1)[0][0] == 1  # the biggest company has the most


def test_a_facility_life_is_in_order_announced_by_the_end_and_sold_only_last():
    import random

    rng = random.Random(5)
    for _ in range(500):
        events = plan_events(rng, rng.choice([1, 4, 5, 8]), start=D(2006, 12, 31), until=UNTIL)
        dates = [e.announced for e in events]
        assert dates == sorted(dates)
        assert all(e.announced <= UNTIL for e in events)
        assert all(e.effective is None or e.effective > e.announced for e in events)
        assert all(e.date <= UNTIL for e in events[:-1])  # only the last may still be pending
        assert all(e.type != "sold" for e in events[:-1])
        for earlier, later in zip(events, events[1:], strict=False):
            assert later.announced >= earlier.date


def test_places_are_real_gazetteer_towns_with_iso_regions():
    places = gazetteer_places()
    assert len(places) > 20_000
    assert len({(p.locality, p.region, p.country) for p in places}) == len(places)
    us = [p for p in places if p.country == "US"]
    assert us and all(p.region.startswith("US-") for p in us)
    assert all(p.geonames_id and -90 <= p.latitude <= 90 for p in places[:1000])
    assert places == gazetteer_places()


@pytest.mark.django_db
def test_generate_writes_the_plan_with_spans_from_the_status_service():
    result = synthetic_generate(
        companies=6, facilities=90, events=400, seed=2, until=UNTIL, chunk_size=40, places=PLACES
    )
    assert (result.companies, result.facilities, result.events) == (6, 90, 400)
    assert Company.objects.filter(slug__startswith=SLUG_PREFIX).count() == 6
    assert Facility.objects.count() == 90 and Event.objects.count() == 400
    assert Location.objects.count() == result.locations <= len(PLACES)
    assert Release.objects.count() == result.releases
    assert StatusSpan.objects.count() == result.spans > 0
    assert not Event.objects.filter(announced_date__gt=UNTIL).exists()
    for event in Event.objects.select_related("release")[:50]:
        assert event.announced_date == event.release.published
        assert event.evidence in event.release.body
    for facility in Facility.objects.all():
        assert_spans_agree(facility)
    assert set(result.seconds) >= {"plan", "facilities", "releases and events", "status spans"}


@pytest.mark.django_db
def test_generate_refuses_a_database_that_already_has_synthetic_data():
    synthetic_generate(companies=2, facilities=5, events=20, seed=1, until=UNTIL, places=PLACES)
    with pytest.raises(SyntheticDataExists):
        synthetic_generate(companies=2, facilities=5, events=20, seed=1, until=UNTIL, places=PLACES)
