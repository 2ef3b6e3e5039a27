"""Query-string values as the pages read them: one home for what a request may ask.

A date in a query string is a day between ``EARLIEST`` and ``LATEST``: Python dates run from
year 1 to 9999, but the pages subtract and add days to them (the day before a period, a span
that ends tomorrow) and the databases compare them, so a date at either end of Python's range
overflows or errors deep in a query. Text from a query string loses its control characters:
PostgreSQL refuses a NUL in a query parameter, and no search needs one.
"""

from __future__ import annotations

import re
from datetime import date

EARLIEST = date(1800, 1, 1)
LATEST = date(2199, 12, 31)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def parse_day(value: str | None, name: str | None = None) -> tuple[date | None, str]:
    """``(date, "")``, ``(None, "")`` when absent, or ``(None, message)`` when ``value`` is not a
    day in the form YYYY-MM-DD between EARLIEST and LATEST (``name``: the parameter, when the
    page has several)."""
    value = clean_text(value).strip()
    if not value:
        return None, ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        what = f"a valid “{name}” date" if name else "a date"
        return None, f"“{value[:40]}” is not {what} in the form YYYY-MM-DD"
    if not EARLIEST <= day <= LATEST:
        return None, f"“{name or 'as_of'}” must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}"
    return day, ""


def clean_text(value: str | None) -> str:
    """``value`` without control characters (a NUL, an escape)."""
    return _CONTROL.sub("", value or "")
