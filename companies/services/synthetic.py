"""Synthetic data at scale, for benchmarks: ``synthetic_generate`` (``manage.py generate_synthetic``).

The shape of a research team's Footprint: company sizes spread as Zipf (a few conglomerates with
thousands of sites, a long tail of one-plant firms), company families (subsidiaries attach to
bigger companies, the biggest collecting the most), and four to five events per facility over
twenty years that follow a plant's life (opened, expanded, idled, reopened, closed, sold last),
some announced months ahead, a few still pending, a few proposed or rejected. Facilities stand on
real places from the importer's offline GeoNames gazetteer (towns of 15,000 people and more,
with their ISO 3166-2 regions where they map), about half in the United States.

Two steps, kept apart so the first can be tested without a database:

* :func:`synthetic_plan` — a pure, deterministic function of its arguments (one
  ``random.Random(seed)``): the companies, then the facilities company by company with their
  events, as plain dataclasses, streamed so 200,000 facilities never sit in memory at once.
* :func:`synthetic_generate` — writes a plan with ``bulk_create`` in chunks, one transaction
  each: facilities, one release per company and week of announcements, the events, and then the
  status spans through the one status service (``facilities_refresh``), as any other write does.
"""

from __future__ import annotations

import math
import random
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from django.db import connection, reset_queries, transaction
from django.utils.text import slugify

from ..models import Company, Event, Facility, FacilityKind, Location, Release, ReviewState, StatusSpan
from ..models.release import content_hash, words_hash
from .facilities import facilities_refresh

SLUG_PREFIX = "synthetic-"
"""Every generated company's slug starts with this, so a database holding them is recognised."""

DEFAULT_UNTIL = date(2026, 12, 31)
"""The last day announcements are made on, by default (a fixed date keeps runs identical)."""

YEARS = 20
MIN_POPULATION = 15_000
US_SHARE = 0.55
SUBSIDIARY_SHARE = 0.3
AHEAD_SHARE = 0.15
"""Events announced ahead of their effective date (30 to 270 days)."""
REVIEW_WEIGHTS = ((ReviewState.ACCEPTED, 92), (ReviewState.PROPOSED, 5), (ReviewState.REJECTED, 3))
KIND_WEIGHTS = (
    (FacilityKind.PLANT, 60),
    (FacilityKind.MILL, 10),
    (FacilityKind.WAREHOUSE, 10),
    (FacilityKind.DISTRIBUTION_CENTER, 10),
    (FacilityKind.OFFICE, 5),
    (FacilityKind.MINE, 5),
)
# A plant's life: the first event, then what may follow each status in mid-life, and what may
# end it (a closure mostly ends a life; a sale always does).
FIRST = (("opened", 55), ("expanded", 15), ("idled", 15), ("closed", 10), ("reopened", 5))
NEXT = {
    "open": (("idled", 40), ("expanded", 45), ("closed", 15)),
    "idled": (("reopened", 75), ("closed", 25)),
    "closed": (("reopened", 100),),
}
LAST = {
    "open": (("closed", 45), ("idled", 25), ("expanded", 20), ("sold", 10)),
    "idled": (("closed", 50), ("reopened", 40), ("sold", 10)),
    "closed": (("reopened", 70), ("sold", 30)),
}
AFTER = {
    "opened": "open",
    "expanded": "open",
    "reopened": "open",
    "acquired": "open",
    "idled": "idled",
    "closed": "closed",
}

NAME_FIRST = (
    "Northern", "Atlas", "Summit", "Pioneer", "Keystone", "Harbor", "Granite", "Meridian", "Cascade",
    "Liberty", "Sterling", "Frontier", "Heritage", "Coastal", "Prairie", "Allied", "United", "Western",
    "Eastern", "Central", "Pacific", "Union", "Vanguard", "Beacon", "Ironwood", "Redstone", "Bluewater",
)  # fmt: skip
NAME_SECOND = (
    "Steel", "Paper", "Foods", "Wire", "Plastics", "Chemicals", "Textiles", "Glass", "Motors",
    "Packaging", "Metals", "Components", "Mills", "Materials", "Brands", "Industries", "Fibers",
    "Castings", "Bakeries", "Pharma", "Electronics", "Lumber", "Minerals", "Dairy", "Logistics",
)  # fmt: skip
NAME_SUFFIX = ("Inc.", "Corp.", "Group", "Holdings", "Co.", "Ltd.", "plc", "AG", "S.A.")
VERBS = {
    "opened": "opened",
    "expanded": "expanded",
    "idled": "is idling",
    "reopened": "reopened",
    "closed": "will close",
    "sold": "sold",
}


# ---------------------------------------------------------------------------------------------
# The plan: plain records, no database


