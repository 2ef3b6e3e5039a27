"""Site search selectors: companies by name, alias and ticker; releases by full text.

``release_search(query)`` is the one entry point for releases. On PostgreSQL it is full-text
search (``django.contrib.postgres.search``: a ``SearchVector`` over headline and body matched by
a ``websearch`` ``SearchQuery``, through the GIN index on that very expression that migration
0010 builds, and ``SearchHeadline`` snippets); on other databases (SQLite in development) every
word must appear in the headline or body (``icontains``) and no ``-word`` does. Both list the
newest first, a page at a time (``release_page``): ordering a common word's matches by rank
would compute the rank of every match, hundreds of thousands in a large database, where newest
first reads the date index until a page is full.

Release text is untrusted. Snippets are built by escaping every piece of it and adding only our
own ``<mark>`` tags: PostgreSQL marks matches with private-use sentinel characters, which are
turned into balanced ``<mark>``/``</mark>`` pairs after escaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connections
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Company, Release
from .paging import LookaheadPage

MAX_QUERY_LENGTH = 200
COMPANY_LIMIT = 50
RELEASE_LIMIT = 50
SEARCH_CONFIG = "english"
SNIPPET_CHARS = 240

# Private-use characters PostgreSQL puts around matched words (never shown as such).
START, STOP = "\ue000", "\ue001"
_SENTINELS = re.compile(f"([{START}{STOP}])")
_WORD = re.compile(r"[\w'’.-]+", re.UNICODE)
_STOPWORDS = {"or", "and", "not"}


def clean_query(query: str | None) -> str:
    """The query stripped, whitespace collapsed and cut to ``MAX_QUERY_LENGTH`` characters."""
    return " ".join((query or "").split())[:MAX_QUERY_LENGTH]


def query_terms(query: str, *, excluded: bool = False) -> list[str]:
    """The words of a websearch-style query to match literally: quotes dropped, the operators
    ``or``/``and``/``not`` left out; ``-word`` words only when ``excluded``."""
    terms = []
    for token in clean_query(query).replace('"', " ").split():
        if token.startswith("-") != excluded or token.lower() in _STOPWORDS:
            continue
        for word in _WORD.findall(token):
            word = word.strip(".'’-")
            if word and word.lower() not in (t.lower() for t in terms):
                terms.append(word)
    return terms


# ---------------------------------------------------------------------------------------------
# Marking matches, escaped


def mark_terms(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with every case-insensitive occurrence of ``terms`` in ``<mark>``."""
    text = text or ""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every piece of text is escaped


def mark_sentinels(text: str) -> SafeString:
    """PostgreSQL's ``START``/``STOP``-delimited headline as escaped HTML with balanced marks
    (stray sentinels in the release text itself cannot open or close a tag twice)."""
    parts, open_mark = [], False
    for piece in _SENTINELS.split(text or ""):
        if piece == START:
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif piece == STOP:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(str(escape(piece)))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped


def excerpt(body: str, terms: list[str], size: int = SNIPPET_CHARS) -> str:
    """About ``size`` characters of ``body`` around the first match, cut at word boundaries."""
    body = " ".join((body or "").split())
    lowered = body.lower()
    positions = [lowered.find(t.lower()) for t in terms]
    positions = [p for p in positions if p >= 0]
    first = min(positions) if positions else 0
    start = max(0, first - size // 3)
    end = min(len(body), start + size)
    if start > 0:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    if end < len(body):
        space = body.rfind(" ", first, end)
        end = space if space > first else end
    text = body[start:end]
    return ("… " if start > 0 else "") + text + (" …" if end < len(body) else "")


# ---------------------------------------------------------------------------------------------
# Selectors


@dataclass(frozen=True)
class ReleaseHit:
    release: Release
    headline: SafeString
    """The headline, escaped, with matched words marked."""
    snippet: SafeString
    """A passage of the body, escaped, with matched words marked."""
    rank: float | None = None


def company_search(query: str, *, limit: int = COMPANY_LIMIT) -> list[Company]:
    """The first ``limit`` companies (by name) whose name, legal name or alias contains the
    query or whose ticker is it, with their facility counts per status
    (``CompanyQuerySet.search``): one query."""
    query = clean_query(query)
    if not query:
        return []
    return list(Company.objects.for_list().search(query).order_by("name", "pk")[:limit])


def release_search(
    query: str, *, limit: int = RELEASE_LIMIT, offset: int = 0, using: str = "default"
) -> list[ReleaseHit]:
    """Releases matching ``query``, newest first, ``limit`` of them after ``offset``: one query."""
    query = clean_query(query)
    if not query:
        return []
    if connections[using].vendor == "postgresql":
        return _postgres_release_search(query, limit, offset, using)
    return _simple_release_search(query, limit, offset, using)


def release_page(query: str, number: int, *, per_page: int = RELEASE_LIMIT) -> LookaheadPage:
    """Page ``number`` of ``release_search``: one row more is read to know whether there is a
    next page, so no query counts every match."""
    offset = (number - 1) * per_page
    hits = release_search(query, limit=per_page + 1, offset=offset)
    return LookaheadPage(hits[:per_page], number, per_page, len(hits) > per_page)


def search_vector():
    """The vector searched, exactly as migration 0010's GIN index builds it (the planner only
    uses an expression index for the same expression)."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("headline", "body", config=SEARCH_CONFIG)


def _postgres_release_search(query: str, limit: int, offset: int, using: str) -> list[ReleaseHit]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    vector = search_vector()
    releases = (
        Release.objects.using(using)
        .annotate(search=vector)
        .filter(search=search_query)
        .annotate(
            rank=SearchRank(vector, search_query),
            marked_headline=SearchHeadline(
                "headline",
                search_query,
                config=SEARCH_CONFIG,
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
            marked_snippet=SearchHeadline(
                "body",
                search_query,
                config=SEARCH_CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .select_related("company")
        .defer("body", "raw", "extraction", "import_log")
        .order_by(F("published").desc(nulls_last=True), "-id")[offset : offset + limit]
    )
    return [
        ReleaseHit(
            release=r,
            headline=mark_sentinels(r.marked_headline),
            snippet=mark_sentinels(r.marked_snippet),
            rank=r.rank,
        )
        for r in releases
    ]


def _simple_release_search(query: str, limit: int, offset: int, using: str) -> list[ReleaseHit]:
    terms = query_terms(query)
    if not terms:
        return []
    releases = Release.objects.using(using).select_related("company").defer("raw", "extraction", "import_log")
    for term in terms:
        releases = releases.filter(Q(headline__icontains=term) | Q(body__icontains=term))
    for term in query_terms(query, excluded=True):
        releases = releases.exclude(Q(headline__icontains=term) | Q(body__icontains=term))
    releases = releases.order_by(F("published").desc(nulls_last=True), "-id")[offset : offset + limit]
    return [
        ReleaseHit(
            release=r,
            headline=mark_terms(r.headline, terms),
            snippet=mark_terms(excerpt(r.body, terms), terms),
        )
        for r in releases
    ]
