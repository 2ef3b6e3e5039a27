"""Footprint claims: what a release says about the size of the footprint."""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from ..models import FootprintClaim
from .filters import country_name


class CountryCodesField(forms.CharField):
    """ISO country codes typed as ``US, BE, FR``, stored as the list ``["US", "BE", "FR"]``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text", "ISO country codes, comma-separated, e.g. US, BE, FR; blank for worldwide."
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(v).upper() for v in value]
        text = super().to_python(value)
        codes = [c.upper() for c in re.split(r"[\s,;]+", text) if c]
        unknown = [c for c in codes if country_name(c) == c]
        if unknown:
            raise ValidationError(
                "Not ISO 3166 country codes: %(codes)s", params={"codes": ", ".join(unknown)}
            )
        return list(dict.fromkeys(codes))

    def validate(self, value):
        # An empty list is a valid answer (worldwide); CharField's checks expect a string.
        return None

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != list(initial or [])
        except ValidationError:
            return True


class ClaimForm(forms.ModelForm):
    countries = CountryCodesField()

    class Meta:
        model = FootprintClaim
        fields = ("company", "count", "countries", "qualifier", "text")
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "cols": 60})}


class ClaimInline(admin.TabularInline):
    """The claims a release makes, shown on the release."""

    model = FootprintClaim
    form = ClaimForm
    fields = ("count", "countries", "qualifier", "text", "company")
    autocomplete_fields = ("company",)
    extra = 0
    verbose_name_plural = "footprint claims (what the release says about the size of the footprint)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # A release's claims are nearly always about its issuing company.
        if obj is not None and obj.company_id:
            formset.form.base_fields["company"].initial = obj.company_id
        return formset


@admin.register(FootprintClaim)
class FootprintClaimAdmin(SimpleHistoryAdmin):
    form = ClaimForm
    list_display = ("company", "count", "countries_col", "qualifier", "release", "published_col")
    list_select_related = ("company", "release")
    list_filter = ("qualifier",)
    search_fields = ("company__name", "text", "release__headline")
    autocomplete_fields = ("company", "release")
    fields = ("release", "company", "count", "countries", "qualifier", "text")
    list_per_page = 50

    @admin.display(description="countries")
    def countries_col(self, obj: FootprintClaim) -> str:
        return ", ".join(obj.countries) or "worldwide"

    @admin.display(description="published", ordering="release__published")
    def published_col(self, obj: FootprintClaim):
        return obj.release.published
