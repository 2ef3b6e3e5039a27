"""Facility admin: the facility with its events inline; its status is shown, never edited.

The status shown is today's status span (``Facility.objects.on(today)``), the same row every
public page reads; saving events rewrites the spans (``services.facilities.facilities_refresh``).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from ..models import Event, Facility, FacilityStatus
from ..services.facilities import facilities_refresh
from .events import stamp_review
from .filters import FacilityCountryFilter

SHORT_TEXT = {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}
NARROW_NUMBER = {"widget": forms.NumberInput(attrs={"style": "width: 5em"})}
# Tabular event inlines: a short evidence box and narrow number inputs keep a row on screen.
EVENT_INLINE_WIDGETS = {
    models.TextField: SHORT_TEXT,
    models.FloatField: NARROW_NUMBER,
    models.PositiveIntegerField: NARROW_NUMBER,
}


NO_STATUS = "No status today"
"""A facility with no span today: no accepted events, or not yet opened."""


def today_span(facility: Facility):
    """The facility's status span today, as ``Facility.objects.on(today)`` loaded it (None: no
    status today, e.g. no accepted events)."""
    return getattr(facility, "span", None)


def pending_label(facility: Facility) -> str:
    """ "Closure announced for 2010-06-30", worded by ``companies.status`` ("" when none)."""
    span = today_span(facility)
    return span.as_status().pending_label if span is not None else ""


def status_label(facility: Facility) -> str:
    span = today_span(facility)
    return FacilityStatus(span.status).label if span is not None else NO_STATUS


def since_label(facility: Facility):
    span = today_span(facility)
    return span.since if span is not None else None


class FacilityStatusFilter(admin.SimpleListFilter):
    """Facilities by their status today (their span on today's date)."""

    title = "status today"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*FacilityStatus.choices, ("none", NO_STATUS)]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(span__isnull=True)
        if self.value():
            return queryset.filter(span__status=self.value())
        return queryset


class FacilityEventInline(admin.TabularInline):
    """The facility's events, oldest first. Saving one refreshes the facility's status."""

    model = Event
    fk_name = "facility"
    fields = (
        "type",
        "announced_date",
        "effective_date",
        "employees",
        "release",
        "evidence",
        "confidence",
        "review_state",
    )
    autocomplete_fields = ("release",)
    formfield_overrides = EVENT_INLINE_WIDGETS
    ordering = ("announced_date", "id")
    extra = 0
    show_change_link = True
    verbose_name_plural = "events (only accepted events count towards the status)"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("facility__company", "facility__location", "release")
        )


@admin.register(Facility)
class FacilityAdmin(SimpleHistoryAdmin):
    list_display = (
        "name_col",
        "company",
        "location",
        "kind",
        "status_col",
        "since_col",
        "pending_change",
    )
    list_display_links = ("name_col",)
    list_select_related = ("company", "location")
    list_filter = (
        FacilityStatusFilter,
        FacilityCountryFilter,
        "kind",
        ("company", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = (
        "name",
        "products",
        "company__name",
        "company__ticker",
        "location__locality",
        "location__region",
    )
    search_help_text = "Facility name or products, company name or ticker, locality or region code."
    autocomplete_fields = ("company", "location", "successor")
    readonly_fields = ("status_col", "since_col", "status_source", "pending_change", "created_at")
    list_per_page = 50
    ordering = ("company__name", "location__country", "location__region", "location__locality", "name")
    inlines = [FacilityEventInline]
    fieldsets = (
        (None, {"fields": ("company", "name", "kind", "location", "products")}),
        (
            "Status",
            {
                "fields": (("status_col", "since_col"), "status_source", "pending_change"),
                "description": "Derived from the accepted events below; change the events to change it.",
            },
        ),
        ("After a sale", {"fields": ("successor",), "classes": ("collapse",)}),
        ("Record", {"fields": ("created_at",), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        # ChangeList ignores list_select_related once the queryset has select_related: name all.
        return (
            super()
            .get_queryset(request)
            .on(timezone.localdate())
            .with_span()
            .select_related("company", "location")
        )

    @admin.display(description="status today", ordering="span__status")
    def status_col(self, obj: Facility) -> str:
        return status_label(obj)

    @admin.display(description="since", ordering="span__since")
    def since_col(self, obj: Facility):
        return since_label(obj) or self.get_empty_value_display()

    @admin.display(description="facility", ordering="name")
    def name_col(self, obj: Facility) -> str:
        return obj.display_name

    @admin.display(description="pending change")
    def pending_change(self, obj: Facility) -> str:
        return pending_label(obj) or self.get_empty_value_display()

    @admin.display(description="set by")
    def status_source(self, obj: Facility):
        span = today_span(obj) if obj and obj.pk else None
        event = span.event if span is not None else None
        if event is None:
            return "—"
        url = reverse("admin:companies_event_change", args=[event.pk])
        label = f"{event.get_type_display()} on {event.date.isoformat()}"
        if event.release_id:
            return format_html('<a href="{}">{}</a>, from “{}”', url, label, event.release.headline)
        return format_html('<a href="{}">{}</a> (entered by hand)', url, label)

    def save_formset(self, request, form, formset, change):
        if formset.model is Event:
            stamp_review(formset)
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inline events rewrite the spans as they save; rewrite once more so they are true
        # whatever happened in the formsets.
        facilities_refresh(facility_ids=[form.instance.pk])
