"""Read vocabulary: one queryset method per page, with its joins baked in.

Views call these and nothing else to read; tests pin each page's query count.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import connections, models, transaction
from django.db.models import Count, Exists, F, FilteredRelation, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

HIERARCHY_MAX_DEPTH = 10
"""How many levels of subsidiaries the hierarchy lookups follow (a bound, and a cycle guard)."""


# A release's full text, kept out of pages and exports that only link to the release or show
# its date or headline (``companies.status`` needs only ``release.published``).
RELEASE_TEXT_FIELDS = ("body", "raw", "extraction", "import_log")


def release_text(path: str = "") -> list[str]:
    """The release's text fields to ``defer()``, behind the relation ``path`` (e.g. ``release``,
    ``span__event__release``); ``""`` for a Release queryset itself."""
    prefix = f"{path}__" if path else ""
    return [prefix + name for name in RELEASE_TEXT_FIELDS]


def span_on(day: date, path: str = "spans") -> Q:
    """THE condition for a status on ``day``: the status span with
    ``valid_from <= day AND (valid_to IS NULL OR valid_to > day)``.

    ``path`` leads to the spans: ``spans`` from a facility, ``facilities__spans`` from a company,
    ``""`` on ``StatusSpan`` itself. A facility's spans do not overlap, so at most one matches.
    """
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gt": day})
    )


PLACE_ORDER = ("location__country", "location__region", "location__locality", "name", "pk")
"""How facilities are listed on the company page: by place, then name."""

EVENT_DATE = Coalesce("effective_date", "announced_date")
"""An event's date: effective where stated, else announced (``Event.date`` in SQL)."""

COMPANY_OPTIONS_MAX = 300
"""Company filters are drop-downs up to this many companies, text fields (a slug) beyond."""

STATUS_COUNTS = ("open", "idled", "closed", "sold", "planned")
"""The statuses ``CompanyQuerySet.with_status_counts`` counts (``<status>_count``)."""


