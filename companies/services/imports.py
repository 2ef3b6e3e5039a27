"""Applying releases to the database: the one import service.

``release_import`` is what the ``import_releases`` command, the admin "Import releases" page
(``import_batches``: at once, or through the background worker) and ``load_demo`` all call;
``import_paths`` walks files and folders for the command, and ``release_reextract`` re-runs
extraction on a stored release (an admin action).

Each release is imported in this order:

1. **extract** a :class:`~companies.importer.proposal.Proposal` (pure, no database) unless one
   is passed in, *outside any transaction*: however long it takes, no lock is held and pages
   keep reading (a text already stored and imported is not extracted at all);
2. **store** the text verbatim (``release_create``; the same text, however laid out, returns
   "already imported" and nothing changes: see ``duplicates``), in one short transaction
   together with step 3. Another process storing the same text at the same moment makes it
   "already imported" too (the unique ``content_hash``, caught in a savepoint), and the
   companies, places and facilities two imports both create are stored once (``records``,
   ``facilities``);
3. **apply** it inside a savepoint: release metadata, issuing company, facilities, events,
   claims. A failure in 1 or 3 rolls back what 3 had written but keeps the release, marked
   ``failed`` with the error in ``import_log``: bad input never loses the text. The next import
   of the same text retries a ``failed`` release (with a warning) instead of calling it
   "already imported".

Every step appends a readable line to ``Release.import_log`` and the proposal is kept as JSON
on ``Release.extraction``. A release that nearly repeats a stored one (same issuer or date) is
imported and flagged for the editor (``Release.duplicate_of`` and a warning). What is written
is recorded in the audit history as "imported" or "re-extracted", with the user when given.

Nothing is invented (DESIGN.md, "Imported releases"), and neither gap fails the import:

* **no date** in the text (nor in its container): the release keeps no date and its events are
  proposed with no announced date — never the import day. They cannot be accepted (not even
  with ``accept_above``) until an editor sets the release's date, which dates them
  (``companies.services.releases``).
* **no issuer** identified: the release is stored with its text and proposal and marked
  ``ImportState.NEEDS_COMPANY``; nothing is proposed yet. Once an editor sets its company,
  ``release_reextract`` (the admin "Re-extract" action) proposes its events and claims.

Sales: a proposed "sold" with a named buyer (or "acquired" with a named seller) is recorded
through ``facility_record_sale`` for both sides at once: the seller's facility gets "sold",
the buyer's own facility record (its successor) gets "acquired", both proposed — or both
accepted with ``accept_above`` — so each company's history stays true once they are reviewed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from ..history import Reason, acting
from ..importer.proposal import Document, PlaceRef, Proposal, ProposedEvent
from ..models import Company, Event, EventType, Facility, FacilityKind, ImportState, Release, ReviewState
from .duplicates import release_flag_near_duplicate, release_same_text
from .events import event_create
from .facilities import facility_get_or_create, facility_record_sale
from .records import claim_get_or_create, company_get_or_create, location_get_or_create, release_create

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

IMPORTED = "imported"
ALREADY_IMPORTED = "already imported"
FAILED = "failed"

# Prefixes a release puts before a facility's name ("its Jewett City plant") that are not part of it.
_NAME_PREFIXES = ("the ", "its ", "our ", "their ", "a ", "an ")


@dataclass
class ImportResult:
    """What importing one document did."""

    name: str
    release: Release | None = None
    created: bool = False
    status: str = IMPORTED  # "imported", "already imported" or "failed"
    events_proposed: int = 0
    events_accepted: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    needs_company: bool = False
    """The issuer could not be identified: nothing proposed until an editor sets it and re-extracts."""
    events_waiting: int = 0
    """Events extracted but not proposed yet, waiting for the issuing company."""
    needs_date: bool = False
    """No publication date: its events are proposed undated until an editor sets the date."""
    near_duplicate: Release | None = None
    """A stored release this one nearly repeats (flagged on ``Release.duplicate_of``)."""

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    def summary(self) -> str:
        """One line for the command and the admin page."""
        if self.status == ALREADY_IMPORTED:
            return ALREADY_IMPORTED
        if self.status == FAILED:
            return f"error: {self.error}"
        if self.needs_company:
            return f"imported: issuing company unknown, {_count(self.events_waiting, 'event')} waiting for it"
        line = f"imported: {self.events_proposed} events proposed, {self.events_accepted} accepted"
        return f"{line}; publication date unknown" if self.needs_date else line


@dataclass
class FileResult:
    """One input file: the releases read from it, or the error that stopped it being read."""

    path: str
    results: list[ImportResult] = field(default_factory=list)
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None or any(r.failed for r in self.results)


@dataclass
class ImportSummary:
    files: list[FileResult] = field(default_factory=list)

    @property
    def results(self) -> list[ImportResult]:
        return [r for f in self.files for r in f.results]

    @property
    def imported(self) -> int:
        return sum(r.status == IMPORTED for r in self.results)

    @property
    def already_imported(self) -> int:
        return sum(r.status == ALREADY_IMPORTED for r in self.results)

    @property
    def failed(self) -> int:
        """Releases that failed plus files that could not be read at all."""
        return sum(r.failed for r in self.results) + sum(f.error is not None for f in self.files)

    @property
    def events_proposed(self) -> int:
        return sum(r.events_proposed for r in self.results)

    @property
    def events_accepted(self) -> int:
        return sum(r.events_accepted for r in self.results)

    @property
    def needs_company(self) -> int:
        return sum(r.needs_company for r in self.results)

    @property
    def needs_date(self) -> int:
        return sum(r.needs_date for r in self.results)

    @property
    def failed_paths(self) -> list[str]:
        return [f.path for f in self.files if f.failed]

    def total_line(self) -> str:
        line = (
            f"{len(self.files)} files: {self.imported} releases imported, "
            f"{self.already_imported} already imported, {self.failed} failed; "
            f"{self.events_proposed} events proposed, {self.events_accepted} accepted"
        )
        # Imported, not failed: these wait for an editor to give what their text did not say.
        waiting = [
            f"{_count(n, 'release')} {what}"
            for n, what in (
                (self.needs_company, "without an identified company"),
                (self.needs_date, "without a publication date"),
            )
            if n
        ]
        return f"{line}; for an editor: {', '.join(waiting)}" if waiting else line


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class _Log:
    """The readable step log kept on ``Release.import_log``."""

    def __init__(self, previous: str = ""):
        self.lines: list[str] = [previous.rstrip()] if previous.strip() else []

    def __call__(self, step: str, message: str) -> None:
        self.lines.append(f"{step}: {message}")

    def start(self, what: str) -> None:
        if self.lines:
            self.lines.append("")
        self.lines.append(f"--- {what} at {timezone.now():%Y-%m-%d %H:%M:%S %Z}")

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class _Applied:
    proposed: int = 0
    accepted: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    needs_company: bool = False
    waiting: int = 0
    needs_date: bool = False


# What the import results, the log and the admin say about the two gaps an editor fills.
NEEDS_COMPANY_WARNING = "issuing company unknown: set the release's company, then re-extract it"
NEEDS_DATE_WARNING = "publication date unknown: set the release's date to accept its events"
NEAR_DUPLICATE_WARNING = "possible duplicate: this release nearly repeats"
RETRIED_WARNING = "its earlier import had failed: imported again"


def document_extract(document: Document) -> Proposal:
    """Run the (pure) extractor on a document. Imported lazily: web requests that do not
    extract never load the gazetteer."""
    from ..importer.extract import extract

    return extract(document.text, headline=document.headline, published=document.published)


@dataclass
class _Extracted:
    """What extraction gave, done before any transaction: a proposal, or the error."""

    proposal: Proposal | None
    error: str | None = None
    given: bool = False
    ms: float = 0.0


def _extract(document: Document, proposal: Proposal | None) -> _Extracted:
    if proposal is not None:
        return _Extracted(proposal=proposal, given=True)
    started = time.perf_counter()
    try:
        proposal = document_extract(document)
    except Exception as exc:
        return _Extracted(proposal=None, error=f"extraction failed: {_error_text(exc)}")
    return _Extracted(proposal=proposal, ms=(time.perf_counter() - started) * 1000)


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        detail = "; ".join(
            f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
            for k, v in getattr(exc, "message_dict", {"__all__": exc.messages}).items()
        )
        return f"invalid data: {detail}"
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _fallback_headline(document: Document) -> str:
    if document.headline and document.headline.strip():
        return document.headline.strip()
    for line in document.text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return document.name or "Untitled release"


def _valid_url(url: str | None) -> str:
    if not url:
        return ""
    try:
        URLValidator()(url)
    except ValidationError:
        return ""
    return url[:1000]


def _place_location(place: PlaceRef):
    """The Location for a proposed place; an unresolved or partial place is kept, flagged."""
    # a short form the release uses ("Juarez") is filed under the gazetteer's name (Ciudad Juárez)
    locality = (place.canonical or place.locality or "").strip()
    resolved = place.resolved and bool(locality)
    if not locality:
        locality = (place.text or place.region or place.country or "").strip()
    if not locality:
        return None, False
    return location_get_or_create(
        locality=locality[:200],
        region=(place.region or "")[:10],
        country=(place.country or "")[:2],
        latitude=place.lat,
        longitude=place.lon,
        geonames_id=place.geonames_id,
        resolved=resolved,
    )


def _facility_name(name: str | None) -> str:
    name = (name or "").strip()
    lowered = name.lower()
    for prefix in _NAME_PREFIXES:
        if lowered.startswith(prefix):
            name = name[len(prefix) :].strip()
            break
    return name[:200]


def _facility_kind(kind: str | None) -> str:
    if kind in FacilityKind.values:
        return kind
    return FacilityKind.OTHER if kind else FacilityKind.PLANT


def _company_for(proposal: Proposal, log: _Log) -> Company | None:
    ref = proposal.company
    if not ref or not (ref.name or "").strip():
        log("company", "no issuing company found in the release")
        return None
    name = ref.name.strip()
    company, created = company_get_or_create(
        name=name[:200],
        ticker=(ref.ticker or "")[:20],
        exchange=(ref.exchange or "")[:50],
        legal_name=name[:250],
    )
    # Products and markets from the "About" section fill what the company record lacks.
    changed = []
    for attr in ("products", "markets"):
        value = (getattr(proposal, attr) or "").strip()
        if value and not getattr(company, attr):
            setattr(company, attr, value)
            changed.append(attr)
    if changed:
        company.full_clean()
        company.save(update_fields=changed)
    log("company", f"{'created' if created else 'matched'} {company} (#{company.pk}) for {ref.name!r}")
    return company


def _counterparty(name: str | None) -> Company | None:
    if not name or not name.strip():
        return None
    company, _ = company_get_or_create(name=name.strip()[:200], legal_name=name.strip()[:250])
    return company


def _event_exists(facility: Facility, release: Release, type: str) -> bool:
    return Event.objects.filter(facility=facility, release=release, type=type).exists()


def _apply_event(
    *,
    index: int,
    proposed: ProposedEvent,
    release: Release,
    company: Company,
    announced: date | None,
    accept: bool,
    log: _Log,
    applied: _Applied,
) -> None:
    step = f"event {index}"
    if proposed.type not in EventType.values:
        applied.warnings.append(f"event {index}: unknown type {proposed.type!r} skipped")
        log(step, f"skipped: unknown type {proposed.type!r}")
        return
    location, _ = _place_location(proposed.place)
    if location is None:
        applied.warnings.append(f"event {index}: {proposed.type} without a place skipped")
        log(step, f"skipped: {proposed.type} without a place")
        return
    if not location.resolved:
        applied.warnings.append(f"place {location.label!r} not resolved; flagged for an editor")
    facility, facility_created = facility_get_or_create(
        company=company,
        location=location,
        name=_facility_name(proposed.facility),
        kind=_facility_kind(proposed.kind),
    )
    state = ReviewState.ACCEPTED if accept else ReviewState.PROPOSED
    evidence = (proposed.evidence or "").strip() or release.headline
    confidence = min(max(float(proposed.confidence or 0), 0.0), 1.0)
    where = f"{location.label}{'' if location.resolved else ' (unresolved)'}"
    facility_note = f"facility #{facility.pk} {'created' if facility_created else 'matched'}"

    counterparty = _counterparty(proposed.counterparty) if proposed.type in ("sold", "acquired") else None
    if counterparty and counterparty.pk != company.pk:
        # Both sides of the sale at once: seller's record ends "sold", buyer's starts "acquired".
        if proposed.type == "sold":
            seller_facility, buyer = facility, counterparty
        else:
            seller_facility, _ = facility_get_or_create(
                company=counterparty, location=location, name=facility.name, kind=facility.kind
            )
            buyer = company
        if _event_exists(seller_facility, release, "sold"):
            log(step, f"skipped: sale at {where} already stored for this release")
            return
        facility_record_sale(
            facility=seller_facility,
            buyer=buyer,
            release=release,
            evidence=evidence,
            sold_on=announced,
            effective=proposed.effective,
            review_state=state,
            confidence=confidence,
            employees=proposed.employees,
        )
        count_as = 2
        log(
            step,
            f"sale at {where}: {seller_facility.company} sold to {buyer} ({facility_note}), "
            f"both sides {state} (confidence {confidence:.2f})",
        )
    else:
        if _event_exists(facility, release, proposed.type):
            log(step, f"skipped: {proposed.type} at {where} already stored for this release")
            return
        event_create(
            facility=facility,
            type=proposed.type,
            announced_date=announced,
            effective_date=proposed.effective,
            release=release,
            evidence=evidence,
            employees=proposed.employees,
            confidence=confidence,
            review_state=state,
        )
        count_as = 1
        log(step, f"{proposed.type} at {where} ({facility_note}), {state} (confidence {confidence:.2f})")
    if accept:
        applied.accepted += count_as
    else:
        applied.proposed += count_as


def _release_apply(
    *, release: Release, proposal: Proposal, document: Document, accept_above: float | None, log: _Log
) -> _Applied:
    """Write what the proposal says onto the release and the database (inside a savepoint)."""
    applied = _Applied(warnings=list(proposal.warnings))

    release.headline = (proposal.headline or document.headline or release.headline).strip()[:500]
    release.published = proposal.published or document.published or release.published
    release.wire = (proposal.wire or release.wire or "")[:100]
    if proposal.dateline:
        release.dateline, _ = _place_location(proposal.dateline)
        if release.dateline:
            log("dateline", release.dateline.label + ("" if release.dateline.resolved else " (unresolved)"))
    if release.company is None:
        release.company = _company_for(proposal, log)
    else:
        log("company", f"kept {release.company} (#{release.company.pk}) already set on the release")
    release.full_clean()
    release.save()
    log("release", f"published {release.published or 'unknown'}, wire {release.wire or 'unknown'}")

    company = release.company
    if company is None:
        # Asked for, never guessed, and no failure: the release waits for an editor.
        applied.needs_company = True
        applied.waiting = len(proposal.events)
        waiting = [
            _count(n, noun)
            for n, noun in ((len(proposal.events), "event"), (len(proposal.claims), "claim"))
            if n
        ]
        applied.warnings.append(
            NEEDS_COMPANY_WARNING + (f" to propose its {' and '.join(waiting)}" if waiting else "")
        )
        log(
            "company",
            f"nothing proposed: {' and '.join(waiting) or 'no events'} wait for the issuing company",
        )
        return applied

    # No date in the text: the events are proposed undated (never the import day) and none is
    # accepted until an editor sets the release's date, which dates them.
    announced = release.published
    can_accept = accept_above is not None and announced is not None
    if announced is None and proposal.events:
        applied.needs_date = True
        applied.warnings.append(NEEDS_DATE_WARNING)
        log("events", "publication date unknown: events proposed without a date, none accepted")

    for index, proposed in enumerate(proposal.events, start=1):
        accept = can_accept and (proposed.confidence or 0) >= accept_above
        _apply_event(
            index=index,
            proposed=proposed,
            release=release,
            company=company,
            announced=announced,
            accept=accept,
            log=log,
            applied=applied,
        )

    for claim in proposal.claims:
        claim_get_or_create(
            release=release,
            company=company,
            count=claim.count,
            countries=list(claim.countries or []),
            qualifier=claim.qualifier or "",
            text=claim.text or "",
        )
        applied.claims += 1
        log("claim", f"{claim.count} {claim.qualifier or ''} facilities {claim.countries}".replace("  ", " "))
    return applied


def _mark_failed(release: Release, *, log: _Log, extraction: dict | None) -> None:
    release.refresh_from_db()
    release.import_state = ImportState.FAILED
    release.import_log = log.text
    fields = ["import_state", "import_log"]
    if extraction is not None:
        release.extraction = extraction
        fields.append("extraction")
    release.save(update_fields=fields)


def _extract_and_apply(
    *,
    release: Release,
    document: Document,
    proposal: Proposal | None,
    accept_above: float | None,
    log: _Log,
    result: ImportResult,
    extracted: _Extracted | None = None,
) -> ImportResult:
    if extracted is None:
        extracted = _extract(document, proposal)
    if extracted.error is not None or extracted.proposal is None:
        result.status, result.error = FAILED, extracted.error or "extraction failed"
        log("extract", f"ERROR {result.error}")
        log("result", "failed")
        _mark_failed(release, log=log, extraction=None)
        return result
    proposal = extracted.proposal
    if extracted.given:
        log("extract", f"proposal given: {len(proposal.events)} events, {len(proposal.claims)} claims")
    else:
        log(
            "extract",
            f"{len(proposal.events)} events, {len(proposal.claims)} claims in {extracted.ms:.0f} ms",
        )
    extraction = proposal.to_json(file=document.name or None)

    try:
        with transaction.atomic():
            applied = _release_apply(
                release=release, proposal=proposal, document=document, accept_above=accept_above, log=log
            )
    except Exception as exc:
        result.status, result.error = FAILED, f"applying the proposal failed: {_error_text(exc)}"
        log("apply", f"ERROR {result.error}")
        log("result", "failed")
        _mark_failed(release, log=log, extraction=extraction)
        return result

    for warning in applied.warnings:
        log("warning", warning)
    total = applied.proposed + applied.accepted
    all_accepted = accept_above is not None and applied.proposed == 0 and release.published is not None
    if applied.needs_company:
        release.import_state = ImportState.NEEDS_COMPANY
        log("result", f"{release.import_state}: {_count(applied.waiting, 'event')} waiting for the company")
    else:
        release.import_state = ImportState.REVIEWED if all_accepted else ImportState.EXTRACTED
        log(
            "result",
            f"{release.import_state}: {total} events ({applied.accepted} accepted), {applied.claims} claims",
        )
    release.extraction = extraction
    release.import_log = log.text
    release.save(update_fields=["import_state", "extraction", "import_log"])

    result.events_proposed = applied.proposed
    result.events_accepted = applied.accepted
    result.claims = applied.claims
    result.needs_company = applied.needs_company
    result.events_waiting = applied.waiting
    result.needs_date = applied.needs_date
    result.warnings.extend(applied.warnings)
    return result


def release_import(
    *,
    document: Document,
    accept_above: float | None = None,
    proposal: Proposal | None = None,
    user: AbstractBaseUser | None = None,
    then: Callable[[ImportResult], object] | None = None,
) -> ImportResult:
    """Extract, then store and apply one release in one short transaction; see the module docstring.

    ``then(result)`` runs inside that transaction, so what it writes commits with the release
    (the background import's record of it)."""
    result = ImportResult(name=document.name)
    if not document.text or not document.text.strip():
        result.status, result.error = FAILED, "the document has no text"
        return _then(then, result)
    stored = release_same_text(body=document.text)
    if stored is not None and stored.import_state != ImportState.FAILED:
        return _then(then, _already_imported(result, stored))  # not extracted again for nothing
    # Extraction holds no transaction: readers and other imports never wait on it.
    extracted = _extract(document, proposal)
    with transaction.atomic(), acting(user=user, reason=Reason.IMPORTED):
        result = _release_import(
            document=document, accept_above=accept_above, extracted=extracted, result=result
        )
        if then is not None:
            then(result)
        return result


def _then(then: Callable[[ImportResult], object] | None, result: ImportResult) -> ImportResult:
    if then is not None:
        with transaction.atomic():
            then(result)
    return result


def _already_imported(result: ImportResult, release: Release) -> ImportResult:
    result.release, result.created, result.status = release, False, ALREADY_IMPORTED
    if release.import_state == ImportState.NEEDS_COMPANY:
        result.warnings.append(NEEDS_COMPANY_WARNING)
    elif release.published is None and release.events.filter(announced_date__isnull=True).exists():
        result.warnings.append(NEEDS_DATE_WARNING)
    return result


def _release_import(
    *, document: Document, accept_above: float | None, extracted: _Extracted, result: ImportResult
) -> ImportResult:
    release, created = release_create(
        body=document.text,
        headline=_fallback_headline(document),
        published=document.published,
        url=_valid_url(document.url),
        raw=document.raw if document.raw and document.raw != document.text else "",
        source_name=document.name or "",
    )
    result.release, result.created = release, created
    if not created:
        if release.import_state == ImportState.FAILED:
            return _release_retry(
                release=release,
                document=document,
                accept_above=accept_above,
                extracted=extracted,
                result=result,
            )
        return _already_imported(result, release)
    if document.url and not release.url:
        result.warnings.append(f"URL {document.url!r} is not valid and was not kept")
    log = _Log()
    log.start("import")
    log(
        "store",
        f"release #{release.pk} stored from {document.name or 'pasted text'} ({len(document.text)} characters)",
    )
    for warning in document.warnings:  # what reading the file changed (importer.sanitize)
        log("read", warning)
    result.warnings.extend(document.warnings)
    result = _extract_and_apply(
        release=release,
        document=document,
        proposal=extracted.proposal,
        accept_above=accept_above,
        log=log,
        result=result,
        extracted=extracted,
    )
    _flag_near_duplicate(release=release, result=result, log=log)
    return result


def _release_retry(
    *,
    release: Release,
    document: Document,
    accept_above: float | None,
    extracted: _Extracted,
    result: ImportResult,
) -> ImportResult:
    """A stored release whose import had failed, imported again (once, however many processes try)."""
    release = Release.objects.select_for_update().get(pk=release.pk)
    if release.import_state != ImportState.FAILED:  # another process retried it meanwhile
        return _already_imported(result, release)
    result.release = release
    log = _Log(release.import_log)
    log.start("import again (the earlier import failed)")
    # What a failed import left is normally nothing (its writes were rolled back); clear any.
    touched = set(Event.objects.filter(release=release).values_list("facility_id", flat=True))
    Event.objects.filter(release=release, review_state=ReviewState.PROPOSED).delete()
    release.claims.all().delete()
    result.warnings.append(RETRIED_WARNING)
    result = _extract_and_apply(
        release=release,
        document=document,
        proposal=extracted.proposal,
        accept_above=accept_above,
        log=log,
        result=result,
        extracted=extracted,
    )
    _facilities_drop_orphans(facility_ids=touched)
    _flag_near_duplicate(release=release, result=result, log=log)
    return result


def _flag_near_duplicate(*, release: Release, result: ImportResult, log: _Log) -> None:
    if result.failed:
        return
    # with its issuer and date known now, compare it with that issuer's and that day's releases
    near = release_flag_near_duplicate(release=release)
    if near is not None:
        result.near_duplicate = near.release
        result.warnings.append(f"{NEAR_DUPLICATE_WARNING} {near.describe()}")
        log("duplicate", f"nearly repeats {near.describe()}; flagged for an editor")
        Release.objects.filter(pk=release.pk).update(import_log=log.text)


def release_reextract(
    *, release: Release, accept_above: float | None = None, user: AbstractBaseUser | None = None
) -> ImportResult:
    """Re-run extraction on a stored release.

    Still-proposed events are replaced by the new proposal's; accepted and rejected ones are
    editors' decisions and stay (a new event identical to one of them is skipped). Claims are
    replaced. The issuing company and the publication date are kept when set (editors may have
    given or corrected them): this is how a release that waited for its company
    (``ImportState.NEEDS_COMPANY``) gets its events once an editor has set it. Everything it
    writes and removes is recorded in the history as "re-extracted" by ``user``.
    """
    # Extracted before the transaction (no lock held however long it takes), from the release as
    # stored now; if an editor changes its text, headline or date meanwhile, extracted again.
    document = _release_document(release)
    extracted = _extract(document, None)
    with transaction.atomic(), acting(user=user, reason=Reason.REEXTRACTED):
        return _release_reextract(
            release=release, accept_above=accept_above, document=document, extracted=extracted
        )


def _release_document(release: Release) -> Document:
    return Document(
        name=release.source_name,
        text=release.body,
        raw=release.raw,
        headline=release.headline,
        url=release.url or None,
        published=release.published,
    )


def _release_reextract(
    *, release: Release, accept_above: float | None, document: Document, extracted: _Extracted
) -> ImportResult:
    release = Release.objects.select_for_update().get(pk=release.pk)
    if _release_document(release) != document:  # changed since it was extracted
        document, extracted = _release_document(release), _extract(_release_document(release), None)
    result = ImportResult(name=release.source_name or f"release #{release.pk}", release=release)
    log = _Log(release.import_log)
    log.start("re-extract")

    stale = Event.objects.filter(release=release, review_state=ReviewState.PROPOSED)
    touched = set(stale.values_list("facility_id", flat=True))
    removed = stale.count()
    stale.delete()
    release.claims.all().delete()
    log("re-extract", f"{removed} proposed events and the claims removed; accepted and rejected events kept")

    result = _extract_and_apply(
        release=release,
        document=document,
        proposal=None,
        accept_above=accept_above,
        log=log,
        result=result,
        extracted=extracted,
    )
    _facilities_drop_orphans(facility_ids=touched)
    return result


def _facilities_drop_orphans(*, facility_ids: Iterable[int]) -> None:
    """Facilities that only existed for proposed events that are now gone."""
    Facility.objects.filter(pk__in=list(facility_ids), events__isnull=True, predecessor__isnull=True).delete()


def import_paths(
    *,
    paths: Iterable[str | Path],
    accept_above: float | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    user: AbstractBaseUser | None = None,
) -> ImportSummary:
    """Import every release in files, folders (recursively) and feeds.

    A file that cannot be read is reported with its error and the rest go on; each release is
    imported in its own transaction. ``on_file`` is called as each file is done (for progress).
    """
    from ..importer.inputs import InputError, iter_paths, read_path

    summary = ImportSummary()

    def done(file_result: FileResult) -> None:
        summary.files.append(file_result)
        if on_file:
            on_file(file_result)

    for file in iter_paths(paths):
        file_result = FileResult(path=str(file))
        try:
            documents = read_path(file)
        except (InputError, OSError, UnicodeError, ValueError) as exc:
            file_result.error = str(exc) or type(exc).__name__
        else:
            file_result.results = documents_import(documents=documents, accept_above=accept_above, user=user)
        done(file_result)
    return summary


def documents_import(
    *,
    documents: Iterable[Document],
    accept_above: float | None = None,
    user: AbstractBaseUser | None = None,
    then: Callable[[ImportResult], object] | None = None,
) -> list[ImportResult]:
    """Import documents one by one, each in its own transaction; one failing does not stop the rest.
    ``then`` is passed to ``release_import``: it is not called for a release that raised."""
    results = []
    for document in documents:
        try:
            results.append(release_import(document=document, accept_above=accept_above, user=user, then=then))
        except Exception as exc:  # a database error while storing: report it, go on
            results.append(ImportResult(name=document.name, status=FAILED, error=_error_text(exc)))
    return results
