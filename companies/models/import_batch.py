"""A large import done in the background: the files as uploaded, and what became of each.

The admin "Import releases" page imports a few releases at once; more than
``companies.services.import_batches.IMPORT_AT_ONCE_MAX`` are stored here verbatim before the
request returns, and a worker (``manage.py db_worker``) imports them file by file through the
same ``release_import`` service, recording each release's outcome as it goes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce


class ImportBatchState(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    RUNNING = "running", "Importing"
    DONE = "done", "Done"
    FAILED = "failed", "Stopped by an error"


class ImportFileState(models.TextChoices):
    WAITING = "waiting", "Waiting"
    DONE = "done", "Done"
    FAILED = "failed", "Could not be read"


class ImportBatchQuerySet(models.QuerySet):
    def with_progress(self):
        """Each batch with ``files_count``, ``files_done``, ``releases_count`` and ``releases_done``."""
        return self.annotate(
            files_count=Count("files"),
            files_done=Count("files", filter=~Q(files__state=ImportFileState.WAITING)),
            releases_count=Coalesce(Sum("files__releases_total"), 0),
            releases_done=Coalesce(Sum("files__releases_done"), 0),
        )


class ImportBatch(models.Model):
    """One submission of many releases from the admin, imported in the background.

    The inputs are kept verbatim on its files, so nothing is lost while the worker is down; the
    task that imports them carries ``run_token`` and stops if the batch was queued again since
    (a stalled run superseded by a new one). Progress is read from the files.
    """

    state = models.CharField(
        max_length=10,
        choices=ImportBatchState.choices,
        default=ImportBatchState.QUEUED,
        help_text="Where the batch is: waiting for the worker, importing, done, or stopped by an error.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_batches",
        help_text="The editor who submitted the files.",
    )
    accept_above = models.FloatField(
        null=True,
        blank=True,
        help_text="Events with at least this confidence (0–1) are accepted at once; blank: all proposed.",
    )
    run_token = models.CharField(
        max_length=32,
        blank=True,
        help_text="Identifies the latest queued run; an older run stops when it differs.",
    )
    error = models.TextField(blank=True, help_text="Why the batch stopped, when it did.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the files were submitted.")
    started_at = models.DateTimeField(
        null=True, blank=True, help_text="When the worker started on the batch."
    )
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="The worker's last sign of life: set after every release it imports."
    )
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When the last file was done.")

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import batch"
        verbose_name_plural = "import batches"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=ImportBatchState.values), name="import_batch_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(accept_above__isnull=True)
                | models.Q(accept_above__gte=0, accept_above__lte=1),
                name="import_batch_accept_above_0_to_1",
            ),
            models.CheckConstraint(
                condition=models.Q(finished_at__isnull=True)
                | models.Q(state__in=[ImportBatchState.DONE, ImportBatchState.FAILED]),
                name="import_batch_finished_only_when_done_or_failed",
            ),
        ]

    def __str__(self) -> str:
        return f"Import #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (ImportBatchState.DONE, ImportBatchState.FAILED)


class ImportFile(models.Model):
    """One uploaded file (or pasted text) of a batch: its bytes verbatim, and what became of it.

    The worker adds one :class:`ImportRecord` per release as it imports it, so the batch page
    shows progress within a feed too; a file whose bytes cannot be read is ``failed`` with the
    reason in ``error``.
    """

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField(help_text="Order in which the file was submitted (from 0).")
    name = models.CharField(max_length=500, help_text="The uploaded file's name, or \u201cpasted text\u201d.")
    data = models.BinaryField(help_text="The file as uploaded, byte for byte.")
    headline = models.CharField(
        max_length=500, blank=True, help_text="Headline the editor gave with pasted text (one release only)."
    )
    url = models.URLField(max_length=1000, blank=True, help_text="URL the editor gave with pasted text.")
    published = models.DateField(
        null=True, blank=True, help_text="Publication date the editor gave with pasted text."
    )
    state = models.CharField(
        max_length=10,
        choices=ImportFileState.choices,
        default=ImportFileState.WAITING,
        help_text="Waiting, done (each release's outcome in its records), or could not be read.",
    )
    releases_total = models.PositiveIntegerField(default=0, help_text="Releases read from the file.")
    releases_done = models.PositiveIntegerField(
        default=0, help_text="Releases imported so far (its records; kept here for progress counts)."
    )
    error = models.TextField(blank=True, help_text="Why the file could not be read.")

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="import_file_unique_position"),
            models.CheckConstraint(
                condition=models.Q(state__in=ImportFileState.values), name="import_file_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def outcome(self, records: list[ImportRecord]) -> str:
        """One line for the batch page, e.g. "2 imported, 1 already imported; 3 events proposed, 0 accepted"."""
        if self.state == ImportFileState.FAILED:
            return f"could not be read: {self.error}"
        statuses: dict[str, int] = {}
        for record in records:
            statuses[record.status] = statuses.get(record.status, 0) + 1
        parts = [f"{n} {status}" for status, n in statuses.items()]
        if self.state == ImportFileState.WAITING:
            parts.append(f"{self.releases_total - self.releases_done} to go")
        line = ", ".join(parts) or "no releases"
        if not records:
            return line
        proposed = sum(r.events_proposed for r in records)
        accepted = sum(r.events_accepted for r in records)
        return f"{line}; {proposed} events proposed, {accepted} accepted"


class ImportRecordStatus(models.TextChoices):
    IMPORTED = "imported", "Imported"
    ALREADY_IMPORTED = "already imported", "Already imported"
    FAILED = "failed", "Failed"


class ImportRecord(models.Model):
    """What importing one release of a file did: the ``release_import`` result, kept.

    Written in the same transaction as the release itself, so a run that stops resumes at the
    first release of the file without a record.
    """

    file = models.ForeignKey(ImportFile, on_delete=models.CASCADE, related_name="records")
    position = models.PositiveIntegerField(
        help_text="The release's place in its file (from 0; a feed holds many)."
    )
    name = models.CharField(
        max_length=500, help_text="The document's name, e.g. \u201cwire.xml#3\u201d for a feed entry."
    )
    status = models.CharField(
        max_length=20, choices=ImportRecordStatus.choices, help_text="Imported, already imported, or failed."
    )
    release = models.ForeignKey(
        "Release",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_records",
        help_text="The release stored (or found already stored); blank when nothing could be stored.",
    )
    summary = models.CharField(max_length=1000, help_text="One line: what was proposed, or the error.")
    warnings = models.JSONField(
        default=list, blank=True, help_text="What an editor should know, one line each."
    )
    events_proposed = models.PositiveIntegerField(default=0, help_text="Events proposed for review.")
    events_accepted = models.PositiveIntegerField(
        default=0, help_text="Events accepted at once (accept above)."
    )
    needs_company = models.BooleanField(default=False, help_text="The issuer could not be identified.")
    needs_date = models.BooleanField(default=False, help_text="The text gives no publication date.")

    class Meta:
        ordering = ["file", "position"]
        constraints = [
            models.UniqueConstraint(fields=["file", "position"], name="import_record_unique_position"),
            models.CheckConstraint(
                condition=models.Q(status__in=ImportRecordStatus.values), name="import_record_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.summary}"

    @property
    def failed(self) -> bool:
        return self.status == ImportRecordStatus.FAILED
