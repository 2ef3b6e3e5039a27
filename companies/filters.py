"""What the explorer, the events page, their exports and the JSON API filter by.

One ``FilterSet`` per list (``FacilityFilter``, ``EventFilter``), shared by the HTML pages,
the CSV/JSON/GeoJSON exports and ``/api/``, so a filter means the same thing everywhere.

``FacilitySelection`` applies ``FacilityFilter`` to the facilities joined to their status span
on the page's date (today, or ``as_of``: ``FacilityQuerySet.on``), so the status filter,
sorting, paging and facet counts are SQL for any date alike, and only facilities in a footprint
on that date are listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import django_filters
import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.db.models import Count, F, Q
from django.http import QueryDict
from django.utils import timezone

from .models import Company, Event, EventType, Facility, FacilityKind, FacilityStatus
from .paging import CountedPaginator, remember, selection_key
from .presenters import GROUP_ORDER, FacilityRow, country_name, region_name, span_status
from .querysets import EVENT_DATE

# The status vocabulary is the model's choices; the order is the pages' (open first).
STATUS_LABELS = {status: FacilityStatus(status).label for status in GROUP_ORDER}
STATUS_CHOICES = list(STATUS_LABELS.items())
COUNTRY_CHOICES = sorted(
    ((c.alpha_2, country_name(c.alpha_2)) for c in pycountry.countries), key=lambda c: c[1]
)
REGION_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
# Columns no row of ``iter_rows`` uses; not loading them makes a long iteration cheaper.
UNUSED_ROW_FIELDS = (
    "products",
    "created_at",
    "company__legal_name",
    "company__aliases",
    "company__description",
    "company__markets",
    "company__products",
    "company__industry",
    "company__website",
    "company__created_at",
    "company__updated_at",
    "location__geonames_id",
)

FACILITY_ORDERING = (
    ("company__name", "company"),
    ("name", "facility"),
    ("location__locality", "locality"),
    ("location__region", "region"),
    ("location__country", "country"),
    ("span__status", "status"),
    ("span__since", "since"),
)


def validate_region(value: str) -> None:
    if value and not REGION_CODE.match(value):
        raise ValidationError("Use an ISO 3166-2 code such as US-CT.")


def normalise_params(data) -> QueryDict:
    """A mutable copy of the query parameters with place codes upper-cased and empty values
    of multi-valued filters dropped (``?country=us`` means ``US``)."""
    params = QueryDict(mutable=True)
    for key in data or {}:
        if hasattr(data, "getlist"):
            values = data.getlist(key)
        else:
            values = data[key] if isinstance(data[key], list | tuple) else [data[key]]
        values = [str(v).strip() for v in values]
        if key in ("country", "region"):
            values = [v.upper() for v in values]
        if key in ("status", "country", "type"):
            values = [v for v in values if v]
        params.setlist(key, values)
    return params


class StableOrderingFilter(django_filters.OrderingFilter):
    """``OrderingFilter`` with the primary key as the last tie-breaker, so pages never overlap,
    and blanks (no known "since") first going up and last going down on every database."""

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            if not param:
                continue
            name = self.get_ordering_value(param)
            field = F(name.lstrip("-"))
            ordering.append(
                field.desc(nulls_last=True) if name.startswith("-") else field.asc(nulls_first=True)
            )
        return qs.order_by(*ordering, "pk")


class FacilityFilter(django_filters.FilterSet):
    """The explorer's filters (also ``/api/facilities/`` and the facility exports).

    The queryset must carry each facility's span on the page's date (``FacilityQuerySet.on``):
    the status filter and the status and since orderings read it.
    """

    q = django_filters.CharFilter(method="filter_q", label="Search facility, company or locality")
    status = django_filters.MultipleChoiceFilter(
        choices=STATUS_CHOICES, method="filter_status", widget=forms.CheckboxSelectMultiple, label="Status"
    )
    company = django_filters.CharFilter(field_name="company__slug", label="Company")
    parent = django_filters.CharFilter(method="filter_parent", label="Parent company (includes subsidiaries)")
    # distinct=False: a facility has one place, so the filter cannot repeat rows, and django-
    # filter's default SELECT DISTINCT over whole rows cost more than the rest of the page.
    country = django_filters.MultipleChoiceFilter(
        field_name="location__country", choices=COUNTRY_CHOICES, label="Country", distinct=False
    )
    region = django_filters.CharFilter(
        field_name="location__region", validators=[validate_region], label="Region (ISO 3166-2)"
    )
    kind = django_filters.ChoiceFilter(choices=FacilityKind.choices, label="Kind")
    event_type = django_filters.ChoiceFilter(
        choices=EventType.choices, method="filter_events", label="Had an event of type"
    )
    changed_after = django_filters.DateFilter(method="filter_events", label="Changed on or after")
    changed_before = django_filters.DateFilter(method="filter_events", label="Changed on or before")
    ordering = StableOrderingFilter(fields=FACILITY_ORDERING, label="Sort by")

    class Meta:
        model = Facility
        fields: list[str] = []

    def __init__(self, data=None, *args, family_cache: dict | None = None, **kwargs):
        self.family_cache = family_cache if family_cache is not None else {}
        super().__init__(normalise_params(data) if data is not None else None, *args, **kwargs)

    @property
    def cleaned_data(self) -> dict:
        self.errors  # noqa: B018 - validates the form
        return getattr(self.form, "cleaned_data", {})

    def filter_q(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(
                Q(name__icontains=term)
                | Q(company__name__icontains=term)
                | Q(location__locality__icontains=term)
            )
        return queryset

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(span__status__in=value)

    def filter_parent(self, queryset, name, value):
        if value not in self.family_cache:
            self.family_cache[value] = Company.objects.family_ids(value)
        return queryset.filter(company_id__in=self.family_cache[value])

    def filter_events(self, queryset, name, value):
        # event_type, changed_after and changed_before are applied together in
        # filter_queryset, so "idled between X and Y" means one event that is both.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.cleaned_data
        event_type, after, before = (
            data.get("event_type"),
            data.get("changed_after"),
            data.get("changed_before"),
        )
        if not (event_type or after or before):
            return queryset
        # One pass over the matching events (IN a subquery, a semi-join to the planner), not a
        # correlated EXISTS per facility: with a date range that EXISTS made SQLite scan a
        # facility's events once per facility listed, minutes at 50,000 facilities.
        events = Event.objects.accepted().alias(on=EVENT_DATE)
        if event_type:
            events = events.filter(type=event_type)
        if after:
            events = events.filter(on__gte=after)
        if before:
            events = events.filter(on__lte=before)
        return queryset.filter(pk__in=events.values("facility_id"))


class EventFilter(django_filters.FilterSet):
    """The events page's filters (also ``/api/events/`` and the event exports)."""

    type = django_filters.MultipleChoiceFilter(
        choices=EventType.choices, widget=forms.CheckboxSelectMultiple, label="Type", distinct=False
    )
    date_after = django_filters.DateFilter(method="filter_date_after", label="On or after")
    date_before = django_filters.DateFilter(method="filter_date_before", label="On or before")
    company = django_filters.CharFilter(field_name="facility__company__slug", label="Company")
    country = django_filters.MultipleChoiceFilter(
        field_name="facility__location__country", choices=COUNTRY_CHOICES, label="Country", distinct=False
    )
    region = django_filters.CharFilter(
        field_name="facility__location__region", validators=[validate_region], label="Region (ISO 3166-2)"
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(normalise_params(data) if data is not None else None, *args, **kwargs)

    def filter_date_after(self, queryset, name, value):
        """The event's date (effective where stated, else announced) is on or after ``value``."""
        return queryset.alias(filter_on=EVENT_DATE).filter(filter_on__gte=value)

    def filter_date_before(self, queryset, name, value):
        return queryset.alias(filter_on=EVENT_DATE).filter(filter_on__lte=value)


# ---------------------------------------------------------------------------------------------
# Facets


@dataclass(frozen=True)
class FacetItem:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    key: str
    title: str
    items: list[FacetItem] = field(default_factory=list)
    more: bool = False
    note: str = ""


def toggle_query(params: QueryDict, key: str, value: str, *, multiple: bool) -> str:
    """``?...`` with ``key=value`` switched on or off, the rest of the query kept (page reset)."""
    query = params.copy()
    query.pop("page", None)
    query.pop("format", None)
    values = query.getlist(key)
    if value in values:
        values = [v for v in values if v != value]
    elif multiple:
        values = [*values, value]
    else:
        values = [value]
    query.setlist(key, values)
    return "?" + query.urlencode()


FACET_LIMITS = {"status": None, "country": 30, "region": 30, "company": 20}
FACET_FIELDS = {
    "status": ("span__status",),
    "country": ("location__country",),
    "region": ("location__region",),
    "company": ("company__slug", "company__name"),
}
MULTIPLE = {"status", "country"}


def _facet_label(key: str, value: str, name: str | None = None) -> str:
    if key == "status":
        return STATUS_LABELS.get(value, value)
    if key == "country":
        return f"{country_name(value)} ({value})"
    if key == "region":
        return f"{region_name(value)} ({value})"
    return name or value


# ---------------------------------------------------------------------------------------------
# The explorer's selection


class FacilitySelection:
    """``FacilityFilter`` applied to the facilities in a footprint on ``as_of`` (today when
    None), each with its status span on that date.

    Rows are ``presenters.FacilityRow`` (facility + ``companies.status.Status``), the same
    shape the company page uses; today and any other date go through the same queries.
    """

    def __init__(self, data, *, as_of: date | None = None, queryset=None):
        self.params = normalise_params(data)
        self.as_of = as_of
        self.on = as_of or timezone.localdate()
        base = queryset if queryset is not None else Facility.objects.all()
        self.base = base.on(self.on).in_footprint()
        self.family_cache: dict[str, list[int]] = {}
        self.filterset = FacilityFilter(self.params, queryset=self.base, family_cache=self.family_cache)

    @property
    def errors(self):
        return self.filterset.errors

    @property
    def statuses(self) -> list[str]:
        return self.filterset.cleaned_data.get("status") or []

    @property
    def ordering(self) -> list[str]:
        return self.filterset.cleaned_data.get("ordering") or []

    def queryset(self):
        return self.filterset.qs.for_explorer()

    def cache_key(self) -> str:
        """What the counts depend on: the date and the filters (not the page, order or format)."""
        return f"{self.on.isoformat()}:{selection_key(self.params, ignore=('page', 'ordering', 'format'))}"

    def count(self) -> int:
        """How many facilities match: a ``COUNT`` over the filtered join of facilities and their
        spans, kept briefly (``paging.remember``) since paging through a selection asks again
        on every page."""
        return remember(f"explorer-count:{self.cache_key()}", lambda: self.filterset.qs.count())

    # --- rows ---

    @staticmethod
    def row(facility) -> FacilityRow:
        """A facility with its status on the selection's date (its span)."""
        return FacilityRow(facility, span_status(facility))

    def iter_rows(self, chunk_size: int = 2000) -> Iterator[FacilityRow]:
        """Every matching row as model instances, streamed in chunks. (The downloads read plain
        rows instead, ten times cheaper: ``exports.facility_rows``.)"""
        queryset = self.queryset().defer(*UNUSED_ROW_FIELDS)
        for facility in queryset.iterator(chunk_size=chunk_size):
            yield self.row(facility)

    def page(self, number, per_page: int, *, strict: bool = False) -> Page:
        """A page of rows; ``strict`` raises ``InvalidPage`` instead of clamping (API).

        The page's ids are sorted first, alone, then only its rows are read whole: a deep page
        (page 200 is rows 9,951 to 10,000) sorts ids and sort keys, not every row's columns.
        The count comes from ``count()`` (kept briefly)."""
        paginator = CountedPaginator(self.count(), per_page)
        number = paginator.validate_number(number) if strict else paginator.number(number)
        start = paginator.offset(number)
        ids = (
            list(self.filterset.qs.values_list("pk", flat=True)[start : start + per_page])
            if paginator.count
            else []
        )
        rows = self.queryset().in_bulk(ids)
        return paginator.page_for(number, [self.row(rows[pk]) for pk in ids])

    # --- facets ---

    def facets(self) -> list[FacetGroup]:
        """Counts per status, country, region and company for the current filter, on the
        selection's date: one GROUP BY query each.

        Status counts ignore the status selection itself (so further statuses can be added);
        the others count the current result.
        """
        counts = self._facet_counts()
        groups = []
        titles = {"status": "Status", "country": "Country", "region": "Region", "company": "Company"}
        for key, rows in counts.items():
            limit = FACET_LIMITS[key]
            selected = [v for v in self.params.getlist(key) if v]  # empty form fields select nothing
            group = FacetGroup(key, titles[key])
            shown = rows if limit is None else rows[:limit]
            group.more = limit is not None and len(rows) > limit
            seen = set()
            for value, name, count in shown:
                seen.add(value)
                group.items.append(self._facet_item(key, value, name, count, value in selected))
            for value in selected:  # keep selected values reachable, to switch them off
                if value not in seen:
                    group.items.append(self._facet_item(key, value, None, 0, True))
            if key == "status":
                group.note = "Counts ignore the status selection, so you can add statuses."
            groups.append(group)
        return groups

    def _facet_item(self, key, value, name, count, selected) -> FacetItem:
        return FacetItem(
            value=value,
            label=_facet_label(key, value, name),
            count=count,
            selected=selected,
            url=toggle_query(self.params, key, value, multiple=key in MULTIPLE),
        )

    def _facet_counts(self) -> dict[str, list[tuple[str, str | None, int]]]:
        """The four facets' ``(value, name, count)`` rows, kept briefly (``paging.remember``): each
        is a ``GROUP BY`` over the whole filtered join, which paging does not change."""
        return remember(f"explorer-facets:{self.cache_key()}", self._count_facets)

    def _count_facets(self) -> dict[str, list[tuple[str, str | None, int]]]:
        without_status = self.params.copy()
        without_status.pop("status", None)
        result = {}
        for key, fields in FACET_FIELDS.items():
            if key == "status":
                queryset = FacilityFilter(
                    without_status, queryset=self.base, family_cache=self.family_cache
                ).qs
            else:
                queryset = self.filterset.qs
            if key != "status":  # a status is never blank; a place or company code may be
                queryset = queryset.exclude(**{fields[0]: ""})
            limit = FACET_LIMITS[key]
            rows = queryset.values(*fields).annotate(n=Count("pk")).order_by("-n", *fields)
            if limit is not None:
                rows = rows[: limit + 1]
            result[key] = [(r[fields[0]], r[fields[-1]], r["n"]) for r in rows]
        if result.get("status"):
            order = list(STATUS_LABELS)
            result["status"].sort(key=lambda r: order.index(r[0]) if r[0] in order else 99)
        return result