@dataclass(frozen=True)
class Place:
    """A gazetteer town: what a ``Location`` row needs."""

    locality: str
    region: str
    country: str
    latitude: float
    longitude: float
    geonames_id: int


@dataclass(frozen=True)
class PlannedCompany:
    rank: int
    """1 for the biggest."""
    name: str
    slug: str
    facilities: int
    parent_rank: int | None
    home_country: str


@dataclass(frozen=True)
class PlannedEvent:
    type: str
    announced: date
    effective: date | None
    review_state: str

    @property
    def date(self) -> date:
        return self.effective or self.announced


@dataclass(frozen=True)
class PlannedFacility:
    company_rank: int
    place: int
    """Index into the plan's places."""
    name: str
    kind: str
    events: tuple[PlannedEvent, ...]


@dataclass
class Plan:
    """What :func:`synthetic_plan` returns: companies and places now, facilities as they come."""

    places: list[Place]
    companies: list[PlannedCompany]
    facilities: Iterator[PlannedFacility]
    until: date
    events: int


def zipf_sizes(total: int, count: int, exponent: float) -> list[int]:
    """``total`` split over ``count`` ranks in proportion to ``1 / rank ** exponent`` (largest
    remainders rounded up, so the sizes add up to ``total`` exactly)."""
    if count <= 0:
        return []
    weights = [1 / (rank**exponent) for rank in range(1, count + 1)]
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    sizes = [math.floor(x) for x in exact]
    by_remainder = sorted(range(count), key=lambda i: (-(exact[i] - sizes[i]), i))
    for i in by_remainder[: total - sum(sizes)]:
        sizes[i] += 1
    return sizes


def spread(total: int, count: int, index: int) -> int:
    """The ``index``-th of ``count`` near-equal whole shares of ``total`` (they add up to it)."""
    return (total * (index + 1)) // count - (total * index) // count


def gazetteer_places(*, min_population: int = MIN_POPULATION) -> list[Place]:
    """Real towns from the importer's offline gazetteer, in a fixed order (country, name, id),
    one per locality, region and country."""
    from ..importer.gazetteer import get_gazetteer
    from ..importer.places import city_region

    gazetteer = get_gazetteer()
    seen: set[tuple[str, str, str]] = set()
    places = []
    cities = (gazetteer.city(i) for i in range(len(gazetteer)))
    for city in sorted(
        (c for c in cities if c.population >= min_population and c.name),
        key=lambda c: (c.country, c.name, c.geonames_id),
    ):
        region = city_region(city) or ""
        key = (city.name, region, city.country)
        if key in seen:
            continue
        seen.add(key)
        places.append(Place(city.name, region, city.country, city.lat, city.lon, city.geonames_id))
    return places


def _choose(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def plan_companies(
    rng: random.Random, *, companies: int, facilities: int, exponent: float, countries: Sequence[str]
) -> list[PlannedCompany]:
    """Companies by rank with Zipf facility counts; about ``SUBSIDIARY_SHARE`` of them belong
    to a bigger company, chosen in proportion to ``1 / rank ** 1.5`` (the biggest collect most).
    A company's home country is the United States for ``US_SHARE`` of them, else one of
    ``countries`` (given once per town, so big countries come up more often)."""
    sizes = zipf_sizes(facilities, companies, exponent)
    cumulative = list(accumulate(1 / (rank**1.5) for rank in range(1, companies + 1)))
    planned = []
    for rank, size in enumerate(sizes, start=1):
        name = f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)} {rng.choice(NAME_SUFFIX)}"
        parent = None
        if rank > 1 and rng.random() < SUBSIDIARY_SHARE:
            parent = bisect_right(cumulative, rng.random() * cumulative[rank - 2]) + 1
            parent = min(parent, rank - 1)
        home = "US" if rng.random() < US_SHARE else rng.choice(countries)  # weighted by towns
        planned.append(
            PlannedCompany(
                rank=rank,
                name=f"{name} ({rank})",
                slug=f"{SLUG_PREFIX}{rank}-{slugify(name)}",
                facilities=size,
                parent_rank=parent,
                home_country=home,
            )
        )
    return planned