class CompanyQuerySet(models.QuerySet):
    def search(self, query: str) -> CompanyQuerySet:
        """Companies whose name, legal name, alias or ticker contains ``query``."""
        query = (query or "").strip()
        if not query:
            return self
        return self.filter(
            Q(name__icontains=query)
            | Q(legal_name__icontains=query)
            | Q(aliases__icontains=query)
            | Q(ticker__iexact=query)
        )

    def with_status_counts(self, day: date | None = None) -> CompanyQuerySet:
        """``<status>_count`` for each of ``STATUS_COUNTS`` and ``facility_count`` (facilities
        with a status) on ``day`` (today by default): one join to the company's spans on that day
        (``span_on``; a span carries its facility's company), so a facility counts once and one
        with no accepted events not at all."""
        day = day or timezone.localdate()
        path = "status_spans"
        return self.annotate(
            current_span=FilteredRelation(path, condition=span_on(day, path)),
            facility_count=Count("current_span"),
            **{
                f"{status}_count": Count("current_span", filter=Q(current_span__status=status))
                for status in STATUS_COUNTS
            },
        )

    def for_list(self, day: date | None = None) -> CompanyQuerySet:
        """The companies list: counts per status (today's, or on ``day``) and the headquarters,
        in one query."""
        return self.with_status_counts(day).select_related("headquarters")

    def for_detail(self) -> CompanyQuerySet:
        return self.select_related("headquarters", "parent")

    def for_page(self) -> CompanyQuerySet:
        """The company page's company: ``for_detail`` plus the claims of its latest release
        that makes any (with that release), as ``latest_claims``. Facilities, events and
        releases come a page at a time from their own querysets."""
        from .models import FootprintClaim

        latest_release = (
            FootprintClaim.objects.filter(company=OuterRef("company_id"))
            .order_by(F("release__published").desc(nulls_last=True), "-release_id")
            .values("release_id")[:1]
        )
        return self.for_detail().prefetch_related(
            Prefetch(
                "claims",
                queryset=FootprintClaim.objects.filter(release_id=Subquery(latest_release))
                .select_related("release")
                .defer(*release_text("release")),
                to_attr="latest_claims",
            )
        )

    # --- company hierarchy: the one descendant lookup (company page, "parent" filter, API) ---
    def _family(self, anchor_field: str, value, max_depth: int, *, rows: bool, fields=None):
        """The company whose ``anchor_field`` is ``value`` (depth 0) and its subsidiaries down to
        ``max_depth`` levels, in ONE recursive query. ``UNION`` and the depth bound stop a cycle
        an editor might make (A's parent B, B's parent A); each company keeps its shallowest depth.
        ``rows``: Company instances with ``depth``, shallowest first (only ``fields`` loaded
        when given, the rest deferred); else sorted ids."""
        connection = connections[self.db]
        qn = connection.ops.quote_name
        meta = self.model._meta
        table, pk = qn(meta.db_table), qn(meta.pk.column)
        parent, name = qn(meta.get_field("parent").column), qn(meta.get_field("name").column)
        anchor = qn((meta.pk if anchor_field == "pk" else meta.get_field(anchor_field)).column)
        tree = (
            f"WITH RECURSIVE tree (id, depth) AS ("
            f"SELECT {pk}, 0 FROM {table} WHERE {anchor} = %s "
            f"UNION SELECT c.{pk}, tree.depth + 1 FROM {table} c JOIN tree ON c.{parent} = tree.id "
            f"WHERE tree.depth < %s) "
        )
        params = [value, max(int(max_depth), 0)]
        if rows:
            columns = (
                ", ".join(f"c.{qn(meta.get_field(f).column)}" for f in ("id", *fields)) if fields else "c.*"
            )
            sql = (
                f"{tree}SELECT {columns}, f.depth FROM {table} c "
                f"JOIN (SELECT id, MIN(depth) AS depth FROM tree GROUP BY id) f ON c.{pk} = f.id "
                f"ORDER BY f.depth, c.{name}, c.{pk}"
            )
            return list(self.raw(sql, params))
        with connection.cursor() as cursor:
            cursor.execute(f"{tree}SELECT DISTINCT id FROM tree ORDER BY id", params)
            return [row[0] for row in cursor.fetchall()]

    def descendants(self, company, *, max_depth: int = HIERARCHY_MAX_DEPTH, fields=None) -> list:
        """``company``'s subsidiaries at any depth (bounded), each with ``depth`` (1 = direct),
        shallowest first, then by name: one query. ``fields``: load only these (a conglomerate
        has hundreds of subsidiaries; the company page needs their names and links)."""
        pk = getattr(company, "pk", company)
        if pk is None:
            return []
        return [c for c in self._family("pk", pk, max_depth, rows=True, fields=fields) if c.depth > 0]

    def descendant_ids(self, company, *, max_depth: int = HIERARCHY_MAX_DEPTH) -> list[int]:
        """Ids of ``company``'s subsidiaries at any depth (bounded): one query."""
        pk = getattr(company, "pk", company)
        if pk is None:
            return []
        return [i for i in self._family("pk", pk, max_depth, rows=False) if i != pk]

    def family_ids(self, slug: str, max_depth: int = HIERARCHY_MAX_DEPTH) -> list[int]:
        """Ids of the company with ``slug`` and of all its subsidiaries, ``max_depth`` levels
        down, sorted: one query (a cycle or a deeper tree stops at the bound)."""
        return self._family("slug", slug, max_depth, rows=False)

    def options(self):
        """``(slug, name)`` of every company, for filter drop-downs (one query)."""
        return self.order_by("name", "pk").values_list("slug", "name")


