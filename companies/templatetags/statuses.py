"""``{{ value|status_label }}``: a status's or event type's label from the models' choices, the
one vocabulary every page, export and API answer uses (``FacilityStatus``, ``EventType``)."""

from django import template

from ..models import EventType, FacilityStatus

register = template.Library()

LABELS = {**dict(EventType.choices), **dict(FacilityStatus.choices)}


@register.filter
def status_label(value) -> str:
    return LABELS.get(value or FacilityStatus.UNKNOWN, value)
