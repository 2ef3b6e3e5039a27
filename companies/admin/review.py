"""The review page of one release: its text with each proposal's evidence numbered on one side,
one compact row per proposal on the other, and the forms that act on them.

Views are thin: the forms (``review_forms``) read and check what the editor sent, the writes are the
services of ``companies.services.review``. Every write is a POST to the page itself (CSRF
through ``admin_view``) and answers with a redirect back to it; a form with a mistake comes
back as it was sent, with the message beside it, so nothing typed is lost.

``ReleaseReviewMixin`` is mixed into ``ReleaseAdmin`` (companies/admin/releases.py): it adds
``<id>/review/`` and the gazetteer autocomplete ``review/places/?q=``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ..highlight import Mark, evidence_found, highlight_text
from ..models import Company, Event, EventType, ImportState, Release, ReviewState
from ..services import review as services
from ..services.review_places import gazetteer_suggest
from .review_forms import AddEventForm, ProposalForm, ReleaseCompleteForm

SALE_TYPES = {EventType.SOLD, EventType.ACQUIRED}


@dataclass
class Row:
    """One proposal as the page shows it: a sale's two events are one row (the seller's)."""

    number: int
    event: Event
    form: ProposalForm
    buyer: Company | None = None
    evidence_in_text: bool = True

    @property
    def is_sale(self) -> bool:
        return self.buyer is not None


def review_rows(events: list[Event], body: str, bound: dict[int, ProposalForm]) -> list[Row]:
    """Rows from the release's events (``EventQuerySet.for_review``), sale pairs folded."""
    by_facility = {(e.facility_id, e.type): e for e in events}
    partners = set()
    for event in events:
        if event.type == EventType.SOLD and event.facility.successor_id:
            partner = by_facility.get((event.facility.successor_id, EventType.ACQUIRED))
            if partner is not None:
                partners.add(partner.pk)
    rows = []
    for event in events:
        if event.pk in partners:
            continue
        buyer = None
        if event.type == EventType.SOLD and event.facility.successor_id:
            buyer = event.facility.successor.company
        rows.append(
            Row(
                number=len(rows) + 1,
                event=event,
                form=bound.get(event.pk) or ProposalForm(event=event, sale=buyer is not None),
                buyer=buyer,
                evidence_in_text=evidence_found(body, event.evidence),
            )
        )
    return rows


def set_aside(release: Release, events: list[Event]) -> list[dict]:
    """What the importer's fitted decision found unlikely and kept out of the proposals, as its
    last extraction recorded it (``Proposal.set_aside``): for the editor to add if the text says
    so. One the release's events already hold (an editor added it) is not shown again."""
    extraction = release.extraction if isinstance(release.extraction, dict) else {}
    held = {(e.type, (e.facility.location.locality or "").casefold()) for e in events}
    kept = [
        e
        for e in extraction.get("set_aside") or []
        if isinstance(e, dict)
        and e.get("type")
        and (e["type"], (e.get("locality") or "").casefold()) not in held
    ]
    for e in kept:
        # "Chapleau, ON, CA", as the page labels places elsewhere
        region = (e.get("region") or "").split("-")[-1]
        e["where"] = ", ".join(x for x in (e.get("locality"), region, e.get("country")) if x)
    return kept


def numbered_text(release: Release, rows: list[Row]):
    """The release text with each row's evidence marked and numbered (rows sharing a sentence
    share one mark, numbered with each)."""
    by_sentence: dict[str, list[Row]] = {}
    for row in rows:
        if row.event.evidence:
            by_sentence.setdefault(" ".join(row.event.evidence.split()), []).append(row)
    marks = []
    for group in by_sentence.values():
        states = {r.event.review_state for r in group}
        state = next(s for s in ReviewState.values if s in states)
        numbers = " ".join(str(r.number) for r in group)
        attrs = (("class", f"evidence state-{state}"), ("data-n", numbers), ("title", f"Row {numbers}"))
        marks.append(Mark(group[0].event.pk, group[0].event.evidence, attrs))
    return highlight_text(release.body, marks)


# --- views ---------------------------------------------------------------------------------------


def _check(request, model_admin, release: Release | None, *, write: bool, add: bool = False) -> None:
    """Staff and Editors as everywhere in the admin: viewing needs the release's view
    permission, acting on rows its change permission and the event's (add: adding events)."""
    if not model_admin.has_view_permission(request, release):
        raise PermissionDenied
    if write:
        allowed = model_admin.has_change_permission(request, release) and request.user.has_perm(
            "companies.change_event"
        )
        if not allowed or (add and not request.user.has_perm("companies.add_event")):
            raise PermissionDenied


