"""Site search selectors: companies by name, alias and ticker; releases by full text.

``release_search(query)`` is the one entry point for releases. On PostgreSQL it is full-text
search (``django.contrib.postgres.search``: a weighted ``SearchVector`` over headline and body,
a ``websearch`` ``SearchQuery``, ``SearchRank`` ordering and ``SearchHeadline`` snippets); on
other databases (SQLite in development) every word must appear in the headline or body
(``icontains``) and no ``-word`` does, newest first, with a plain excerpt around the first match.

Release text is untrusted. Snippets are built by escaping every piece of it and adding only our
own ``<mark>`` tags: PostgreSQL marks matches with private-use sentinel characters, which are
turned into balanced ``<mark>``/``</mark>`` pairs after escaping.

The vector is computed per query (there is no stored ``SearchVectorField`` or GIN index yet:
that needs a migration); fine for thousands of releases, index it before millions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connections
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Company, Release

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
    """Companies whose name, legal name or alias contains the query or whose ticker is it,
    with their facility counts per status (``CompanyQuerySet.search``): one query."""
    query = clean_query(query)
    if not query:
        return []
    return list(Company.objects.for_list().search(query).order_by("name", "pk")[:limit])


def release_search(query: str, *, limit: int = RELEASE_LIMIT, using: str = "default") -> list[ReleaseHit]:
    """Releases matching ``query``, best first (PostgreSQL) or newest first: one query."""
    query = clean_query(query)
    if not query:
        return []
    if connections[using].vendor == "postgresql":
        return _postgres_release_search(query, limit, using)
    return _simple_release_search(query, limit, using)


def _postgres_release_search(query: str, limit: int, using: str) -> list[ReleaseHit]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    vector = SearchVector("headline", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "body", weight="B", config=SEARCH_CONFIG
    )
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
        .order_by("-rank", "-published", "-id")[:limit]
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


def _simple_release_search(query: str, limit: int, using: str) -> list[ReleaseHit]:
    terms = query_terms(query)
    if not terms:
        return []
    releases = Release.objects.using(using).select_related("company").defer("raw", "extraction", "import_log")
    for term in terms:
        releases = releases.filter(Q(headline__icontains=term) | Q(body__icontains=term))
    for term in query_terms(query, excluded=True):
        releases = releases.exclude(Q(headline__icontains=term) | Q(body__icontains=term))
    releases = releases.order_by("-published", "-id")[:limit]
    return [
        ReleaseHit(
            release=r,
            headline=mark_terms(r.headline, terms),
            snippet=mark_terms(excerpt(r.body, terms), terms),
        )
        for r in releases
    ]
