"""Event admin: review what the importer proposes. Accepting or rejecting recomputes statuses."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from ..models import Event, FacilityStatus, Release, ReviewState, StatusSpan
from ..services.events import REVIEW_REASONS, events_set_review_state
from .filters import EventCountryFilter


def stamp_review(formset) -> None:
    """Set ``reviewed_at`` on inline events whose review state the editor changed."""
    for form in formset.forms:
        if form.has_changed() and "review_state" in form.changed_data:
            _stamp(form.instance)


def _stamp(event: Event) -> None:
    event.reviewed_at = None if event.review_state == ReviewState.PROPOSED else timezone.now()
    # the history row of this save says it was a review decision ("accepted", "rejected")
    event._change_reason = REVIEW_REASONS.get(event.review_state, event.review_state)


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def release_link(event: Event):
    """A link to the event's release in the admin, or a note that it was entered by hand."""
    if not event.release_id:
        return "entered by hand"
    url = reverse("admin:companies_release_change", args=[event.release_id])
    return format_html('<a href="{}">{}</a>', url, truncatechars(event.release.headline, 60))


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = (
        "type",
        "facility_col",
        "company_col",
        "place_col",
        "announced_date",
        "effective_date",
        "review_state",
        "confidence_col",
        "release_col",
    )
    list_display_links = ("type", "facility_col")
    list_select_related = ("facility__company", "facility__location", "release")
    list_filter = ("review_state", "type", "announced_date", EventCountryFilter)
    date_hierarchy = "announced_date"
    search_fields = (
        "facility__name",
        "facility__company__name",
        "facility__location__locality",
        "evidence",
    )
    search_help_text = "Facility name, company name, locality or the evidence sentence."
    autocomplete_fields = ("facility", "release")
    readonly_fields = ("facility_status", "reviewed_at", "created_at")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}
    actions = ("accept_events", "reject_events")
    ordering = ("-announced_date", "-id")
    list_per_page = 100
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "facility",
                    "facility_status",
                    "type",
                    ("announced_date", "effective_date"),
                    "employees",
                )
            },
        ),
        ("Source", {"fields": ("release", "evidence", "confidence")}),
        ("Review", {"fields": ("review_state", "reviewed_at", "note", "created_at")}),
    )

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("facility__company", "facility__location", "release")
        )

    @admin.display(description="facility", ordering="facility__name")
    def facility_col(self, obj: Event) -> str:
        return obj.facility.display_name

    @admin.display(description="company", ordering="facility__company__name")
    def company_col(self, obj: Event) -> str:
        return obj.facility.company.name

    @admin.display(description="place", ordering="facility__location__locality")
    def place_col(self, obj: Event) -> str:
        return obj.facility.location.label

    @admin.display(description="confidence", ordering="confidence")
    def confidence_col(self, obj: Event) -> str:
        return f"{obj.confidence:.0%}"

    @admin.display(description="release")
    def release_col(self, obj: Event):
        return release_link(obj)

    @admin.display(description="facility's status now")
    def facility_status(self, obj: Event):
        if obj is None or not obj.facility_id:
            return "—"
        status = StatusSpan.objects.status_of(obj.facility_id)
        label = FacilityStatus(status.status).label if status.status else "No status today"
        since = f" since {status.since.isoformat()}" if status.since else ""
        url = reverse("admin:companies_facility_change", args=[obj.facility_id])
        return format_html('<a href="{}">{}{}</a>', url, label, since)

    def save_model(self, request, obj, form, change):
        if "review_state" in form.changed_data:
            _stamp(obj)
        super().save_model(request, obj, form, change)

    # --- actions ---

    @admin.action(description="Accept selected events", permissions=["change"])
    def accept_events(self, request, queryset):
        self._review(request, queryset, ReviewState.ACCEPTED, "Accepted", "accepted")

    @admin.action(description="Reject selected events", permissions=["change"])
    def reject_events(self, request, queryset):
        self._review(request, queryset, ReviewState.REJECTED, "Rejected", "rejected")

    def _review(self, request, queryset, state: str, verb: str, past: str) -> None:
        review(self, request, queryset, state=state, verb=verb, past=past)


def review(model_admin, request, events, *, state: str, verb: str, past: str) -> None:
    """Set the review state of ``events`` one by one, so one invalid event does not block the
    rest, and tell the editor what happened. Each change refreshes its facility's status.

    An event whose release has no publication date cannot be accepted: it is left proposed and
    the editor is told, once per release, which release needs a date."""
    changed = unchanged = 0
    failures: list[str] = []
    undated: dict[int, tuple[Release, int]] = {}
    for event in events.select_related("facility__company", "facility__location", "release"):
        if state == ReviewState.ACCEPTED and _waits_for_date(event):
            release, count = undated.get(event.release_id, (event.release, 0))
            undated[event.release_id] = (release, count + 1)
            continue
        try:
            count = events_set_review_state(events=[event], state=state, user=request.user)
        except ValidationError as exc:
            failures.append(f"{event}: {' '.join(exc.messages)}")
            continue
        changed += count
        unchanged += 1 - count
    if changed:
        model_admin.message_user(
            request, f"{verb} {_events(changed)}; facility statuses recomputed.", messages.SUCCESS
        )
    if unchanged:
        were = "was" if unchanged == 1 else "were"
        model_admin.message_user(request, f"{_events(unchanged)} {were} already {past}.", messages.INFO)
    if failures:
        model_admin.message_user(
            request,
            f"Could not change {_events(len(failures))}: " + "; ".join(failures),
            messages.ERROR,
        )
    for release, count in undated.values():
        url = reverse("admin:companies_release_change", args=[release.pk])
        model_admin.message_user(
            request,
            format_html(
                'Could not accept {}: the release <a href="{}">\u201c{}\u201d</a> has no publication date. '
                "Set the release's date to accept its events.",
                _events(count),
                url,
                truncatechars(release.headline, 90),
            ),
            messages.ERROR,
        )
    if not (changed or unchanged or failures or undated):
        model_admin.message_user(request, "No events to review.", messages.WARNING)


def _waits_for_date(event: Event) -> bool:
    """An event of a release without a date, itself undated: nothing to accept it on."""
    return event.announced_date is None and event.release_id is not None and event.release.published is None