def plan_events(rng: random.Random, count: int, *, start: date, until: date) -> tuple[PlannedEvent, ...]:
    """``count`` events of one facility's life from ``start`` on, in order, all announced by
    ``until``. Only the last may take effect after ``until`` (an announced change still pending)."""
    events = []
    day = start + timedelta(days=rng.randrange(max((until - start).days // 3, 1)))
    gap = max((until - day).days // max(count, 1), 2)
    status = None
    for n in range(count):
        last = n == count - 1
        kind = _choose(rng, FIRST if status is None else (LAST if last else NEXT)[status])
        effective = None
        if rng.random() < AHEAD_SHARE:
            later = day + timedelta(days=rng.randrange(30, 271))
            effective = later if last or later <= until else None
        events.append(PlannedEvent(kind, day, effective, _choose(rng, REVIEW_WEIGHTS)))
        status = AFTER.get(kind, status)
        current = effective or day
        day = max(min(current + timedelta(days=rng.randrange(1, 2 * gap)), until), current)
    return tuple(events)


def synthetic_plan(
    *,
    companies: int,
    facilities: int,
    events: int,
    seed: int,
    until: date = DEFAULT_UNTIL,
    exponent: float = 0.95,
    places: list[Place] | None = None,
) -> Plan:
    """The whole data set as plain records: deterministic for the same arguments."""
    rng = random.Random(seed)
    places = places if places is not None else gazetteer_places()
    by_country: dict[str, list[int]] = {}
    for index, place in enumerate(places):
        by_country.setdefault(place.country, []).append(index)
    countries = [place.country for place in places]  # a country as often as it has towns
    planned = plan_companies(
        rng, companies=companies, facilities=facilities, exponent=exponent, countries=countries
    )
    start = until - timedelta(days=365 * YEARS)

    def facilities_of_all() -> Iterator[PlannedFacility]:
        serial = 0
        everywhere = range(len(places))
        for company in planned:
            names: set[tuple[int, str, str]] = set()
            home = by_country.get(company.home_country) or everywhere
            for _ in range(company.facilities):
                pool = home if rng.random() < 0.7 else everywhere
                place = pool[rng.randrange(len(pool))]
                kind = _choose(rng, KIND_WEIGHTS)
                name = f"{places[place].locality} {FacilityKind(kind).label.lower()}"
                number = 1
                while (place, name if number == 1 else f"{name} {number}", kind) in names:
                    number += 1
                name = name if number == 1 else f"{name} {number}"
                names.add((place, name, kind))
                count = max(spread(events, facilities, serial), 1) if facilities else 0
                serial += 1
                yield PlannedFacility(
                    company.rank, place, name, kind, plan_events(rng, count, start=start, until=until)
                )

    return Plan(places=places, companies=planned, facilities=facilities_of_all(), until=until, events=events)


# ---------------------------------------------------------------------------------------------
# Writing it


@dataclass
class SyntheticResult:
    """What :func:`synthetic_generate` wrote, and how long each step took (seconds)."""

    companies: int = 0
    locations: int = 0
    facilities: int = 0
    releases: int = 0
    events: int = 0
    spans: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


class SyntheticDataExists(Exception):
    """The database already holds generated companies (``SLUG_PREFIX``)."""


def _timed(result: SyntheticResult, step: str, start: float) -> float:
    now = time.perf_counter()
    result.seconds[step] = result.seconds.get(step, 0.0) + now - start
    return now


def synthetic_generate(
    *,
    companies: int,
    facilities: int,
    events: int,
    seed: int,
    until: date = DEFAULT_UNTIL,
    chunk_size: int = 5000,
    progress: Callable[[str], None] | None = None,
    places: list[Place] | None = None,
) -> SyntheticResult:
    """Write :func:`synthetic_plan` to the database with ``bulk_create``, chunk by chunk (one
    transaction each), then each chunk's status spans with ``facilities_refresh``.

    Refuses (``SyntheticDataExists``) when generated companies are already there: run it on a
    fresh database.
    """
    if Company.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        raise SyntheticDataExists(
            "this database already holds synthetic companies; generate into a fresh database"
        )
    say = progress or (lambda message: None)
    result = SyntheticResult()
    clock = time.perf_counter()
    plan = synthetic_plan(
        companies=companies, facilities=facilities, events=events, seed=seed, until=until, places=places
    )
    clock = _timed(result, "plan", clock)

    with transaction.atomic():
        rows = Company.objects.bulk_create(
            Company(name=c.name, slug=c.slug, legal_name=c.name, industry="Synthetic") for c in plan.companies
        )
        company_by_rank = {c.rank: row for c, row in zip(plan.companies, rows, strict=True)}
        children = []
        for planned in plan.companies:
            if planned.parent_rank is not None:
                child = company_by_rank[planned.rank]
                child.parent_id = company_by_rank[planned.parent_rank].pk
                children.append(child)
        Company.objects.bulk_update(children, ["parent"], batch_size=1000)
        result.companies = len(rows)
    clock = _timed(result, "companies", clock)
    say(f"companies: {result.companies} ({len(children)} subsidiaries)")

    location_ids: dict[int, int] = {}
    chunk: list[PlannedFacility] = []
    for planned in plan.facilities:
        chunk.append(planned)
        if len(chunk) >= chunk_size:
            clock = _write_chunk(chunk, plan, company_by_rank, location_ids, result, clock)
            say(f"facilities: {result.facilities}, events: {result.events}, spans: {result.spans}")
            chunk = []
    if chunk:
        clock = _write_chunk(chunk, plan, company_by_rank, location_ids, result, clock)
        say(f"facilities: {result.facilities}, events: {result.events}, spans: {result.spans}")
    result.locations = len(location_ids)
    _analyze()
    return result


GENERATED_TABLES = (
    "companies_company",
    "companies_location",
    "companies_facility",
    "companies_release",
    "companies_event",
    "companies_statusspan",
)


def _analyze() -> None:
    """On PostgreSQL, give the planner statistics for the tables just filled (and, outside a
    transaction, the visibility map index-only scans need): autovacuum would in a while, or
    never where it is off, and until then the pages are planned as if the tables were empty."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in GENERATED_TABLES:
            cursor.execute(f"{command} {table}")


def _write_chunk(chunk, plan: Plan, company_by_rank, location_ids, result: SyntheticResult, clock: float):
    with transaction.atomic():
        new_places = sorted({f.place for f in chunk} - location_ids.keys())
        if new_places:
            rows = Location.objects.bulk_create(
                Location(
                    locality=plan.places[i].locality,
                    region=plan.places[i].region,
                    country=plan.places[i].country,
                    latitude=plan.places[i].latitude,
                    longitude=plan.places[i].longitude,
                    geonames_id=plan.places[i].geonames_id,
                )
                for i in new_places
            )
            location_ids.update((i, row.pk) for i, row in zip(new_places, rows, strict=True))
        sites = Facility.objects.bulk_create(
            Facility(
                company_id=company_by_rank[f.company_rank].pk,
                location_id=location_ids[f.place],
                name=f.name,
                kind=f.kind,
            )
            for f in chunk
        )
        result.facilities += len(sites)
        clock = _timed(result, "facilities", clock)

        # One release per company and week of announcements, naming every site it announces (a
        # second one that week when a site has two events of one type, which a release cannot).
        groups: dict[tuple[int, int, int], list[tuple[PlannedFacility, Facility, PlannedEvent]]] = {}
        seen: set[tuple[int, int, int, int, str]] = set()
        for planned, site in zip(chunk, sites, strict=True):
            for event in planned.events:
                week, extra = event.announced.toordinal() // 7, 0
                while (planned.company_rank, week, extra, site.pk, event.type) in seen:
                    extra += 1
                seen.add((planned.company_rank, week, extra, site.pk, event.type))
                groups.setdefault((planned.company_rank, week, extra), []).append((planned, site, event))
        keys = sorted(groups)
        releases = Release.objects.bulk_create(
            _release(company_by_rank[key[0]], groups[key], part=key[2]) for key in keys
        )
        result.releases += len(releases)
        rows = []
        for key, release in zip(keys, releases, strict=True):
            for planned, site, event in groups[key]:
                rows.append(
                    Event(
                        facility_id=site.pk,
                        type=event.type,
                        announced_date=release.published,
                        effective_date=event.effective,
                        release_id=release.pk,
                        evidence=_sentence(company_by_rank[planned.company_rank], site, event),
                        confidence=0.95,
                        review_state=event.review_state,
                        note="synthetic",
                    )
                )
        Event.objects.bulk_create(rows, batch_size=2000)
        result.events += len(rows)
        clock = _timed(result, "releases and events", clock)

        ids = [site.pk for site in sites]
        facilities_refresh(facility_ids=ids)
        result.spans += StatusSpan.objects.filter(facility_id__in=ids).count()
        clock = _timed(result, "status spans", clock)
    reset_queries()  # with DEBUG on, Django keeps every query's SQL: the bulk inserts are large
    return clock


def _day(value: date) -> str:
    return f"{value:%B} {value.day}, {value.year}"


def _sentence(company, site: Facility, event: PlannedEvent) -> str:
    """The evidence sentence: "Atlas Steel Inc. (4) will close its Akron plant by June 30, 2027."."""
    when = ""
    if event.effective:
        when = f" by {_day(event.effective)}" if event.type == "closed" else f" from {_day(event.effective)}"
    return f"{company.name} {VERBS[event.type]} its {site.name}{when}."


def _release(company, items, *, part: int) -> Release:
    published = min(event.announced for _, _, event in items)
    sentences = " ".join(_sentence(company, site, event) for _, site, event in items)
    plural = "s" if len(items) != 1 else ""
    body = (
        f"{company.name} today announced changes at its sites. {sentences} "
        f"(Synthetic release of {company.slug}, {published.isoformat()}, part {part + 1}.)"
    )
    return Release(
        company=company,
        headline=f"{company.name} announces changes at {len(items)} site{plural}",
        body=body,
        content_hash=content_hash(body),
        words_hash=words_hash(body),
        published=published,
        wire="Synthetic Wire",
        source_name="generate_synthetic",
        import_state="reviewed",
    )