class FacilityQuerySet(models.QuerySet):
    # Bulk writes bypass Facility.save(); the status spans follow a change of company here too.
    def update(self, **kwargs) -> int:
        if "company" not in kwargs and "company_id" not in kwargs:
            return super().update(**kwargs)
        from .services.facilities import facilities_follow_company

        with transaction.atomic():
            ids = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            facilities_follow_company(facility_ids=ids)
        return count

    update.queryset_only = True

    def bulk_update(self, objs, fields, batch_size=None) -> int:
        objs = list(objs)
        if not {"company", "company_id"} & set(fields):
            return super().bulk_update(objs, fields, batch_size=batch_size)
        from .services.facilities import facilities_follow_company

        with transaction.atomic():
            count = super().bulk_update(objs, fields, batch_size=batch_size)
            facilities_follow_company(facility_ids=[obj.pk for obj in objs])
        return count

    bulk_update.queryset_only = True

    # --- status on a date: one join to the status spans ---
    def on(self, day: date) -> FacilityQuerySet:
        """Each facility joined to its status span on ``day`` (``span_on``) as ``span``: one
        LEFT JOIN. Filter, sort and count by ``span__status``, ``span__since`` and so on;
        ``facility.span`` is None when the facility is in no footprint on ``day``. Call once per
        queryset; pair it with ``with_span()`` to load the span with its event and release."""
        return self.annotate(span=FilteredRelation("spans", condition=span_on(day)))

    def in_footprint(self) -> FacilityQuerySet:
        """After ``on(day)``: only facilities with a status that day."""
        return self.filter(span__isnull=False)

    def with_span(self) -> FacilityQuerySet:
        """After ``on(day)``: load the span, the event that set its status and that event's
        release (less its text) in the same query, for ``presenters.FacilityRow``."""
        return self.select_related("span__event__release").defer(*release_text("span__event__release"))

    def with_records(self) -> FacilityQuerySet:
        """Annotate ``has_status``: whether the facility has any status span at all (any accepted
        event); one that has none is in no footprint and on no public page."""
        from .models import StatusSpan

        return self.annotate(has_status=Exists(StatusSpan.objects.filter(facility=OuterRef("pk"))))

    # --- the company page: counts from GROUP BY, facilities a page at a time ---
    def of_companies_on(self, day: date, companies: Iterable, statuses: Iterable[str] | None = None):
        """The facilities of ``companies`` (instances or ids) in a footprint on ``day`` (with one
        of ``statuses`` when given), as ``filter(pk__in=<their spans>)``: the planner reads the
        spans of those companies on ``day`` from ``span_company_dates_idx`` (index only) and
        joins just their facilities, instead of probing each facility's spans. Add ``on(day)``
        for the span's columns."""
        from .models import StatusSpan

        spans = StatusSpan.objects.on(day).filter(company_id__in=[getattr(c, "pk", c) for c in companies])
        if statuses is not None:
            spans = spans.filter(status__in=list(statuses))
        return self.filter(pk__in=spans.order_by().values("facility_id"))

    def country_counts(self, day: date, statuses: Iterable[str], company) -> dict[str, int]:
        """``{country: facilities}`` of ``company`` with one of ``statuses`` on ``day`` (one
        GROUP BY), for "known vs claimed"."""
        rows = (
            self.of_companies_on(day, [company], statuses)
            .values_list("location__country")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return dict(rows)

    def place_order(self, company, day: date) -> dict[str, list[int]]:
        """``{status: [facility id, ...]}``: ``company``'s facilities in a footprint on ``day``,
        each status's in place order (country, region, locality, name), from one query over
        narrow rows (id, status, place) that starts from the company's spans on that day
        (``span_company_dates_idx``). The company page keeps it in the cache and shows a slice
        of each list (``status_page_rows``): a deeper page costs no more than the first."""
        pk = getattr(company, "pk", company)
        rows = (
            self.model.objects.on(day)
            # Both sides named (a span's company is its facility's): the planner may start from
            # either table's index rather than scan every facility to join the spans.
            .filter(company_id=pk, span__company_id=pk)
            .order_by("span__status", *PLACE_ORDER)
            .values_list("span__status", "pk")
        )
        order: dict[str, list[int]] = {}
        for status, pk in rows:
            order.setdefault(status, []).append(pk)
        return order

    def status_page_rows(self, day: date, ids: Iterable[int]) -> FacilityQuerySet:
        """The facilities ``ids`` (a page of each status, from ``place_order``) with span,
        event, release, place and buyer, in place order: one query by primary key."""
        return (
            self.filter(pk__in=list(ids))
            .on(day)
            .with_span()
            .select_related("location", "successor__company")
            .order_by(*PLACE_ORDER)
        )

    def for_status_list(self, day: date, status: str, companies: Iterable, start: int, size: int) -> list:
        """Rows ``start`` to ``start + size`` of the facilities of ``companies`` with ``status``
        on ``day``, by company (in the order given) then place, with company, place, span, event
        and release: a page of the company page's subsidiaries' table, in two queries. The page
        passes only the few companies those rows fall in (``paging.window``); the page's ids are
        sorted over narrow columns first, then only those rows are read whole (as a subquery,
        PostgreSQL joined every facility's span, event and release before looking at the ids)."""
        ids = [getattr(c, "pk", c) for c in companies]
        rank = models.Case(
            *(models.When(company_id=pk, then=models.Value(i)) for i, pk in enumerate(ids)),
            default=models.Value(len(ids)),
        )
        page = list(
            self.on(day)
            # Both sides named (a span's company is its facility's): either index may lead.
            .filter(company_id__in=ids, span__company_id__in=ids, span__status=status)
            .alias(company_rank=rank)
            .order_by("company_rank", *PLACE_ORDER)
            .values_list("pk", flat=True)[start : start + size]
        )
        rows = (
            self.model.objects.filter(pk__in=page)
            .on(day)
            .with_span()
            .select_related("company", "location", "successor__company")
            .in_bulk(page)
        )
        return [rows[pk] for pk in page]

    def not_yet_in_footprint(self, day: date, company) -> FacilityQuerySet:
        """``company``'s facilities with a status at some date but none on ``day`` (opened
        later), by name. A facility's spans run on from its first without a gap (the status
        never returns to none), so these are the ones with a span starting after ``day`` and
        none holding on it: found among the company's spans (``span_company_dates_idx``), each
        checked against its facility's spans (``span_facility_dates_idx``)."""
        from .models import StatusSpan

        pk = getattr(company, "pk", company)
        later = (
            StatusSpan.objects.filter(company_id=pk, valid_from__gt=day)
            .exclude(Exists(StatusSpan.objects.on(day).filter(facility_id=OuterRef("facility_id"))))
            .order_by()
            .values("facility_id")
        )
        return self.filter(company_id=pk, pk__in=later).select_related("location").order_by("name", "pk")

    def for_detail(self, day: date) -> FacilityQuerySet:
        """The facility page: the facility with its status on ``day`` (its span, event and
        release), its company, place, predecessor and successor, and every event oldest first."""
        from .models import Event

        # A facility with no accepted event (proposals only, or rejected ones) has no page.
        return (
            self.with_records()
            .filter(has_status=True)
            .on(day)
            .with_span()
            .select_related("company", "location", "successor__company", "predecessor__company")
            .prefetch_related(
                Prefetch(
                    "events",
                    queryset=Event.objects.select_related("release")
                    .defer(*release_text("release"))
                    .order_by("announced_date", "id"),
                    to_attr="all_events",
                )
            )
        )

    def with_accepted_events(self) -> FacilityQuerySet:
        """Prefetch accepted events (with their releases, less their text) as
        ``accepted_events``, for ``companies.status.history`` (the changes pages)."""
        from .models import Event

        return self.prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.accepted().select_related("release").defer(*release_text("release")),
                to_attr="accepted_events",
            )
        )

    def status_totals(self, day: date | None = None) -> dict[str, int]:
        """Facilities per status on ``day`` (today by default) and their ``total`` (facilities
        with a status): one query, e.g. for the home page's totals."""
        from .models import FacilityStatus

        day = day or timezone.localdate()
        return self.on(day).aggregate(
            total=Count("span"),
            **{status: Count("span", filter=Q(span__status=status)) for status in FacilityStatus.values},
        )

    def status_changed(self, start: date, end: date) -> FacilityQuerySet:
        """The changes pages' "facilities whose status changed": facilities with an accepted
        event in ``[start, end]`` (``EventQuerySet.in_period``) whose status span on the day
        before ``start`` (``span_start``) and on ``end`` (``span_end``) differ, with company,
        place and both spans' events and releases, oldest record first: one query to page."""
        from .models import Event

        # One pass over the period's events (IN a subquery), not a correlated EXISTS per
        # facility: SQLite answers that through the review-state index, scanning every event.
        in_period = Event.objects.accepted().in_period(start, end).values("facility_id")
        return (
            self.filter(pk__in=in_period)
            .annotate(
                span_start=FilteredRelation("spans", condition=span_on(start - timedelta(days=1))),
                span_end=FilteredRelation("spans", condition=span_on(end)),
            )
            # Plain columns compared (no status: ""), so the test stays a condition on the two
            # joined rows; a negated lookup across the relations would become a subquery per row.
            .alias(
                status_before=Coalesce("span_start__status", models.Value("")),
                status_after=Coalesce("span_end__status", models.Value("")),
            )
            .exclude(status_before=F("status_after"))
            .select_related("company", "location", "span_start__event__release", "span_end__event__release")
            .defer(*release_text("span_start__event__release"), *release_text("span_end__event__release"))
            # In record order, so a page reads facilities along the primary key until it is
            # full; sorting by company name would join and sort every changed facility first.
            .order_by("pk")
        )

    # --- explorer / API (companies.filters) ---
    def for_explorer(self) -> FacilityQuerySet:
        """The facility explorer, its exports and ``/api/facilities/``, after ``on(day)``: each
        facility with its company, place, span and the release behind its status, in one query."""
        return self.select_related("company", "location").with_span()

    def place_options(self):
        """Distinct ``(country, region)`` pairs where there are facilities in a footprint at
        some date (any accepted event), one query: a proposal's place is offered nowhere.

        It runs over places (tens of thousands), each asking its index whether one of these
        facilities there has a status span, not over every facility joined to its place."""
        from .models import Location, StatusSpan

        with_status = self.filter(location=OuterRef("pk")).filter(
            Exists(StatusSpan.objects.filter(facility=OuterRef("pk")))
        )
        return (
            Location.objects.filter(Exists(with_status))
            .order_by("country", "region")
            .values_list("country", "region")
            .distinct()
        )


