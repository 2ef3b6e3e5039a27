"""Release admin: the source text, its events and its claims, and where it is in the import flow."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from ..models import Event, ImportState, Release, ReviewState
from ..models.release import words_hash
from ..services.duplicates import release_near_duplicates, release_same_text
from .claims import ClaimInline
from .events import _events, review, stamp_review
from .facilities import EVENT_INLINE_WIDGETS
from .filters import ReleaseNeedsFilter, is_autocomplete
from .imports import ReleaseImportMixin
from .review import ReleaseReviewMixin


class ReleaseForm(forms.ModelForm):
    url = forms.URLField(max_length=1000, required=False, assume_scheme="https", label="URL")
    store_anyway = forms.BooleanField(
        required=False,
        label="Store it anyway",
        help_text="Tick when the text is a different release from the stored one it nearly repeats.",
    )

    class Meta:
        model = Release
        fields = (
            "headline",
            "company",
            "published",
            "dateline",
            "wire",
            "url",
            "body",
            "source_name",
            "raw",
            "import_state",
            "duplicate_of",
        )
        widgets = {
            "body": forms.Textarea(attrs={"rows": 24, "cols": 100}),
            "raw": forms.Textarea(attrs={"rows": 6, "cols": 100}),
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        duplicate = release_same_text(body=body, exclude_pk=self.instance.pk)
        if duplicate is not None:
            url = reverse("admin:companies_release_change", args=[duplicate.pk])
            raise ValidationError(
                format_html('The same text is already stored: <a href="{}">{}</a>.', url, duplicate.headline)
            )
        return body

    def clean(self):
        data = super().clean()
        body = data.get("body")
        # a new release, or a stored one whose words changed (not only its line ends or spaces)
        checking = self.instance.pk is None or (body and words_hash(body) != self.instance.words_hash)
        if body and checking and not data.get("store_anyway") and "body" not in self.errors:
            # shown before a second copy is stored: the editor confirms it is a different release
            company = data.get("company")
            near = release_near_duplicates(
                body=body,
                headline=data.get("headline") or "",
                company_id=company.pk if company else None,
                published=data.get("published"),
                exclude_pk=self.instance.pk,
            )
            if near:
                self.add_error("body", near_duplicate_error(near))
        return data


def near_duplicate_error(near) -> ValidationError:
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a> ({})',
        (
            (
                reverse("admin:companies_release_change", args=[n.release.pk]),
                n.release.headline,
                n.why,
            )
            for n in near
        ),
    )
    return ValidationError(
        format_html(
            "This text nearly repeats a stored release: {}. If it is a different release, tick "
            "\u201cStore it anyway\u201d and save again.",
            links,
        )
    )


class ReleaseEventInline(admin.TabularInline):
    """The events this release reports. Saving one refreshes its facility's status."""

    model = Event
    fk_name = "release"
    fields = (
        "type",
        "facility",
        "announced_date",
        "effective_date",
        "employees",
        "evidence",
        "confidence",
        "review_state",
    )
    autocomplete_fields = ("facility",)
    formfield_overrides = EVENT_INLINE_WIDGETS
    ordering = ("id",)
    extra = 0
    show_change_link = True
    verbose_name_plural = "events reported by this release"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("facility__company", "facility__location", "release")
        )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Events are announced on the day the release is published.
        if obj is not None and obj.published:
            formset.form.base_fields["announced_date"].initial = obj.published
        return formset


