"""Reads whose answer changes rarely but costs a pass over a large table, kept in Django's
cache for ``SECONDS``: the place filters' options and the home page's totals and monthly series.

A new accepted event shows in them within ``SECONDS`` (every other page reads the database
directly). Keys carry the date, so "today" never outlives its day; with the default local-memory
cache each worker process keeps its own copy.
"""

from __future__ import annotations

from datetime import date

from django.core.cache import cache
from django.utils import timezone

from .charts import events_chart_start

SECONDS = 300


def place_options() -> list[tuple[str, str]]:
    """``FacilityQuerySet.place_options()``, cached."""
    from .models import Facility

    return cache.get_or_set(
        "footprint:place-options", lambda: list(Facility.objects.place_options()), SECONDS
    )


def status_totals(day: date | None = None) -> dict[str, int]:
    """``FacilityQuerySet.status_totals(day)`` (today by default), cached for that day."""
    from .models import Facility

    day = day or timezone.localdate()
    return cache.get_or_set(
        f"footprint:status-totals:{day.isoformat()}", lambda: Facility.objects.status_totals(day), SECONDS
    )


def monthly_event_counts() -> list[dict]:
    """``EventQuerySet.monthly_counts`` over the home chart's ten years, cached."""
    from .models import Event

    def read():
        last = Event.objects.last_announced()
        return list(Event.objects.monthly_counts(since=events_chart_start(last))) if last else []

    return cache.get_or_set("footprint:monthly-event-counts", read, SECONDS)
