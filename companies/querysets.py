"""Read vocabulary: one queryset method per page, with its joins baked in.

Views call these and nothing else to read; tests pin each page's query count.
"""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import Count, Prefetch, Q


def _status_count(status: str) -> Count:
    return Count("facilities", filter=Q(facilities__status=status), distinct=True)


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

    def with_status_counts(self) -> CompanyQuerySet:
        return self.annotate(
            open_count=_status_count("open"),
            idled_count=_status_count("idled"),
            closed_count=_status_count("closed"),
            sold_count=_status_count("sold"),
            planned_count=_status_count("planned"),
            facility_count=Count("facilities", distinct=True),
        )

    def for_list(self) -> CompanyQuerySet:
        """The companies list: counts per status and the headquarters, in one query."""
        return self.with_status_counts().select_related("headquarters")

    def for_detail(self) -> CompanyQuerySet:
        return self.select_related("headquarters", "parent")


class FacilityQuerySet(models.QuerySet):
    def with_accepted_events(self) -> FacilityQuerySet:
        """Prefetch accepted events (with their releases) so ``companies.status`` can run
        over them without a query per facility."""
        from .models import Event

        return self.prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.accepted().select_related("release"),
                to_attr="accepted_events",
            )
        )

    def for_company_page(self) -> FacilityQuerySet:
        return (
            self.select_related("location", "status_event__release", "successor__company")
            .with_accepted_events()
            .order_by("location__country", "location__region", "location__locality", "name")
        )

    def for_detail(self) -> FacilityQuerySet:
        from .models import Event

        return self.select_related(
            "company", "location", "successor__company", "predecessor__company", "status_event__release"
        ).prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.select_related("release").order_by("announced_date", "id"),
                to_attr="all_events",
            )
        )

    def due_for_refresh(self, today) -> FacilityQuerySet:
        """Facilities whose announced future change has come due since the cache was written."""
        return self.filter(pending_date__isnull=False, pending_date__lte=today)


class EventQuerySet(models.QuerySet):
    def accepted(self) -> EventQuerySet:
        return self.filter(review_state="accepted")

    def proposed(self) -> EventQuerySet:
        return self.filter(review_state="proposed")

    def for_timeline(self) -> EventQuerySet:
        return self.select_related("facility__location", "facility__company", "release")

    def latest_accepted(self) -> EventQuerySet:
        return self.accepted().for_timeline().order_by("-announced_date", "-id")

    # Bulk writes bypass Event.save(); these keep the status cache true for them too.
    def update(self, **kwargs) -> int:
        from .services.facilities import facility_refresh_status

        with transaction.atomic():
            facility_ids = set(self.values_list("facility_id", flat=True))
            count = super().update(**kwargs)
            if "facility" in kwargs or "facility_id" in kwargs:
                facility_ids |= set(self.values_list("facility_id", flat=True))
            for facility_id in sorted(facility_ids):
                facility_refresh_status(facility_id=facility_id)
        return count

    update.queryset_only = True

    def delete(self):
        from .services.facilities import facility_refresh_status

        with transaction.atomic():
            facility_ids = set(self.values_list("facility_id", flat=True))
            result = super().delete()
            for facility_id in sorted(facility_ids):
                facility_refresh_status(facility_id=facility_id)
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

    def for_detail(self) -> ReleaseQuerySet:
        from .models import Event

        return self.select_related("company", "dateline").prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.select_related("facility__location").order_by("id"),
            ),
            "claims",
        )