def review_url(release: Release, anchor: str = "") -> str:
    url = reverse("admin:companies_release_review", args=[release.pk])
    return f"{url}#{anchor}" if anchor else url


def review_view(request, model_admin, object_id: str):
    release = get_object_or_404(Release.objects.select_related("company", "dateline"), pk=object_id)
    _check(request, model_admin, release, write=request.method == "POST")
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            messages.error(request, "Unknown action: nothing was changed.")
            return HttpResponseRedirect(review_url(release))
        response = action(request, model_admin, release)
        if response is not None:
            return response
    return render_review(request, model_admin, release)


def render_review(request, model_admin, release: Release, **bound):
    """The page; ``bound`` holds forms sent with a mistake, shown as they were sent."""
    events = list(Event.objects.for_review(release))
    rows = review_rows(events, release.body, bound.get("rows", {}))
    opts = model_admin.model._meta
    request.current_app = model_admin.admin_site.name
    proposed = sum(r.event.review_state == ReviewState.PROPOSED for r in rows)
    context = {
        **model_admin.admin_site.each_context(request),
        "is_nav_sidebar_enabled": False,  # the page needs the whole width of a laptop screen
        "title": f"Review: {release.headline}",
        "opts": opts,
        "release": release,
        "rows": rows,
        "text": numbered_text(release, rows),
        "missing_evidence": [r for r in rows if r.event.evidence and not r.evidence_in_text],
        "set_aside": set_aside(release, events),
        "proposed": proposed,
        "complete_form": bound.get("complete") or ReleaseCompleteForm(),
        "add_form": bound.get("add") or AddEventForm(),
        "needs_date": release.published is None,
        "needs_company": release.company_id is None,
        "needs_reextract": release.import_state == ImportState.NEEDS_COMPANY
        and release.company_id is not None,
        "places_url": reverse("admin:companies_release_review_places"),
        "companies_url": reverse("admin:autocomplete"),
        "change_url": reverse("admin:companies_release_change", args=[release.pk]),
        "changelist_url": reverse("admin:companies_release_changelist"),
        "can_change": model_admin.has_change_permission(request, release),
        "states": ReviewState,
    }
    return TemplateResponse(request, "admin/companies/release/review.html", context)


def _done(request, release: Release, message: str, anchor: str = ""):
    messages.success(request, message)
    return HttpResponseRedirect(review_url(release, anchor))


def _failed(request, error: ValidationError | str) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else error
    messages.error(request, f"Nothing was changed: {text}")


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def complete_release(request, model_admin, release: Release):
    form = ReleaseCompleteForm(request.POST)
    if not form.is_valid():
        _failed(request, " ".join(form.non_field_errors()) or "check the date (YYYY-MM-DD).")
        return render_review(request, model_admin, release, complete=form)
    data = form.cleaned_data
    try:
        outcome = services.release_complete(
            release=release,
            published=data.get("published"),
            company=data["company_obj"],
            company_name=data.get("company") or "",
            user=request.user,
        )
    except ValidationError as error:
        _failed(request, error)
        release.refresh_from_db()  # the service rolled back; the instance may not have
        return render_review(request, model_admin, release, complete=form)
    said = []
    if data.get("published"):
        said.append(f"Date set to {data['published'].isoformat()}; {_events(outcome.dated)} took it")
    if outcome.company is not None:
        made = "created" if outcome.company_created else "matched"
        said.append(f"issuer {outcome.company} ({made})")
    if outcome.reextracted:
        said.append(f"re-extracted: {_events(outcome.proposed)} proposed")
    return _done(request, release, "; ".join(said) + ".")


def reextract(request, model_admin, release: Release):
    from ..services.imports import release_reextract

    result = release_reextract(release=release, user=request.user)
    if result.failed:
        _failed(request, result.error or "re-extracting failed")
        return HttpResponseRedirect(review_url(release))
    return _done(request, release, f"Re-extracted: {_events(result.events_proposed)} proposed.")


