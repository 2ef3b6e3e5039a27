"""Template filters for place names: ``{{ "US"|country_name }}`` -> United States."""

from django import template

from ..presenters import country_name as _country_name
from ..presenters import region_name as _region_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return _country_name(code or "")


@register.filter
def region_name(code: str) -> str:
    return _region_name(code or "")
