from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..querysets import CompanyQuerySet


class Company(models.Model):
    """A company whose facility footprint we track.

    ``aliases`` holds the other names releases use for it, one per line, so the importer
    can match "IWG" or "International Wire" to the same company.
    """

    name = models.CharField(max_length=200, help_text="Name as analysts know it.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the company's URL.")
    legal_name = models.CharField(
        max_length=250, blank=True, help_text='Full legal name, e.g. "International Wire Group, Inc."'
    )
    aliases = models.TextField(
        blank=True, help_text="Other names releases use for the company, one per line."
    )
    ticker = models.CharField(max_length=20, blank=True, help_text="Ticker symbol, e.g. ITWG.")
    exchange = models.CharField(
        max_length=50, blank=True, help_text="Exchange or market of the ticker, e.g. Pink Sheets, NYSE."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
        help_text="Parent company, for rolling footprints up.",
    )
    headquarters = models.ForeignKey(
        "Location",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headquartered_companies",
    )
    industry = models.CharField(max_length=200, blank=True)
    markets = models.TextField(blank=True, help_text="Markets the company serves, comma-separated.")
    products = models.TextField(blank=True, help_text="What the company makes, from its releases.")
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompanyQuerySet.as_manager()
    # Who changed what and when (the admin's History). ``updated_at`` is left out: it changes on
    # every save and would show in every diff.
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="company_name_not_empty"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="company_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("companies:company_detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]

    @property
    def ticker_display(self) -> str:
        """``Pink Sheets: ITWG`` as releases write it."""
        if self.ticker and self.exchange:
            return f"{self.exchange}: {self.ticker}"
        return self.ticker
