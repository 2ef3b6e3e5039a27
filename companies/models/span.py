from django.db import models

from ..querysets import StatusSpanQuerySet
from ..status import BEGINNING, Status
from .event import EventType
from .facility import FacilityStatus


class StatusSpan(models.Model):
    """A stretch of a facility's status history: from ``valid_from`` (inclusive) to ``valid_to``
    (exclusive; open-ended when blank) its status, and why, is one and the same.

    Spans are ``companies.status.spans`` stored: they are written only by
    ``companies.services.facilities.facilities_refresh``, which rewrites all of a facility's spans
    from its accepted events whenever those change, in the same transaction, however the change
    is made. Never typed. A facility's spans do not overlap, so its status on a date ``d`` is the
    one span with ``valid_from <= d AND (valid_to IS NULL OR valid_to > d)``
    (``companies.querysets.span_on``): "today", any past date and any future one alike, so an
    announced closure takes effect on its date with no job to run. A facility with no span on a
    date is in no footprint then (before its opening, or it has no accepted events).

    ``company`` repeats the facility's company (the status service writes it with the span and
    ``facilities_follow_company`` moves it when a facility changes hands in the records), so the
    company page reads a company's or a family's spans on a date from one index range
    (``span_company_dates_idx``) instead of probing each facility's spans.
    """

    facility = models.ForeignKey(
        "Facility", on_delete=models.CASCADE, related_name="spans", help_text="Whose status this is."
    )
    company = models.ForeignKey(
        "Company",
        on_delete=models.CASCADE,
        related_name="status_spans",
        db_index=False,  # span_company_dates_idx leads with it
        help_text="The facility's company, stored with the span by the status service (and moved "
        "with the facility), so a company's counts and lists on a date are one index range.",
    )
    valid_from = models.DateField(
        help_text="First day of the span. 0001-01-01 when it holds from before the first event "
        "(the status that event implies, e.g. open before an idling)."
    )
    valid_to = models.DateField(
        null=True, blank=True, help_text="The day after its last day (exclusive); blank while it still holds."
    )
    status = models.CharField(
        max_length=10, choices=FacilityStatus.choices, help_text="The status on every day of the span."
    )
    since = models.DateField(
        null=True,
        blank=True,
        help_text="When the status took effect (before valid_from when only a pending announcement "
        "changed); blank when it is implied by the first event.",
    )
    event = models.ForeignKey(
        "Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accepted event that set the status; blank when implied by the first event.",
    )
    pending_type = models.CharField(
        max_length=10,
        blank=True,
        choices=EventType.choices,
        help_text="An accepted event announced by then for a later date, e.g. closed "
        '("closure announced for ..."); blank when none.',
    )
    pending_date = models.DateField(
        null=True, blank=True, help_text="When that announced event takes effect."
    )

    objects = StatusSpanQuerySet.as_manager()

    class Meta:
        ordering = ["facility_id", "valid_from"]
        indexes = [
            # A facility's span on a date read from the index alone (company page counts, the
            # explorer's joins): every column span_on() and the counts need is in the key.
            models.Index(
                fields=["facility", "valid_from", "valid_to", "status"], name="span_facility_dates_idx"
            ),
            # A company's (or a family's) spans of a status on a date, with the facility, from the
            # index alone: the company page's counts per status, its lists and its chart.
            models.Index(
                fields=["company", "status", "valid_from", "valid_to", "facility"],
                name="span_company_dates_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["facility", "valid_from"], name="span_unique_start"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=models.F("valid_from")),
                name="span_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=FacilityStatus.values), name="span_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(since__isnull=True) | models.Q(since__lte=models.F("valid_from")),
                name="span_since_not_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(pending_type="", pending_date__isnull=True)
                | (
                    models.Q(pending_type__in=EventType.values)
                    & models.Q(pending_date__gt=models.F("valid_from"))
                ),
                name="span_pending_type_and_later_date",
            ),
        ]

    def __str__(self) -> str:
        until = self.valid_to.isoformat() if self.valid_to else "…"
        start = "…" if self.valid_from == BEGINNING else self.valid_from.isoformat()
        return f"{self.facility_id}: {self.status} {start} to {until}"

    def as_status(self) -> Status:
        """The span as ``companies.status.Status`` (what ``status_at`` answers on its dates)."""
        return Status(self.status, self.since, self.event, self.pending_type, self.pending_date)
