"""Facility admin: the facility with its events inline; its status is shown, never edited."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html

from ..models import Event, Facility
from ..services.facilities import facility_refresh_status
from ..status import Status
from .events import stamp_review
from .filters import FacilityCountryFilter

# The status cache on Facility: written only by facility_refresh_status, never by a form save.
STATUS_CACHE_FIELDS = frozenset({"status", "status_since", "status_event", "pending_type", "pending_date"})

SHORT_TEXT = {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}
NARROW_NUMBER = {"widget": forms.NumberInput(attrs={"style": "width: 5em"})}
# Tabular event inlines: a short evidence box and narrow number inputs keep a row on screen.
EVENT_INLINE_WIDGETS = {
    models.TextField: SHORT_TEXT,
    models.FloatField: NARROW_NUMBER,
    models.PositiveIntegerField: NARROW_NUMBER,
}


def pending_label(facility: Facility) -> str:
    """ "Closure announced for 2010-06-30", worded by ``companies.status`` ("" when none)."""
    if not facility.pending_type or not facility.pending_date:
        return ""
    return Status(
        facility.status, pending_type=facility.pending_type, pending_date=facility.pending_date
    ).pending_label


def save_without_status_cache(obj: Facility, change: bool) -> None:
    """Save a facility edited in a form without writing the cached status fields.

    The instance was read at the start of the request; writing its cached status back could
    overwrite a refresh made meanwhile (another editor accepting an event).
    """
    if not change:
        obj.save()
        return
    fields = [
        f.name
        for f in obj._meta.concrete_fields
        if not f.primary_key and f.name not in STATUS_CACHE_FIELDS and f.name != "created_at"
    ]
    obj.save(update_fields=fields)


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
class FacilityAdmin(admin.ModelAdmin):
    list_display = (
        "name_col",
        "company",
        "location",
        "kind",
        "status",
        "status_since",
        "pending_change",
    )
    list_display_links = ("name_col",)
    list_select_related = ("company", "location")
    list_filter = ("status", FacilityCountryFilter, "kind", ("company", admin.RelatedOnlyFieldListFilter))
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
    readonly_fields = ("status", "status_since", "status_source", "pending_change", "created_at")
    list_per_page = 50
    ordering = ("company__name", "location__country", "location__region", "location__locality", "name")
    inlines = [FacilityEventInline]
    fieldsets = (
        (None, {"fields": ("company", "name", "kind", "location", "products")}),
        (
            "Status",
            {
                "fields": (("status", "status_since"), "status_source", "pending_change"),
                "description": "Derived from the accepted events below; change the events to change it.",
            },
        ),
        ("After a sale", {"fields": ("successor",), "classes": ("collapse",)}),
        ("Record", {"fields": ("created_at",), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        # ChangeList ignores list_select_related once the queryset has select_related: name all.
        return super().get_queryset(request).select_related("company", "location", "status_event__release")

    @admin.display(description="facility", ordering="name")
    def name_col(self, obj: Facility) -> str:
        return obj.display_name

    @admin.display(description="pending change")
    def pending_change(self, obj: Facility) -> str:
        return pending_label(obj) or self.get_empty_value_display()

    @admin.display(description="set by")
    def status_source(self, obj: Facility):
        event = obj.status_event if obj and obj.pk else None
        if event is None:
            return "—"
        url = reverse("admin:companies_event_change", args=[event.pk])
        label = f"{event.get_type_display()} on {event.date.isoformat()}"
        if event.release_id:
            return format_html('<a href="{}">{}</a>, from “{}”', url, label, event.release.headline)
        return format_html('<a href="{}">{}</a> (entered by hand)', url, label)

    def save_model(self, request, obj, form, change):
        save_without_status_cache(obj, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Event:
            stamp_review(formset)
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inline events refresh the status as they save; refresh once more so the cache is true
        # whatever happened, and hand the fresh values to the instance shown in messages.
        fresh = facility_refresh_status(facility_id=form.instance.pk)
        if fresh is not None:
            for name in STATUS_CACHE_FIELDS:
                attname = Facility._meta.get_field(name).attname
                setattr(form.instance, attname, getattr(fresh, attname))
