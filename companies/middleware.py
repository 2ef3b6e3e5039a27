"""Site-wide request rules: the Content-Security-Policy, a read-only site outside the admin, and
an optional login for analysts. Their settings live in footprint/settings.py (README,
"Production")."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import JsonResponse, QueryDict
from django.urls import reverse

from .params import clean_text

READ_METHODS = ("GET", "HEAD")


def in_admin(request) -> bool:
    """Whether the request is for the admin (its URL as the URL conf says, script prefix included)."""
    return request.path.startswith(reverse("admin:index"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's header from ``CONTENT_SECURITY_POLICY``, plus
    ``FOOTPRINT_ADMIN_CSP_UPDATE`` on the admin's pages (styles Django's admin writes inline)."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and in_admin(request):
            update = dict(parts.update or {})
            for directive, sources in settings.FOOTPRINT_ADMIN_CSP_UPDATE.items():
                update[directive] = [*update.get(directive, ()), *sources]
            parts.update = update
        return parts


class ReadOnlyMiddleware:
    """Outside the admin nothing is written, so only GET and HEAD are answered: any other method
    is 405 whatever the URL, before CSRF or a view sees it. One rule here instead of a decorator
    on every view (and every view added later)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READ_METHODS and not in_admin(request):
            # The API's error shape (docs/api.md), which reads well enough on a page's URL too.
            message = f"Method {request.method} not allowed; the site is read-only outside the admin."
            response = JsonResponse({"error": message}, status=405)
            response["Allow"] = ", ".join(READ_METHODS)
            return response
        return self.get_response(request)


class CleanQueryMiddleware:
    """Query-string values lose their control characters before any view or filter reads them
    (companies.params.clean_text): a NUL from a URL reaches PostgreSQL as a query parameter,
    which it refuses with an error, and no search or filter needs one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET and any(clean_text(v) != v for values in request.GET.lists() for v in values[1]):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(clean_text(key), [clean_text(v) for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class RequireLoginMiddleware(LoginRequiredMiddleware):
    """With ``FOOTPRINT_REQUIRE_LOGIN`` on, anonymous users are sent to the admin login
    (``LOGIN_URL``) from every page, feed, export and API answer. Exempt: the login page itself
    (Django marks it ``login_not_required``), static files (whitenoise answers them before any
    middleware below it) and URLs that match no view (404). The admin keeps its own checks.
    Read per request, so tests can turn it on with the ``settings`` fixture."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.FOOTPRINT_REQUIRE_LOGIN:
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
