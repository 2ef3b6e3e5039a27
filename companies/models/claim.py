from django.db import models
from simple_history.models import HistoricalRecords


class FootprintClaim(models.Model):
    """What a release says about the size of a company's footprint.

    "19 facilities located in the United States, Belgium, France and Italy" is a claim of
    19 in US/BE/FR/IT; "our other 13 U.S. facilities" is 13 in US qualified "other";
    "will operate seven remaining mills" (after the changes announced) is "remaining".
    """

    class Qualifier(models.TextChoices):
        TOTAL = "", "Total"
        OTHER = "other", "Other (besides those named)"
        REMAINING = "remaining", "Remaining (after the changes announced)"

    release = models.ForeignKey("Release", on_delete=models.CASCADE, related_name="claims")
    company = models.ForeignKey("Company", on_delete=models.CASCADE, related_name="claims")
    count = models.PositiveIntegerField(help_text="Number of facilities claimed.")
    countries = models.JSONField(
        default=list, blank=True, help_text='ISO country codes the claim covers, e.g. ["US", "BE"].'
    )
    qualifier = models.CharField(max_length=10, choices=Qualifier.choices, blank=True, default="")
    text = models.TextField(blank=True, help_text="The sentence of the release that makes the claim.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-release__published", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(qualifier__in=["", "other", "remaining"]), name="claim_qualifier_valid"
            ),
            models.UniqueConstraint(
                fields=["release", "count", "qualifier"], name="claim_unique_per_release"
            ),
        ]

    def __str__(self) -> str:
        where = ", ".join(self.countries) or "worldwide"
        qualifier = f"{self.qualifier} " if self.qualifier else ""
        return f"{self.count} {qualifier}facilities ({where})"
