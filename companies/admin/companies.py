"""Company admin: the footprint at a glance, with the company's facilities listed read-only."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from ..models import Company, Facility, FootprintClaim
from .facilities import pending_label, since_label, status_label
from .filters import country_name, is_autocomplete


class HasParentFilter(admin.SimpleListFilter):
    title = "parent company"
    parameter_name = "has_parent"

    def lookups(self, request, model_admin):
        return [("yes", "Has a parent (subsidiary)"), ("no", "No parent (top level)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(parent__isnull=False)
        if self.value() == "no":
            return queryset.filter(parent__isnull=True)
        return queryset


class FacilityInline(admin.TabularInline):
    """The company's facilities with their derived status. Edited on the facility's own page,
    where its events are; the template adds an "Add a facility" link."""

    model = Facility
    template = "admin/companies/company/facility_inline.html"
    fields = ("facility_link", "location", "kind", "status_col", "since_col", "pending_change")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "facilities (status follows from each facility's accepted events)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .on(timezone.localdate())
            .with_span()
            .select_related("location")
            .order_by("span__status", "location__country", "location__region", "location__locality", "name")
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="facility")
    def facility_link(self, obj: Facility):
        url = reverse("admin:companies_facility_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.display_name)

    @admin.display(description="status today")
    def status_col(self, obj: Facility) -> str:
        return status_label(obj)

    @admin.display(description="since")
    def since_col(self, obj: Facility):
        return since_label(obj) or self.get_empty_value_display()

    @admin.display(description="pending change")
    def pending_change(self, obj: Facility) -> str:
        return pending_label(obj) or self.get_empty_value_display()


@admin.register(Company)
class CompanyAdmin(SimpleHistoryAdmin):
    list_display = (
        "name",
        "ticker_col",
        "exchange",
        "parent",
        "open_col",
        "idled_col",
        "closed_col",
        "facilities_col",
    )
    list_select_related = ("parent",)
    list_filter = ("industry", "exchange", HasParentFilter)
    search_fields = ("name", "legal_name", "aliases", "=ticker")
    search_help_text = "Name, legal name, alias or exact ticker."
    autocomplete_fields = ("parent", "headquarters")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("footprint_summary", "latest_claim", "created_at", "updated_at")
    ordering = ("name",)
    list_per_page = 50
    inlines = [FacilityInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("name", "slug", "legal_name", "aliases")}),
        ("Listing", {"fields": (("ticker", "exchange"), "parent")}),
        (
            "Profile",
            {"fields": ("headquarters", "industry", "markets", "products", "website", "description")},
        ),
        ("Footprint", {"fields": ("footprint_summary", "latest_claim")}),
        ("Record", {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_autocomplete(request) else queryset.with_status_counts()

    @admin.display(description="ticker", ordering="ticker")
    def ticker_col(self, obj: Company) -> str:
        return obj.ticker_display

    @admin.display(description="open", ordering="open_count")
    def open_col(self, obj: Company) -> int:
        return obj.open_count

    @admin.display(description="idled", ordering="idled_count")
    def idled_col(self, obj: Company) -> int:
        return obj.idled_count

    @admin.display(description="closed", ordering="closed_count")
    def closed_col(self, obj: Company) -> int:
        return obj.closed_count

    @admin.display(description="facilities", ordering="facility_count")
    def facilities_col(self, obj: Company) -> int:
        return obj.facility_count

    @admin.display(description="known facilities")
    def footprint_summary(self, obj: Company) -> str:
        if obj is None or obj.pk is None or not hasattr(obj, "open_count"):
            return "—"
        parts = [
            f"{obj.open_count} open",
            f"{obj.idled_count} idled",
            f"{obj.closed_count} closed",
        ]
        if obj.planned_count:
            parts.append(f"{obj.planned_count} planned")
        if obj.sold_count:
            parts.append(f"{obj.sold_count} sold")
        return f"{obj.facility_count} in all: " + ", ".join(parts)

    @admin.display(description="latest claim")
    def latest_claim(self, obj: Company):
        if obj is None or obj.pk is None:
            return "—"
        claim = (
            FootprintClaim.objects.filter(company=obj, qualifier=FootprintClaim.Qualifier.TOTAL)
            .select_related("release")
            .first()
        )
        if claim is None:
            return "No release has claimed a facility count yet."
        where = ", ".join(country_name(c) for c in claim.countries) or "worldwide"
        url = reverse("admin:companies_release_change", args=[claim.release_id])
        return format_html(
            '{} facilities ({}) — <a href="{}">{}</a>', claim.count, where, url, claim.release.headline
        )