@admin.register(Release)
class ReleaseAdmin(ReleaseReviewMixin, ReleaseImportMixin, SimpleHistoryAdmin):
    form = ReleaseForm
    list_display = (
        "headline_col",
        "company",
        "published",
        "wire",
        "import_state",
        "events_col",
        "proposed_col",
        "needs_col",
    )
    list_display_links = ("headline_col",)
    list_select_related = ("company",)
    list_filter = (ReleaseNeedsFilter, "import_state", "wire", "published")
    date_hierarchy = "published"
    search_fields = ("headline", "body")
    search_help_text = "Words in the headline or the text."
    autocomplete_fields = ("company", "dateline", "duplicate_of")
    readonly_fields = ("content_hash", "extraction_display", "import_log_display", "created_at")
    ordering = ("-published", "-id")
    list_per_page = 50
    actions = ("accept_proposed_events",)
    inlines = [ReleaseEventInline, ClaimInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("headline", "company", ("published", "dateline"), ("wire", "url"))}),
        ("Text", {"fields": ("body",)}),
        ("Source", {"fields": ("source_name", "raw"), "classes": ("collapse",)}),
        (
            "Import",
            {
                "fields": (
                    "import_state",
                    "duplicate_of",
                    "content_hash",
                    "extraction_display",
                    "import_log_display",
                    "created_at",
                ),
                "classes": ("collapse",),
            },
        ),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_autocomplete(request):
            return queryset
        return queryset.annotate(
            event_count=Count("events", distinct=True),
            proposed_count=Count(
                "events", filter=Q(events__review_state=ReviewState.PROPOSED), distinct=True
            ),
            undated_count=Count(
                "events",
                filter=Q(events__review_state=ReviewState.PROPOSED, events__announced_date__isnull=True),
                distinct=True,
            ),
        )

    @admin.display(description="headline", ordering="headline")
    def headline_col(self, obj: Release) -> str:
        return truncatechars(obj.headline, 90)

    @admin.display(description="events", ordering="event_count")
    def events_col(self, obj: Release) -> int:
        return obj.event_count

    @admin.display(description="to review", ordering="proposed_count")
    def proposed_col(self, obj: Release) -> int:
        return obj.proposed_count

    @admin.display(description="needs")
    def needs_col(self, obj: Release) -> str:
        """What an editor must give before this release's events can be proposed or accepted."""
        return release_needs(obj, undated=obj.undated_count)

    @admin.display(description="extraction")
    def extraction_display(self, obj: Release):
        if not obj or obj.extraction is None:
            return "—"
        return format_html("<pre>{}</pre>", json.dumps(obj.extraction, indent=2, ensure_ascii=False))

    @admin.display(description="import log")
    def import_log_display(self, obj: Release):
        if not obj or not obj.import_log:
            return "—"
        return format_html("<pre>{}</pre>", obj.import_log)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.method != "POST":
            return fieldsets
        # "Store it anyway" under the text, for the near-duplicate check's answer (ReleaseForm.clean)
        return [
            (name, {**options, "fields": (*options["fields"], "store_anyway")})
            if "body" in options.get("fields", ())
            else (name, options)
            for name, options in fieldsets
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.method == "GET":
            for message in release_notices(obj):
                self.message_user(request, message, messages.WARNING)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        undated = 0
        if change and "published" in form.changed_data and obj.published:
            undated = obj.events.filter(announced_date__isnull=True).count()
        super().save_model(request, obj, form, change)
        if undated:
            self.message_user(
                request,
                f"{_events(undated)} of \u201c{truncatechars(obj.headline, 90)}\u201d took its date "
                f"{obj.published.isoformat()} and can now be accepted.",
                messages.SUCCESS,
            )
        if (
            obj.import_state == ImportState.NEEDS_COMPANY
            and obj.company_id
            and "company" in form.changed_data
        ):
            self.message_user(request, _reextract_now(obj), messages.WARNING)

    def save_formset(self, request, form, formset, change):
        if formset.model is Event:
            stamp_review(formset)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Accept the proposed events of selected releases", permissions=["change"])
    def accept_proposed_events(self, request, queryset):
        events = Event.objects.proposed().filter(release__in=queryset)
        review(self, request, events, state=ReviewState.ACCEPTED, verb="Accepted", past="accepted")


def _reextract_now(release: Release) -> str:
    return (
        f"\u201c{truncatechars(release.headline, 90)}\u201d has its company now: re-extract it "
        "(select it in the list, action \u201cRe-extract selected releases\u201d) to propose its events."
    )


def release_needs(release: Release, *, undated: int) -> str:
    """The release list's "needs" column: "company", "re-extract", "publication date",
    "duplicate check" or ""."""
    if release.import_state == ImportState.NEEDS_COMPANY:
        return "re-extract" if release.company_id else "company"
    if release.published is None and undated:
        return "publication date"
    if release.duplicate_of_id:
        return "duplicate check"
    return ""


def release_notices(release: Release) -> list[str]:
    """What the release's change page asks of the editor (nothing is invented)."""
    notices = []
    if release.import_state == ImportState.NEEDS_COMPANY:
        if release.company_id is None:
            notices.append(
                "The issuing company of this release could not be identified, so nothing was proposed "
                "from it. Set its company and save, then re-extract it (action \u201cRe-extract selected "
                "releases\u201d in the list) to propose its events."
            )
        else:
            notices.append(_reextract_now(release))
    if release.published is None:
        undated = release.events.filter(
            announced_date__isnull=True, review_state=ReviewState.PROPOSED
        ).count()
        if undated:
            notices.append(
                f"Publication date unknown: set the release's date to accept its events "
                f"({_events(undated)} wait for it, undated)."
            )
    if release.duplicate_of_id:
        original = release.duplicate_of
        url = reverse("admin:companies_release_change", args=[original.pk])
        notices.append(
            format_html(
                'This release nearly repeats <a href="{}">\u201c{}\u201d</a>. Delete it if it is a copy; '
                "if it is a different release, clear \u201cDuplicate of\u201d (Import) and save.",
                url,
                truncatechars(original.headline, 90),
            )
        )
    return notices
