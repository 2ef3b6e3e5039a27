"""Imports from the admin, small ones at once and large ones in the background.

``releases_submit`` is what the admin "Import releases" page calls with the pasted text and the
uploaded files. It reads them into documents (``companies.importer.inputs``; cheap, no
extraction) to count the releases, then:

* up to ``IMPORT_AT_ONCE_MAX`` releases are imported in the request, as before;
* more are stored verbatim as an :class:`~companies.models.ImportBatch` (one
  :class:`~companies.models.ImportFile` per upload) and queued for the worker
  (``manage.py db_worker``, django-tasks' database backend) in the same transaction, so the
  request returns at once and nothing is lost while the worker is down.

The worker runs ``import_batch_run`` (a few seconds' worth of releases per task, each task
queueing the next): file by file, release by release, through the same
``documents_import``/``release_import`` as the command and the small imports (parsing and
applying are never written twice). Each release's outcome is kept as an ``ImportRecord`` in
the same transaction as the release itself, so a run that dies resumes exactly where it stopped when the
batch is queued again (``import_batch_requeue``); the run token makes a superseded run stop.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from ..importer.proposal import Document
from ..models import ImportBatch, ImportBatchState, ImportFile, ImportFileState, ImportRecord
from .imports import FAILED, ImportResult, _error_text, documents_import

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

IMPORT_AT_ONCE_MAX = 20
"""Submissions of up to this many releases are imported in the request (about 1–2 s at the
measured 11–16 releases/s); larger ones go to the background worker."""

RELEASES_PER_TASK = 50
"""One task imports at most this many releases (a few seconds), then queues the rest."""

STALLED_AFTER = timedelta(minutes=5)
"""A running batch with no sign of life from its worker for this long may be queued again
(one release takes well under a second to import)."""


@dataclass(frozen=True)
class RawInput:
    """One upload (or the pasted text) as the editor gave it, before it is read."""

    name: str
    data: bytes
    headline: str = ""
    url: str = ""
    published: date | None = None


@dataclass
class Submission:
    """What ``releases_submit`` did: imported at once (``results``) or queued (``batch``)."""

    results: list[ImportResult] = field(default_factory=list)
    batch: ImportBatch | None = None
    releases: int = 0


def input_documents(raw: RawInput) -> list[Document]:
    """The documents in one input; what the editor gave with a single pasted release wins.

    Raises ``companies.importer.inputs.InputError`` when the input cannot be read.
    """
    from ..importer.inputs import read_bytes

    documents = read_bytes(raw.data, raw.name)
    if len(documents) == 1:
        document = documents[0]
        document.headline = raw.headline or document.headline
        document.url = raw.url or document.url
        document.published = raw.published or document.published
    return documents


def _read(raw: RawInput) -> tuple[list[Document], str | None]:
    from ..importer.inputs import InputError

    try:
        return input_documents(raw), None
    except (InputError, UnicodeError, ValueError) as error:
        return [], str(error) or type(error).__name__


def releases_submit(
    *, inputs: list[RawInput], accept_above: float | None = None, user: AbstractBaseUser | None = None
) -> Submission:
    """Import a few releases now, or store and queue many for the worker; see the module docstring."""
    read = [(raw, *_read(raw)) for raw in inputs]
    releases = sum(len(documents) for _, documents, _ in read)
    if releases <= IMPORT_AT_ONCE_MAX:
        results: list[ImportResult] = []
        for raw, documents, error in read:
            if error is not None:
                results.append(ImportResult(name=raw.name, status=FAILED, error=error))
            else:
                results += documents_import(documents=documents, accept_above=accept_above, user=user)
        return Submission(results=results, releases=releases)
    batch = import_batch_create(
        files=[(raw, len(documents), error) for raw, documents, error in read],
        accept_above=accept_above,
        user=user,
    )
    return Submission(batch=batch, releases=releases)


@transaction.atomic
def import_batch_create(
    *,
    files: list[tuple[RawInput, int, str | None]],
    accept_above: float | None = None,
    user: AbstractBaseUser | None = None,
) -> ImportBatch:
    """Store the inputs verbatim (with the number of releases each holds, or why it cannot be
    read) and queue the batch, all in one transaction: no batch without its task, no task
    without its files."""
    batch = ImportBatch(accept_above=accept_above, created_by=user if user is not None and user.pk else None)
    batch.full_clean()
    batch.save()
    ImportFile.objects.bulk_create(
        ImportFile(
            batch=batch,
            position=position,
            name=raw.name[:500],
            data=raw.data,
            headline=raw.headline[:500],
            url=raw.url[:1000],
            published=raw.published,
            releases_total=count,
            state=ImportFileState.FAILED if error is not None else ImportFileState.WAITING,
            error=error or "",
        )
        for position, (raw, count, error) in enumerate(files)
    )
    return import_batch_queue(batch=batch)


def import_batch_queue(*, batch: ImportBatch) -> ImportBatch:
    """Give the batch a new run token and queue a run with it (an older run then stops)."""
    from ..tasks import import_batch_task

    batch.run_token = uuid.uuid4().hex
    batch.state = ImportBatchState.QUEUED
    batch.error = ""
    batch.finished_at = None
    batch.save(update_fields=["run_token", "state", "error", "finished_at"])
    # With the database backend this is a row in the same transaction; the immediate backend
    # (tests) runs the import right here.
    import_batch_task.enqueue(batch_id=batch.pk, token=batch.run_token)
    batch.refresh_from_db()
    return batch


def import_batch_stalled(*, batch: ImportBatch, now: datetime | None = None) -> bool:
    """Stopped by an error, or running with no sign of life for ``STALLED_AFTER``."""
    if batch.state == ImportBatchState.FAILED:
        return True
    if batch.state != ImportBatchState.RUNNING:
        return False
    last = batch.heartbeat_at or batch.started_at or batch.created_at
    return (now or timezone.now()) - last > STALLED_AFTER


@transaction.atomic
def import_batch_requeue(*, batch: ImportBatch) -> ImportBatch:
    """Queue a stalled batch again: the new run goes on from the first release not yet done."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if not import_batch_stalled(batch=batch):
        raise ValueError("only a batch stopped by an error, or stalled for minutes, can be queued again.")
    return import_batch_queue(batch=batch)


