"""Whole rendered analyst pages kept for anonymous readers: ``PageCacheMiddleware``.

The home page, company pages, explorer, events and changes pages cost 20–230 ms of Python to
render even when every count they show is already cached (``paging.remember``), and 1–1.4 s on
their cold path. An anonymous GET of one of them is answered from Django's cache (shared by the
host's workers: ``CACHES`` in settings) for ``FOOTPRINT_PAGE_CACHE_SECONDS`` (60 by default; 0
turns this off), under a key made by Django's own ``learn_cache_key``/``get_cache_key`` (the full
URL, query string included, and any header the response varies on) with a prefix that carries
``cached.generation()`` and the date. The status service moves the generation on whenever it
rewrites any facility's spans (any event saved or deleted: accepted, rejected, edited, proposed),
so every cached page of every worker is forgotten at once; other edits (a company renamed) show
within the timeout.
Past the timeout a page is stale and kept as long again (``paging.kept``): the first request to
ask renders it afresh while the others still get it, so a busy page's readers never all wait
for it together.

Why not Django's ``CacheMiddleware`` or ``cache_page`` as they are: the fetch half answers in
``process_request``, before ``RequireLoginMiddleware`` (``FOOTPRINT_REQUIRE_LOGIN``) has looked at
the request; it would serve an editor's request from the cache (keyed by their cookie); its key
prefix is fixed when the middleware is made, not per generation; and it sends
``Cache-Control: max-age`` and ``Expires``, so browsers would keep a page after an event is
accepted. This middleware reuses its key functions and sits last in ``MIDDLEWARE``: it looks in
the cache in ``process_view``, after every other middleware's (the read-only rule, the query
cleaning, the login rule) has run, and everything above it (the Content-Security-Policy header,
``X-Frame-Options``, ``Vary``, cookies) still handles a cached answer as a fresh one.

Never cached: requests by a logged-in user (staff and editors always get a fresh page and
never a cached one), requests carrying a session or messages cookie (a page could show a
message), methods other than GET (HEAD reads GET's entry), answers other than a complete 200
``text/html`` page, answers that set a cookie or ask for a CSRF cookie, that say ``private`` or
``no-store``, that used the CSP nonce (``request.csp_nonce``: a cached page would carry a nonce
that the next response's header no longer allows; no page uses one today), or that weigh more than
``MAX_BYTES``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import get_cache_key, learn_cache_key

from . import cached
from .paging import MISSING, keep, kept

# The analyst pages a team opens and reopens (URL names in companies/urls.py).
CACHED_VIEWS = frozenset(
    {
        "companies:home",
        "companies:company_detail",
        "companies:company_changes",
        "companies:facility_list",
        "companies:event_list",
        "companies:changes",
    }
)
MAX_BYTES = 1_500_000
HEADER = "X-Page-Cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage


def key_prefix(request) -> str:
    """Where this request's pages are kept now: the cache's generation and today's date."""
    return f"page:{cached.generation()}:{timezone.localdate().isoformat()}"


def cacheable_request(request) -> bool:
    """Whether a page for this request may come from, or go to, the cache."""
    if not settings.FOOTPRINT_PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in CACHED_VIEWS:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def storable_response(request, response) -> bool:
    """Whether this answer to a cacheable GET may be kept and given to other readers."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "_csp_nonce", None) is not None:  # the page carries this request's nonce
        return False
    return len(response.content) <= MAX_BYTES


class PageCacheMiddleware:
    """Answers anonymous GETs of the analyst pages from the cache (module docstring). Last in
    ``MIDDLEWARE``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        prefix = getattr(request, "_page_cache_prefix", None)
        if prefix is None or getattr(request, "_page_cache_hit", False):
            return response
        if storable_response(request, response):
            seconds = settings.FOOTPRINT_PAGE_CACHE_SECONDS
            key = learn_cache_key(request, response, 2 * seconds, prefix, cache=cache)
            keep(key, response, seconds)
            response[HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not cacheable_request(request):
            return None
        # Read once, before the view: a page rendered while a change commits is kept under the
        # generation that change has already left.
        prefix = request._page_cache_prefix = key_prefix(request)
        key = get_cache_key(request, prefix, "GET", cache=cache)
        response = kept(key) if key else MISSING
        if response is MISSING:  # none, or stale and this request renews it
            return None
        request._page_cache_hit = True
        response[HEADER] = "hit"
        return response
