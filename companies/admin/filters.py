"""List filters and display helpers shared by the Footprint model admins."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from django.contrib import admin
from django.db.models import Exists, OuterRef


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """``United States`` for ``US``; the code itself when pycountry does not know it."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.name if country else code


class CountryListFilter(admin.SimpleListFilter):
    """Filter by ISO country, offering only the countries that occur in the listed model.

    Subclasses set ``field_path`` to the lookup that reaches ``Location.country``.
    """

    title = "country"
    parameter_name = "country"
    field_path = "location__country"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.model._default_manager.exclude(**{self.field_path: ""})
            .exclude(**{f"{self.field_path}__isnull": True})
            .order_by(self.field_path)
            .values_list(self.field_path, flat=True)
            .distinct()
        )
        return [(code, f"{country_name(code)} ({code})") for code in codes]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field_path: self.value()})
        return queryset


class FacilityCountryFilter(CountryListFilter):
    field_path = "location__country"


class EventCountryFilter(CountryListFilter):
    field_path = "facility__location__country"


class LocationCountryFilter(CountryListFilter):
    field_path = "country"


class ReleaseNeedsFilter(admin.SimpleListFilter):
    """Releases waiting for an editor to give what their text did not say (nothing is invented):
    the issuing company (nothing proposed until it is set and the release re-extracted), or the
    publication date (its events are proposed undated and cannot be accepted until it is set);
    or a look at the stored release it nearly repeats (``Release.duplicate_of``)."""

    title = "needs an editor"
    parameter_name = "needs"

    def lookups(self, request, model_admin):
        return [
            ("company", "its company"),
            ("date", "a publication date"),
            ("duplicate", "a duplicate check"),
        ]

    def queryset(self, request, queryset):
        from ..models import Event, ImportState, ReviewState

        if self.value() == "company":
            return queryset.filter(import_state=ImportState.NEEDS_COMPANY)
        if self.value() == "date":
            undated = Event.objects.filter(
                release=OuterRef("pk"), announced_date__isnull=True, review_state=ReviewState.PROPOSED
            )
            return queryset.filter(Exists(undated), published__isnull=True)
        if self.value() == "duplicate":
            return queryset.filter(duplicate_of__isnull=False)
        return queryset


def is_autocomplete(request) -> bool:
    """Whether ``request`` is the admin's autocomplete view, which needs no list annotations."""
    match = getattr(request, "resolver_match", None)
    return bool(match and match.url_name == "autocomplete")
