"""Paging for lists whose size is already known, or not worth counting.

Django's ``Paginator`` counts its queryset with a ``COUNT(*)`` and slices it. The company page
already has every count from one ``GROUP BY`` (``StatusSpanQuerySet.footprint_counts``), so
``CountedPaginator`` takes the count instead of asking for it; search pages ask for one row
more than they show (``LookaheadPage``) instead of counting every match. Links keep the rest
of the query string and name their own parameter, so several lists page on one page.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import QueryDict

_MISSING = object()
MISSING = _MISSING  # what `kept` returns when there is nothing to give
_computing: dict[str, threading.Lock] = {}
_computing_guard = threading.Lock()
# How long one request may take to renew a stale answer before another may try.
RENEW_SECONDS = 60


@dataclass(frozen=True)
class Kept:
    """An answer in the cache, and until when (``time.time()``) it is fresh. After that it is
    stale, and kept as long again: one request renews it while the others still get it."""

    value: object
    fresh_until: float


def keep(key: str, value, seconds: int, cache=cache) -> None:
    """``value`` under ``key``: fresh for ``seconds``, then stale as long again."""
    cache.set(key, Kept(value, time.time() + seconds), 2 * seconds)
    cache.delete(f"{key}:renewing")


def kept(key: str, cache=cache):
    """The answer under ``key``: its value while fresh; while stale, its value for every request
    but one (the first to ask after it went stale, in any process sharing the cache), which gets
    ``_MISSING`` and should renew it with ``keep``; ``_MISSING`` when there is none."""
    entry = cache.get(key, _MISSING)
    if not isinstance(entry, Kept):  # none, or stored by an older version
        return _MISSING
    if time.time() < entry.fresh_until or not cache.add(f"{key}:renewing", True, RENEW_SECONDS):
        return entry.value
    return _MISSING


def selection_key(params, *, ignore: tuple[str, ...] = ("page", "format")) -> str:
    """A short key for a page's filters, for ``remember``: the query string without the keys
    that do not change what is selected (the page, the format, the order), values sorted."""
    query = params.copy()
    for key in ignore:
        query.pop(key, None)
    filters = "&".join(f"{k}={v}" for k, values in sorted(query.lists()) for v in sorted(values))
    return hashlib.sha256(filters.encode()).hexdigest()[:24]


def remember(name: str, compute):
    """``compute()`` kept in Django's cache for ``cached.SECONDS`` (five minutes) under a key
    that ``cached.forget`` moves on: the status service calls it whenever any facility's spans
    change, so an accepted event shows at once (in every worker: they share the cache). For
    counts and orders that cost a pass over tens of thousands of spans: the explorer's pager
    count and facets, a conglomerate's counts, place order, timeline page and chart. Keys should
    carry the date they are for.

    Threads of one worker asking for the same missing answer at once compute it once: the
    others wait for it (a burst of requests for a page nobody asked for in five minutes would
    otherwise run its most expensive query once per thread). Once five minutes have passed, the
    answer (of the same generation: no status has changed since) is stale: the first request to
    ask renews it and the others still get it meanwhile, for five minutes more at most, so a
    busy page's readers never wait on its cold path together (``kept``)."""
    from . import cached

    key = cached._key(name)
    value = kept(key)
    if value is not _MISSING:
        return value
    with _computing_guard:
        lock = _computing.setdefault(key, threading.Lock())
    with lock:
        entry = cache.get(key, _MISSING)
        if isinstance(entry, Kept) and time.time() < entry.fresh_until:
            value = entry.value
        else:
            value = compute()
            keep(key, value, cached.SECONDS)
    with _computing_guard:
        _computing.pop(key, None)
    return value


class CountedPaginator(Paginator):
    """A paginator over ``count`` items counted elsewhere; ``page_for(number, rows)`` wraps
    the rows a query read for that page."""

    def __init__(self, count: int, per_page: int):
        super().__init__((), per_page)
        self._known_count = count

    @property
    def count(self) -> int:  # the parent's is a cached COUNT(*) of object_list
        return self._known_count

    def number(self, raw) -> int:
        """The page asked for, clamped like ``get_page``: the first when it is not a number,
        the last when it is past the end."""
        try:
            return self.validate_number(raw)
        except InvalidPage:
            try:
                int(raw)
            except (TypeError, ValueError):
                return 1
            return self.num_pages

    def offset(self, number: int) -> int:
        return (number - 1) * self.per_page

    def page_for(self, number: int, rows: Sequence) -> Page:
        return Page(list(rows), number, self)


@dataclass(frozen=True)
class LookaheadPage:
    """A page of rows read with one row more than shown: whether there is a next page is known
    without counting every match."""

    rows: list
    number: int
    per_page: int
    has_next: bool

    @classmethod
    def read(cls, queryset, number: int, per_page: int) -> LookaheadPage:
        start = (number - 1) * per_page
        rows = list(queryset[start : start + per_page + 1])
        return cls(rows[:per_page], number, per_page, len(rows) > per_page)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.rows) - 1 if self.rows else 0


def window(sizes: Sequence[tuple[object, int]], start: int, size: int) -> tuple[list, int]:
    """Rows ``start`` to ``start + size`` of lists laid end to end, whose lengths are known:
    ``sizes`` are ``(key, length)`` in order; returns the keys of the lists those rows fall in
    and how many rows of the first of them come before ``start``. The company page pages its
    subsidiaries' facilities this way (counts per subsidiary from the ``GROUP BY`` it already
    has), so it reads a few subsidiaries' rows instead of skipping over the whole family's."""
    keys, before, skip = [], 0, 0
    for key, length in sizes:
        if length <= 0:
            continue
        if before + length > start and before < start + size:
            if not keys:
                skip = start - before
            keys.append(key)
        before += length
        if before >= start + size:
            break
    return keys, max(skip, 0)


def page_number(raw, *, maximum: int = 10_000) -> int:
    """``?page=`` as a page number from 1 to ``maximum`` (1 when it is not a number)."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), maximum)


@dataclass(frozen=True)
class PageLinks:
    """What ``includes/_paging.html`` shows for one list: where it is, and links to the
    first, previous, next and last pages ("" where there is none)."""

    label: str
    number: int
    num_pages: int | None
    first: str = ""
    previous: str = ""
    next: str = ""
    last: str = ""

    @property
    def shown(self) -> bool:
        return bool(self.previous or self.next)


def _url(params: QueryDict, param: str, number: int, fragment: str) -> str:
    query = params.copy()
    query.pop("format", None)
    if number == 1:
        query.pop(param, None)
    else:
        query[param] = str(number)
    encoded = query.urlencode()
    return ("?" + encoded if encoded else "?") + (f"#{fragment}" if fragment else "")


def page_links(
    params: QueryDict, page, *, param: str = "page", label: str = "Pages", fragment: str = ""
) -> PageLinks:
    """Links for ``page`` (a ``Page`` or a ``LookaheadPage``) that change only ``param``."""
    number = page.number
    num_pages = page.paginator.num_pages if hasattr(page, "paginator") else None
    has_next = page.has_next() if callable(page.has_next) else page.has_next
    has_previous = page.has_previous() if callable(page.has_previous) else page.has_previous
    return PageLinks(
        label=label,
        number=number,
        num_pages=num_pages,
        first=_url(params, param, 1, fragment) if has_previous else "",
        previous=_url(params, param, number - 1, fragment) if has_previous else "",
        next=_url(params, param, number + 1, fragment) if has_next else "",
        last=_url(params, param, num_pages, fragment) if has_next and num_pages else "",
    )
