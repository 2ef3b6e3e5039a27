import hashlib

from django.db import models, transaction
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..querysets import ReleaseQuerySet


class ImportState(models.TextChoices):
    NEW = "new", "New"
    EXTRACTED = "extracted", "Extracted"
    NEEDS_COMPANY = "needs_company", "Needs its company"
    REVIEWED = "reviewed", "Reviewed"
    FAILED = "failed", "Extraction failed"


def content_hash(body: str) -> str:
    """SHA-256 of the release's body words (``importer.fingerprint.identity``: page chrome, wire
    tags, About and contact blocks, case, punctuation and whitespace set aside), so copies of one
    release laid out differently match. A text with no words is hashed with whitespace collapsed."""
    from ..importer.fingerprint import identity

    normalised = identity(body) or " ".join(body.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def words_hash(body: str) -> str:
    """SHA-256 of every word of the text (``importer.fingerprint.all_words``): copies that differ
    only in whitespace, case or punctuation match even where that changes how the layout reads."""
    from ..importer.fingerprint import all_words

    return hashlib.sha256(all_words(body).encode("utf-8")).hexdigest()


class Release(models.Model):
    """A source document, usually a press release, kept verbatim.

    The same text is never stored twice (``content_hash`` and ``words_hash``; see
    ``services.duplicates``), and a near-duplicate found on import is flagged (``duplicate_of``). ``extraction`` keeps the
    importer's last proposal and ``import_log`` what happened at each step. Nothing is invented:
    a release whose text gives no date has none (its events wait, undated, for an editor to set
    it), and one whose issuer could not be identified waits for an editor to name it
    (``ImportState.NEEDS_COMPANY``).
    """

    headline = models.CharField(max_length=500)
    body = models.TextField(help_text="The release text as published (untrusted; always rendered escaped).")
    raw = models.TextField(blank=True, help_text="The input verbatim (HTML, e-mail source), when it differs.")
    source_name = models.CharField(
        max_length=500, blank=True, help_text="File name or feed entry the release came from."
    )
    wire = models.CharField(max_length=100, blank=True, help_text="Wire service, e.g. Business Wire.")
    published = models.DateField(
        null=True,
        blank=True,
        help_text="Publication date from the dateline; blank when the text gives none (never the import day). "
        "Setting it dates the release's undated events.",
    )
    dateline = models.ForeignKey(
        "Location",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="datelined_releases",
        help_text="Place in the dateline (where the release was issued; not an event).",
    )
    url = models.URLField(max_length=1000, blank=True)
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the body's words without page chrome, wire tags, About and contact blocks.",
    )
    words_hash = models.CharField(
        max_length=64,
        db_index=True,
        editable=False,
        default="",
        help_text="SHA-256 of all the text's words; the same text however it is spaced or wrapped.",
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="possible_duplicates",
        help_text="A stored release this one nearly repeats, found on import: delete this one if it is "
        "a copy, or clear the field if it is a different release.",
    )
    company = models.ForeignKey(
        "Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="releases",
        help_text="The issuing company.",
    )
    import_state = models.CharField(
        max_length=20,
        choices=ImportState.choices,
        default=ImportState.NEW,
        help_text="Where the release is in the import flow. "
        "\u201cNeeds its company\u201d: the issuer could not be identified, so nothing was proposed; "
        "set the company, then re-extract.",
    )
    extraction = models.JSONField(
        null=True, blank=True, editable=False, help_text="The importer's last proposal, as JSON."
    )
    import_log = models.TextField(blank=True, editable=False, help_text="What each import step did.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReleaseQuerySet.as_manager()
    # Left out of the history: ``raw``, ``extraction`` and ``import_log``, the importer's bulky
    # working copies rewritten on each re-extraction, and ``words_hash`` (derived from the body);
    # the history keeps what an editor reads and edits.
    history = HistoricalRecords(excluded_fields=["raw", "extraction", "import_log", "words_hash"])

    class Meta:
        ordering = ["-published", "-id"]
        # Near-duplicates are looked for among releases of the same date (or the same issuer,
        # whose foreign key is indexed already).
        indexes = [models.Index(fields=["published"], name="release_published_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(import_state__in=ImportState.values), name="release_import_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # the stored hashes are the body's as loaded (None when the body was deferred)
        instance._hashed_body = instance.__dict__.get("body")
        return instance

    def save(self, *args, **kwargs):
        from ..services.facilities import facilities_refresh
        from ..services.releases import release_date_undated_events

        update_fields = kwargs.get("update_fields")
        if (update_fields is None or "body" in update_fields) and getattr(
            self, "_hashed_body", None
        ) != self.body:
            # hashing reads the layout (a few ms): only when the text is new or changed
            self.content_hash = content_hash(self.body)
            self.words_hash = words_hash(self.body)
            self._hashed_body = self.body
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "content_hash", "words_hash"}
        with transaction.atomic():
            existed, old_published = bool(self.pk), None
            if existed:
                old_published = Release.objects.filter(pk=self.pk).values_list("published", flat=True).first()
            super().save(*args, **kwargs)
            if old_published != self.published and self.pk:
                # Events of a release without a date wait for it: they take it now.
                if existed and self.published is not None:
                    release_date_undated_events(release=self)
                # The release date orders same-day events, so a changed date can change statuses.
                facilities_refresh(facility_ids=self.events.values_list("facility_id", flat=True))

    def delete(self, *args, **kwargs):
        from ..services.facilities import facilities_refresh

        with transaction.atomic():
            facility_ids = list(self.events.values_list("facility_id", flat=True))
            result = super().delete(*args, **kwargs)
            facilities_refresh(facility_ids=facility_ids)
        return result

    def get_absolute_url(self) -> str:
        return reverse("companies:release_detail", kwargs={"pk": self.pk})
