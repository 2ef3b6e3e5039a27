"""Presenters: turn prefetched records into what the analyst pages display.

Pure Python over objects the page's queryset method already loaded; nothing here queries
the database. A facility's status on the page's date is its status span on that date, which
``FacilityQuerySet.on(day)`` joined to it (``facility.span``), so "today" and ``?as_of=`` views
read the same table and share one code path; a facility's history comes from
:func:`companies.status.history`. Neither is ever computed a second way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page
from django.http import QueryDict

from .importer import places
from .models.facility import FacilityStatus
from .paging import CountedPaginator, PageLinks, page_links
from .params import parse_day
from .status import CLOSED, IDLED, OPEN, PLANNED, SOLD, UNKNOWN, Status, history

# ---------------------------------------------------------------------------------------------
# Dates


def parse_as_of(value: str | None) -> tuple[date | None, str]:
    """Parse ``?as_of=YYYY-MM-DD``: ``(date, "")``, ``(None, "")`` when absent, or
    ``(None, message)`` when it is not a valid date."""
    day, error = parse_day(value)
    if error:
        return None, f"{error}; showing today’s footprint instead."
    return day, ""


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
    """One status's facilities on the company page: how many, and the page of them shown."""

    key: str
    title: str
    count: int = 0
    page: Page | None = None
    """The page of ``FacilityRow`` shown (None when the group is empty)."""
    links: PageLinks | None = None

    @property
    def rows(self) -> list[FacilityRow]:
        return list(self.page.object_list) if self.page is not None else []

    @property
    def param(self) -> str:
        """The query parameter that pages this group (``?open_page=2``)."""
        return f"{self.key}_page"

    def __len__(self) -> int:
        return self.count


@dataclass
class Footprint:
    """A company's facilities by status on ``on``: every count, and one page of each group."""

    on: date
    groups: dict[str, StatusGroup]
    not_yet: list = field(default_factory=list)
    """The first few facilities not in the footprint on that date (opened or acquired later)."""
    not_yet_more: bool = False
    """Whether more facilities than ``not_yet`` are not yet in the footprint."""

    def __getitem__(self, key: str) -> StatusGroup:
        return self.groups[key]

    @property
    def ordered_groups(self) -> list[StatusGroup]:
        return [self.groups[key] for key in GROUP_ORDER]

    @property
    def counts(self) -> dict[str, int]:
        return {key: group.count for key, group in self.groups.items()}

    @property
    def active_count(self) -> int:
        return sum(self.groups[key].count for key in ACTIVE)

    @property
    def upcoming(self) -> list[FacilityRow]:
        """The shown rows with an announced change pending."""
        return [row for group in self.ordered_groups for row in group.rows if row.status.pending_type]


def footprint_rows(facilities: Iterable) -> list[FacilityRow]:
    """The facilities in a footprint on their queryset's date, in the given order, each with
    its status (``span_status``)."""
    rows = []
    for facility in facilities:
        status = span_status(facility)
        if status.in_footprint:
            rows.append(FacilityRow(facility, status))
    return rows


def group_pages(counts: Mapping[str, int], per_page: int) -> dict[str, CountedPaginator]:
    """A paginator per status from its count."""
    return {key: CountedPaginator(counts.get(key, 0), per_page) for key in GROUP_ORDER}


def page_offsets(paginators: Mapping[str, CountedPaginator], numbers: Mapping[str, object]) -> dict[str, int]:
    """``{status: rows before the page shown}``, for slicing each group's place-ordered ids
    before ``FacilityQuerySet.status_page_rows``, for the groups with any facility."""
    return {
        key: paginator.offset(paginator.number(numbers.get(key)))
        for key, paginator in paginators.items()
        if paginator.count
    }


