from django.db import models
from django.urls import reverse

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
    """What a facility's accepted events imply; see ``companies.status``."""

    UNKNOWN = "unknown", "No accepted events"
    PLANNED = "planned", "Planned"
    OPEN = "open", "Open"
    IDLED = "idled", "Idled"
    CLOSED = "closed", "Closed"
    SOLD = "sold", "Sold"


class Facility(models.Model):
    """A company's site at a location: a plant, mill, warehouse, mine...

    ``status``, ``status_since``, ``status_event``, ``pending_type`` and ``pending_date`` are
    a cache of what the facility's accepted events imply. They are written only by
    ``companies.services.facilities.facility_refresh_status`` and never typed by hand.
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

    # --- cache of companies.status, refreshed on every event change ---
    status = models.CharField(
        max_length=10,
        choices=FacilityStatus.choices,
        default=FacilityStatus.UNKNOWN,
        editable=False,
        help_text="Cached: derived from accepted events, never typed.",
    )
    status_since = models.DateField(
        null=True, blank=True, editable=False, help_text="Cached: date the current status took effect."
    )
    status_event = models.ForeignKey(
        "Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="Cached: the accepted event that set the current status.",
    )
    pending_type = models.CharField(
        max_length=10,
        blank=True,
        editable=False,
        help_text="Cached: type of an accepted event announced for a future date (e.g. closed).",
    )
    pending_date = models.DateField(
        null=True, blank=True, editable=False, help_text="Cached: effective date of that announced event."
    )

    created_at = models.DateTimeField(auto_now_add=True)

    objects = FacilityQuerySet.as_manager()

    class Meta:
        ordering = ["company__name", "location__locality", "name"]
        verbose_name_plural = "facilities"
        constraints = [
            models.UniqueConstraint(
                fields=["company", "location", "name", "kind"], name="facility_unique_per_company_place"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=FacilityStatus.values), name="facility_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=FacilityKind.values), name="facility_kind_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("pk")), name="facility_not_own_successor"
            ),
        ]

    CACHE_FIELDS = ("status", "status_since", "status_event", "pending_type", "pending_date")

    def __str__(self) -> str:
        return f"{self.company} — {self.display_name}"

    def save(self, *args, **kwargs):
        # The status cache belongs to facility_refresh_status: a full save of an instance loaded
        # before an event changed must not write its stale cache back.
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.CACHE_FIELDS
            ]
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return f"{self.location.locality} {self.get_kind_display().lower()}"

    def get_absolute_url(self) -> str:
        return reverse("companies:facility_detail", kwargs={"pk": self.pk})
