"""The admin "Import releases" page, background import progress, "Re-extract" and the review text.

Everything here is a thin layer over the import services: the page hands the pasted text and
the uploaded files to ``companies.services.import_batches.releases_submit``, which imports a
few releases at once (the same ``release_import`` the ``import_releases`` command uses) and
lists what happened with links to each release's change page, where the events inline is the
review step; more than ``IMPORT_AT_ONCE_MAX`` are stored and queued for the worker, and the
page moves to the batch's own page (``import/<id>/``), which shows progress and each file's
outcome and reloads itself until the batch is done.

``ReleaseImportMixin`` is mixed into ``ReleaseAdmin`` (companies/admin/releases.py). It adds
the ``import/`` URLs, the re-extract action and the read-only "text with evidence" field.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..highlight import highlighted_body
from ..models import ImportBatch, ImportFile, ImportFileState, ImportRecord, ImportRecordStatus, Release
from ..services import import_batches
from ..services.import_batches import (
    RawInput,
    import_batch_requeue,
    import_batch_stalled,
    input_documents,
    releases_submit,
)
from ..services.imports import (
    NEEDS_COMPANY_WARNING,
    NEEDS_DATE_WARNING,
    ImportResult,
    release_reextract,
)

UPLOAD_EXTENSIONS = ".txt,.text,.html,.htm,.eml,.xml,.rss,.atom"
RECENT_BATCHES = 10  # background imports listed on the import page
REFRESH_SECONDS = 3  # how often a running batch's page reloads itself
# What the batch page shows of each release's record (and its release's headline).
RECORD_FIELDS = ("file_id", "position", "name", "status", "summary", "warnings", "release__headline")
RECORD_FIELDS += ("events_proposed", "events_accepted", "needs_company", "needs_date")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file input that takes several files (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": UPLOAD_EXTENSIONS}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class ReleaseImportForm(forms.Form):
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100}),
        label="Paste a release",
        help_text="Plain text as the wire distributed it, or the HTML of a release page.",
    )
    headline = forms.CharField(
        required=False, max_length=500, help_text="Only if the pasted text does not start with it."
    )
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="URL")
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="Only if the text has no dateline date.",
    )
    files = MultipleFileField(
        required=False,
        label="Or upload files",
        help_text="Several at once: .txt, .html, .eml, or RSS/Atom feed files (.xml) holding many releases.",
    )
    accept_above = forms.FloatField(
        required=False,
        min_value=0,
        max_value=1,
        label="Accept events with confidence ≥",
        help_text="Optional, 0–1 (e.g. 0.9). Other events are proposed for review.",
        widget=forms.NumberInput(attrs={"step": "0.05", "placeholder": "e.g. 0.9"}),
    )

    folder = MultipleFileField(
        required=False,
        widget=MultipleFileInput(attrs={"webkitdirectory": True}),
        label="Or a folder",
        help_text="Every release file in it, sub-folders included (labels, notes and hidden files are passed over).",
    )

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("files") and not data.get("folder"):
            raise forms.ValidationError("Paste the text of a release or choose one or more files.")
        pasted = self.pasted()
        if pasted is not None:
            from ..importer.inputs import InputError

            try:
                input_documents(pasted)
            except InputError as error:
                # Pasted text that cannot be read: keep the form as it was and say why.
                self.add_error("text", f"This text cannot be read as a release: {error}")
        return data

    def pasted(self) -> RawInput | None:
        text = (self.cleaned_data.get("text") or "").strip()
        if not text:
            return None
        return RawInput(
            name="pasted text",
            data=text.encode("utf-8"),
            headline=self.cleaned_data.get("headline") or "",
            url=self.cleaned_data.get("url") or "",
            published=self.cleaned_data.get("published"),
        )

    def inputs(self) -> list[RawInput]:
        """The pasted text and every upload, as given (read by the import service)."""
        pasted = self.pasted()
        uploads = list(self.cleaned_data.get("files") or [])
        uploads += [f for f in self.cleaned_data.get("folder") or [] if not _passed_over(f.name)]
        return ([pasted] if pasted else []) + [RawInput(name=f.name, data=f.read()) for f in uploads]


def _passed_over(name: str) -> bool:
    """A file in an uploaded folder that is not a release: hidden, a label, a script or a note
    (the same suffixes the command passes over in folders)."""
    from ..importer.inputs import SKIPPED_SUFFIXES

    path = PurePosixPath(name.replace("\\", "/"))
    return path.name.startswith(".") or path.suffix.lower() in SKIPPED_SUFFIXES


def release_import_view(request, model_admin):
    """Paste or upload releases: a few are imported at once and listed, many are queued for the
    worker and the page moves to the batch's progress (``releases_submit``)."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    results: list[ImportResult] = []
    if request.method == "POST":
        form = ReleaseImportForm(request.POST, request.FILES)
        if form.is_valid():
            accept_above = form.cleaned_data.get("accept_above")
            submission = releases_submit(inputs=form.inputs(), accept_above=accept_above, user=request.user)
            if submission.batch is not None:
                messages.success(
                    request,
                    f"{submission.releases} releases in {len(form.inputs())} files are importing in the "
                    "background; this page shows their progress.",
                )
                return HttpResponseRedirect(
                    reverse("admin:companies_release_import_batch", args=[submission.batch.pk])
                )
            results = submission.results
            _report(request, results)
            form = ReleaseImportForm(initial={"accept_above": accept_above})
    else:
        form = ReleaseImportForm()

    context = {
        **_context(request, model_admin, "Import releases"),
        "form": form,
        "results": [_row(r) for r in results],
        "batches": ImportBatch.objects.with_progress().select_related("created_by")[:RECENT_BATCHES],
        "at_once_max": import_batches.IMPORT_AT_ONCE_MAX,
    }
    return TemplateResponse(request, "admin/companies/import_releases.html", context)


