"""Presenters: turn prefetched records into what the analyst pages display.

Pure Python over objects the page's queryset method already loaded; nothing here queries
the database. A facility's status on the page's date is its status span on that date, which
``FacilityQuerySet.on(day)`` joined to it (``facility.span``), so "today" and ``?as_of=`` views
read the same table and share one code path; a facility's history comes from
:func:`companies.status.history`. Neither is ever computed a second way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .importer import places
from .models.facility import FacilityStatus
from .status import CLOSED, IDLED, OPEN, PLANNED, SOLD, UNKNOWN, Status, history

# ---------------------------------------------------------------------------------------------
# Dates


def parse_as_of(value: str | None) -> tuple[date | None, str]:
    """Parse ``?as_of=YYYY-MM-DD``: ``(date, "")``, ``(None, "")`` when absent, or
    ``(None, message)`` when it is not a valid date."""
    value = (value or "").strip()
    if not value:
        return None, ""
    try:
        return date.fromisoformat(value), ""
    except ValueError:
        return None, f"“{value}” is not a date in the form YYYY-MM-DD; showing today’s footprint instead."


# ---------------------------------------------------------------------------------------------
# Places


def country_name(code: str) -> str:
    """``US`` -> ``United States``; unknown codes are returned as given.

    The display name is the importer's (``companies.importer.places``), so pages and
    proposals name places alike; importing it does not load the gazetteer."""
    return (places.country_name(code.upper()) or code) if code else ""


def region_name(code: str) -> str:
    """``US-CT`` -> ``Connecticut``; unknown codes are returned as given."""
    return (places.region_name(code.upper()) or code) if code else ""


def place_options(
    pairs: Iterable[tuple[str, str]],
) -> tuple[list[tuple[str, str]], list[tuple[str, list[tuple[str, str]]]]]:
    """Countries, and regions grouped by country, from ``(country, region)`` pairs
    (``FacilityQuerySet.place_options``), for the explorer's and events page's filters."""
    countries: dict[str, str] = {}
    regions: dict[str, list[tuple[str, str]]] = {}
    for country, region in pairs:
        if country:
            countries[country] = country_name(country)
        if region:
            regions.setdefault(country, []).append((region, f"{region_name(region)} ({region})"))
    country_list = sorted(countries.items(), key=lambda c: c[1])
    region_groups = [
        (country_name(code) or "Other", sorted(items, key=lambda r: r[1]))
        for code, items in sorted(regions.items(), key=lambda kv: country_name(kv[0]))
    ]
    return country_list, region_groups


# ---------------------------------------------------------------------------------------------
# Company page: facilities grouped by status on a date

GROUP_ORDER = (OPEN, IDLED, CLOSED, SOLD, PLANNED, UNKNOWN)
# Labels come from the one status vocabulary, the model's choices.
GROUP_TITLES = {status: FacilityStatus(status).label for status in GROUP_ORDER}
ACTIVE = (OPEN, IDLED, PLANNED, UNKNOWN)
"""Statuses of facilities still in the company's footprint (compared with claims)."""

NOT_IN_FOOTPRINT = Status(None)


def span_status(facility) -> Status:
    """The facility's status on the date its queryset was read for (``FacilityQuerySet.on``
    with ``with_span``): its span as a ``Status``, or ``Status(None)`` when it had no span then
    (not in any footprint)."""
    span = getattr(facility, "span", None)
    return span.as_status() if span is not None else NOT_IN_FOOTPRINT


@dataclass(frozen=True)
class FacilityRow:
    """A facility with its status on the page's date."""

    facility: object
    status: Status

    @property
    def release(self):
        """The release that set the status, if any."""
        event = self.status.event
        return event.release if event is not None and event.release_id else None

    @property
    def buyer(self):
        successor = self.facility.successor
        return successor.company if successor is not None else None


