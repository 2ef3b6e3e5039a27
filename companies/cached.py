"""Reads whose answer changes rarely but costs a pass over a large table, kept in Django's
cache for ``SECONDS``: the place filters' options, the home page's totals and its chart of events
per month (the SVG as drawn).

Every key carries a generation that ``forget`` moves on, and the status service calls it after
any facility's spans change, so an accepted or rejected event shows at once. The generation lives
in the same cache as the answers: with the default file-based cache (``CACHES`` in settings, under
``var/cache/django``) every gunicorn worker of the host reads and moves the same one, so a change
made in one worker is seen at once by all; with a per-process local-memory cache (the tests', or
``FOOTPRINT_CACHE=locmem``) another worker may lag up to ``SECONDS``. Keys also carry the date,
so "today" never outlives its day. ``companies.page_cache`` keeps whole rendered pages under the
same generation.
"""

from __future__ import annotations

import secrets
import time
from datetime import date

from django.core.cache import cache
from django.utils import timezone

from . import charts
from .charts import Chart, events_chart_start

SECONDS = 300
_GENERATION = "footprint:generation"


def _new_generation() -> str:
    # Never one seen before: a counter would start again at 0 if its key were evicted (a file
    # cache culls at random) and could then find the answers kept under that old generation;
    # and Django's generic ``incr`` (file and database caches) stores with the default timeout.
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def generation() -> str:
    """The current generation of keys (moved on by ``forget``; a new one if none is stored)."""
    return cache.get_or_set(_GENERATION, _new_generation, None)


def _key(name: str) -> str:
    return f"footprint:{generation()}:{name}"


def forget() -> None:
    """Drop every cached answer (by moving to a new generation of keys), in every process that
    shares the cache."""
    cache.set(_GENERATION, _new_generation(), None)


def place_options() -> list[tuple[str, str]]:
    """``FacilityQuerySet.place_options()``, cached."""
    from .models import Facility

    return cache.get_or_set(_key("place-options"), lambda: list(Facility.objects.place_options()), SECONDS)


def status_totals(day: date | None = None) -> dict[str, int]:
    """``FacilityQuerySet.status_totals(day)`` (today by default), cached for that day."""
    from .models import Facility

    day = day or timezone.localdate()
    return cache.get_or_set(
        _key(f"status-totals:{day.isoformat()}"), lambda: Facility.objects.status_totals(day), SECONDS
    )


def events_chart() -> Chart:
    """The home page's chart of accepted events per month by type (``charts.events_chart``
    over ``EventQuerySet.monthly_counts`` for its ten years), its SVG drawn once, cached."""
    from .models import Event, EventType

    def draw():
        last = Event.objects.last_announced()
        rows = list(Event.objects.monthly_counts(since=events_chart_start(last))) if last else []
        return charts.events_chart(rows, types=EventType.choices)

    return cache.get_or_set(_key("events-chart"), draw, SECONDS)
