"""Site search: ``/search/?q=`` — companies by name, alias and ticker, releases by full text.

The header's search box on every page submits here; ``companies.search`` holds the selectors.
"""

from __future__ import annotations

from django.shortcuts import render

from ..paging import page_links, page_number
from ..search import COMPANY_LIMIT, MAX_QUERY_LENGTH, RELEASE_LIMIT, clean_query, company_search, release_page


def search(request):
    query = clean_query(request.GET.get("q"))
    # One company more than shown says whether there are more; releases page without a count.
    companies = company_search(query, limit=COMPANY_LIMIT + 1) if query else []
    page = (
        release_page(query, page_number(request.GET.get("page")), per_page=RELEASE_LIMIT) if query else None
    )
    context = {
        "q": query,
        "companies": companies[:COMPANY_LIMIT],
        "more_companies": len(companies) > COMPANY_LIMIT,
        "company_limit": COMPANY_LIMIT,
        "releases": page.rows if page else [],
        "release_page": page,
        "release_links": page_links(request.GET, page, label="Release pages", fragment="releases-heading")
        if page
        else None,
        "release_limit": RELEASE_LIMIT,
        "max_length": MAX_QUERY_LENGTH,
    }
    return render(request, "companies/search.html", context)