def row_action(request, model_admin, release: Release):
    event = get_object_or_404(
        Event.objects.select_related("facility__location", "facility__company", "release"),
        pk=request.POST.get("event"),
        release=release,
    )
    anchor = f"row-{event.pk}"
    sale = event.type in SALE_TYPES and services.sale_partner(event) is not None
    try:
        if "_reject" in request.POST:
            services.proposal_reject(event=event, user=request.user)
            return _done(
                request,
                release,
                f"Rejected: {event.get_type_display()} at {event.facility.location}.",
                anchor,
            )
        form = ProposalForm(request.POST, event=event, sale=sale)
        if not form.is_valid():
            _failed(request, "see the row.")
            return render_review(request, model_admin, release, rows={event.pk: form})
        accept = "_accept" in request.POST
        if form.has_changed():
            data = form.cleaned_data
            event = services.proposal_edit(
                event=event,
                type=data["type"],
                announced_date=data["announced_date"],
                effective_date=data["effective_date"],
                employees=data["employees"],
                place=data["place_choice"],
                accept=accept,
                user=request.user,
            )
        elif accept:
            services.proposal_accept(event=event, user=request.user)
        event.refresh_from_db()
    except ValidationError as error:
        _failed(request, error)
        event.refresh_from_db()  # the service rolled back; the instance may not have
        form = ProposalForm(request.POST, event=event, sale=sale)
        form.is_valid()
        return render_review(request, model_admin, release, rows={event.pk: form})
    verb = "Accepted" if accept else "Saved"
    return _done(
        request, release, f"{verb}: {event.get_type_display()} at {event.facility.location}.", anchor
    )


def accept_all(request, model_admin, release: Release):
    outcome = services.proposals_accept_all(release=release, user=request.user)
    for error in outcome.errors:
        messages.error(request, error)
    if outcome.waiting_for_date:
        messages.warning(
            request,
            f"{_events(outcome.waiting_for_date)} wait for the release's date: give it at the top.",
        )
    return _done(request, release, f"Accepted {_events(outcome.changed)}; facility statuses recomputed.")


def reject_rest(request, model_admin, release: Release):
    count = services.proposals_reject_rest(release=release, user=request.user)
    return _done(request, release, f"Rejected {_events(count)} still proposed.")


def add_event(request, model_admin, release: Release):
    _check(request, model_admin, release, write=True, add=True)
    form = AddEventForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = services.event_add_from_text(
                release=release,
                type=data["type"],
                places=data["places"],
                counterparty=data["counterparty"],
                kind=data["kind"],
                name=data["name"],
                effective_date=data["effective_date"],
                employees=data["employees"],
                evidence=data["evidence"],
                user=request.user,
            )
        except ValidationError as error:
            _failed(request, error)
        else:
            where = ", ".join(p.label for p in data["places"])
            state = "accepted" if release.published else "proposed until the release has a date"
            return _done(request, release, f"Added {_events(len(added))} at {where}, {state}.", "add-event")
    else:
        _failed(request, "see the form under the rows.")
    return render_review(request, model_admin, release, add=form)


ACTIONS = {
    "complete": complete_release,
    "reextract": reextract,
    "row": row_action,
    "accept_all": accept_all,
    "reject_rest": reject_rest,
    "add": add_event,
}


def places_view(request, model_admin):
    """Gazetteer suggestions for the place fields: ``{"results": [{label, description,
    geonames_id}, …]}``."""
    _check(request, model_admin, None, write=False)
    query = request.GET.get("q", "")[:100]
    return JsonResponse({"results": [p.as_json() for p in gazetteer_suggest(query=query)]})


class ReleaseReviewMixin:
    """The review page's URLs and a link to it for ``ReleaseAdmin``."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("review/places/", wrap(self.review_places_view), name="companies_release_review_places"),
            path("<path:object_id>/review/", wrap(self.review_view), name="companies_release_review"),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        return review_view(request, self, object_id)

    def get_list_display(self, request):
        return (*super().get_list_display(request), "review_col")

    @admin.display(description="review")
    def review_col(self, obj: Release):
        return review_link(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "review_page") if obj is not None else fields

    @admin.display(description="review")
    def review_page(self, obj: Release):
        return review_link(obj, "Open the review page: text, proposals, add and fix events")

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or not fieldsets:
            return fieldsets
        name, options = fieldsets[0]
        if "review_page" in options.get("fields", ()):
            return fieldsets
        first = (name, {**options, "fields": ("review_page", *options.get("fields", ()))})
        return [first, *fieldsets[1:]]

    def review_places_view(self, request):
        return places_view(request, self)


def review_link(release: Release, text: str = "Review"):
    """A link to the release's review page, for lists and results."""
    return format_html('<a href="{}" class="review-link">{}</a>', review_url(release), text)