class StatusSpanQuerySet(models.QuerySet):
    def on(self, day: date) -> StatusSpanQuerySet:
        """The spans that hold on ``day`` (``span_on``): at most one per facility."""
        return self.filter(span_on(day, ""))

    def status_of(self, facility, day: date | None = None):
        """One facility's ``companies.status.Status`` on ``day`` (today by default), read from its
        span (one query); ``Status(None)`` when it has none then (in no footprint)."""
        from .status import Status

        day = day or timezone.localdate()
        pk = getattr(facility, "pk", facility)
        span = self.on(day).filter(facility_id=pk).select_related("event__release").first()
        return span.as_status() if span is not None else Status(None)

    def footprint_counts(self, day: date):
        """Spans per company and status on ``day`` (a facility's one span then): ``{"company_id",
        "status", "n"}`` rows from one GROUP BY. Scope it first, e.g. ``filter(company_id__in=
        family)``: the company page's counts, its subsidiaries' and their totals, read from
        ``span_company_dates_idx`` alone."""
        return self.on(day).values("company_id", "status").annotate(n=Count("*")).order_by()

    def for_chart(self):
        """``(status, valid_from, valid_to)`` of each span, for ``charts.status_series``
        (unordered: ``filter(company=...)`` reads them from ``span_company_dates_idx``)."""
        return self.order_by().values_list("status", "valid_from", "valid_to")


