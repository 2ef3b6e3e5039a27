from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..querysets import FacilityQuerySet


class FacilityKind(models.TextChoices):
    PLANT = "plant", "Plant"
    MILL = "mill", "Mill"
    WAREHOUSE = "warehouse", "Warehouse"
    DISTRIBUTION_CENTER = "distribution_center", "Distribution center"
    OFFICE = "office", "Office"
    MINE = "mine", "Mine"
    OTHER = "other", "Other"


class FacilityStatus(models.TextChoices):
    """What a facility's accepted events imply on a date; see ``companies.status``. ``unknown``:
    before a first event that implies nothing (an expansion, a reopening)."""

    UNKNOWN = "unknown", "Unknown"
    PLANNED = "planned", "Planned"
    OPEN = "open", "Open"
    IDLED = "idled", "Idled"
    CLOSED = "closed", "Closed"
    SOLD = "sold", "Sold"


class Facility(models.Model):
    """A company's site at a location: a plant, mill, warehouse, mine...

    It has no status field: its status on any date is one of its ``spans`` (``StatusSpan``),
    which the status service writes from its accepted events. Read it with
    ``Facility.objects.on(day)``, which joins each facility to its span on that day.
    """

    company = models.ForeignKey("Company", on_delete=models.CASCADE, related_name="facilities")
    location = models.ForeignKey(
        "Location", on_delete=models.PROTECT, related_name="facilities", help_text="Where the site is."
    )
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text='Name as releases give it, e.g. "Jewett City plant"; blank when only the place is known.',
    )
    kind = models.CharField(max_length=30, choices=FacilityKind.choices, default=FacilityKind.PLANT)
    products = models.TextField(blank=True, help_text="What is made or handled here.")
    successor = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessor",
        help_text="After a sale, the buyer's record of the same site.",
    )

    created_at = models.DateTimeField(auto_now_add=True)

    objects = FacilityQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["company__name", "location__locality", "name"]
        verbose_name_plural = "facilities"
        constraints = [
            models.UniqueConstraint(
                fields=["company", "location", "name", "kind"], name="facility_unique_per_company_place"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=FacilityKind.values), name="facility_kind_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("pk")), name="facility_not_own_successor"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} — {self.display_name}"

    def save(self, *args, **kwargs):
        """Saved with a company (an edit may move it to another): its status spans follow
        (``facilities_follow_company``), in the same transaction. A new facility has no spans
        yet, and a save of other fields only (``update_fields``) costs nothing more."""
        from django.db import transaction

        from ..services.facilities import facilities_follow_company

        update_fields = kwargs.get("update_fields")
        moves = not self._state.adding and (update_fields is None or "company" in update_fields)
        with transaction.atomic():
            super().save(*args, **kwargs)
            if moves:
                facilities_follow_company(facility_ids=[self.pk])

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return f"{self.location.locality} {self.get_kind_display().lower()}"

    def get_absolute_url(self) -> str:
        return reverse("companies:facility_detail", kwargs={"pk": self.pk})
