"""Site search: ``/search/?q=`` — companies by name, alias and ticker, releases by full text.

The header's search box on every page submits here; ``companies.search`` holds the selectors.
"""

from __future__ import annotations

from django.shortcuts import render

from ..search import MAX_QUERY_LENGTH, RELEASE_LIMIT, clean_query, company_search, release_search


def search(request):
    query = clean_query(request.GET.get("q"))
    companies = company_search(query) if query else []
    releases = release_search(query) if query else []
    context = {
        "q": query,
        "companies": companies,
        "releases": releases,
        "release_limit": RELEASE_LIMIT,
        "max_length": MAX_QUERY_LENGTH,
    }
    return render(request, "companies/search.html", context)
