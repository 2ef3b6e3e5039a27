"""The review page's forms (companies/admin/review.py): they read and check what the editor
sent, and turn typed or picked places into gazetteer places; the writes are the services'."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from ..models import Company, Event, EventType, FacilityKind
from ..services.review_places import PlaceChoice, place_choose

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"placeholder": "YYYY-MM-DD", "size": 10})


def _place(text: str, geonames_id: int | None) -> PlaceChoice:
    return place_choose(text=text, geonames_id=geonames_id)


class ReleaseCompleteForm(forms.Form):
    """What the release's text did not say: its date, its issuer."""

    published = forms.DateField(required=False, widget=DATE_WIDGET, label="Release date")
    company = forms.CharField(required=False, max_length=200, label="Issuing company")
    company_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        data["company_obj"] = None
        if data.get("company_id"):
            data["company_obj"] = Company.objects.filter(pk=data["company_id"]).first()
        if (
            not data.get("published")
            and not data.get("company_obj")
            and not (data.get("company") or "").strip()
        ):
            raise ValidationError("Give the release's date or its issuing company.")
        return data


class ProposalForm(forms.Form):
    """One row: type, place (a gazetteer pick or typed text), dates, head count."""

    type = forms.ChoiceField(choices=EventType.choices)
    place = forms.CharField(max_length=200)
    place_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    announced_date = forms.DateField(required=False, widget=DATE_WIDGET)
    effective_date = forms.DateField(required=False, widget=DATE_WIDGET)
    employees = forms.IntegerField(required=False, min_value=0, widget=forms.NumberInput(attrs={"size": 5}))

    def __init__(self, *args, event: Event, sale: bool = False, **kwargs):
        self.event = event
        initial = {
            "type": event.type,
            "place": event.facility.location.label,
            "announced_date": event.announced_date,
            "effective_date": event.effective_date,
            "employees": event.employees,
        }
        super().__init__(*args, initial=initial, prefix=f"e{event.pk}", **kwargs)
        for field in self.fields.values():
            field.widget.attrs["form"] = f"row-form-{event.pk}"
        self.fields["place"].widget.attrs.update(
            {
                "data-autocomplete": "place",
                "data-id-input": f"id_{self.prefix}-place_id",
                "autocomplete": "off",
                "aria-label": "Place",
            }
        )
        for name, label in (
            ("type", "Type"),
            ("announced_date", "Announced"),
            ("effective_date", "Effective"),
            ("employees", "Employees"),
        ):
            self.fields[name].widget.attrs["aria-label"] = label
        # A sale's type is both companies' (sold / acquired): changing it means another event.
        self.fields["type"].disabled = sale

    def clean(self):
        data = super().clean()
        data["place_choice"] = None
        moved = "place" in self.changed_data or data.get("place_id")
        if moved and data.get("place"):
            try:
                data["place_choice"] = _place(data["place"], data.get("place_id"))
            except ValidationError as error:
                self.add_error("place", error)
        return data


class AddEventForm(forms.Form):
    """An event the importer missed: type, one place or several (picked from the gazetteer, or
    typed, separated by semicolons), the buyer of a sale, optional details."""

    type = forms.ChoiceField(choices=[("", "Type…"), *EventType.choices])
    place = forms.CharField(
        required=False, max_length=500, label="Place", help_text="Type a town; pick it from the list."
    )
    picks = forms.MultipleChoiceField(required=False, widget=forms.MultipleHiddenInput)
    counterparty = forms.CharField(
        required=False, max_length=200, label="Buyer (sale) or seller (acquisition)"
    )
    kind = forms.ChoiceField(
        required=False, choices=[("", "Kind: from the text"), *FacilityKind.choices], label="Kind"
    )
    name = forms.CharField(required=False, max_length=200, label="Facility name")
    effective_date = forms.DateField(required=False, widget=DATE_WIDGET, label="Effective")
    employees = forms.IntegerField(required=False, min_value=0, label="Employees")
    evidence = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Evidence",
        help_text="Blank: the sentence of the text that names the place.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="add", **kwargs)
        # Picks are "<GeoNames id>|<label>" pairs the autocomplete adds; any value is a choice.
        self.fields["picks"].choices = [(v, v) for v in (self.data.getlist("add-picks") if self.data else [])]

    def pick_items(self) -> list[tuple[str, str]]:
        """The places picked so far, as (value, label), to show them again after a mistake."""
        values = self.data.getlist("add-picks") if self.data else []
        return [(v, v.partition("|")[2] or v) for v in values]

    def clean(self):
        data = super().clean()
        places: list[PlaceChoice] = []
        for pick in data.get("picks") or []:
            geonames_id, _, label = pick.partition("|")
            try:
                places.append(_place(label, int(geonames_id) if geonames_id.isdigit() else None))
            except ValidationError as error:
                self.add_error("place", error)
        for text in (t.strip() for t in (data.get("place") or "").split(";")):
            if text:
                try:
                    places.append(_place(text, None))
                except ValidationError as error:
                    self.add_error("place", error)
        if not places and not self.has_error("place"):
            self.add_error("place", "Choose a place: type its town and pick it from the list.")
        data["places"] = list({p.geonames_id: p for p in places}.values())
        return data
