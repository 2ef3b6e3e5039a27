"""The admin "Import releases" page, the "Re-extract" action and the highlighted review text.

Everything here is a thin layer over ``companies.services.imports``: the page reads pasted
text or uploaded files into documents (``companies.importer.inputs``), hands them to the same
service the ``import_releases`` command uses, and lists what happened with links to each
release's change page, where the events inline is the review step.

``ReleaseImportMixin`` is mixed into ``ReleaseAdmin`` (companies/admin/releases.py). It adds
the ``import/`` URL, the re-extract action and the read-only "text with evidence" field.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..highlight import highlighted_body
from ..importer.proposal import Document
from ..models import Release
from ..services.imports import (
    FAILED,
    NEEDS_COMPANY_WARNING,
    NEEDS_DATE_WARNING,
    ImportResult,
    documents_import,
    release_reextract,
)

UPLOAD_EXTENSIONS = ".txt,.text,.html,.htm,.eml,.xml,.rss,.atom"


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

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("files"):
            raise forms.ValidationError("Paste the text of a release or choose one or more files.")
        return data

    def documents(self) -> tuple[list[Document], list[ImportResult]]:
        """The documents to import, and a failed result for each upload that could not be read."""
        from ..importer.inputs import InputError, read_bytes

        documents: list[Document] = []
        unreadable: list[ImportResult] = []
        text = (self.cleaned_data.get("text") or "").strip()
        if text:
            pasted = read_bytes(text.encode("utf-8"), "pasted text")
            if len(pasted) == 1:
                document = pasted[0]
                document.headline = self.cleaned_data.get("headline") or document.headline
                document.url = self.cleaned_data.get("url") or document.url
                document.published = self.cleaned_data.get("published") or document.published
            documents += pasted
        for upload in self.cleaned_data.get("files") or []:
            try:
                documents += read_bytes(upload.read(), upload.name)
            except InputError as error:
                unreadable.append(ImportResult(name=upload.name, status=FAILED, error=str(error)))
        return documents, unreadable


def release_import_view(request, model_admin):
    """Paste or upload releases, import them, and list the results (the same service as the command)."""
    from ..importer.inputs import InputError

    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    results: list[ImportResult] = []
    if request.method == "POST":
        form = ReleaseImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                documents, results = form.documents()
            except InputError as error:
                # Pasted text that cannot be read: keep the form as it was and say why.
                form.add_error("text", f"This text cannot be read as a release: {error}")
            else:
                results = (
                    documents_import(documents=documents, accept_above=form.cleaned_data.get("accept_above"))
                    + results
                )
                _report(request, results)
                form = ReleaseImportForm(initial={"accept_above": form.cleaned_data.get("accept_above")})
    else:
        form = ReleaseImportForm()

    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Import releases",
        "opts": opts,
        "form": form,
        "results": [_row(r) for r in results],
        "has_view_permission": model_admin.has_view_permission(request),
        "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/companies/import_releases.html", context)


def _row(result: ImportResult) -> dict:
    url = None
    if result.release is not None and result.release.pk:
        url = reverse("admin:companies_release_change", args=[result.release.pk])
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
        return [path("import/", view, name="companies_release_import"), *super().get_urls()]

    def import_view(self, request):
        return release_import_view(request, self)

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
            result = release_reextract(release=release)
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