@dataclass
class StatusGroup:
    key: str
    title: str
    rows: list[FacilityRow] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class Footprint:
    """A company's facilities grouped by status on ``on``."""

    on: date
    groups: dict[str, StatusGroup]
    not_yet: list = field(default_factory=list)
    """Facilities not in the footprint on that date (opened or acquired later)."""

    def __getitem__(self, key: str) -> StatusGroup:
        return self.groups[key]

    @property
    def ordered_groups(self) -> list[StatusGroup]:
        return [self.groups[key] for key in GROUP_ORDER]

    @property
    def counts(self) -> dict[str, int]:
        return {key: len(group) for key, group in self.groups.items()}

    @property
    def active_rows(self) -> list[FacilityRow]:
        return [row for key in ACTIVE for row in self.groups[key].rows]

    @property
    def upcoming(self) -> list[FacilityRow]:
        return [row for group in self.ordered_groups for row in group.rows if row.status.pending_type]


def footprint_rows(facilities: Iterable) -> list[FacilityRow]:
    """The facilities in a footprint on their queryset's date, in the given order, each with
    its status (``span_status``), e.g. for ``/api/companies/<slug>/``."""
    rows = []
    for facility in facilities:
        status = span_status(facility)
        if status.in_footprint:
            rows.append(FacilityRow(facility, status))
    return rows


def group_facilities(facilities: Iterable, on: date) -> Footprint:
    """Group facilities by their status on ``on``.

    Each facility must carry its span on ``on`` (``FacilityQuerySet.for_company_page(on)``);
    those without one are listed as not yet in the footprint.
    """
    groups = {key: StatusGroup(key, GROUP_TITLES[key]) for key in GROUP_ORDER}
    not_yet = []
    for facility in facilities:
        result = span_status(facility)
        if result.status is None:
            not_yet.append(facility)
            continue
        groups[result.status].rows.append(FacilityRow(facility, result))
    return Footprint(on=on, groups=groups, not_yet=not_yet)


# ---------------------------------------------------------------------------------------------
# Company page: the footprint rolled up over subsidiaries


ROLLUP_KEYS = (OPEN, IDLED, CLOSED)


@dataclass(frozen=True)
class SubsidiaryRow:
    """A subsidiary (any depth) with its own facilities' counts per status on the page's date."""

    company: object
    depth: int
    parent: object
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Rollup:
    """A company's footprint with its subsidiaries' (``CompanyQuerySet.descendants``)."""

    own: Footprint
    subsidiaries: Footprint
    """The subsidiaries' facilities grouped by status, each row's facility with its company."""
    companies: list[SubsidiaryRow] = field(default_factory=list)
    own_facilities: list = field(default_factory=list)
    """The company's own facilities (for the map and chart)."""

    @property
    def own_counts(self) -> dict[str, int]:
        return self.own.counts

    @property
    def counts(self) -> dict[str, int]:
        """Counts per status for the company with all its subsidiaries."""
        return {key: len(self.own[key]) + len(self.subsidiaries[key]) for key in GROUP_ORDER}

    @property
    def subsidiary_rows(self) -> list[FacilityRow]:
        """The subsidiaries' facilities in the footprint, status group by group."""
        return [row for group in self.subsidiaries.ordered_groups for row in group.rows]


def roll_up(company, descendants: Sequence, facilities: Iterable, on: date) -> Rollup:
    """Split ``facilities`` (the company's and its descendants', with their spans on ``on`` and
    ``company`` loaded) into the company's own footprint and its subsidiaries', by status
    (``group_facilities``), and count each subsidiary's."""
    own, theirs = [], []
    for facility in facilities:
        (own if facility.company_id == company.pk else theirs).append(facility)
    subsidiaries = group_facilities(theirs, on)
    per_company: dict[int, dict[str, int]] = {c.pk: dict.fromkeys(GROUP_ORDER, 0) for c in descendants}
    for group in subsidiaries.ordered_groups:
        for row in group.rows:
            per_company.setdefault(row.facility.company_id, dict.fromkeys(GROUP_ORDER, 0))[group.key] += 1
    by_id = {company.pk: company, **{c.pk: c for c in descendants}}
    rows = [
        SubsidiaryRow(c, getattr(c, "depth", 1), by_id.get(c.parent_id), per_company[c.pk])
        for c in descendants
    ]
    return Rollup(
        own=group_facilities(own, on), subsidiaries=subsidiaries, companies=rows, own_facilities=own
    )


