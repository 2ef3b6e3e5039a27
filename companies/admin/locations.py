"""Location admin: the shared places facilities sit at; unresolved ones wait here for an editor."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count

from ..models import Location
from .filters import LocationCountryFilter, country_name, is_autocomplete


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Unresolved (needs review)"), ("no", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(resolved=False)
        if self.value() == "no":
            return queryset.filter(resolved=True)
        return queryset


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = (
        "locality",
        "region",
        "country_col",
        "resolved",
        "latitude",
        "longitude",
        "geonames_id",
        "facilities_col",
    )
    list_filter = (NeedsReviewFilter, LocationCountryFilter)
    search_fields = ("locality", "region", "=country")
    search_help_text = "Locality, region code (US-CT) or exact country code (US)."
    ordering = ("country", "region", "locality")
    list_per_page = 100
    actions = ("mark_resolved",)
    fieldsets = (
        (None, {"fields": ("locality", "region", "country")}),
        ("Gazetteer", {"fields": (("latitude", "longitude"), "geonames_id", "resolved")}),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_autocomplete(request) else queryset.annotate(facility_count=Count("facilities"))

    @admin.display(description="country", ordering="country")
    def country_col(self, obj: Location) -> str:
        return f"{country_name(obj.country)} ({obj.country})" if obj.country else "—"

    @admin.display(description="facilities", ordering="facility_count")
    def facilities_col(self, obj: Location) -> int:
        return obj.facility_count

    @admin.action(description="Mark selected locations as resolved", permissions=["change"])
    def mark_resolved(self, request, queryset):
        count = queryset.filter(resolved=False).update(resolved=True)
        self.message_user(request, f"Marked {count} location(s) as resolved.", messages.SUCCESS)