def import_record_create(*, file: ImportFile, position: int, result: ImportResult) -> ImportRecord:
    """Keep what importing one release of the file did, and count it on the file."""
    record = ImportRecord(
        file=file,
        position=position,
        name=(result.name or "")[:500],
        status=result.status,
        release=result.release if result.release is not None and result.release.pk else None,
        summary=result.summary()[:1000],
        warnings=list(result.warnings),
        events_proposed=result.events_proposed,
        events_accepted=result.events_accepted,
        needs_company=result.needs_company,
        needs_date=result.needs_date,
    )
    record.full_clean(exclude=["file", "release"])
    record.save()
    file.releases_done = position + 1
    file.save(update_fields=["releases_done", "releases_total"])
    return record


def _alive(*, batch_id: int, token: str) -> bool:
    """Still this run's batch? Also the heartbeat the batch page reads."""
    return ImportBatch.objects.filter(pk=batch_id, run_token=token).update(heartbeat_at=timezone.now()) == 1


def _file_run(*, file: ImportFile, batch: ImportBatch, token: str, budget: int) -> int | None:
    """Import up to ``budget`` of the file's releases not yet done; the budget left (0 when the
    file is not finished), or None when the run was superseded."""
    documents, error = _read(
        RawInput(
            name=file.name,
            data=bytes(file.data),
            headline=file.headline,
            url=file.url,
            published=file.published,
        )
    )
    if error is not None:
        file.state, file.error = ImportFileState.FAILED, error
        file.save(update_fields=["state", "error"])
        return budget
    file.releases_total = len(documents)
    for document in documents[file.releases_done :]:
        if budget <= 0:
            return 0
        if not _alive(batch_id=batch.pk, token=token):
            return None
        # The release and its record commit together (``then`` runs in the release's short write
        # transaction, after extraction, which holds none): a run that dies resumes exactly at
        # the next release.
        recorded = []

        def record(
            result: ImportResult, position: int = file.releases_done, recorded: list = recorded
        ) -> None:
            recorded.append(import_record_create(file=file, position=position, result=result))

        (result,) = documents_import(
            documents=[document], accept_above=batch.accept_above, user=batch.created_by, then=record
        )
        if not recorded:  # the import raised before its record was written: record the error
            with transaction.atomic():
                import_record_create(file=file, position=file.releases_done, result=result)
        budget -= 1
    file.state = ImportFileState.DONE
    file.save(update_fields=["state", "releases_total"])
    return budget


def import_batch_run(*, batch_id: int, token: str) -> dict:
    """Import the batch's next ``RELEASES_PER_TASK`` releases, then queue the rest as a new task.

    The worker's task (see the module docstring). Short tasks let a worker that is asked to
    stop finish within seconds (the next one goes on from the queue), and let batches queued
    together take turns.
    """
    from ..tasks import import_batch_task

    batch = ImportBatch.objects.filter(pk=batch_id, run_token=token).first()
    if batch is None or batch.finished:
        return {"batch": batch_id, "ran": False}
    now = timezone.now()
    batch.state, batch.started_at, batch.heartbeat_at = ImportBatchState.RUNNING, batch.started_at or now, now
    batch.save(update_fields=["state", "started_at", "heartbeat_at"])
    this_run = ImportBatch.objects.filter(pk=batch.pk, run_token=token)
    budget: int | None = RELEASES_PER_TASK
    try:
        for file in batch.files.filter(state=ImportFileState.WAITING).order_by("position"):
            budget = _file_run(file=file, batch=batch, token=token, budget=budget)
            if budget is None:
                return {"batch": batch_id, "ran": False, "superseded": True}
            if budget <= 0 and batch.files.filter(state=ImportFileState.WAITING).exists():
                import_batch_task.enqueue(batch_id=batch_id, token=token)
                return {"batch": batch_id, "ran": True, "continued": True}
    except Exception as exc:
        this_run.update(state=ImportBatchState.FAILED, error=_error_text(exc), finished_at=timezone.now())
        raise
    this_run.update(state=ImportBatchState.DONE, finished_at=timezone.now())
    return {"batch": batch_id, "ran": True}
