from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..querysets import EventQuerySet


class EventType(models.TextChoices):
    OPENED = "opened", "Opened"
    EXPANDED = "expanded", "Expanded"
    IDLED = "idled", "Idled"
    REOPENED = "reopened", "Reopened"
    CLOSED = "closed", "Closed"
    SOLD = "sold", "Sold"
    ACQUIRED = "acquired", "Acquired"


class ReviewState(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


def undated_release_message(release) -> str:
    """Why an event of a release without a publication date cannot be accepted yet."""
    return (
        f"The release \u201c{release.headline}\u201d has no publication date: "
        "set the release's date to accept its events."
    )


class Event(models.Model):
    """One thing that happened to one facility, on the word of a release (or an editor).

    Only accepted events count towards a facility's status. Saving or deleting an event, in
    any way (admin, import, shell, queryset update), rewrites its facility's status spans
    in the same transaction.
    """

    facility = models.ForeignKey("Facility", on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=10, choices=EventType.choices)
    announced_date = models.DateField(
        null=True,
        blank=True,
        help_text="When it was announced (the release date). Blank only while the source release's "
        "publication date is unknown: such an event cannot be accepted until an editor sets that date.",
    )
    effective_date = models.DateField(
        null=True,
        blank=True,
        help_text='When it takes effect, if the release says ("will close by June 30"); may be in the future.',
    )
    employees = models.PositiveIntegerField(null=True, blank=True, help_text="Employees affected, if stated.")
    release = models.ForeignKey(
        "Release",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        help_text="The source release; blank for an event entered by hand.",
    )
    evidence = models.TextField(blank=True, help_text="The sentence of the release that says so.")
    confidence = models.FloatField(
        default=1.0, help_text="Extractor's confidence, 0–1; 1 for events entered by hand."
    )
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.PROPOSED)
    note = models.TextField(blank=True, help_text="Editor's note, e.g. the source of a hand-entered event.")
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()
    # Accepting, rejecting and re-extracting are recorded with the editor and a change reason
    # (see ``companies.services.history``).
    history = HistoricalRecords()

    class Meta:
        ordering = ["-announced_date", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(type__in=EventType.values), name="event_type_valid"),
            models.CheckConstraint(
                condition=models.Q(review_state__in=ReviewState.values), name="event_review_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0, confidence__lte=1), name="event_confidence_range"
            ),
            models.CheckConstraint(
                condition=models.Q(release__isnull=True) | ~models.Q(evidence=""),
                name="event_from_release_has_evidence",
            ),
            # Nothing is invented: an event of an undated release has no date, and only a dated
            # event can count towards a status.
            models.CheckConstraint(
                condition=~models.Q(review_state=ReviewState.ACCEPTED)
                | models.Q(announced_date__isnull=False),
                name="event_accepted_has_announced_date",
                violation_error_message="An accepted event needs its announced date.",
            ),
            models.CheckConstraint(
                condition=models.Q(release__isnull=False) | models.Q(announced_date__isnull=False),
                name="event_by_hand_has_announced_date",
                violation_error_message="An event entered by hand needs its announced date.",
            ),
            models.UniqueConstraint(fields=["facility", "release", "type"], name="event_unique_per_release"),
        ]
        indexes = [
            models.Index(fields=["review_state", "announced_date"]),
            # A facility's accepted events (status history, a company's timeline): without it
            # SQLite answers "accepted events of these facilities" by scanning every accepted one.
            models.Index(fields=["facility", "review_state"], name="event_facility_state_idx"),
            # Newest accepted first (home, company timeline), and the events page, its feeds and
            # the changes pages' date ranges by an event's date (querysets.EVENT_DATE). The review
            # state leads instead of a partial index's condition: SQLite only uses a partial index
            # when the query spells the condition as a literal, and Django sends it as a parameter.
            models.Index(
                models.F("review_state"),
                models.F("announced_date").desc(),
                models.F("id").desc(),
                name="event_state_latest_idx",
            ),
            models.Index(
                models.F("review_state"),
                Coalesce("effective_date", "announced_date").desc(),
                models.F("announced_date").desc(),
                models.F("id").desc(),
                name="event_state_date_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.facility} ({self.date or 'undated'})"

    @property
    def date(self):
        """The date the event takes effect: effective where stated, else announced (None while
        its release's publication date is unknown)."""
        return self.effective_date or self.announced_date

    def get_absolute_url(self) -> str:
        return reverse("companies:facility_detail", kwargs={"pk": self.facility_id}) + f"#event-{self.pk}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        release = self.release
        if self.announced_date is None and release is not None and release.published:
            # Events are announced on the day their release is published.
            self.announced_date = release.published
        if self.announced_date is None:
            # Nothing is invented: no date until an editor gives the release (or the event) one.
            if release is None:
                errors["announced_date"] = "An event entered by hand needs its announced date."
            elif self.review_state == ReviewState.ACCEPTED:
                errors["announced_date"] = undated_release_message(release)
        # A facility's events come from releases about its company, or are entered by hand.
        # Sales and acquisitions are the exception: one release speaks for buyer and seller.
        if (
            release is not None
            and self.facility_id
            and release.company_id
            and release.company_id != self.facility.company_id
            and self.type not in (EventType.ACQUIRED, EventType.SOLD)
        ):
            errors["release"] = "This release is about another company than the facility's."
        if errors:
            raise ValidationError(errors)

    @property
    def release_published(self):
        """Publication date of the source release, used to order same-day events."""
        return self.release.published if self.release_id else None

    def save(self, *args, **kwargs):
        from ..services.facilities import facilities_refresh

        with transaction.atomic():
            previous_facility_id = previous_state = None
            if self.pk:
                previous_facility_id, previous_state = Event.objects.filter(pk=self.pk).values_list(
                    "facility_id", "review_state"
                ).first() or (None, None)
            super().save(*args, **kwargs)
            # a proposal that was never accepted changes no status and no public page: the cached
            # pages and counts stay (an import of hundreds of proposals would otherwise keep
            # every page cold while it runs)
            public = ReviewState.ACCEPTED in (self.review_state, previous_state)
            facilities_refresh(facility_ids=[self.facility_id, previous_facility_id], forget=public)

    def delete(self, *args, **kwargs):
        from ..services.facilities import facilities_refresh

        with transaction.atomic():
            facility_id = self.facility_id
            public = self.review_state == ReviewState.ACCEPTED
            result = super().delete(*args, **kwargs)
            facilities_refresh(facility_ids=[facility_id], forget=public)
        return result