def import_batch_view(request, model_admin, batch_id: int):
    """A background import's progress and each file's outcome; refreshes itself while running."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    batch = get_object_or_404(ImportBatch.objects.select_related("created_by"), pk=batch_id)
    if request.method == "POST" and "_requeue" in request.POST:
        try:
            import_batch_requeue(batch=batch)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Queued again: the worker goes on from the first release not done.")
        return HttpResponseRedirect(request.path)
    records = Prefetch(
        "records", queryset=ImportRecord.objects.select_related("release").only(*RECORD_FIELDS)
    )
    files = list(batch.files.defer("data").prefetch_related(records).order_by("position"))
    progress = {
        "files": len(files),
        "files_done": sum(f.state != ImportFileState.WAITING for f in files),
        "releases": sum(f.releases_total for f in files),
        "releases_done": sum(f.releases_done for f in files),
    }
    context = {
        **_context(request, model_admin, f"Background import #{batch.pk}"),
        "batch": batch,
        "files": [_file_row(f) for f in files],
        "progress": progress,
        "totals": _totals(files),
        "stalled": import_batch_stalled(batch=batch),
        "refresh_seconds": None if batch.finished else REFRESH_SECONDS,
        "import_url": reverse("admin:companies_release_import"),
    }
    return TemplateResponse(request, "admin/companies/import_batch.html", context)


def _context(request, model_admin, title: str) -> dict:
    opts = model_admin.model._meta
    request.current_app = model_admin.admin_site.name
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": opts,
        "has_view_permission": model_admin.has_view_permission(request),
        "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
    }


def _file_row(file: ImportFile) -> dict:
    records = list(file.records.all())
    releases = [
        {
            "record": record,
            "headline": record.release.headline if record.release else "",
            "url": reverse("admin:companies_release_review", args=[record.release_id])
            if record.release_id
            else None,
        }
        for record in records
    ]
    return {
        "file": file,
        "outcome": file.outcome(records),
        "releases": releases,
        "failed": file.state == ImportFileState.FAILED,
    }


def _totals(files: list[ImportFile]) -> dict:
    records = [r for f in files for r in f.records.all()]
    return {
        "imported": sum(r.status == ImportRecordStatus.IMPORTED for r in records),
        "already": sum(r.status == ImportRecordStatus.ALREADY_IMPORTED for r in records),
        "failed": sum(r.failed for r in records) + sum(f.state == ImportFileState.FAILED for f in files),
        "events_proposed": sum(r.events_proposed for r in records),
        "events_accepted": sum(r.events_accepted for r in records),
        "needs_company": sum(r.needs_company for r in records),
        "needs_date": sum(r.needs_date for r in records),
    }


def _row(result: ImportResult) -> dict:
    url = None
    if result.release is not None and result.release.pk:
        url = reverse("admin:companies_release_review", args=[result.release.pk])
    return {"result": result, "url": url, "summary": result.summary()}


def _report(request, results: list[ImportResult]) -> None:
    imported = sum(r.status == "imported" for r in results)
    already = sum(r.status == "already imported" for r in results)
    proposed = sum(r.events_proposed for r in results)
    accepted = sum(r.events_accepted for r in results)
    if imported or already:
        messages.success(
            request,
            f"{imported} releases imported ({proposed} events proposed, {accepted} accepted), "
            f"{already} already imported. Review the proposed events on each release's page.",
        )
    for result in results:
        if result.failed:
            kept = " The text is kept on the release." if result.release is not None else ""
            messages.error(request, f"{result.name}: {result.error}.{kept}")
        _warn_needs(request, result)


def _warn_needs(request, result: ImportResult) -> None:
    """Tell the editor what a release waits for (imported, not failed: nothing is invented)."""
    name = result.name or "pasted text"
    if result.needs_company:
        messages.warning(request, f"{name}: {NEEDS_COMPANY_WARNING} to propose its events.")
    elif result.needs_date:
        messages.warning(request, f"{name}: {NEEDS_DATE_WARNING}.")


class ReleaseImportMixin:
    """Import page URL, re-extract action and highlighted review text for ``ReleaseAdmin``."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        batch = self.admin_site.admin_view(self.import_batch_view)
        return [
            path("import/", view, name="companies_release_import"),
            path("import/<int:batch_id>/", batch, name="companies_release_import_batch"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        return release_import_view(request, self)

    def import_batch_view(self, request, batch_id: int):
        return import_batch_view(request, self, batch_id)

    # --- re-extract ------------------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if (
            self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_change_permission(request)
        ):
            actions["reextract_releases"] = self.get_action("reextract_releases")
        return actions

    @admin.action(description="Re-extract selected releases")
    def reextract_releases(self, request, queryset):
        done = failed = 0
        for release in queryset.order_by("pk"):
            result = release_reextract(release=release, user=request.user)
            if result.failed:
                failed += 1
                messages.error(request, f"{release.headline}: {result.error}")
            else:
                done += 1
                result.name = release.headline
                _warn_needs(request, result)
        if done:
            messages.success(
                request,
                f"Re-extracted {done} releases: their proposed events were replaced, "
                "accepted and rejected ones kept.",
            )

    # --- review: the text with each event's evidence highlighted ---------------------------

    @admin.display(description="text with evidence highlighted")
    def evidence_highlighted(self, obj: Release | None):
        if obj is None or not obj.pk:
            return "—"
        return highlighted_body(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "evidence_highlighted") if obj is not None else fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or any(
            "evidence_highlighted" in _flat(options.get("fields", ())) for _, options in fieldsets
        ):
            return fieldsets
        # Right after the first (main) fieldset, so the review reads: text, then events below.
        return [*fieldsets[:1], ("Review", {"fields": ("evidence_highlighted",)}), *fieldsets[1:]]


def _flat(fields) -> list[str]:
    flat = []
    for field in fields:
        flat += list(field) if isinstance(field, list | tuple) else [field]
    return flat
