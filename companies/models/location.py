from django.db import models
from django.urls import reverse


class Location(models.Model):
    """A place on the map, shared by every facility (and dateline) there.

    One row per locality + region + country. Places the importer could not resolve
    against the gazetteer are kept with ``resolved=False`` so an editor can fix them.
    """

    locality = models.CharField(max_length=200, help_text="Town or city, as GeoNames names it.")
    region = models.CharField(
        max_length=10,
        blank=True,
        help_text="ISO 3166-2 subdivision code, e.g. US-CT; blank when unknown.",
    )
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 country code, e.g. US; blank when unknown."
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geonames_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="GeoNames id of the matched place, where known."
    )
    resolved = models.BooleanField(
        default=True,
        help_text="False when the place could not be matched to the gazetteer and needs an editor.",
    )

    class Meta:
        ordering = ["country", "region", "locality"]
        constraints = [
            models.UniqueConstraint(fields=["locality", "region", "country"], name="location_unique_place"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="location_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="location_longitude_range",
            ),
            models.CheckConstraint(condition=~models.Q(locality=""), name="location_locality_not_empty"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def region_name(self) -> str:
        """The subdivision part of the ISO code (``CT`` for ``US-CT``)."""
        return self.region.split("-", 1)[-1] if self.region else ""

    @property
    def label(self) -> str:
        parts = [self.locality, self.region_name, self.country]
        return ", ".join(p for p in parts if p)

    def get_absolute_url(self) -> str:
        return reverse("companies:facility_list") + f"?locality={self.pk}"
