"""Tests for the Django admin. ``change_form_data`` turns a rendered change form back into the
POST data a browser would send, so tests can change a field or add an inline row and save."""

from __future__ import annotations

import datetime


def _value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def _form_data(form, data: dict) -> None:
    for bound in form:
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(value, list | tuple) and not isinstance(value, str):
            data[bound.html_name] = [_value(v) for v in value]
            continue
        data[bound.html_name] = _value(value)


def change_form_data(response) -> dict:
    """The POST data of an admin add/change page as rendered (main form and inline formsets)."""
    data: dict = {}
    _form_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_data(formset.management_form, data)
        for form in formset.forms:
            _form_data(form, data)
    return data


def add_inline_row(data: dict, prefix: str, values: dict) -> None:
    """Append one new row to the inline formset ``prefix`` (e.g. ``events``)."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = _value(value)
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