class EventQuerySet(models.QuerySet):
    def accepted(self) -> EventQuerySet:
        return self.filter(review_state="accepted")

    def proposed(self) -> EventQuerySet:
        return self.filter(review_state="proposed")

    def for_timeline(self) -> EventQuerySet:
        """Each event with its facility, company, place and release (less the release's text)."""
        return self.select_related("facility__location", "facility__company", "release").defer(
            *release_text("release")
        )

    def for_review(self, release) -> EventQuerySet:
        """The review page's rows: the release's events with facility, place, company and the
        facility's successor and its company (the buyer's side of a sale), oldest first."""
        return (
            self.filter(release=release)
            .select_related("facility__location", "facility__company", "facility__successor__company")
            .order_by("id")
        )

    def latest_accepted(self) -> EventQuerySet:
        return self.accepted().for_timeline().order_by("-announced_date", "-id")

    def company_timeline(self, company) -> EventQuerySet:
        """The company page's timeline: its facilities' accepted events, newest first. The
        facilities are an IN subquery so the planner starts from the company's facilities
        (index on facility and review state), not from every accepted event."""
        from .models import Facility

        return self.latest_accepted().filter(
            facility_id__in=Facility.objects.filter(company=company).values("pk")
        )

    def with_event_date(self) -> EventQuerySet:
        """Annotate ``event_date``: the effective date where stated, else the announced date."""
        return self.annotate(event_date=EVENT_DATE)

    def for_event_list(self) -> EventQuerySet:
        """The events page, its exports and ``/api/events/``: accepted events, newest first,
        with facility, company, place and release in one query."""
        return (
            self.accepted()
            .with_event_date()
            .select_related("facility__company", "facility__location", "release")
            .defer(*release_text("release"))
            .order_by("-event_date", "-announced_date", "-id")
        )

    def monthly_counts(self, since: date | None = None):
        """Accepted events per announced month and type, oldest first: ``{"month": date,
        "type": str, "n": int}`` rows from one GROUP BY query (the home page's chart), from
        ``since`` on when given."""
        from django.db.models.functions import TruncMonth

        events = self.accepted()
        if since is not None:
            events = events.filter(announced_date__gte=since)
        return (
            events.annotate(month=TruncMonth("announced_date"))
            .values("month", "type")
            .annotate(n=Count("pk"))
            .order_by("month", "type")
        )

    def last_announced(self) -> date | None:
        """The latest announced date of an accepted event (one index lookup)."""
        return self.accepted().aggregate(last=models.Max("announced_date"))["last"]

    # --- the changes pages ---
    def in_period(self, start: date, end: date) -> EventQuerySet:
        """Events dated (effective, else announced) between ``start`` and ``end`` inclusive."""
        return self.alias(period_date=EVENT_DATE).filter(period_date__range=(start, end))

    def announced_for_later(self, start: date, end: date) -> EventQuerySet:
        """Events announced between ``start`` and ``end`` that take effect after ``end``."""
        return self.filter(announced_date__range=(start, end), effective_date__gt=end)

    def in_status_order(self) -> EventQuerySet:
        """The order ``companies.status.sort_key`` applies events in (date, release date,
        lifecycle rank), then facility, with place, company and release (less its text)."""
        from django.db.models.functions import Coalesce

        from .status import LIFECYCLE_RANK

        rank = models.Case(
            *(models.When(type=t, then=models.Value(r)) for t, r in LIFECYCLE_RANK.items()),
            default=models.Value(9),
        )
        return (
            self.for_timeline()
            .alias(
                order_date=EVENT_DATE,
                order_published=Coalesce("release__published", "announced_date"),
                order_rank=rank,
            )
            .order_by("order_date", "order_published", "order_rank", "facility_id", "id")
        )

    def slice_in_status_order(self, start: int, size: int) -> list:
        """``in_status_order()[start:start + size]`` in two queries: the ids sorted alone, then
        those rows whole, so a deep page sorts ids and sort keys rather than every column of a
        year's events."""
        ids = list(self.in_status_order().values_list("pk", flat=True)[start : start + size])
        rows = self.model.objects.for_timeline().in_bulk(ids)
        return [rows[pk] for pk in ids]

    def type_counts(self) -> dict[str, int]:
        """``{type: events}``: one GROUP BY."""
        return dict(self.values_list("type").annotate(n=Count("pk")).order_by())

    def for_history(self, facility_ids: Iterable[int]) -> EventQuerySet:
        """Every accepted event of these facilities with its release's date, for
        ``companies.status.history`` (statuses before and after each event)."""
        return (
            self.accepted()
            .filter(facility_id__in=list(facility_ids))
            .select_related("release")
            .only(
                "facility_id",
                "type",
                "announced_date",
                "effective_date",
                "review_state",
                "release_id",
                "release__published",
            )
        )

    # Bulk writes bypass Event.save(); these rewrite the status spans for them too.
    def update(self, **kwargs) -> int:
        from .services.facilities import facilities_refresh

        with transaction.atomic():
            facility_ids = set(self.values_list("facility_id", flat=True))
            count = super().update(**kwargs)
            if "facility" in kwargs or "facility_id" in kwargs:
                facility_ids |= set(self.values_list("facility_id", flat=True))
            facilities_refresh(facility_ids=facility_ids)
        return count

    update.queryset_only = True

    def delete(self):
        from .services.facilities import facilities_refresh

        with transaction.atomic():
            facility_ids = set(self.values_list("facility_id", flat=True))
            result = super().delete()
            facilities_refresh(facility_ids=facility_ids)
        return result

    delete.queryset_only = True


class ReleaseQuerySet(models.QuerySet):
    def delete(self):
        """Deleting releases deletes their events; refresh the facilities those touched."""
        from .services.facilities import facilities_refresh

        with transaction.atomic():
            facility_ids = list(self.values_list("events__facility_id", flat=True))
            result = super().delete()
            facilities_refresh(facility_ids=[f for f in facility_ids if f])
        return result

    delete.queryset_only = True

    def for_company(self, company) -> ReleaseQuerySet:
        """The company page's releases, newest first, less their text (to page)."""
        return (
            self.filter(company=company)
            .defer(*release_text())
            .order_by(F("published").desc(nulls_last=True), "-id")
        )

    def for_detail(self) -> ReleaseQuerySet:
        """The public release page: the release with its accepted events (a proposal or a
        rejected one, and the facility made for it, are the editors' business) and claims."""
        from .models import Event

        return self.select_related("company", "dateline").prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.accepted()
                .select_related("facility__location", "facility__company")
                .order_by("id"),
            ),
            "claims",
        )