def footprint_of(
    on: date,
    paginators: Mapping[str, CountedPaginator],
    numbers: Mapping[str, object],
    facilities: Iterable,
    *,
    not_yet: Sequence = (),
    not_yet_more: bool = False,
    params: QueryDict | None = None,
) -> Footprint:
    """The company's ``Footprint``: each group's count from its paginator and its page of
    rows from ``facilities`` (``FacilityQuerySet.status_page_rows``: one page per status, each
    facility with its span on ``on``)."""
    by_status: dict[str, list[FacilityRow]] = {key: [] for key in GROUP_ORDER}
    for facility in facilities:
        status = span_status(facility)
        if status.status in by_status:
            by_status[status.status].append(FacilityRow(facility, status))
    groups = {}
    for key in GROUP_ORDER:
        paginator = paginators[key]
        group = StatusGroup(key, GROUP_TITLES[key], paginator.count)
        if paginator.count:
            group.page = paginator.page_for(paginator.number(numbers.get(key)), by_status[key])
            group.links = page_links(
                params if params is not None else QueryDict(),
                group.page,
                param=group.param,
                label=f"{group.title} facilities pages",
                fragment=f"group-{key}",
            )
        groups[key] = group
    return Footprint(on=on, groups=groups, not_yet=list(not_yet), not_yet_more=not_yet_more)


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
    """A company's counts per status with its subsidiaries' (``CompanyQuerySet.descendants``),
    from ``StatusSpanQuerySet.footprint_counts``."""

    own_counts: dict[str, int]
    companies: list[SubsidiaryRow] = field(default_factory=list)
    subsidiary_counts: dict[str, int] = field(default_factory=dict)
    """Per status, the subsidiaries' facilities together."""

    @property
    def counts(self) -> dict[str, int]:
        """Counts per status for the company with all its subsidiaries."""
        return {key: self.own_counts.get(key, 0) + self.subsidiary_counts.get(key, 0) for key in GROUP_ORDER}

    @property
    def subsidiary_total(self) -> int:
        return sum(self.subsidiary_counts.values())


@dataclass(frozen=True)
class StatusTab:
    key: str
    title: str
    count: int
    url: str
    selected: bool


@dataclass
class SubsidiaryList:
    """The subsidiaries' facilities of one status, a page at a time, with a tab per status."""

    status: str
    tabs: list[StatusTab]
    page: Page
    links: PageLinks

    @property
    def rows(self) -> list[FacilityRow]:
        return list(self.page.object_list)

    @classmethod
    def build(cls, params: QueryDict, status: str, counts: Mapping[str, int], page: Page) -> SubsidiaryList:
        tabs = []
        for key in GROUP_ORDER:
            if not counts.get(key) and key not in ROLLUP_KEYS:
                continue
            query = params.copy()
            query.pop("sub_page", None)
            query["sub_status"] = key
            url = f"?{query.urlencode()}#subsidiary-facilities-heading"
            tabs.append(StatusTab(key, GROUP_TITLES[key], counts.get(key, 0), url, key == status))
        links = page_links(
            params,
            page,
            param="sub_page",
            label="Subsidiaries' facilities pages",
            fragment="subsidiary-facilities-heading",
        )
        return cls(status, tabs, page, links)


def roll_up(company, descendants: Sequence, counts: Iterable[Mapping]) -> Rollup:
    """Counts per status of ``company`` and of each of its ``descendants``, and of all the
    descendants together, from ``{"company_id", "status", "n"}`` rows (``footprint_counts``)."""
    per_company: dict[int, dict[str, int]] = {
        pk: dict.fromkeys(GROUP_ORDER, 0) for pk in (company.pk, *(c.pk for c in descendants))
    }
    for row in counts:
        if row["status"] in GROUP_TITLES and row["company_id"] in per_company:
            per_company[row["company_id"]][row["status"]] += row["n"]
    by_id = {company.pk: company, **{c.pk: c for c in descendants}}
    rows = [
        SubsidiaryRow(c, getattr(c, "depth", 1), by_id.get(c.parent_id), per_company[c.pk])
        for c in descendants
    ]
    together = dict.fromkeys(GROUP_ORDER, 0)
    for row in rows:
        for key, n in row.counts.items():
            together[key] += n
    return Rollup(own_counts=per_company[company.pk], companies=rows, subsidiary_counts=together)


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


def latest_claims(claims: Iterable, active_by_country: Mapping[str, int]) -> list[ClaimSummary]:
    """The latest release's claims, each with how many of its facilities we know.

    ``claims`` are the claims of the company's latest release that makes any, with that
    release loaded (``CompanyQuerySet.for_page``); ``active_by_country`` counts the facilities
    still in the footprint (open, idled, planned or unknown) per country
    (``FacilityQuerySet.country_counts``).
    """
    claims = list(claims)
    if not claims:
        return []
    latest = max(claims, key=lambda c: (c.release.published or date.min, c.release_id))
    chosen = [c for c in claims if c.release_id == latest.release_id]
    chosen.sort(key=lambda c: (bool(c.qualifier), -c.count))
    summaries = []
    for claim in chosen:
        countries = [c.upper() for c in (claim.countries or [])]
        if countries:
            known = sum(active_by_country.get(country, 0) for country in countries)
        else:
            known = sum(active_by_country.values())
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