# ---------------------------------------------------------------------------------------------
# Company page: known facilities vs claimed


@dataclass(frozen=True)
class ClaimSummary:
    claim: object
    countries: list[str]
    known: int

    @property
    def country_names(self) -> list[str]:
        return [country_name(c) for c in self.countries]

    @property
    def is_other(self) -> bool:
        return self.claim.qualifier == "other"

    @property
    def label(self) -> str:
        """E.g. "19 facilities claimed (United States, Belgium, France, Italy)" or
        "13 other U.S. facilities claimed"."""
        count = self.claim.count
        noun = "facility" if count == 1 else "facilities"
        names = self.country_names
        if self.is_other:
            where = f"{_adjective(names)} " if len(names) == 1 else ""
            text = f"{count} other {where}{noun} claimed"
            if len(names) > 1:
                text += f" ({', '.join(names)})"
            return text
        remaining = "remaining " if self.claim.qualifier == "remaining" else ""
        text = f"{count} {remaining}{noun} claimed"
        if names:
            text += f" ({', '.join(names)})"
        return text


def _adjective(names: Sequence[str]) -> str:
    name = names[0]
    return {"United States": "U.S.", "United Kingdom": "U.K."}.get(name, name)


def latest_claims(claims: Iterable, footprint: Footprint) -> list[ClaimSummary]:
    """The latest release's claims, each with how many of its facilities we know.

    ``claims`` are the company's claims with their releases loaded; "known" counts facilities
    still in the footprint (open, idled, planned or without events) in the claim's countries.
    """
    claims = list(claims)
    if not claims:
        return []
    latest = max(claims, key=lambda c: (c.release.published or date.min, c.release_id))
    chosen = [c for c in claims if c.release_id == latest.release_id]
    chosen.sort(key=lambda c: (bool(c.qualifier), -c.count))
    active = footprint.active_rows
    summaries = []
    for claim in chosen:
        countries = [c.upper() for c in (claim.countries or [])]
        if countries:
            known = sum(1 for row in active if row.facility.location.country in countries)
        else:
            known = len(active)
        summaries.append(ClaimSummary(claim=claim, countries=countries, known=known))
    return summaries


# ---------------------------------------------------------------------------------------------
# Facility page


@dataclass(frozen=True)
class HistoryRow:
    event: object
    before: str | None
    after: str


def facility_history(events: Iterable) -> list[HistoryRow]:
    """``companies.status.history`` newest first, for the facility page."""
    rows = [HistoryRow(event, before, after) for event, before, after in history(events)]
    rows.reverse()
    return rows


def other_events(events: Iterable) -> list:
    """Proposed and rejected events, shown apart for transparency."""
    return [e for e in events if e.review_state != "accepted"]


def related_facility(facility, attr: str):
    """``facility.predecessor`` (a reverse one-to-one) or ``successor``, or None."""
    try:
        return getattr(facility, attr)
    except facility.__class__.DoesNotExist:
        return None
    except AttributeError:
        return None


# ---------------------------------------------------------------------------------------------
# Sortable table headers


def sort_toggle(key: str, current: str, *, descending_first: bool = False) -> tuple[str, str]:
    """A column header's ``aria-sort`` value and the ordering a click on it asks for.

    Clicking the sorted column reverses it; another column sorts ascending first (or
    descending first, for counts where the biggest matter most).
    """
    if current == key:
        return "ascending", f"-{key}"
    if current == f"-{key}":
        return "descending", key
    return "", f"-{key}" if descending_first else key
