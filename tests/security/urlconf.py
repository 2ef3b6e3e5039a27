"""Every URL pattern of the site, walked from the root URL conf, and sample paths for them.

``routes()`` lists the patterns the way the resolver holds them (no hand-kept list to go stale:
a view added tomorrow is walked too); ``Route.path(values)`` fills a pattern's parameters from a
dict of sample values made by the tests' factories."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

_ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
_GROUP = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Route:
    name: str  # "companies:company_detail", "admin:companies_release_change"; "admin:?" if unnamed
    pattern: str  # the full pattern, prefixes joined: "admin/companies/release/<path:object_id>/"

    @property
    def namespace(self) -> str:
        return self.name.partition(":")[0]

    @property
    def params(self) -> list[str]:
        """Parameter names in order; unnamed regex groups are "1", "2", …"""
        plain = _NAMED_GROUP.sub("", self.pattern)
        unnamed = len(_GROUP.findall(plain))
        names = _NAMED_GROUP.findall(self.pattern) + _ROUTE_PARAM.findall(plain)
        return names + [str(i) for i in range(1, unnamed + 1)]

    def path(self, values: dict[str, str]) -> str:
        """The pattern with each parameter replaced by ``values[name]`` (unnamed groups by
        ``values["1"]``, ``values["2"]``, …), as an absolute path."""
        text = _NAMED_GROUP.sub(lambda m: str(values[m.group(1)]), self.pattern)
        text = _ROUTE_PARAM.sub(lambda m: str(values[m.group(1)]), text)
        counter = iter(range(1, 100))
        text = _GROUP.sub(lambda m: str(values[str(next(counter))]), text)
        return "/" + text.replace("^", "").replace("$", "")


def routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, "", ""))


def _walk(patterns, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield Route(f"{namespace}{entry.name or '?'}", prefix + str(entry.pattern))
